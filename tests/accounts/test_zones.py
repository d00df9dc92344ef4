"""One time-zone check for every app (glimmers.accounts.zones): profiles, glimmers, check-ins agree."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.accounts.zones import clean_time_zone, zone_named
from glimmers.journal import services as journal
from glimmers.states import services as states

NOT_ZONES = ["posixrules", "posix/Europe/London", "right/UTC", "localtime", "Factory", "Moon/Base", "../etc/passwd"]


@pytest.mark.parametrize("name", NOT_ZONES)
def test_names_that_are_not_canonical_zones_are_refused_kindly(name: str) -> None:
    with pytest.raises(ValidationError, match="isn't a time zone Glimmers knows") as refused:
        zone_named(name)
    assert refused.value.code == "time_zone"


def test_a_listed_zone_is_its_zone_and_a_typed_one_forgives_spaces() -> None:
    assert str(zone_named("Asia/Tokyo")) == "Asia/Tokyo"
    assert clean_time_zone("  Europe/London ") == "Europe/London"


@pytest.mark.parametrize("name", ["posixrules", "posix/Asia/Tokyo"])
def test_every_app_refuses_the_same_names(alice: User, name: str) -> None:
    """Before, a profile refused `posixrules` while a glimmer and a check-in accepted it."""
    with pytest.raises(ValidationError):
        accounts.update_profile(alice, time_zone=name)
    with pytest.raises(ValidationError):
        journal.create_glimmer(alice, text="the kettle singing", time_zone=name)
    with pytest.raises(ValidationError):
        states.check_in(alice, state="ventral", time_zone=name)
