"""When a ritual is due and at what local time: pure, no database, in three zones across both clock changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from glimmers.practice import schedules

UTC = ZoneInfo("UTC")
LONDON, NEW_YORK, SYDNEY = ZoneInfo("Europe/London"), ZoneInfo("America/New_York"), ZoneInfo("Australia/Sydney")

# The days the clocks change in 2026: (zone, spring forward, fall back).
CHANGES = [
    (LONDON, date(2026, 3, 29), date(2026, 10, 25)),
    (NEW_YORK, date(2026, 3, 8), date(2026, 11, 1)),
    (SYDNEY, date(2026, 10, 4), date(2026, 4, 5)),
]


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=offset) for offset in range(count)]


@pytest.mark.parametrize(("zone", "forward", "back"), CHANGES)
def test_a_daily_ritual_is_due_every_day_across_both_clock_changes(zone: ZoneInfo, forward: date, back: date) -> None:
    for change in (forward, back):
        week = days(change - timedelta(days=3), 7)
        assert schedules.due_days("FREQ=DAILY", date(2026, 1, 1), week[0], week[-1]) == week
        assert all(schedules.is_due("FREQ=DAILY", date(2026, 1, 1), day) for day in week)


@pytest.mark.parametrize(("zone", "forward", "back"), CHANGES)
def test_weekdays_fall_on_those_days_of_the_calendar_around_a_clock_change(
    zone: ZoneInfo, forward: date, back: date
) -> None:
    rule = schedules.on_weekdays("mon,sun")
    for change in (forward, back):  # every change above is on a Sunday
        assert change.weekday() == 6
        fortnight = days(change - timedelta(days=6), 14)
        due = [day for day in fortnight if schedules.is_due(rule, date(2026, 1, 1), day)]
        assert due == [change - timedelta(days=6), change, change + timedelta(days=1), change + timedelta(days=7)]


@pytest.mark.parametrize(("zone", "forward", "back"), CHANGES)
def test_every_three_days_counts_calendar_days_from_its_first_day_whatever_the_clocks(
    zone: ZoneInfo, forward: date, back: date
) -> None:
    for change in (forward, back):
        start = change - timedelta(days=4)
        due = schedules.due_days("FREQ=DAILY;INTERVAL=3", start, start, start + timedelta(days=9))
        assert due == [start, start + timedelta(days=3), change + timedelta(days=2), start + timedelta(days=9)]
        assert schedules.next_due("FREQ=DAILY;INTERVAL=3", start, change) == change + timedelta(days=2)


def test_nothing_is_due_before_the_first_day_or_ever_for_whenever() -> None:
    assert not schedules.is_due("FREQ=DAILY", date(2026, 5, 2), date(2026, 5, 1))
    assert schedules.is_due("FREQ=DAILY", date(2026, 5, 2), date(2026, 5, 2))
    assert not schedules.is_due("", date(2026, 5, 2), date(2026, 5, 2))
    assert schedules.due_days("", date(2026, 5, 2), date(2026, 5, 2), date(2026, 6, 2)) == []
    assert schedules.next_due("", date(2026, 5, 2), date(2026, 5, 2)) is None


@pytest.mark.parametrize(
    ("zone", "day", "asked", "utc"),
    [
        # London springs forward at 01:00 → 02:00: 01:30 doesn't exist, 02:00 BST is the next minute that does.
        (LONDON, date(2026, 3, 29), time(1, 30), datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        (LONDON, date(2026, 3, 29), time(1, 0), datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        (LONDON, date(2026, 3, 29), time(0, 59), datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),
        (LONDON, date(2026, 3, 29), time(7, 30), datetime(2026, 3, 29, 6, 30, tzinfo=UTC)),
        # …and falls back at 02:00 → 01:00: 01:30 happens twice; the first (still BST) is meant.
        (LONDON, date(2026, 10, 25), time(1, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (LONDON, date(2026, 10, 25), time(7, 30), datetime(2026, 10, 25, 7, 30, tzinfo=UTC)),
        # New York: 02:00 → 03:00 in March, 02:00 → 01:00 in November.
        (NEW_YORK, date(2026, 3, 8), time(2, 30), datetime(2026, 3, 8, 7, 0, tzinfo=UTC)),
        (NEW_YORK, date(2026, 3, 8), time(7, 30), datetime(2026, 3, 8, 11, 30, tzinfo=UTC)),
        (NEW_YORK, date(2026, 11, 1), time(1, 30), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
        (NEW_YORK, date(2026, 11, 1), time(7, 30), datetime(2026, 11, 1, 12, 30, tzinfo=UTC)),
        # Sydney, the other way round: forward 02:00 → 03:00 in October, back 03:00 → 02:00 in April.
        (SYDNEY, date(2026, 10, 4), time(2, 15), datetime(2026, 10, 3, 16, 0, tzinfo=UTC)),
        (SYDNEY, date(2026, 4, 5), time(2, 30), datetime(2026, 4, 4, 15, 30, tzinfo=UTC)),
    ],
)
def test_the_time_of_day_on_a_clock_change_day(zone: ZoneInfo, day: date, asked: time, utc: datetime) -> None:
    moment = schedules.local_time_on(day, asked, zone)
    assert moment.astimezone(UTC) == utc  # (an ambiguous time never equals another zone's: PEP 495)
    assert moment.astimezone(zone).date() == day


def test_a_time_that_exists_keeps_its_wall_clock_on_an_ordinary_day() -> None:
    moment = schedules.local_time_on(date(2026, 7, 1), time(18, 5), NEW_YORK)
    assert (moment.hour, moment.minute, moment.utcoffset()) == (18, 5, timedelta(hours=-4))


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("FREQ=DAILY", "FREQ=DAILY"),
        ("RRULE:freq=weekly;byday=mo,we", "FREQ=WEEKLY;BYDAY=MO,WE"),
        ("  FREQ=DAILY;INTERVAL=3 ", "FREQ=DAILY;INTERVAL=3"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=1"),
        ("", ""),
    ],
)
def test_a_schedule_is_kept_the_standard_way(given: str, kept: str) -> None:
    assert schedules.clean_rule(given, date(2026, 3, 1)) == kept


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("FREQ=HOURLY", "daily or coarser"),
        ("FREQ=MINUTELY;INTERVAL=5", "daily or coarser"),
        ("FREQ=DAILY;BYHOUR=7", "time of day is set apart"),
        ("FREQ=DAILY;COUNT=0", "never come round"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never come round"),
        ("FREQ=DAILY;UNTIL=20200101T000000", "never come round"),
        ("every day please", "isn't a schedule"),
        ("FREQ=SOMETIMES", "isn't a schedule"),
        ("DTSTART:20260101T000000\nRRULE:FREQ=DAILY", "without DTSTART"),
    ],
)
def test_a_schedule_that_never_fires_or_doesnt_parse_is_refused_with_an_example(given: str, says: str) -> None:
    with pytest.raises(ValidationError) as refused:
        schedules.clean_rule(given, date(2026, 3, 1))
    assert says in refused.value.messages[0]
    assert "Try FREQ=DAILY" in refused.value.messages[0]


def test_weekdays_are_read_kindly_and_an_empty_list_is_refused() -> None:
    assert schedules.on_weekdays("mon, Thursday,SU") == "FREQ=WEEKLY;BYDAY=MO,TH,SU"
    assert schedules.on_weekdays(["fri", "tues", "fri"]) == "FREQ=WEEKLY;BYDAY=TU,FR"
    for bad in ("", " , ", "monkey", "someday"):
        with pytest.raises(ValidationError):
            schedules.on_weekdays(bad)


def test_every_n_days_takes_a_whole_number_up_to_a_year() -> None:
    assert schedules.every_n_days("1") == "FREQ=DAILY"
    assert schedules.every_n_days(4) == "FREQ=DAILY;INTERVAL=4"
    for bad in (0, -2, 367, "three", "2.5"):
        with pytest.raises(ValidationError):
            schedules.every_n_days(bad)


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ("", "whenever you like"),
        ("FREQ=DAILY", "every day"),
        ("FREQ=DAILY;INTERVAL=3", "every 3 days"),
        ("FREQ=WEEKLY;BYDAY=MO", "on Mondays"),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "on Mondays, Wednesdays and Fridays"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "on its own schedule"),
    ],
)
def test_a_schedule_in_words(rule: str, said: str) -> None:
    assert schedules.describe(rule) == said


@pytest.mark.parametrize(
    "rule", ["FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;INTERVAL=10", "FREQ=WEEKLY;BYDAY=MO,TH,SU"]
)
def test_the_quick_answer_for_simple_shapes_is_dateutils_answer_for_years(rule: str) -> None:
    """is_due answers the simple shapes by arithmetic (dateutil walks every day from the first); both agree."""
    starts_on = date(2024, 2, 27)
    expected = set(schedules.due_days(rule, starts_on, date(2024, 1, 1), date(2026, 12, 31)))
    for offset in range((date(2026, 12, 31) - date(2024, 1, 1)).days + 1):
        day = date(2024, 1, 1) + timedelta(days=offset)
        assert schedules.is_due(rule, starts_on, day) == (day in expected), (rule, day)
