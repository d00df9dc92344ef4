"""What "I need a glimmer" knows before it chooses: the facts glimmers.kit.choosing scores, gathered in four
queries however large the journal (anchors, surfacings, and two reads of the candidates).

Candidates are the person's glimmers outside the bin marked "may bring this back" whose people and place are
too. They come in two parts:

- every candidate the kit has brought back before (its evidence depends on those surfacings), and
- of the others, the PLAIN_POOL best by the evidence they can have — pinned, near a pin, recorded shift,
  glow — with ties in a seeded random order. Their evidence is the same formula as choosing.evidence, in SQL
  (a test holds the two together). A plain candidate further down could only win if it were within the
  jitter of those, and then only as one of many equals: so the choice is the same as scoring every glimmer
  whenever the journal has at most PLAIN_POOL such candidates, and the same in distribution for the best
  group above that, while reading a few hundred rows instead of a hundred thousand.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from glimmers.accounts.models import User
from glimmers.journal.ladder import RANK, rungs_up
from glimmers.journal.models import Glimmer
from glimmers.kit.choosing import (
    GLOW,
    PINNED,
    PINNED_NEAR,
    SHIFT_FROM_HERE,
    SHIFT_PER_RUNG,
    Candidate,
)
from glimmers.kit.models import Anchor, Surfacing
from glimmers.states.models import Cue

PLAIN_POOL = 300
MODULUS = 2_147_483_647  # a prime: (id × a + b) mod it is a seeded shuffle the database can sort by


def candidates_of(user: User) -> QuerySet[Glimmer]:
    """Every glimmer that may be brought back: outside the bin, and neither it, its people nor its place
    marked "don't bring this back"."""
    return Glimmer.objects.resurfaceable(user)


def _near(people: list[int], places: list[int], cues: list[int]) -> Q:
    """With a pinned person, at a pinned place, or linked to a pinned cue."""
    near = Q(place_id__in=places) if places else Q(pk__in=[])
    if people:
        near |= Q(Exists(Glimmer.people.through.objects.filter(glimmer_id=OuterRef("pk"), person_id__in=people)))
    if cues:
        near |= Q(Exists(Cue.glimmers.through.objects.filter(glimmer_id=OuterRef("pk"), cue_id__in=cues)))
    return near


def static_evidence(state: str | None, pinned: list[int], near: Q) -> Any:
    """choosing.evidence in SQL for a glimmer never brought back (its helped rate is the prior's, adding 0)."""
    pin = Case(
        When(Q(pk__in=pinned), then=Value(PINNED)),
        When(near, then=Value(PINNED_NEAR)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    above = [s for s in RANK if state in RANK and RANK[s] > RANK[state]]
    here: Any = Value(0.0)
    if above:
        moved_from_here = Q(state_before=state, state_after__in=above)
        here = Case(When(moved_from_here, then=Value(SHIFT_FROM_HERE)), default=Value(0.0), output_field=FloatField())
    glow = (Coalesce(F("glow"), Value(3)) - Value(3)) * Value(GLOW)
    return pin + rungs_up() * Value(SHIFT_PER_RUNG) + here + glow


def gather(user: User, state: str | None, now: datetime, rng: random.Random | None = None) -> list[Candidate]:
    rng = rng or random.Random()  # noqa: S311 - an order among equals, not a secret
    anchors = list(Anchor.objects.owned_by(user).values_list("kind", "glimmer_id", "person_id", "place_id", "cue_id"))
    pinned = [g for kind, g, _p, _pl, _c in anchors if kind == "glimmer"]
    people = [p for kind, _g, p, _pl, _c in anchors if kind == "person"]
    places = [pl for kind, _g, _p, pl, _c in anchors if kind == "place"]
    cues = [c for kind, _g, _p, _pl, c in anchors if kind == "cue"]
    here = Q(state_before=state) if state else Q()
    stats = {
        row["glimmer_id"]: row
        for row in Surfacing.objects.owned_by(user)
        .values("glimmer_id")
        .annotate(shown=Count("id", filter=here), helped=Count("id", filter=here & Q(helped=True)), last=Max("at"))
        .order_by()
    }
    near = _near(people, places, cues)
    facts = candidates_of(user).annotate(
        near=Case(When(near, then=Value(True)), default=Value(False)),
        evidence=static_evidence(state, pinned, near),
    )
    columns = ("pk", "glow", "state_before", "state_after", "near")
    known = facts.filter(pk__in=list(stats)).order_by("pk").values_list(*columns)
    a, b = rng.randrange(1, MODULUS), rng.randrange(MODULUS)
    plain = (
        facts.exclude(pk__in=list(stats))
        .annotate(shuffled=(F("pk") * Value(a) + Value(b)) % Value(MODULUS))
        .order_by("-evidence", "shuffled")
        .values_list(*columns)[:PLAIN_POOL]
    )
    chosen_pins = set(pinned)
    candidates = []
    for pk, glow, before, after, is_near in [*known, *plain]:
        seen = stats.get(pk, {})
        candidates.append(
            Candidate(
                key=pk,
                glow=glow,
                before=before,
                after=after,
                pinned=pk in chosen_pins,
                pinned_near=bool(is_near),
                shown=seen.get("shown", 0),
                helped=seen.get("helped", 0),
                last_shown=seen.get("last"),
            )
        )
    return candidates
