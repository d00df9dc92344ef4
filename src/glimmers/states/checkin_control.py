"""The check-in control's context: what `states/_checkin_control.html` needs, whether the header shows
it on any signed-in page (`{% checkin_control %}`) or the check-in view answers an htmx post with it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from glimmers.states.hooks import ladder_of
from glimmers.states.ladder import Ladder
from glimmers.states.models import CheckIn
from glimmers.states.palette import NOTE_LIMIT


def checkin_context(
    request: HttpRequest,
    *,
    ladder: Ladder | None = None,
    saved: CheckIn | None = None,
    problem: str = "",
    note: str = "",
) -> dict[str, Any]:
    """What the control needs: the person's ladder (read once a request, states.hooks.ladder_of)."""
    ladder = ladder or ladder_of(request)
    return {
        "ladder": ladder,
        "saved": saved,
        "saved_name": (saved.word or ladder.name(saved.state)) if saved else "",
        "problem": problem,
        "note": note if problem else "",
        "note_limit": NOTE_LIMIT,
        "next": request.get_full_path() if request.method == "GET" else request.POST.get("next", ""),
        "request": request,
    }
