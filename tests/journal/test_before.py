"""Bringing glimmers back unasked: "on this day" on Today and "a glimmer from before" on request, both only what
may come back (the journal's one rule), each turned off by its own setting."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import before, names, services

Clock = Callable[[str, str], datetime]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    def set_to(local: str, zone: str = "Europe/London") -> datetime:
        moment = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone))
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return set_to


def keep(user: User, when: str, text: str, zone: str = "Europe/London", **more: object) -> object:
    moment = datetime.fromisoformat(when).replace(tzinfo=ZoneInfo(zone))
    return services.create_glimmer(user, text=text, when=moment, time_zone=zone, **more)  # type: ignore[arg-type]


def texts(glimmers: list) -> list[str]:  # type: ignore[type-arg]
    return [glimmer.text for glimmer in glimmers]


# --- the days, a pure rule ------------------------------------------------------------------------


def test_this_day_in_earlier_years_is_newest_first() -> None:
    assert before.days_on_this_day(date(2026, 11, 28), years=3) == [
        date(2025, 11, 28),
        date(2024, 11, 28),
        date(2023, 11, 28),
    ]


def test_the_28th_of_february_in_a_common_year_brings_back_the_29ths_too() -> None:
    assert before.days_on_this_day(date(2027, 2, 28), years=4) == [
        date(2026, 2, 28),
        date(2025, 2, 28),
        date(2024, 2, 28),
        date(2024, 2, 29),
        date(2023, 2, 28),
    ]


def test_the_28th_of_february_in_a_leap_year_leaves_the_29ths_to_the_next_day() -> None:
    assert before.days_on_this_day(date(2028, 2, 28), years=4) == [date(y, 2, 28) for y in (2027, 2026, 2025, 2024)]


def test_the_29th_of_february_brings_back_only_earlier_29ths() -> None:
    assert before.days_on_this_day(date(2028, 2, 29), years=8) == [date(2024, 2, 29), date(2020, 2, 29)]


@pytest.mark.parametrize(
    ("today", "month_ago"),
    [
        (date(2026, 11, 28), date(2026, 10, 28)),
        (date(2026, 1, 15), date(2025, 12, 15)),
        (date(2026, 3, 31), date(2026, 2, 28)),
        (date(2028, 3, 30), date(2028, 2, 29)),
    ],
)
def test_a_month_before_keeps_to_the_days_the_month_has(today: date, month_ago: date) -> None:
    assert before.a_month_before(today) == month_ago


# --- on this day ----------------------------------------------------------------------------------


def test_on_this_day_shows_earlier_years_at_most_three_newest_first(alice: User, clock: Clock) -> None:
    clock("2026-11-28 09:00")
    for year in (2021, 2022, 2023, 2024, 2025):
        keep(alice, f"{year}-11-28 08:00", f"sun in {year}")
    keep(alice, "2025-11-27 08:00", "the day before")
    keep(alice, "2026-10-28 08:00", "a month ago")
    assert texts(before.on_this_day(alice)) == ["sun in 2025", "sun in 2024", "sun in 2023"]


def test_with_no_earlier_years_a_month_ago_fills_in(alice: User, clock: Clock) -> None:
    clock("2026-11-28 09:00")
    keep(alice, "2026-10-28 08:00", "a month ago")
    keep(alice, "2026-10-27 08:00", "a month and a day ago")
    assert texts(before.on_this_day(alice)) == ["a month ago"]


def test_on_this_day_is_empty_rather_than_an_empty_box(alice: User, alice_client: Client, clock: Clock) -> None:
    clock("2026-11-28 09:00")
    keep(alice, "2026-11-01 08:00", "some other day")
    assert before.on_this_day(alice) == []
    assert "On this day" not in alice_client.get("/").content.decode()


def test_a_29th_of_february_glimmer_comes_back_on_the_28th_in_a_common_year(alice: User, clock: Clock) -> None:
    clock("2024-03-01 09:00")
    keep(alice, "2024-02-29 08:00", "leap day frost")
    clock("2025-02-28 09:00")
    assert texts(before.on_this_day(alice)) == ["leap day frost"]
    clock("2028-02-28 09:00")
    assert before.on_this_day(alice) == []  # in a leap year it waits for the 29th
    clock("2028-02-29 09:00")
    assert texts(before.on_this_day(alice)) == ["leap day frost"]


def test_a_glimmers_day_is_the_one_where_it_was_noticed(alice: User, clock: Clock) -> None:
    # 01:00 on 28 November in Tokyo was still 27 November in London: it belongs to the 28th.
    clock("2025-11-29 09:00")
    keep(alice, "2025-11-28 01:00", "temple bell at night", zone="Asia/Tokyo")
    clock("2026-11-27 12:00")
    assert before.on_this_day(alice) == []
    clock("2026-11-28 12:00")
    assert texts(before.on_this_day(alice)) == ["temple bell at night"]


def test_today_is_the_day_on_the_persons_own_clock(alice: User, clock: Clock) -> None:
    clock("2025-11-29 09:00")
    keep(alice, "2025-11-28 12:00", "a year ago")
    accounts.update_profile(alice, time_zone="Pacific/Auckland")
    clock("2026-11-27 12:00", "Europe/London")  # already 28 November, 01:00, in Auckland
    assert texts(before.on_this_day(alice)) == ["a year ago"]


def test_on_this_day_never_brings_back_what_may_not_come_back(alice: User, bob: User, clock: Clock) -> None:
    clock("2026-11-28 09:00")
    keep(alice, "2025-11-28 08:00", "kept to myself", resurface=False)
    keep(alice, "2024-11-28 08:00", "walk with @Gran")
    keep(alice, "2023-11-28 08:00", "the #old_job party")
    keep(alice, "2022-11-28 08:00", "the kettle singing")
    keep(bob, "2021-11-28 08:00", "bob's own")
    names.update_name(alice, "people", "Gran", resurface=False)
    names.update_name(alice, "tags", "old_job", resurface=False)
    assert texts(before.on_this_day(alice)) == ["the kettle singing"]


def test_the_setting_turns_on_this_day_off(alice: User, alice_client: Client, clock: Clock) -> None:
    clock("2026-11-28 09:00")
    keep(alice, "2025-11-28 08:00", "a year ago")
    assert "a year ago" in alice_client.get("/").content.decode()
    accounts.update_profile(alice, on_this_day=False)
    alice.refresh_from_db()
    assert before.on_this_day(alice) == []
    assert "a year ago" not in alice_client.get("/").content.decode()


def test_today_shows_on_this_day_with_names(alice: User, alice_client: Client, clock: Clock) -> None:
    clock("2026-11-28 09:00")
    keep(alice, "2025-11-28 08:00", "pancakes with @Sam")
    page = alice_client.get("/").content.decode()
    assert 'id="on-this-day-heading"' in page
    assert "pancakes with @Sam" in page and "with Sam" in page


# --- a glimmer from before ------------------------------------------------------------------------


def test_a_glimmer_from_before_never_brings_back_one_marked_or_with_a_marked_name(alice: User, bob: User) -> None:
    keep(alice, "2025-01-01 08:00", "kept to myself", resurface=False)
    keep(alice, "2025-02-01 08:00", "walk with @Gran")
    keep(alice, "2025-03-01 08:00", "at +old_house")
    keep(alice, "2025-04-01 08:00", "the #old_job party")
    fine = keep(alice, "2025-05-01 08:00", "the kettle singing")
    keep(bob, "2025-06-01 08:00", "bob's own")
    names.update_name(alice, "people", "Gran", resurface=False)
    names.update_name(alice, "places", "old house", resurface=False)
    names.update_name(alice, "tags", "old_job", resurface=False)
    picks = {before.a_glimmer_from_before(alice, rng=random.Random(seed)) for seed in range(40)}
    assert picks == {fine}


def test_a_glimmer_from_before_comes_from_the_whole_journal_not_today(alice: User) -> None:
    older = {keep(alice, f"{year}-06-01 08:00", f"june {year}") for year in (2019, 2022, 2025)}
    services.create_glimmer(alice, text="just now")
    picks = {before.a_glimmer_from_before(alice, rng=random.Random(seed)) for seed in range(60)}
    assert picks == older


def test_a_glimmer_from_before_is_none_without_older_ones_or_with_the_setting_off(alice: User, bob: User) -> None:
    keep(bob, "2025-06-01 08:00", "bob's own")
    services.create_glimmer(alice, text="just now")
    assert before.a_glimmer_from_before(alice) is None
    keep(alice, "2025-06-01 08:00", "last june")
    assert before.a_glimmer_from_before(alice) is not None
    accounts.update_profile(alice, from_before=False)
    assert before.a_glimmer_from_before(alice) is None


def test_the_from_before_page_shows_one_and_offers_another(alice: User, alice_client: Client) -> None:
    assert "nothing from before" in alice_client.get("/journal/from-before/").content.decode()
    keep(alice, "2025-06-01 08:00", "last june")
    page = alice_client.get("/journal/from-before/").content.decode()
    assert "last june" in page and "Another one" in page
    for address in ("/", "/journal/"):
        assert 'href="/journal/from-before/"' in alice_client.get(address).content.decode()
    accounts.update_profile(alice, from_before=False)
    assert 'href="/journal/from-before/"' not in alice_client.get("/").content.decode()
    assert "turned off" in alice_client.get("/journal/from-before/").content.decode()


def test_the_settings_page_turns_each_off(alice: User, alice_client: Client) -> None:
    answer = alice_client.post("/settings/", {"time_zone": "Europe/London", "from_before": "on"})
    assert answer.status_code == 302
    alice.refresh_from_db()
    assert (alice.on_this_day, alice.from_before) == (False, True)
