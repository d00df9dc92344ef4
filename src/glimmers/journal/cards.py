"""A glimmer as a card in a list — Today, the journal, search results, a person's or place's page.

Everything a card shows is worked out here once, in Python, and `journal/_cards.html` only places it:
a page of twenty cards renders in about half the time the template took when it did the work itself,
which is most of what a search page costs (docs/architecture.md). Text from a person is escaped here
(and its matched words marked) before it is ever marked safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING
from uuid import UUID

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from glimmers.journal.highlight import highlight, matched
from glimmers.journal.models import Glimmer
from glimmers.lib import hooks

if TYPE_CHECKING:
    from glimmers.journal.search import Query


_ANY = UUID(int=0)


@dataclass(frozen=True, slots=True)
class Card:
    glimmer: Glimmer
    day: date  # the local day it was noticed on, for grouping by day
    url: str
    text: SafeString  # escaped, line breaks as <br>, matched words in <mark>
    why: SafeString  # only when a search matched it, else empty
    iso: str  # the local moment, for <time datetime>
    when: str  # "14:05", or "3 Mar 2026, 14:05" with the date
    zone: str  # the glimmer's own time zone when it isn't the person's, else empty
    senses: str
    people: SafeString
    place: SafeString
    tags: SafeString  # shown only while searching (tags are words the search looks in)
    glow: int
    stars: str
    marks: SafeString  # what apps above the journal add ("◈ in my kit"), through the card_marks hook


def _names(names: Iterable[str], query: Query | None, *, prefix: str = "", sep: str = ", ") -> SafeString:
    shown = [prefix + (highlight(name, query, breaks=False) if query else escape(name)) for name in names]
    return mark_safe(sep.join(shown))  # noqa: S308 - each name escaped (and marked) above


def card(
    glimmer: Glimmer,
    *,
    request: HttpRequest | None,
    home_zone: str,
    query: Query | None,
    show_date: bool,
    link: str | None = None,
) -> Card:
    local = glimmer.local_noticed_at
    when = f"{local:%H:%M}"
    if show_date:
        when = f"{local.day} {local:%b %Y}, {when}"
    return Card(
        glimmer=glimmer,
        day=glimmer.local_date,
        url=link.replace(str(_ANY), str(glimmer.uuid)) if link else reverse("journal:detail", args=[glimmer.uuid]),
        text=highlight(glimmer.text, query),
        why=highlight(glimmer.why, query) if query and matched(glimmer.why, query) else mark_safe(""),
        iso=local.isoformat(),
        when=when,
        zone=glimmer.time_zone if glimmer.time_zone != home_zone else "",
        senses=", ".join(glimmer.senses),
        people=_names(glimmer.people_names, query),
        place=_names([glimmer.place.name], query) if glimmer.place else mark_safe(""),
        tags=_names(glimmer.tag_names, query, prefix="#", sep=" ") if query else mark_safe(""),
        glow=glimmer.glow or 0,
        stars="✦" * (glimmer.glow or 0),
        marks=hooks.render("card_marks", request, glimmer),
    )


def cards(
    glimmers: Iterable[Glimmer], *, request: HttpRequest | None, query: Query | None = None, show_date: bool = False
) -> list[Card]:
    user = getattr(request, "user", None)
    home_zone = getattr(user, "time_zone", "")
    link = reverse("journal:detail", args=[_ANY])  # once a page, each card's id put in its place
    return [
        card(g, request=request, home_zone=home_zone, query=query, show_date=show_date, link=link) for g in glimmers
    ]
