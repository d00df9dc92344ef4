"""The one time-zone check, for every app: a person's profile, a glimmer's zone, a check-in's and a hard
moment's (DESIGN §2, Time). A zone is one of the IANA names the zone database lists; anything else —
`posixrules`, `posix/…` and `right/…` copies, `localtime`, a file path — is refused with a kind message,
so every channel and every app agrees on what a zone is."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

UNKNOWN_ZONE = "“{name}” isn't a time zone Glimmers knows. Try a name like Europe/London or America/New_York."


@lru_cache(maxsize=1)
def time_zone_names() -> list[str]:
    return sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(time_zone_names())


def zone_named(name: str) -> ZoneInfo:
    """The zone of that IANA name, exactly as given, or a kind ValidationError (code "time_zone")."""
    if name not in _known():
        raise ValidationError(UNKNOWN_ZONE.format(name=name), code="time_zone")
    return ZoneInfo(name)


def clean_time_zone(name: str) -> str:
    """A zone name typed by a person (white space around it forgiven), checked."""
    name = name.strip()
    zone_named(name)
    return name
