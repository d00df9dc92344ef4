"""What the ladder adds to pages below it, registered in StatesConfig.ready() (glimmers.lib.hooks): the journal's
templates name the place; they never import states.

- `first_steps`: on Today, once a few glimmers are kept (journal.services.Welcome.few) and while the person's
  ladder is still unwritten, one line pointing to My ladder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

if TYPE_CHECKING:
    from glimmers.states.ladder import Ladder

CACHE = "_states_ladder"


def request_ladder(request: HttpRequest) -> Ladder:
    """The signed-in person's ladder, read once per request (the header's check-in control reads it too)."""
    ladder = getattr(request, CACHE, None)
    if ladder is None:
        from glimmers.states import services

        ladder = services.ladder_for(request.user)  # type: ignore[arg-type]
        setattr(request, CACHE, ladder)
    return ladder


def ladder_next(request: HttpRequest, welcome: Any) -> str:
    from django.template.loader import render_to_string

    if not getattr(welcome, "few", False):
        return ""
    if request_ladder(request).started:
        return ""
    return render_to_string("states/_first_steps.html", {}, request=request)
