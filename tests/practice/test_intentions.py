"""The daily intention: off by default, a default for every day, one change for just today, and what was
noticed so far."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.practice import services
from glimmers.practice.models import Intention

NOW = datetime(2026, 7, 15, 12, 0, tzinfo=ZoneInfo("UTC"))
TOMORROW = NOW + timedelta(days=1)


def test_there_is_no_intention_until_the_person_sets_one(alice: User) -> None:
    today = services.intention_today(alice, now=NOW)
    assert (today.text, today.default, today.so_far) == ("", "", "")


def test_the_default_stands_alone_before_the_first_glimmer_then_counts_what_was_noticed(alice: User) -> None:
    services.set_intention(alice, "  notice 3\nglimmers ", now=NOW)
    today = services.intention_today(alice, now=NOW)
    assert (today.text, today.just_today, today.so_far) == ("notice 3 glimmers", False, "")
    journal.create_glimmer(alice, text="birdsong", when=NOW - timedelta(hours=1))
    assert services.intention_today(alice, now=NOW).so_far == "1 glimmer so far today"
    journal.create_glimmer(alice, text="warm bread", when=NOW - timedelta(minutes=5))
    journal.create_glimmer(alice, text="yesterday's", when=NOW - timedelta(days=1))
    assert services.intention_today(alice, now=NOW).so_far == "2 glimmers so far today"


def test_a_change_for_just_today_leaves_the_default_for_tomorrow(alice: User) -> None:
    services.set_intention(alice, "notice 3 glimmers", now=NOW)
    services.set_intention(alice, "look up at the sky", just_today=True, now=NOW)
    today = services.intention_today(alice, now=NOW)
    assert (today.text, today.just_today, today.default) == ("look up at the sky", True, "notice 3 glimmers")
    assert services.intention_today(alice, now=TOMORROW).text == "notice 3 glimmers"


def test_none_for_just_today_and_clearing_the_default(alice: User) -> None:
    services.set_intention(alice, "notice 3 glimmers", now=NOW)
    services.clear_intention(alice, just_today=True, now=NOW)
    assert services.intention_today(alice, now=NOW).text == ""
    assert services.intention_today(alice, now=TOMORROW).text == "notice 3 glimmers"
    services.clear_intention(alice, now=NOW)
    assert services.intention_today(alice, now=TOMORROW).text == ""
    assert not Intention.objects.exists()


def test_setting_the_default_twice_keeps_one_row_and_bob_has_his_own(alice: User, bob: User) -> None:
    services.set_intention(alice, "one", now=NOW)
    services.set_intention(alice, "two", now=NOW)
    assert Intention.objects.filter(owner=alice).count() == 1
    assert services.intention_today(bob, now=NOW).text == ""


@pytest.mark.parametrize("text", ["", "   ", "x" * 121, "\ud800"])
def test_an_empty_or_too_long_intention_is_refused_and_the_old_one_stays(alice: User, text: str) -> None:
    services.set_intention(alice, "notice 3 glimmers", now=NOW)
    with pytest.raises(ValidationError) as refused:
        services.set_intention(alice, text, now=NOW)
    assert "text" in refused.value.error_dict
    assert services.intention_today(alice, now=NOW).text == "notice 3 glimmers"
