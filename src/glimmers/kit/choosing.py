"""How "I need a glimmer" chooses: a documented scoring of plain facts about each candidate (docs/kit.md).

Pure functions: no queries, no clock, no global randomness. `glimmers.kit.services.need` gathers the facts
in a fixed number of queries and passes the time and a `random.Random` in, so tests can fix both.

A candidate is one of the person's glimmers outside the bin that may be brought back: the glimmer, its
people and its place are all marked "may bring this back". The services leave the others out, and
`choose` refuses any that slips through (`may_resurface`), so "don't bring this back" is never chosen.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from glimmers.journal.ladder import RANK

# --- the weights (docs/kit.md explains each) -------------------------------------------------------------

PINNED = 2.0  # the glimmer itself is in the kit
PINNED_NEAR = 1.0  # its person, place or cue is in the kit (not added to PINNED)
SHIFT_PER_RUNG = 0.6  # each rung its recorded "after" is above its "before"
SHIFT_FROM_HERE = 0.4  # …and more when that "before" is the state you are in now
HELPED = 8.0  # times (helped rate from this state − 0.5), so −4…+4
PRIOR_HELPED, PRIOR_SHOWN = 1, 2  # the rate starts at 1/2 and moves with evidence: (helped + 1) / (shown + 2)
GLOW = 0.25  # times (glow − 3), so −0.5…+0.5; no glow counts as 3
JITTER = 0.5  # a little randomness: uniform in [0, 0.5)

RESTING = timedelta(days=1)  # not brought back again within a day, unless nothing else is left
NEVER_AGAIN_WITHIN = timedelta(minutes=1)  # and never within a minute, even then


@dataclass(frozen=True)
class Candidate:
    """What the scoring knows about one glimmer. `shown` and `helped` count its surfacings from the state the
    person is in now (from any state when they did not say)."""

    key: int
    glow: int | None = None
    before: str = ""
    after: str = ""
    pinned: bool = False
    pinned_near: bool = False
    shown: int = 0
    helped: int = 0
    last_shown: datetime | None = None
    may_resurface: bool = True


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    score: float


@dataclass(frozen=True)
class Choice:
    """The glimmer to bring back (None when there is none), and why not when there is none:
    `empty` (nothing may be brought back) or `just_shown` (only what was shown this minute is left)."""

    candidate: Candidate | None
    reason: str = ""


def rungs_up(before: str, after: str) -> int:
    """How many rungs "after" is above "before" (0 when down, the same, or either unknown)."""
    if before not in RANK or after not in RANK:
        return 0
    return max(0, RANK[after] - RANK[before])


def helped_rate(helped: int, shown: int) -> float:
    """How often it helped when brought back, with a small prior: 1/2 before any evidence."""
    return (min(helped, shown) + PRIOR_HELPED) / (shown + PRIOR_SHOWN)


def evidence(candidate: Candidate, state: str | None) -> float:
    """Everything but the randomness."""
    score = PINNED if candidate.pinned else PINNED_NEAR if candidate.pinned_near else 0.0
    up = rungs_up(candidate.before, candidate.after)
    score += SHIFT_PER_RUNG * up
    if up and state and candidate.before == state:
        score += SHIFT_FROM_HERE
    score += HELPED * (helped_rate(candidate.helped, candidate.shown) - 0.5)
    score += GLOW * ((candidate.glow or 3) - 3)
    return score


def rank(candidates: Sequence[Candidate], *, state: str | None, now: datetime, rng: random.Random) -> list[Scored]:
    """The candidates that may be brought back now, best first. Those shown within a day rest, unless nothing
    else is left; those shown within a minute are never repeated. Each draws its jitter in the order given."""
    allowed = [c for c in candidates if c.may_resurface]
    fresh = [c for c in allowed if c.last_shown is None or now - c.last_shown >= RESTING]
    pool = fresh or [c for c in allowed if c.last_shown is None or now - c.last_shown >= NEVER_AGAIN_WITHIN]
    scored = [Scored(c, evidence(c, state) + rng.uniform(0, JITTER)) for c in pool]
    return sorted(scored, key=lambda s: (-s.score, s.candidate.key))


def choose(candidates: Sequence[Candidate], *, state: str | None, now: datetime, rng: random.Random) -> Choice:
    ranked = rank(candidates, state=state, now=now, rng=rng)
    if ranked:
        return Choice(ranked[0].candidate)
    if any(c.may_resurface for c in candidates):
        return Choice(None, "just_shown")
    return Choice(None, "empty")
