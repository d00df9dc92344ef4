"""Showing what a search matched: each word a query word begins, in <mark>. The text is escaped first,
then marked by us, so nothing a person wrote reaches the page as HTML."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines

from glimmers.journal.folding import fold, split_folded

if TYPE_CHECKING:
    from glimmers.journal.search import Query

_WORDS = re.compile(r"(\w+)")


def pieces(text: str) -> list[str]:
    """The text cut into words and what is between them (odd places hold the words)."""
    return _WORDS.split(text)


@lru_cache(maxsize=8192)
def _folded(piece: str) -> tuple[str, ...]:
    return tuple(split_folded(fold(piece)))


def hit(piece: str, wanted: frozenset[str]) -> bool:
    return any(word.startswith(want) for word in _folded(piece) for want in wanted)


def highlight(text: str, query: Query | None, *, breaks: bool = True) -> SafeString:
    """The text, escaped, with each word that a query word begins marked as <mark>. Safe to show as is."""
    wanted = query.words if query else frozenset()
    out = []
    for index, piece in enumerate(pieces(text)):
        shown = escape(piece)
        out.append(f"<mark>{shown}</mark>" if index % 2 and wanted and hit(piece, wanted) else shown)
    html = "".join(out)
    if breaks:
        html = normalize_newlines(html).replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - built from escaped pieces and our own <mark> and <br>


def matched(text: str, query: Query | None) -> bool:
    """Does this text hold a word that a query word begins? (To show "why it mattered" when it matched.)"""
    return bool(query and text and any(hit(word, query.words) for word in pieces(text)[1::2]))
