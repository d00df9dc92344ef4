"""Places on a lower app's pages where a higher app may add something, while the lower app stays ignorant of it.

Apps depend downward only (DESIGN §3): the journal must never import the kit, yet a journal card shows a pin
mark and a glimmer's page offers "Savour this". So a lower template names a *place* and the thing it is about
(`{% load hooks %}{% hook "card_marks" glimmer %}`), and an app above registers a contributor for that place
in its `AppConfig.ready()`. With nothing registered a place renders as nothing.

Places in use:

- `card_marks` — small marks at the end of a glimmer card's meta line (the thing: a Glimmer);
- `page_actions` — buttons and links among a page's actions (the thing: a Glimmer, Person, Place or Cue);
- `capture_before` — on Today's capture form, a recent check-in offered as "before" (the thing: the form).
- `welcome` — inside Today's welcome while a journal is new (the thing: a journal.services.Welcome);
- `first_steps` — on Today once a few glimmers are kept, a next step to offer (the thing: a Welcome).
- `settings_sections` — whole sections of the Settings page (the thing: the signed-in user);
- `today_intention` — a line in Today's capture box, above today's glimmers (the thing: today's date);
- `today_sections` — sections on Today below the capture box (the thing: today's date);
- `search_results` — beside the journal's search results, what else holds the words (the thing: the Found).

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


# --- answers: what a higher app knows that a lower app's page or operation asks for ------------------
#
# The same idea for a value rather than a piece of a page. Names in use:
#
# - `state_names` — `(user, request) -> {state: words}`: the person's own words for each state (the ladder,
#   in states); the journal falls back to its plain words when nothing answers;
# - `checkin_before` — `(user, checkin_id, moment) -> state or ""`: the state of that check-in when it was
#   made in the 30 minutes before `moment` (a glimmer's "before", filled from a check-in the person saw);
# - `search_elsewhere` — `(user, folded words) -> [names]`: for `glimmers search`, what else holds every word
#   (the ladder: the states whose landmark story does).

Answerer = Callable[..., Any]

_answerers: dict[str, Answerer] = {}


def answer_with(name: str, answerer: Answerer) -> None:
    """Let `answerer` answer `name` (an app above registers it in its ready(); the last one registered wins)."""
    _answerers[name] = answerer


def ask(name: str, *args: Any, **kwargs: Any) -> Any:
    """The registered answer to `name`, or None when no app above answers it."""
    answerer = _answerers.get(name)
    return None if answerer is None else answerer(*args, **kwargs)
