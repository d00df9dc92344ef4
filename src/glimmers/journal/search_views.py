"""The journal page with its search box and filters, and the names a type-ahead picker offers.

A plain GET form: every search and filter has an address that can be bookmarked, and it all works
without JavaScript. With htmx, "Show older glimmers" brings the next page in place.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from glimmers.journal import names, search, services
from glimmers.journal.forms import SearchForm
from glimmers.journal.ladder import state_names
from glimmers.journal.models import Sense
from glimmers.journal.views import undo_offer
from glimmers.lib.http import SignedInRequest, attach_errors


def _without_cursor(request: SignedInRequest) -> str:
    """The query string of this view of the journal (words, filters, order), for its next pages."""
    kept = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        if key != "cursor" and any(values):
            kept.setlist(key, [value for value in values if value])
    return kept.urlencode()


@require_safe
def timeline(request: SignedInRequest) -> HttpResponse:
    names = state_names(request.user, request)
    form = SearchForm(request.GET, state_names=names)
    form.is_valid()  # every field is optional text: this only fills cleaned_data
    values = form.values()
    found: search.Found | None = None
    try:
        filters = search.make_filters(values, zone=services.profile_zone(request.user))
    except ValidationError as error:
        attach_errors(form, error)  # shown beside the field; the journal shows unfiltered meanwhile
        filters = search.Filters()
    try:
        found = search.find_glimmers(
            request.user,
            words=values["q"],
            filters=filters,
            order=values["order"] or "newest",
            cursor=request.GET.get("cursor") or None,
        )
    except ValidationError:
        # A stale or mangled page marker: start again from the first page of the same view.
        query = _without_cursor(request)
        return redirect(f"{request.path}?{query}" if query else request.path)
    query = _without_cursor(request)
    more = QueryDict(query, mutable=True)
    more["cursor"] = found.next_cursor or ""
    context: dict[str, Any] = {
        "form": form,
        "found": found,
        "page": found,
        "summary": _summary(found, values["q"], names),
        "more_url": "?" + more.urlencode(),
        "by_relevance": bool(found.query) and values["order"] == "relevance",
        "filters_open": bool(filters) or bool(form.errors) or values["order"] == "relevance",
        "undo": undo_offer(request),
    }
    if request.htmx and request.GET.get("cursor"):
        return render(request, "journal/timeline.html#page", context)
    return render(request, "journal/timeline.html", context)


def _summary(found: search.Found, words: str, names: dict[str, str]) -> str:
    """What the results are, in words: "Glimmers with “sun”, with Sam, through sound"."""
    narrowed, wanted = found.narrowed, found.narrowed.filters
    parts = [f"Glimmers matching “{words}”" if found.query else "Glimmers"]
    for label, thing, asked, prefix in (
        ("with", narrowed.person, wanted.person, ""),
        ("at", narrowed.place, wanted.place, ""),
        ("tagged", narrowed.tag, wanted.tag, "#"),
    ):
        if asked:
            parts.append(f"{label} {prefix}{thing.name}" if thing else f"{label} “{asked}”")
    for said, value in (  # each filter given, in words ("{}" is its value)
        ("through {}", wanted.sense and Sense(wanted.sense).label.lower()),
        ("from {}", wanted.since and _day(wanted.since)),
        ("to {}", wanted.until and _day(wanted.until)),
        ("glowing {} or more", wanted.glow),
        ("{} before", wanted.state_before and names[wanted.state_before]),
        ("{} after", wanted.state_after and names[wanted.state_after]),
    ):
        if value:
            parts.append(said.format(value))
    return ", ".join(parts)


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _suggest(request: SignedInRequest, kind: str) -> HttpResponse:
    """<option>s for a <datalist>: the owner's names beginning with the last name typed. For a list
    of names ("Sam, Al"), each option is the whole list with the last name completed."""
    typed = next((value for key in request.GET if (value := request.GET.get(key, "")).strip()), "")[:300]
    before, comma, last = typed.rpartition(",") if kind != "places" else ("", "", typed)  # a place is one name
    lead = f"{before.strip()}, " if comma else ""
    options = [lead + name for name in names.suggest(request.user, kind, last)]
    return render(request, "journal/_options.html", {"options": options})


@require_safe
def suggest_people(request: SignedInRequest) -> HttpResponse:
    return _suggest(request, "people")


@require_safe
def suggest_places(request: SignedInRequest) -> HttpResponse:
    return _suggest(request, "places")


@require_safe
def suggest_tags(request: SignedInRequest) -> HttpResponse:
    return _suggest(request, "tags")
