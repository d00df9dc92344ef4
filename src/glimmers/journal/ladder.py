"""Where each autonomic state stands on the ladder, from the bottom: the one definition of "a move up",
in Python (RANK, for the command line and the kit's scoring before anything loads) and in SQL beside it
(`moves`, `rungs_up`: Django is imported only when they are called); and the plain words a state is called
by until the person names it on their ladder.
"""

from __future__ import annotations

from datetime import datetime
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Case, Q

RANK: dict[str, int] = {"dorsal": 0, "sympathetic": 1, "ventral": 2}  # higher is further up the ladder

# What Glimmers calls each state until the person writes their own name for it: plain words that
# describe a moment and label no one. The method's terms (the keys) stay in the data and the JSON.
PLAIN_NAMES: dict[str, str] = {"ventral": "settled and connected", "sympathetic": "on edge", "dorsal": "far away"}
TOP_TO_BOTTOM = ("ventral", "sympathetic", "dorsal")


def state_names(user: Any, request: Any = None) -> dict[str, str]:
    """What to call each state for this person, top of the ladder first: their own words from the ladder
    (the states app answers `state_names` through glimmers.lib.hooks, at most one query a request), else
    the plain words. The one place every journal page and command asks, so no state is named any other way."""
    from glimmers.lib import hooks

    own = hooks.ask("state_names", user, request) or {}
    return {state: own.get(state) or PLAIN_NAMES[state] for state in TOP_TO_BOTTOM}


def state_from_checkin(user: Any, checkin_id: str, moment: datetime) -> str:
    """The state of the check-in the person saw offered as "before", when it was made in the 30 minutes
    before `moment` (the glimmer's own); "" otherwise, or when nothing above the journal keeps check-ins."""
    from glimmers.lib import hooks

    return str(hooks.ask("checkin_before", user, checkin_id, moment) or "")


def state_called(word: str | None, names: dict[str, str]) -> str | None:
    """A state from the person's own words for it or the method's term, ignoring case and extra spaces (the
    command line takes both); None for none. Any other word is refused, naming the person's words."""
    if word is None or not word.strip():
        return None
    wanted = " ".join(word.split()).casefold()
    found = next((state for state, name in names.items() if wanted in (name.casefold(), state)), None)
    if found is None:
        from django.core.exceptions import ValidationError

        said = ", ".join(f"“{name}”" for name in names.values())
        raise ValidationError(f"“{word.strip()}” isn't a state on your ladder. Say one of: {said}.", code="state")
    return found


def _pairs(*, up: bool) -> list[tuple[str, str]]:
    return [(b, a) for b in RANK for a in RANK if (RANK[a] > RANK[b] if up else RANK[a] < RANK[b])]


def moves(prefix: str = "", *, up: bool = True) -> Q:
    """Glimmers whose state after is higher (up) or lower (down) on the ladder than their state before, in
    SQL; `prefix` reaches them through a relation ("glimmers__"). The same rule as RANK (a test holds the
    two together)."""
    from django.db.models import Q

    return reduce(or_, (Q(**{f"{prefix}state_before": b, f"{prefix}state_after": a}) for b, a in _pairs(up=up)))


def rungs_up() -> Case:
    """How many rungs a glimmer moved up (0 for none, down, or unknown), in SQL."""
    from django.db.models import Case, IntegerField, Q, Value, When

    whens = [When(Q(state_before=b, state_after=a), then=Value(RANK[a] - RANK[b])) for b, a in _pairs(up=True)]
    return Case(*whens, default=Value(0), output_field=IntegerField())
