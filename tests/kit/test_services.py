"""The kit's rules, once, for every channel: bringing a glimmer back, answering, savouring, settings, learning."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers import messages
from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer
from glimmers.kit import reading, services
from glimmers.kit.ideas import IDEAS
from glimmers.kit.models import KitSettings, Savouring, Surfacing
from glimmers.lib.errors import NotFound
from glimmers.states import services as states
from glimmers.states.models import CheckIn
from tests.helpers import keep


def surfaced(user: User, glimmer: Glimmer, state: str, helped: bool | None, days_ago: float = 3) -> Surfacing:
    at = timezone.now() - timedelta(days=days_ago)
    return Surfacing.objects.create(owner=user, glimmer=glimmer, state_before=state, helped=helped, at=at)


def chosen(user: User, state: str | None = None, seed: int = 0) -> Glimmer | None:
    return services.need(user, state=state, rng=random.Random(seed)).glimmer


# --- bringing one back ---------------------------------------------------------------------------------


def test_an_empty_journal_gets_starter_ideas_and_no_error(alice: User) -> None:
    brought = services.need(alice)
    assert brought.surfacing is None and brought.reason == "no_glimmers"
    assert brought.ideas == IDEAS
    assert [idea.text for idea in IDEAS] == [
        "Sun on your skin",
        "Birdsong",
        "A warm drink",
        "A friendly face",
        "A favourite song",
        "A cool breeze",
    ]
    assert not Surfacing.objects.exists() and not Glimmer.objects.exists()  # ideas are never kept as memories


def test_a_young_journal_gets_a_glimmer_and_the_ideas_until_it_has_five(alice: User) -> None:
    for n in range(4):
        keep(alice, f"glimmer {n}")
    assert services.need(alice).surfacing is not None
    assert services.need(alice).ideas == IDEAS
    keep(alice, "the fifth")
    assert services.need(alice).ideas == ()


def test_a_glimmer_that_helped_three_times_from_sympathetic_comes_back_first_from_there(alice: User) -> None:
    helper = keep(alice, "the dog's head on my knee")
    for n in range(8):
        keep(alice, f"another good one {n}", glow=5)
    for _ in range(3):
        surfaced(alice, helper, "sympathetic", True)
    for seed in range(10):
        assert chosen(alice, "sympathetic", seed) == helper
        Surfacing.objects.filter(at__gte=timezone.now() - timedelta(hours=1)).delete()


def test_what_helped_from_another_state_is_not_counted_here(alice: User) -> None:
    helper = keep(alice, "the dog's head on my knee")
    bright = keep(alice, "a rainbow", glow=4, state_before="dorsal", state_after="ventral")
    for _ in range(3):
        surfaced(alice, helper, "dorsal", True)
    for seed in range(10):
        assert chosen(alice, "dorsal", seed) == helper
        assert chosen(alice, "ventral", seed) == bright  # (the helper rests a day now, and has no evidence here)
        Surfacing.objects.filter(at__gte=timezone.now() - timedelta(hours=1)).delete()
        assert chosen(alice, "ventral", seed) == bright
        Surfacing.objects.filter(at__gte=timezone.now() - timedelta(hours=1)).delete()


def test_the_state_may_be_my_own_name_for_it_and_a_wrong_one_is_refused_kindly(alice: User) -> None:
    keep(alice, "birdsong")
    states.update_rung(alice, "sympathetic", name="wired")
    assert services.need(alice, state="Wired").state == "sympathetic"
    assert Surfacing.objects.get().state_before == "sympathetic"
    with pytest.raises(ValidationError, match="isn't a state on your ladder"):
        services.need(alice, state="joyful")


def test_bringing_back_records_a_surfacing_and_another_one_is_not_the_same(alice: User) -> None:
    first, second = keep(alice, "one"), keep(alice, "two")
    one = services.need(alice, state="dorsal", rng=random.Random(3))
    two = services.need(alice, state="dorsal", rng=random.Random(3))
    assert {one.glimmer, two.glimmer} == {first, second}
    third = services.need(alice, state="dorsal", rng=random.Random(3))
    assert third.surfacing is None and third.reason == "just_shown"
    assert reading.REASONS["just_shown"] == messages.KIT_JUST_SHOWN
    assert Surfacing.objects.count() == 2


@pytest.mark.parametrize("marked", ["glimmer", "person", "place"])
def test_dont_bring_this_back_is_never_chosen(alice: User, marked: str) -> None:
    hidden = keep(alice, "the old kitchen", people=["Gran"], place="Gran's house", glow=5)
    for _ in range(3):
        surfaced(alice, hidden, "dorsal", True)
    services.pin(alice, "glimmer", hidden.uuid)
    if marked == "glimmer":
        journal.update_glimmer(alice, hidden.uuid, resurface=False)
    else:
        kind, name = ("people", "Gran") if marked == "person" else ("places", "Gran's house")
        names.update_name(alice, kind, name, resurface=False)
    other = keep(alice, "a cup of tea")
    for seed in range(20):
        assert chosen(alice, "dorsal", seed) == other
        Surfacing.objects.filter(glimmer=other).delete()


def test_everything_marked_gets_a_kind_message_and_no_error(alice: User) -> None:
    keep(alice, "one", resurface=False)
    keep(alice, "two", people=["Sam"])
    keep(alice, "three", place="the cove")
    names.update_name(alice, "people", "Sam", resurface=False)
    names.update_name(alice, "places", "the cove", resurface=False)
    brought = services.need(alice, state="dorsal")
    assert brought.surfacing is None and brought.reason == "empty"
    assert "don't bring this back" in reading.REASONS["empty"]
    assert brought.ideas == IDEAS  # three glimmers: still young


def test_the_bin_is_never_brought_back(alice: User) -> None:
    binned = keep(alice, "binned")
    journal.delete_glimmer(alice, binned.uuid)
    assert services.need(alice).reason == "no_glimmers"


def test_someone_elses_glimmers_are_never_brought_back(alice: User, bob: User) -> None:
    keep(bob, "bob's")
    assert services.need(alice).surfacing is None


def _grow(user: User, count: int) -> None:
    for n in range(count):
        glimmer = keep(user, f"g {n}", people=[f"P{n % 3}"], place=f"Place {n % 2}", glow=(n % 5) + 1)
        surfaced(user, glimmer, ("ventral", "sympathetic", "dorsal")[n % 3], n % 2 == 0)
    services.pin(user, "person", "P1")
    services.pin(user, "place", "Place 0")
    cue = states.create_cue(user, name=f"cue {count}")
    services.pin(user, "cue", cue.uuid)


def test_bringing_one_back_asks_the_same_number_of_questions_however_large_the_journal(alice: User) -> None:
    _grow(alice, 5)
    with CaptureQueriesContext(connection) as few:
        services.need(alice, state="dorsal")
    _grow(alice, 45)
    with CaptureQueriesContext(connection) as many:
        services.need(alice, state="dorsal")
    assert len(few) == len(many) <= 12


# --- answering ----------------------------------------------------------------------------------------


def test_helped_twice_counts_once(alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    surfacing = services.need(alice, state="dorsal").surfacing
    assert surfacing is not None
    services.answer(alice, surfacing.uuid, helped=True)
    services.answer(alice, surfacing.uuid, helped=True)
    [candidate] = services.gather(alice, "dorsal", timezone.now())
    assert (candidate.key, candidate.shown, candidate.helped) == (glimmer.pk, 1, 1)


def test_an_answer_can_change_and_carries_where_i_am_after(alice: User) -> None:
    keep(alice, "birdsong")
    surfacing = services.need(alice).surfacing
    assert surfacing is not None
    found = services.answer(alice, surfacing.uuid, helped=False, state_after="ventral")
    assert (found.helped, found.state_after) == (False, "ventral")
    assert services.answer(alice, surfacing.uuid, helped=None).helped is None


def test_another_persons_surfacing_is_not_found(alice: User, bob: User) -> None:
    keep(alice, "birdsong")
    surfacing = services.need(alice).surfacing
    assert surfacing is not None
    with pytest.raises(NotFound):
        services.answer(bob, surfacing.uuid, helped=True)
    with pytest.raises(NotFound):
        services.get_surfacing(alice, "not-an-id")


# --- savouring and "how do you feel now?" ------------------------------------------------------------------


def test_savouring_lasts_my_savour_length_unless_told(alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    assert services.savour(alice, glimmer.uuid).seconds == 15
    services.update_settings(alice, savour_seconds=40)
    assert services.savour(alice, glimmer.uuid).seconds == 40
    assert services.savour(alice, glimmer.uuid, seconds=95).seconds == 95  # "I'm done" may come later
    with pytest.raises(ValidationError):
        services.savour(alice, glimmer.uuid, seconds=0)


def test_a_savouring_soon_after_a_surfacing_belongs_to_it(alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    surfacing = services.need(alice, state="dorsal").surfacing
    assert services.savour(alice, glimmer.uuid).surfacing == surfacing
    Surfacing.objects.update(at=timezone.now() - timedelta(hours=1))
    assert services.savour(alice, glimmer.uuid).surfacing is None


def test_a_savouring_names_only_a_surfacing_of_its_own_glimmer(alice: User, bob: User) -> None:
    one, two = keep(alice, "one"), keep(alice, "two")
    surfacing = Surfacing.objects.create(owner=alice, glimmer=one)
    with pytest.raises(NotFound):
        services.savour(alice, two.uuid, surfacing_id=surfacing.uuid)
    with pytest.raises(NotFound):
        services.savour(bob, one.uuid)


def test_how_do_you_feel_now_is_a_check_in_and_the_surfacings_after(alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    surfacing = services.need(alice, state="dorsal").surfacing
    assert surfacing is not None
    savouring = services.savour(alice, glimmer.uuid, surfacing_id=surfacing.uuid)
    states.update_rung(alice, "ventral", name="calm and here")
    checkin = services.feel_now(alice, savouring.uuid, "calm and here")
    assert checkin.state == "ventral" and CheckIn.objects.get() == checkin
    assert Surfacing.objects.get().state_after == "ventral"


def test_feeling_now_after_a_savouring_on_its_own_is_only_a_check_in(alice: User) -> None:
    savouring = services.savour(alice, keep(alice, "birdsong").uuid)
    services.feel_now(alice, savouring.uuid, "sympathetic")
    assert CheckIn.objects.get().state == "sympathetic"
    with pytest.raises(ValidationError):
        services.feel_now(alice, savouring.uuid, "")
    assert Savouring.objects.count() == 1


# --- settings -----------------------------------------------------------------------------------------------


def test_settings_start_at_fifteen_seconds_and_low_energy_off(alice: User) -> None:
    found = services.settings_for(alice)
    assert (found.savour_seconds, found.low_energy, found.pk) == (15, False, None)


@pytest.mark.parametrize("value", [10, "60", " 25 "])
def test_the_savour_length_takes_ten_to_sixty_seconds(alice: User, value: Any) -> None:
    assert services.update_settings(alice, savour_seconds=value).savour_seconds == int(str(value))


@pytest.mark.parametrize("value", [9, 61, "a while", "", True, -15])
def test_a_savour_length_out_of_range_is_refused_kindly_and_changes_nothing(alice: User, value: Any) -> None:
    services.update_settings(alice, savour_seconds=20)
    with pytest.raises(ValidationError) as refused:
        services.update_settings(alice, savour_seconds=value, low_energy=True)
    assert "from 10 to 60 seconds" in " ".join(refused.value.messages)
    found = KitSettings.objects.get(owner=alice)
    assert (found.savour_seconds, found.low_energy) == (20, False)


def test_low_energy_mode_switches_on_and_off(alice: User) -> None:
    assert services.update_settings(alice, low_energy=True).low_energy
    assert services.settings_for(alice).low_energy
    assert not services.update_settings(alice, low_energy=False).low_energy


# --- learning -----------------------------------------------------------------------------------------------


def test_learning_waits_for_three_surfacings(alice: User) -> None:
    glimmer = keep(alice, "the dog's head on my knee")
    surfaced(alice, glimmer, "sympathetic", True)
    surfaced(alice, glimmer, "sympathetic", True)
    assert reading.learning(alice, states.ladder_for(alice)) == []
    surfaced(alice, glimmer, "dorsal", False)
    [from_wired] = reading.learning(alice, states.ladder_for(alice))
    assert (from_wired.state, from_wired.name) == ("sympathetic", "on edge")
    [item] = from_wired.items
    assert (item.label, item.helped, item.shown, item.pinned) == ("the dog's head on my knee", 2, 2, False)


def test_learning_counts_anchored_people_places_and_cues_over_their_glimmers(alice: User) -> None:
    states.update_rung(alice, "sympathetic", name="wired")
    one = keep(alice, "walk with Sam", people=["Sam"], place="the park")
    two = keep(alice, "Sam's laugh", people=["Sam"])
    cue = states.create_cue(alice, name="the dog")
    states.link_glimmer(alice, cue.uuid, one.uuid)
    for glimmer in (one, two):
        for helped in (True, True, False):
            surfaced(alice, glimmer, "sympathetic", helped)
    services.pin(alice, "person", "Sam")
    services.pin(alice, "place", "the park")
    services.pin(alice, "cue", cue.uuid)
    services.pin(alice, "glimmer", two.uuid)
    [from_wired] = reading.learning(alice, states.ladder_for(alice))
    assert from_wired.name == "wired"
    assert [(i.kind, i.label, i.helped, i.shown) for i in from_wired.items] == [
        ("person", "Sam", 4, 6),
        ("glimmer", "Sam's laugh", 2, 3),
        ("cue", "the dog", 2, 3),
    ]
    assert all(item.pinned for item in from_wired.items)


def test_learning_never_shows_what_is_marked_dont_bring_this_back(alice: User) -> None:
    glimmer = keep(alice, "Gran's kitchen", people=["Gran"])
    for _ in range(3):
        surfaced(alice, glimmer, "dorsal", True)
    services.pin(alice, "person", "Gran")
    assert reading.learning(alice, states.ladder_for(alice))
    names.update_name(alice, "people", "Gran", resurface=False)
    assert reading.learning(alice, states.ladder_for(alice)) == []


def test_learning_asks_the_same_number_of_questions_however_much_there_is(alice: User) -> None:
    ladder = states.ladder_for(alice)
    _grow(alice, 9)
    Surfacing.objects.update(at=timezone.now() - timedelta(days=2))
    for glimmer in Glimmer.objects.all():
        for state in ("dorsal", "dorsal", "dorsal"):
            surfaced(alice, glimmer, state, True)
    with CaptureQueriesContext(connection) as few:
        assert reading.learning(alice, ladder)
    _grow(alice, 30)
    for glimmer in Glimmer.objects.all():
        surfaced(alice, glimmer, "dorsal", True)
        surfaced(alice, glimmer, "sympathetic", True)
        surfaced(alice, glimmer, "ventral", True)
    with CaptureQueriesContext(connection) as many:
        reading.learning(alice, ladder)
    assert len(few) == len(many)


def test_low_energy_mode_is_the_persons_own_setting_on_the_profile(alice: User) -> None:
    services.update_settings(alice, low_energy=True)
    alice.refresh_from_db()
    assert alice.low_energy
    assert KitSettings.objects.get(owner=alice).savour_seconds == 15  # the kit's own choice, untouched
