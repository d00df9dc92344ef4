"""What the ladder gives to pages and operations below it, registered in StatesConfig.ready() through
glimmers.lib.hooks: the journal asks by name and never imports states.

- `state_names` (an answer): the person's own name for each state, wherever a page or command names one.
  The ladder is read once a request and kept on it, so the check-in control on the same page costs nothing.
- `checkin_before` (an answer): the state of the check-in offered as a glimmer's "before", when it was made
  in the 30 minutes before the glimmer's own moment (states.services.state_before_from).
- `capture_before` (a place on Today's capture form): the latest check-in of the last 30 minutes, shown
  openly — "before: fog — from your 07:10 check-in" — as a ticked box the person can untick.
- `search_elsewhere` (an answer): for `glimmers search`, the states whose landmark story holds the words.
- `search_results` (a place on the journal's search): landmark stories that hold the words searched for.
- `first_steps` (a place on Today): once a few glimmers are kept (journal.services.Welcome.few) and while
  the person's ladder is still unwritten, one line pointing to My ladder.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

if TYPE_CHECKING:
    from glimmers.states.ladder import Ladder

LADDER_CACHE = "_states_ladder"


def ladder_of(request: HttpRequest) -> Ladder:
    """The signed-in person's ladder, read once a request."""
    ladder = getattr(request, LADDER_CACHE, None)
    if ladder is None:
        from glimmers.states import services

        ladder = services.ladder_for(request.user)  # type: ignore[arg-type]
        setattr(request, LADDER_CACHE, ladder)
    return ladder


def state_names(user: Any, request: HttpRequest | None = None) -> dict[str, str]:
    from glimmers.states import services

    ladder = ladder_of(request) if request is not None else services.ladder_for(user)
    return {rung.state: rung.name for rung in ladder.top_to_bottom}


def checkin_before(user: Any, checkin_id: str, moment: datetime) -> str:
    from glimmers.states import services

    return services.state_before_from(user, checkin_id, moment)


def capture_before(request: HttpRequest, form: Any) -> str:
    from django.template.loader import render_to_string

    from glimmers.states import services

    recent = services.recent_checkin(request.user)  # type: ignore[arg-type]
    if recent is None:
        return ""
    # A form that came back with a problem keeps the person's choice: ticked only if it was.
    bound = getattr(form, "is_bound", False)
    ticked = not bound or form.data.get("before_checkin", "") == str(recent.uuid)
    context = {"checkin": recent, "name": ladder_of(request).name(recent.state), "ticked": ticked}
    return render_to_string("states/_capture_before.html", context, request=request)


def stories_named(user: Any, wanted: list[str]) -> list[str]:
    """For the command line's search: the names of the states whose landmark story holds every word."""
    from glimmers.states import services

    return [rung.name for rung in services.stories_matching(user, " ".join(wanted))]


def story_results(request: HttpRequest, found: Any) -> str:
    """On the journal's search: the landmark stories that hold every word searched for (from the ladder
    already read for the page's check-in control, so no query more)."""
    from django.template.loader import render_to_string

    from glimmers.states import services

    wanted = sorted(getattr(getattr(found, "query", None), "words", ()) or ())
    rungs = services.stories_matching(request.user, " ".join(wanted), ladder_of(request))  # type: ignore[arg-type]
    if not rungs:
        return ""
    return render_to_string("states/_story_results.html", {"rungs": rungs}, request=request)


def ladder_next(request: HttpRequest, welcome: Any) -> str:
    from django.template.loader import render_to_string

    if not getattr(welcome, "few", False):
        return ""
    if ladder_of(request).started:
        return ""
    return render_to_string("states/_first_steps.html", {}, request=request)
