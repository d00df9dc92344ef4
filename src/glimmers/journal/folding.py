"""How search sees words: the same on SQLite and PostgreSQL, decided here in Python, once.

Text to be searched and the words searched for go through `words()`: accents and other marks are
dropped, case is folded ("Straße" is "strasse", "Café" is "cafe"), and a word is a run of letters or a
run of digits ("mp3" is "mp" then "3"). Everything else — punctuation, symbols, emoji — only separates.
The stored search text is those words joined by single spaces, so neither database's own tokeniser has
anything left to decide: FTS5's `unicode61` and PostgreSQL's `simple` configuration both read exactly
these words, and the same query finds the same glimmers on both (docs/architecture.md).

Pure functions without Django, so a migration may use them too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

MAX_WORD = 64  # longer words are cut here, in the text and in a query alike (PostgreSQL refuses huge ones)


def fold(text: str) -> str:
    """Without accents or other marks, in folded case, with compatibility forms made plain ("ﬁ" is "fi")."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold().lower())
    bare = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return unicodedata.normalize("NFC", bare)


def _kind(ch: str) -> str:
    category = unicodedata.category(ch)[0]
    return category if category == "L" or unicodedata.category(ch) == "Nd" else ""


def split_folded(folded: str) -> Iterator[str]:
    """The words of already folded text: runs of letters, runs of digits."""
    start, kind = 0, ""
    for index, ch in enumerate(folded):
        this = _kind(ch)
        if this != kind:
            if kind:
                yield folded[start:index][:MAX_WORD]
            start, kind = index, this
    if kind:
        yield folded[start:][:MAX_WORD]


def words(text: str) -> list[str]:
    return list(split_folded(fold(text)))


def searchable(
    text: str, why: str = "", people: Iterable[str] = (), place: str | None = None, tags: Iterable[str] = ()
) -> str:
    """A glimmer's search text: its words, why it mattered, and the names of its people, place and tags
    (names in a fixed order, so the same glimmer always gives the same text, whoever writes it)."""
    names = [*sorted(people, key=fold), place or "", *sorted(tags, key=fold)]
    return " ".join(word for part in (text, why, *names) if part for word in words(part))
