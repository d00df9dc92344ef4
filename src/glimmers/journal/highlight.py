"""Showing what a search matched: each word a query word begins, in <mark>. The text is escaped first,
then marked by us, so nothing a person wrote reaches the page as HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from html import escape  # what django.utils.html.escape calls, without its lazy-string wrapper
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString, mark_safe

from glimmers.journal.folding import fold, split_folded

if TYPE_CHECKING:
    from glimmers.journal.search import Query

_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def _folded(word: str) -> tuple[str, ...]:
    return tuple(split_folded(fold(word)))


def hit(word: str, wanted: frozenset[str]) -> bool:
    return any(folded.startswith(want) for folded in _folded(word) for want in wanted)


def split_marked(text: str, query: Query | None) -> Iterator[tuple[str, bool]]:
    """The text in pieces, each with whether it is a word that a query word begins (all of it: unmarked
    pieces are as long as they can be)."""
    done = 0
    if query:
        for found in _WORDS.finditer(text):
            if hit(found.group(), query.words):
                if found.start() > done:
                    yield text[done : found.start()], False
                yield found.group(), True
                done = found.end()
    if done < len(text) or not text:
        yield text[done:], False


def highlight(text: str, query: Query | None, *, breaks: bool = True) -> SafeString:
    """The text, escaped, with each word that a query word begins marked as <mark>. Safe to show as is."""
    html = "".join(
        f"<mark>{escape(piece)}</mark>" if hit else escape(piece) for piece, hit in split_marked(text, query)
    )
    if breaks:
        html = html.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - escaped pieces and our own <mark> and <br>


def matched(text: str, query: Query | None) -> bool:
    """Does this text hold a word that a query word begins? (To show "why it mattered" when it matched.)"""
    return bool(query and text and any(hit(found.group(), query.words) for found in _WORDS.finditer(text)))
