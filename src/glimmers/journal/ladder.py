"""Where each autonomic state stands on the ladder, from the bottom: the one definition of "a move up",
in Python (RANK, for the command line and the kit's scoring before anything loads) and in SQL beside it
(`moves`, `rungs_up`: Django is imported only when they are called).
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db.models import Case, Q

RANK: dict[str, int] = {"dorsal": 0, "sympathetic": 1, "ventral": 2}  # higher is further up the ladder


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
