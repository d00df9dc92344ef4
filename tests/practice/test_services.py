"""Rituals and their occasions, once for every channel: schedules, one occasion a local day, "did it glimmer?",
counts in words, the rituals that glimmer most."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.lib.errors import NotFound
from glimmers.practice import services
from glimmers.practice.models import Occasion, Ritual

UTC = ZoneInfo("UTC")
NOON = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)  # alice (London) and bob (New York) are on 15 July


def coffee(user: User, **fields: object) -> Ritual:
    return services.create_ritual(user, name="Morning coffee", schedule="FREQ=DAILY", now=NOON, **fields)  # type: ignore[arg-type]


def done_on(ritual: Ritual, day: date, glimmered: bool | None = None) -> Occasion:
    moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return services.mark_done(ritual.owner, ritual.uuid, glimmered=glimmered, now=moment).occasion


# --- rituals -----------------------------------------------------------------------------------------------


def test_a_ritual_keeps_its_schedule_as_an_rrule_counted_from_the_local_day_it_was_made(alice: User) -> None:
    ritual = services.create_ritual(
        alice,
        name="  Sunset\nwalk ",
        about="Out to the hill",
        sense="Sight",
        schedule=services.schedule_from(weekdays="mon,fri"),
        time_of_day="19:45",
        now=datetime(2026, 7, 15, 23, 30, tzinfo=UTC),  # already the 16th in London
    )
    assert (ritual.name, ritual.sense, ritual.schedule) == ("Sunset walk", "sight", "FREQ=WEEKLY;BYDAY=MO,FR")
    assert ritual.starts_on == date(2026, 7, 16)
    assert ritual.time_of_day == time(19, 45)


def test_no_schedule_is_whenever(alice: User) -> None:
    ritual = services.create_ritual(alice, name="Stretch", now=NOON)
    assert ritual.schedule == ""
    assert services.schedule_from() == ""


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "Tea", "schedule": "FREQ=HOURLY"}, "schedule"),
        ({"name": "Tea", "schedule": "FREQ=DAILY;COUNT=0"}, "schedule"),
        ({"name": "Tea", "sense": "sixth"}, "sense"),
        ({"name": "Tea", "time_of_day": "25:00"}, "time_of_day"),
        ({"name": "Tea", "about": "\ud800"}, "about"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(
    alice: User, fields: dict[str, str], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.create_ritual(alice, **fields)  # type: ignore[arg-type]
    assert field in refused.value.error_dict
    assert not Ritual.objects.exists()


def test_more_than_one_schedule_shape_is_refused() -> None:
    with pytest.raises(ValidationError):
        services.schedule_from(daily=True, every=3)


def test_an_edit_changes_only_what_is_given_and_a_new_schedule_counts_from_today(alice: User) -> None:
    ritual = coffee(alice, about="the first cup")
    later = NOON + timedelta(days=5)
    edited = services.update_ritual(alice, ritual.uuid, schedule="FREQ=DAILY;INTERVAL=2", now=later)
    assert (edited.name, edited.about, edited.starts_on) == ("Morning coffee", "the first cup", date(2026, 7, 20))
    with pytest.raises(ValidationError):
        services.update_ritual(alice, ritual.uuid, name="", about="changed")
    assert Ritual.objects.get().about == "the first cup"


def test_retire_and_unretire_keep_the_history(alice: User) -> None:
    ritual = coffee(alice)
    done_on(ritual, date(2026, 7, 15))
    services.retire_ritual(alice, ritual.uuid)
    assert list(services.rituals_of(alice)) == []
    assert list(services.rituals_of(alice, retired=True)) == [ritual]
    services.unretire_ritual(alice, ritual.uuid)
    assert list(services.rituals_of(alice)) == [ritual]
    assert Occasion.objects.count() == 1


def test_delete_takes_its_occasions_and_leaves_the_glimmers(alice: User) -> None:
    ritual = coffee(alice)
    occasion = done_on(ritual, date(2026, 7, 15))
    services.keep_glimmer(alice, occasion.uuid, text="Morning coffee — the steam in the sun")
    services.delete_ritual(alice, ritual.uuid.hex[:8])
    assert not Occasion.objects.exists()
    assert journal.glimmers_of(alice).count() == 1


def test_a_ritual_is_found_by_a_prefix_of_six_characters_but_not_five(alice: User) -> None:
    ritual = coffee(alice)
    assert services.get_ritual(alice, ritual.uuid.hex[:6]) == ritual
    assert services.get_ritual(alice, str(ritual.uuid)) == ritual
    for bad in (ritual.uuid.hex[:5], "not-an-id", ""):
        with pytest.raises(NotFound):
            services.get_ritual(alice, bad)


def test_bob_never_finds_alices_rituals_or_occasions(alice: User, bob: User) -> None:
    ritual = coffee(alice)
    occasion = done_on(ritual, date(2026, 7, 15))
    for attempt in (
        lambda: services.get_ritual(bob, ritual.uuid),
        lambda: services.get_ritual(bob, ritual.uuid.hex[:8]),
        lambda: services.mark_done(bob, ritual.uuid),
        lambda: services.update_ritual(bob, ritual.uuid, name="mine"),
        lambda: services.retire_ritual(bob, ritual.uuid),
        lambda: services.delete_ritual(bob, ritual.uuid),
        lambda: services.get_occasion(bob, occasion.uuid),
        lambda: services.answer_glimmered(bob, occasion.uuid, True),
        lambda: services.keep_glimmer(bob, occasion.uuid, text="mine"),
    ):
        with pytest.raises(NotFound):
            attempt()
    assert list(services.rituals_of(bob, retired=None)) == []
    assert Ritual.objects.get().name == "Morning coffee"


# --- occasions ---------------------------------------------------------------------------------------------


def test_done_twice_in_one_local_day_is_one_occasion(alice: User) -> None:
    ritual = coffee(alice)
    first = services.mark_done(alice, ritual.uuid, now=NOON)
    again = services.mark_done(alice, ritual.uuid, note="a second cup", glimmered=True, now=NOON + timedelta(hours=3))
    assert first.new and not again.new
    assert again.occasion.pk == first.occasion.pk
    assert (again.occasion.note, again.occasion.glimmered) == ("a second cup", True)
    assert Occasion.objects.count() == 1


def test_done_near_midnight_counts_for_the_persons_own_local_day(alice: User, bob: User) -> None:
    late = datetime(2026, 7, 15, 23, 30, tzinfo=UTC)  # 00:30 on the 16th in London, 19:30 on the 15th in New York
    alice_done = services.mark_done(alice, coffee(alice).uuid, now=late).occasion
    bob_done = services.mark_done(bob, coffee(bob).uuid, now=late).occasion
    assert (alice_done.local_date, alice_done.time_zone) == (date(2026, 7, 16), "Europe/London")
    assert (bob_done.local_date, bob_done.time_zone) == (date(2026, 7, 15), "America/New_York")
    early = datetime(2026, 7, 16, 3, 50, tzinfo=UTC)  # still the 15th in New York: the same occasion
    assert not services.mark_done(bob, bob_done.ritual.uuid, now=early).new


def test_a_retired_ritual_cant_be_marked_done(alice: User) -> None:
    ritual = coffee(alice)
    services.retire_ritual(alice, ritual.uuid)
    with pytest.raises(NotFound):
        services.mark_done(alice, ritual.uuid)
    assert not Occasion.objects.exists()


def test_a_glimmer_kept_from_an_occasion_is_linked_to_it_and_a_refused_one_changes_nothing(alice: User) -> None:
    ritual = coffee(alice)
    occasion = done_on(ritual, date(2026, 7, 15))
    assert services.prefill(ritual) == "Morning coffee — "
    with pytest.raises(ValidationError):
        services.keep_glimmer(alice, occasion.uuid, text="   ")
    occasion.refresh_from_db()
    assert (occasion.glimmer_id, occasion.glimmered) == (None, None)
    glimmer = services.keep_glimmer(alice, occasion.uuid, text="Morning coffee — warm hands", senses=["taste"])
    occasion.refresh_from_db()
    assert (occasion.glimmer_id, occasion.glimmered) == (glimmer.pk, True)
    assert glimmer.senses == ["taste"]


def test_did_it_glimmer_can_be_yes_no_or_unsaid(alice: User) -> None:
    occasion = done_on(coffee(alice), date(2026, 7, 15))
    assert services.answer_glimmered(alice, occasion.uuid, False).glimmered is False
    assert services.answer_glimmered(alice, occasion.uuid, None).glimmered is None


def test_an_existing_glimmer_can_be_linked_but_not_someone_elses(alice: User, bob: User) -> None:
    occasion = done_on(coffee(alice), date(2026, 7, 15))
    bobs = journal.create_glimmer(bob, text="bob's")
    with pytest.raises(NotFound):
        services.link_glimmer(alice, occasion.uuid, bobs.uuid)
    mine = journal.create_glimmer(alice, text="mine")
    assert services.link_glimmer(alice, occasion.uuid, mine.uuid).glimmer == mine


# --- Today, counts, glimmering most --------------------------------------------------------------------------


def test_today_shows_the_rituals_due_and_those_done_though_not_due(alice: User) -> None:
    wednesday = datetime(2026, 7, 15, 9, 0, tzinfo=UTC)
    daily = services.create_ritual(alice, name="Tea", schedule="FREQ=DAILY", time_of_day="16:00", now=wednesday)
    services.create_ritual(alice, name="Swim", schedule="FREQ=WEEKLY;BYDAY=MO", now=wednesday)
    whenever = services.create_ritual(alice, name="Stretch", now=wednesday)
    early = services.create_ritual(alice, name="Coffee", schedule="FREQ=DAILY", time_of_day="07:00", now=wednesday)
    services.mark_done(alice, whenever.uuid, now=wednesday)
    rows = services.today_rituals(alice, now=wednesday)
    assert [(row.ritual, row.due, row.occasion is not None) for row in rows] == [
        (early, True, False),
        (daily, True, False),
        (whenever, False, True),
    ]
    assert rows[0].at == datetime(2026, 7, 15, 6, 0, tzinfo=UTC)


def test_todays_rituals_cost_the_same_queries_for_one_ritual_or_twenty(alice: User) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            services.today_rituals(alice, now=NOON)
        return len(queries)

    done_on(coffee(alice), date(2026, 7, 15))
    one = count()
    for number in range(19):
        done_on(
            services.create_ritual(alice, name=f"Ritual {number}", schedule="FREQ=DAILY", now=NOON), date(2026, 7, 15)
        )
    assert count() == one == 2


def test_counts_in_words_this_month_never_write_a_zero(alice: User) -> None:
    ritual = coffee(alice)
    now = datetime(2026, 7, 20, 12, tzinfo=UTC)
    assert services.month_counts(alice, ritual, now=now) == ""
    done_on(ritual, date(2026, 6, 30), glimmered=True)  # last month: not counted
    for day in (1, 2, 3):
        done_on(ritual, date(2026, 7, day))
    assert services.month_counts(alice, ritual, now=now) == "done 3 times this month"
    for day in (4, 5):
        done_on(ritual, date(2026, 7, day), glimmered=True)
    done_on(ritual, date(2026, 7, 6), glimmered=False)
    assert services.month_counts(alice, ritual, now=now) == "done 6 times this month, 2 of them glimmered"


def test_rituals_that_glimmer_most_need_three_occasions(alice: User) -> None:
    tea, walk, swim = (
        coffee(alice),
        services.create_ritual(alice, name="Walk"),
        services.create_ritual(alice, name="Swim"),
    )
    for day in (1, 2):
        done_on(walk, date(2026, 7, day), glimmered=True)  # two yeses, but only two occasions
    for day, said in ((1, True), (2, False), (3, True)):
        done_on(tea, date(2026, 7, day), glimmered=said)
    for day in (1, 2, 3, 4):
        done_on(swim, date(2026, 7, day), glimmered=True)
    found = services.glimmer_most(alice)
    assert [(row.ritual, row.occasions, row.glimmered) for row in found] == [(swim, 4, 4), (tea, 3, 2)]
    assert [row.words for row in found] == [
        "Swim glimmered every one of the 4 times",
        "Morning coffee glimmered 2 of the 3 times",
    ]
    services.retire_ritual(alice, swim.uuid)
    assert [row.ritual for row in services.glimmer_most(alice)] == [tea]
