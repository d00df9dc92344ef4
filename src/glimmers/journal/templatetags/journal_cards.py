"""`{% glimmer_cards glimmers query=found.query show_date=True as cards %}`: glimmers made ready to show as
cards (journal.cards), for `{% include "journal/_cards.html" %}`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from glimmers.journal.cards import Card, cards
from glimmers.journal.models import Glimmer

register = template.Library()


@register.simple_tag(takes_context=True)
def glimmer_cards(
    context: template.Context, glimmers: Iterable[Glimmer], query: Any = None, show_date: bool = False
) -> list[Card]:
    return cards(glimmers, request=context.get("request"), query=query or None, show_date=show_date)
