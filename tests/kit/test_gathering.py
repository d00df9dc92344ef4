"""Gathering the facts for "I need a glimmer": the database scores a never-shown glimmer exactly as
choosing.evidence does, and reads only the best few hundred of them."""

from __future__ import annotations

import random
from datetime import timedelta
from itertools import product

import pytest
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.kit import gathering, services
from glimmers.kit.choosing import Candidate, evidence
from glimmers.kit.models import Surfacing
from glimmers.states import services as states

STATES = ["", "dorsal", "sympathetic", "ventral"]


@pytest.mark.parametrize("state", [None, "dorsal", "ventral"])
def test_the_database_scores_a_never_shown_glimmer_as_choosing_does(alice: User, state: str | None) -> None:
    cue = states.create_cue(alice, name="the dog")
    made = {}
    for glow, before, after, pin in product([None, 1, 5], STATES, STATES, ["", "self", "person", "place", "cue"]):
        glimmer = journal.create_glimmer(
            alice,
            text=f"{glow} {before} {after} {pin}",
            glow=glow,
            state_before=before,
            state_after=after,
            people=["Sam"] if pin == "person" else [],
            place="the cove" if pin == "place" else None,
        )
        if pin == "self":
            services.pin(alice, "glimmer", glimmer.uuid)
        if pin == "cue":
            states.link_glimmer(alice, cue.uuid, glimmer.uuid)
        made[glimmer.pk] = Candidate(
            key=glimmer.pk,
            glow=glow,
            before=before,
            after=after,
            pinned=pin == "self",
            pinned_near=pin not in ("", "self"),
        )
    services.pin(alice, "person", "Sam")
    services.pin(alice, "place", "the cove")
    services.pin(alice, "cue", cue.uuid)
    anchors = gathering.Anchor.objects.filter(owner=alice)
    pinned = [a.glimmer_id for a in anchors if a.kind == "glimmer"]
    near = gathering._near(
        [a.person_id for a in anchors if a.kind == "person"],  # type: ignore[misc]
        [a.place_id for a in anchors if a.kind == "place"],  # type: ignore[misc]
        [a.cue_id for a in anchors if a.kind == "cue"],  # type: ignore[misc]
    )
    scored = gathering.candidates_of(alice).annotate(evidence=gathering.static_evidence(state, pinned, near))
    for pk, in_sql in scored.values_list("pk", "evidence"):
        assert in_sql == pytest.approx(evidence(made[pk], state)), made[pk]
    assert scored.count() == len(made) == 3 * 4 * 4 * 5


def test_gathering_brings_every_glimmer_shown_before_and_the_best_others(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gathering, "PLAIN_POOL", 3)
    shown = journal.create_glimmer(alice, text="shown before", glow=1)
    Surfacing.objects.create(owner=alice, glimmer=shown, at=timezone.now() - timedelta(days=3))
    best = [journal.create_glimmer(alice, text=f"bright {n}", glow=5) for n in range(2)]
    pinned = journal.create_glimmer(alice, text="pinned", glow=1)
    services.pin(alice, "glimmer", pinned.uuid)
    for n in range(10):
        journal.create_glimmer(alice, text=f"plain {n}")
    keys = {c.key for c in gathering.gather(alice, "dorsal", timezone.now(), random.Random(1))}
    assert keys == {shown.pk, pinned.pk, *(g.pk for g in best)}


def test_among_equals_the_seed_decides_which_are_read(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gathering, "PLAIN_POOL", 3)
    for n in range(30):
        journal.create_glimmer(alice, text=f"plain {n}")

    def read(seed: int) -> set[int]:
        return {c.key for c in gathering.gather(alice, None, timezone.now(), random.Random(seed))}

    assert read(4) == read(4)
    assert len({frozenset(read(seed)) for seed in range(6)}) > 1


def test_dont_bring_this_back_is_never_gathered(alice: User) -> None:
    kept = journal.create_glimmer(alice, text="kept")
    journal.create_glimmer(alice, text="marked", resurface=False)
    journal.create_glimmer(alice, text="with Gran", people=["Gran", "Sam"])
    journal.create_glimmer(alice, text="at the old house", place="the old house")
    names.update_name(alice, "people", "Gran", resurface=False)
    names.update_name(alice, "places", "the old house", resurface=False)
    assert [c.key for c in gathering.gather(alice, None, timezone.now())] == [kept.pk]
