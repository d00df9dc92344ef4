"""The ladder's rules, once, for every channel: the map, check-ins, hard moments, cues, the shift and the balance."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.lib.errors import NotFound
from glimmers.states import reading, services
from glimmers.states.ladder import HELPS_AT, helps, moved_up, shift
from glimmers.states.models import CheckIn, Cue, Trigger

LONDON = ZoneInfo("Europe/London")


def glimmer_with(user: User, before: str | None, after: str | None, text: str = "birdsong") -> object:
    return journal.create_glimmer(user, text=text, state_before=before, state_after=after)


# --- the shift and "this helps me" --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "rungs"),
    [
        ("dorsal", "sympathetic", 1),
        ("dorsal", "ventral", 2),
        ("sympathetic", "ventral", 1),
        ("ventral", "ventral", 0),
        ("sympathetic", "sympathetic", 0),
        ("ventral", "sympathetic", -1),
        ("ventral", "dorsal", -2),
        ("sympathetic", "dorsal", -1),
    ],
)
def test_the_shift_counts_rungs_up_as_positive_and_down_as_negative(before: str, after: str, rungs: int) -> None:
    assert shift(before, after) == rungs
    assert moved_up(before, after) is (rungs > 0)


@pytest.mark.parametrize(("before", "after"), [(None, "ventral"), ("dorsal", None), ("", ""), (None, None)])
def test_a_shift_needs_both_before_and_after(before: str | None, after: str | None) -> None:
    assert shift(before, after) is None
    assert not moved_up(before, after)


def test_this_helps_me_needs_at_least_three_moves_up() -> None:
    assert HELPS_AT == 3
    assert [helps(n) for n in range(5)] == [False, False, False, True, True]


def test_the_database_counts_moves_the_same_way_as_the_shift(alice: User) -> None:
    cue = services.create_cue(alice, name="the dog")
    states = [None, "dorsal", "sympathetic", "ventral"]
    for before in states:
        for after in states:
            glimmer = glimmer_with(alice, before, after, text=f"{before} to {after}")
            services.link_glimmer(alice, cue.uuid, glimmer.uuid)  # type: ignore[attr-defined]
    [summary] = reading.cue_summaries(alice)
    story = reading.cue_story(alice, cue.uuid)
    ups = sum(1 for b in states for a in states if (shift(b, a) or 0) > 0)
    downs = sum(1 for b in states for a in states if (shift(b, a) or 0) < 0)
    assert (summary.glimmers, summary.moved_up, summary.moved_down) == (16, ups, downs) == (16, 3, 3)
    assert (story.moved_up, story.moved_down) == (ups, downs)


def test_a_cue_helps_only_from_the_third_glimmer_with_a_move_up(alice: User) -> None:
    cue = services.create_cue(alice, name="rain on the window")
    for n in range(2):
        services.link_glimmer(alice, cue.uuid, glimmer_with(alice, "sympathetic", "ventral", f"rain {n}").uuid)  # type: ignore[attr-defined]
    services.link_glimmer(alice, cue.uuid, glimmer_with(alice, "ventral", "ventral", "same").uuid)  # type: ignore[attr-defined]
    services.link_glimmer(alice, cue.uuid, glimmer_with(alice, None, "ventral", "no before").uuid)  # type: ignore[attr-defined]
    assert not reading.cue_summaries(alice)[0].helps
    assert not reading.cue_story(alice, cue.uuid).helps
    services.link_glimmer(alice, cue.uuid, glimmer_with(alice, "dorsal", "sympathetic", "rain 3").uuid)  # type: ignore[attr-defined]
    assert reading.cue_summaries(alice)[0].helps
    assert reading.cue_story(alice, cue.uuid).helps


def test_glimmers_in_the_bin_do_not_count_for_a_cue(alice: User) -> None:
    cue = services.create_cue(alice, name="the dog")
    kept = [glimmer_with(alice, "dorsal", "ventral", f"dog {n}") for n in range(3)]
    for glimmer in kept:
        services.link_glimmer(alice, cue.uuid, glimmer.uuid)  # type: ignore[attr-defined]
    journal.delete_glimmer(alice, kept[0].uuid)  # type: ignore[attr-defined]
    [summary] = reading.cue_summaries(alice)
    assert (summary.glimmers, summary.moved_up, summary.helps) == (2, 2, False)
    assert len(reading.cue_story(alice, cue.uuid).glimmers) == 2


# --- the ladder map -------------------------------------------------------------------------------------


def test_an_unwritten_ladder_uses_short_plain_defaults(alice: User) -> None:
    ladder = services.ladder_for(alice)
    assert [rung.name for rung in ladder.top_to_bottom] == [
        "settled and connected",
        "on edge",
        "far away",
    ]
    assert [rung.state for rung in ladder.in_fill_order] == ["sympathetic", "dorsal", "ventral"]
    assert not ladder.started
    assert len({rung.marker for rung in ladder.top_to_bottom}) == 3  # a shape of its own for each rung


def test_the_map_keeps_my_own_words_and_colour(alice: User) -> None:
    services.update_rung(alice, "sympathetic", name="  wired ", colour="Plum", body="tight chest\r\nfast breath")
    ladder = services.ladder_for(alice)
    rung = ladder["sympathetic"]
    assert (rung.name, rung.own_name, rung.colour, rung.answer("body")) == (
        "wired",
        "wired",
        "plum",
        "tight chest\nfast breath",
    )
    assert ladder.started
    assert ladder["dorsal"].name == "far away"  # a skipped step keeps its default
    services.update_rung(alice, "sympathetic", body="")
    assert services.ladder_for(alice)["sympathetic"].own_name == "wired"  # only what is given changes


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("name", "x" * 41, "40 characters at most"),
        ("body", "x" * 501, "500 is the most"),
        ("helps", "x" * 501, "500 is the most"),
        ("colour", "red", "isn't one of the ladder's colours"),
    ],
)
def test_ladder_texts_over_their_limits_and_unknown_colours_are_refused(
    alice: User, field: str, value: str, words: str
) -> None:
    services.update_rung(alice, "dorsal", name="fog")
    with pytest.raises(ValidationError) as refused:
        services.update_ladder(alice, {"dorsal": {"name": "heavy", field: value}})
    assert field in refused.value.message_dict
    assert words in " ".join(refused.value.messages)
    assert services.ladder_for(alice)["dorsal"].name == "fog"  # nothing was saved


def test_two_states_cannot_share_a_name(alice: User) -> None:
    services.update_rung(alice, "sympathetic", name="wired")
    with pytest.raises(ValidationError, match="already names another state"):
        services.update_rung(alice, "dorsal", name="WIRED")
    with pytest.raises(ValidationError, match="already names another state"):
        services.update_rung(alice, "dorsal", name="ventral")


def test_an_unknown_state_in_the_map_is_refused(alice: User) -> None:
    with pytest.raises(ValidationError, match="three states"):
        services.update_ladder(alice, {"happy": {"name": "joy"}})


def test_replacing_the_map_clears_what_is_left_out(alice: User) -> None:
    services.update_rung(alice, "ventral", name="calm and here", feel="safe")
    services.update_ladder(alice, {"dorsal": {"name": "fog"}}, replace=True)
    ladder = services.ladder_for(alice)
    assert (ladder["dorsal"].name, ladder["ventral"].name, ladder["ventral"].answer("feel")) == (
        "fog",
        "settled and connected",
        "",
    )


def test_states_are_known_by_standard_and_own_names_ignoring_case(alice: User) -> None:
    services.update_rung(alice, "dorsal", name="Fog")
    for word, state in [
        ("DORSAL", "dorsal"),
        ("fog", "dorsal"),
        ("  FOG ", "dorsal"),
        ("On edge", "sympathetic"),
        ("ventral", "ventral"),
        ("Settled and Connected", "ventral"),
    ]:
        assert services.state_named(alice, word) == state


def test_an_unknown_state_says_which_words_are_accepted(alice: User) -> None:
    services.update_rung(alice, "dorsal", name="fog")
    with pytest.raises(ValidationError) as refused:
        services.state_named(alice, "happy")
    message = refused.value.messages[0]
    for word in ("ventral", "sympathetic", "dorsal", "fog", "settled and connected"):
        assert f"“{word}”" in message


# --- check-ins ------------------------------------------------------------------------------------------


def test_a_check_in_keeps_its_state_note_zone_and_local_day(alice: User) -> None:
    checkin = services.check_in(alice, state="Sympathetic", note=" racing\x00 heart ", when="2026-03-14 23:30")
    assert (checkin.state, checkin.note, checkin.time_zone) == ("sympathetic", "racing heart", "Europe/London")
    assert checkin.local_date == date(2026, 3, 14)
    tokyo = services.check_in(alice, state="ventral", when="2026-03-14 23:30", time_zone="Asia/Tokyo")
    assert tokyo.local_date == date(2026, 3, 14) and tokyo.at < checkin.at


def test_a_check_in_takes_my_own_name_for_a_state(alice: User) -> None:
    services.update_rung(alice, "dorsal", name="fog")
    assert services.check_in(alice, state="Fog").state == "dorsal"


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"state": "happy"}, "isn't a state on your ladder"),
        ({"state": ""}, "Please say where you are"),
        ({"state": "ventral", "note": "x" * 501}, "500 is the most"),
        ({"state": "ventral", "when": "next week"}, "still to come"),
        ({"state": "ventral", "time_zone": "Mars/Olympus"}, "isn't a time zone"),
    ],
)
def test_bad_check_ins_are_refused_kindly(alice: User, fields: dict[str, str], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        services.check_in(alice, **fields)  # type: ignore[arg-type]
    assert not CheckIn.objects.exists()


def test_only_a_check_in_of_the_last_30_minutes_is_recent(alice: User, bob: User) -> None:
    now = timezone.now()
    services.check_in(alice, state="dorsal", when=now - timedelta(minutes=40))
    assert services.recent_checkin(alice, now=now) is None
    services.check_in(alice, state="sympathetic", when=now - timedelta(minutes=25))
    recent = services.recent_checkin(alice, now=now)
    assert recent is not None and recent.state == "sympathetic"
    assert services.recent_checkin(bob, now=now) is None


def test_check_ins_page_newest_first(alice: User) -> None:
    start = timezone.now() - timedelta(days=3)
    for n in range(5):
        services.check_in(alice, state="ventral", note=f"n{n}", when=start + timedelta(hours=n))
    first = services.list_checkins(alice, limit=3)
    assert [c.note for c in first.items] == ["n4", "n3", "n2"]
    second = services.list_checkins(alice, cursor=first.next_cursor, limit=3)
    assert [c.note for c in second.items] == ["n1", "n0"] and second.next_cursor is None
    with pytest.raises(ValidationError, match="page marker"):
        services.list_checkins(alice, cursor="garbage")


# --- hard moments ---------------------------------------------------------------------------------------


def test_hard_moments_are_off_until_turned_on(alice: User) -> None:
    assert not services.hard_moments_on(alice)
    with pytest.raises(services.HardMomentsOff, match=r"turned off.*Settings"):
        services.add_hard_moment(alice, text="a loud room")
    services.set_hard_moments(alice, True)
    moment = services.add_hard_moment(alice, text="a loud room", state="Sympathetic", when="1 hour ago")
    assert (moment.text, moment.state, moment.cue) == ("a loud room", "sympathetic", None)


def test_turning_hard_moments_off_hides_them_everywhere_and_deletes_nothing(alice: User) -> None:
    services.set_hard_moments(alice, True)
    moment = services.add_hard_moment(alice, text="the phone rang", cue="the phone")
    services.set_hard_moments(alice, False)
    with pytest.raises(services.HardMomentsOff):
        services.list_hard_moments(alice)
    with pytest.raises(services.HardMomentsOff):
        services.get_hard_moment(alice, moment.uuid)
    assert reading.cue_summaries(alice)[0].hard_moments is None
    assert reading.cue_story(alice, moment.cue.uuid).hard_moments is None  # type: ignore[union-attr]
    assert all(week.hard_moments is None for week in reading.balance(alice).weeks)
    assert Trigger.objects.count() == 1
    services.set_hard_moments(alice, True)
    assert [m.uuid for m in services.list_hard_moments(alice).items] == [moment.uuid]


def test_a_hard_moment_needs_words_and_keeps_to_its_limit(alice: User) -> None:
    services.set_hard_moments(alice, True)
    with pytest.raises(ValidationError, match="a few words"):
        services.add_hard_moment(alice, text="  ")
    with pytest.raises(ValidationError, match="500 is the most"):
        services.add_hard_moment(alice, text="x" * 501)


def test_a_hard_moment_finds_its_cue_by_name_or_makes_it(alice: User) -> None:
    services.set_hard_moments(alice, True)
    dog = services.create_cue(alice, name="The dog")
    assert services.add_hard_moment(alice, text="barking", cue="the DOG").cue == dog
    made = services.add_hard_moment(alice, text="thunder", cue="storms").cue
    assert made is not None and made.name == "storms"
    assert Cue.objects.count() == 2


# --- cues -----------------------------------------------------------------------------------------------


def test_cue_names_are_unique_per_person_ignoring_case(alice: User, bob: User) -> None:
    services.create_cue(alice, name="the dog")
    with pytest.raises(ValidationError, match="already have a cue"):
        services.create_cue(alice, name="THE DOG")
    services.create_cue(bob, name="the dog")  # bob's own
    rain = services.create_cue(alice, name="rain")
    with pytest.raises(ValidationError, match="already have a cue"):
        services.update_cue(alice, rain.uuid, name="The Dog")
    assert services.update_cue(alice, rain.uuid, name="rain on the window").name == "rain on the window"


def test_removing_a_cue_keeps_its_glimmers_and_hard_moments(alice: User) -> None:
    services.set_hard_moments(alice, True)
    cue = services.create_cue(alice, name="the dog")
    glimmer = glimmer_with(alice, "dorsal", "ventral")
    services.link_glimmer(alice, cue.uuid, glimmer.uuid)  # type: ignore[attr-defined]
    moment = services.add_hard_moment(alice, text="barking at night", cue="the dog")
    services.delete_cue(alice, cue.uuid)
    assert journal.get_glimmer(alice, glimmer.uuid)  # type: ignore[attr-defined]
    assert services.get_hard_moment(alice, moment.uuid).cue is None


def test_the_command_line_finds_a_cue_by_name_or_id(alice: User) -> None:
    cue = services.create_cue(alice, name="Rain on the window")
    assert services.find_cue(alice, "rain  on the WINDOW") == cue
    assert services.find_cue(alice, cue.uuid.hex[:8]) == cue
    with pytest.raises(NotFound):
        services.find_cue(alice, "snow")


def test_bob_reaches_none_of_alices_things(alice: User, bob: User) -> None:
    services.set_hard_moments(alice, True)
    services.set_hard_moments(bob, True)
    checkin = services.check_in(alice, state="ventral")
    cue = services.create_cue(alice, name="the dog")
    moment = services.add_hard_moment(alice, text="a loud room")
    glimmer = glimmer_with(alice, "dorsal", "ventral")
    bobs_cue = services.create_cue(bob, name="mine")
    for attempt in (
        lambda: services.get_checkin(bob, checkin.uuid),
        lambda: services.delete_checkin(bob, checkin.uuid),
        lambda: services.get_cue(bob, cue.uuid),
        lambda: services.update_cue(bob, cue.uuid, name="bob's"),
        lambda: services.delete_cue(bob, cue.uuid),
        lambda: services.link_glimmer(bob, cue.uuid, glimmer.uuid),  # type: ignore[attr-defined]
        lambda: services.link_glimmer(bob, bobs_cue.uuid, glimmer.uuid),  # type: ignore[attr-defined]
        lambda: services.get_hard_moment(bob, moment.uuid),
        lambda: services.delete_hard_moment(bob, moment.uuid),
        lambda: services.find_cue(bob, "the dog"),
        lambda: reading.cue_story(bob, cue.uuid),
    ):
        with pytest.raises(NotFound):
            attempt()
    assert CheckIn.objects.count() == Trigger.objects.count() == 1
    assert not bobs_cue.glimmers.exists()
    assert reading.cue_summaries(bob)[0].cue == bobs_cue


# --- the day and the balance ----------------------------------------------------------------------------


def test_a_day_puts_check_ins_and_glimmers_on_one_line_of_time(alice: User, bob: User) -> None:
    morning = datetime(2026, 3, 14, 8, 0, tzinfo=LONDON)
    services.check_in(alice, state="dorsal", when=morning)
    journal.create_glimmer(alice, text="coffee", when=morning + timedelta(minutes=20))
    services.check_in(alice, state="ventral", when=morning + timedelta(minutes=40))
    services.check_in(alice, state="ventral", when=morning + timedelta(days=1))
    services.check_in(bob, state="ventral", when=morning + timedelta(minutes=10))
    line = reading.day_line(alice, date(2026, 3, 14))
    assert [(e.at.strftime("%H:%M"), e.checkin.state if e.checkin else "glimmer") for e in line] == [
        ("08:00", "dorsal"),
        ("08:20", "glimmer"),
        ("08:40", "ventral"),
    ]


def test_the_balance_counts_week_by_week_on_local_days(alice: User) -> None:
    services.set_hard_moments(alice, True)
    today = date(2026, 3, 18)  # a Wednesday
    this_monday = datetime(2026, 3, 16, 9, 0, tzinfo=LONDON)
    last_sunday = datetime(2026, 3, 15, 23, 30, tzinfo=LONDON)
    for when in (this_monday, this_monday + timedelta(hours=1), last_sunday):
        journal.create_glimmer(alice, text="light", when=when)
    services.add_hard_moment(alice, text="noise", when=this_monday)
    for state in ("ventral", "ventral", "sympathetic"):
        services.check_in(alice, state=state, when=this_monday)
    found = reading.balance(alice, weeks=3, today=today)
    assert [week.start for week in found.weeks] == [date(2026, 3, 16), date(2026, 3, 9), date(2026, 3, 2)]
    this, last, before = found.weeks
    assert (this.glimmers, this.hard_moments, this.checkins) == (2, 1, {"ventral": 2, "sympathetic": 1, "dorsal": 0})
    assert this.shares == {"ventral": 67, "sympathetic": 33, "dorsal": 0}
    assert (last.glimmers, last.hard_moments, last.total_checkins) == (1, 0, 0)
    assert before.empty and not found.empty


@pytest.mark.parametrize("counts", [(1, 1, 1), (2, 2, 2), (1, 0, 0), (5, 3, 1), (1, 1, 4)])
def test_shares_of_check_ins_add_up_to_100(counts: tuple[int, int, int]) -> None:
    week = reading.Week(
        date(2026, 3, 16), 0, None, dict(zip(("ventral", "sympathetic", "dorsal"), counts, strict=True))
    )
    assert sum(week.shares.values()) == 100
