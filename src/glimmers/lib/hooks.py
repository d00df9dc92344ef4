"""Places on a lower app's pages where a higher app may add something, while the lower app stays ignorant of it.

Apps depend downward only (DESIGN §3): the journal must never import the kit, yet a journal card shows a pin
mark and a glimmer's page offers "Savour this". So a lower template names a *place* and the thing it is about
(`{% load hooks %}{% hook "card_marks" glimmer %}`), and an app above registers a contributor for that place
in its `AppConfig.ready()`. With nothing registered a place renders as nothing.

Places in use:

- `card_marks` — small marks at the end of a glimmer card's meta line (the thing: a Glimmer);
- `page_actions` — buttons and links among a page's actions (the thing: a Glimmer, Person, Place or Cue);
- `today_intention` — a line in Today's capture box, above today's glimmers (the thing: today's date);
- `today_sections` — sections on Today below the capture box (the thing: today's date).

A contributor is `(request, thing) -> str` and returns HTML it has made safe itself (format_html or a
rendered template). Contributors that read the database cache what they read on the request, so a page of
cards costs the same number of queries however many cards it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

Contributor = Callable[[HttpRequest, Any], str]

_contributors: dict[str, list[Contributor]] = {}


def contribute(place: str, contributor: Contributor) -> None:
    """Add `contributor` to `place` (once: registering it again changes nothing)."""
    found = _contributors.setdefault(place, [])
    if contributor not in found:
        found.append(contributor)


def render(place: str, request: HttpRequest | None, thing: Any) -> SafeString:
    """What every contributor to `place` adds for `thing`, in the order they registered."""
    if request is None or thing is None or not getattr(request.user, "is_authenticated", False):
        return mark_safe("")
    parts = [contributor(request, thing) for contributor in _contributors.get(place, [])]
    # A contributor's SafeString passes as it is; a plain string is escaped, so a slip can't inject HTML.
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308
