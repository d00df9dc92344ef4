"""Showing what a search matched: the words marked, safely (the text is escaped first)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from glimmers.journal import highlight as highlighting
from glimmers.journal.search import Query

register = template.Library()


@register.filter
def marked(text: str, query: Query | None) -> SafeString:
    """The text with line breaks, each word a query word begins in <mark>; escaped like any text."""
    return highlighting.highlight(text, query)


@register.filter
def matches(text: str, query: Query | None) -> bool:
    return highlighting.matched(text, query)
