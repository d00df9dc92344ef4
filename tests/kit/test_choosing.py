"""How "I need a glimmer" chooses, as pure functions with fixed seeds and a fixed clock (docs/kit.md)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from glimmers.kit.choosing import (
    GLOW,
    HELPED,
    JITTER,
    PINNED,
    PINNED_NEAR,
    SHIFT_PER_RUNG,
    Candidate,
    choose,
    evidence,
    helped_rate,
    rank,
    rungs_up,
)

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
SEEDS = range(20)


def first(candidates: list[Candidate], state: str | None = None, seed: int = 0) -> int | None:
    chosen = choose(candidates, state=state, now=NOW, rng=random.Random(seed)).candidate
    return chosen.key if chosen else None


# --- the scenarios the issue names -----------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_a_glimmer_that_helped_three_times_from_sympathetic_is_chosen_first_from_sympathetic(seed: int) -> None:
    helped = Candidate(key=1, shown=3, helped=3)
    others = [Candidate(key=n, glow=4) for n in range(2, 12)]
    assert first([*others, helped], "sympathetic", seed) == 1


def test_helping_from_another_state_is_not_evidence_here() -> None:
    """The counts a candidate carries are from the state asked about: the services count them per state."""
    from_dorsal_only = Candidate(key=1, shown=0, helped=0)  # helped from dorsal, never brought back from here
    assert evidence(from_dorsal_only, "sympathetic") == evidence(Candidate(key=2), "sympathetic")


@pytest.mark.parametrize("seed", SEEDS)
def test_one_shown_a_minute_ago_is_not_repeated(seed: int) -> None:
    just_now = Candidate(key=1, pinned=True, shown=5, helped=5, glow=5, last_shown=NOW - timedelta(seconds=59))
    plain = Candidate(key=2)
    assert first([just_now, plain], "ventral", seed) == 2


def test_one_shown_a_minute_ago_is_not_repeated_even_when_it_is_the_only_one() -> None:
    only = Candidate(key=1, last_shown=NOW - timedelta(seconds=30))
    choice = choose([only], state=None, now=NOW, rng=random.Random(1))
    assert choice.candidate is None and choice.reason == "just_shown"


@pytest.mark.parametrize("seed", SEEDS)
def test_one_shown_within_the_day_rests_while_others_are_left(seed: int) -> None:
    shown_this_morning = Candidate(key=1, pinned=True, glow=5, last_shown=NOW - timedelta(hours=3))
    assert first([shown_this_morning, Candidate(key=2, glow=1)], None, seed) == 2


def test_one_shown_within_the_day_comes_back_when_nothing_else_is_left() -> None:
    shown_this_morning = Candidate(key=1, last_shown=NOW - timedelta(hours=3))
    just_now = Candidate(key=2, last_shown=NOW - timedelta(seconds=10))
    assert first([shown_this_morning, just_now]) == 1


def test_a_day_later_it_may_come_back_again() -> None:
    yesterday = Candidate(key=1, pinned=True, last_shown=NOW - timedelta(days=1, seconds=1))
    assert first([yesterday, Candidate(key=2)]) == 1


@pytest.mark.parametrize("seed", SEEDS)
def test_pinned_beats_unpinned_at_equal_evidence(seed: int) -> None:
    for state in (None, "ventral", "sympathetic", "dorsal"):
        pinned = Candidate(key=2, glow=3, before="dorsal", after="ventral", shown=1, helped=1, pinned=True)
        unpinned = Candidate(key=1, glow=3, before="dorsal", after="ventral", shown=1, helped=1)
        assert first([unpinned, pinned], state, seed) == 2


@pytest.mark.parametrize("seed", SEEDS)
def test_pinned_through_a_person_place_or_cue_beats_unpinned_but_not_pinned_itself(seed: int) -> None:
    ranked = rank(
        [Candidate(key=1), Candidate(key=2, pinned_near=True), Candidate(key=3, pinned=True)],
        state=None,
        now=NOW,
        rng=random.Random(seed),
    )
    assert [scored.candidate.key for scored in ranked] == [3, 2, 1]


@pytest.mark.parametrize("seed", SEEDS)
def test_dont_bring_this_back_is_never_chosen(seed: int) -> None:
    marked = Candidate(key=1, pinned=True, glow=5, shown=9, helped=9, may_resurface=False)
    assert first([marked, Candidate(key=2, glow=1)], "dorsal", seed) == 2


def test_everything_marked_gives_no_choice_and_no_error() -> None:
    marked = [Candidate(key=n, may_resurface=False) for n in range(3)]
    choice = choose(marked, state="dorsal", now=NOW, rng=random.Random(0))
    assert choice.candidate is None and choice.reason == "empty"


def test_nothing_at_all_gives_no_choice_and_no_error() -> None:
    choice = choose([], state=None, now=NOW, rng=random.Random(0))
    assert choice.candidate is None and choice.reason == "empty"


# --- each feature, and the weights --------------------------------------------------------------------


def test_the_weights_are_the_documented_ones() -> None:
    assert (PINNED, PINNED_NEAR, SHIFT_PER_RUNG, HELPED, GLOW, JITTER) == (2.0, 1.0, 0.6, 8.0, 0.25, 0.5)


def test_a_recorded_move_up_counts_per_rung_and_a_little_more_from_where_you_are() -> None:
    assert rungs_up("dorsal", "ventral") == 2 and rungs_up("sympathetic", "ventral") == 1
    assert rungs_up("ventral", "dorsal") == 0 and rungs_up("", "ventral") == 0
    plain = evidence(Candidate(key=1), "sympathetic")
    one_up = evidence(Candidate(key=1, before="dorsal", after="sympathetic"), "sympathetic")
    one_up_from_here = evidence(Candidate(key=1, before="sympathetic", after="ventral"), "sympathetic")
    assert one_up - plain == pytest.approx(0.6)
    assert one_up_from_here - plain == pytest.approx(1.0)
    # a move down never counts against it
    assert evidence(Candidate(key=1, before="ventral", after="dorsal"), None) == plain


def test_the_helped_rate_starts_at_a_half_and_follows_the_evidence() -> None:
    assert helped_rate(0, 0) == 0.5
    assert helped_rate(3, 3) == pytest.approx(0.8)
    assert helped_rate(0, 3) == pytest.approx(0.2)
    assert helped_rate(5, 3) == helped_rate(3, 3)  # never more helps than showings


def test_glow_nudges_a_little_either_way() -> None:
    base = evidence(Candidate(key=1), None)
    assert evidence(Candidate(key=1, glow=5), None) - base == pytest.approx(0.5)
    assert evidence(Candidate(key=1, glow=1), None) - base == pytest.approx(-0.5)


def test_the_randomness_is_small_and_comes_only_from_the_random_given() -> None:
    candidates = [Candidate(key=n) for n in range(20)]
    one = [s.candidate.key for s in rank(candidates, state=None, now=NOW, rng=random.Random(7))]
    again = [s.candidate.key for s in rank(candidates, state=None, now=NOW, rng=random.Random(7))]
    other = [s.candidate.key for s in rank(candidates, state=None, now=NOW, rng=random.Random(8))]
    assert one == again and one != other
    scores = [s.score for s in rank(candidates, state=None, now=NOW, rng=random.Random(7))]
    assert all(0 <= score < JITTER for score in scores)


def test_a_glimmer_that_did_not_help_from_here_gives_way() -> None:
    never_helped = Candidate(key=1, shown=3, helped=0, glow=5)
    for seed in SEEDS:
        assert first([never_helped, Candidate(key=2)], "dorsal", seed) == 2
