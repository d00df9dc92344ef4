"""Which moment a glimmer is kept for: said back after every save, and chosen when a form offers two ways.

The web's form has "When" in words and a date-time picker. Each counts only when it was changed from
what the form showed (on capture both start empty; on edit the picker shows the glimmer's time). When both
were changed and they disagree, nothing is guessed: the person is asked which one they meant.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

from glimmers import messages
from glimmers.accounts.zones import zone_named
from glimmers.journal.models import Glimmer
from glimmers.journal.services import _noticed_at
from glimmers.lib.errors import on_field
from glimmers.lib.when import in_words

WORDS, PICKED = "words", "picked"


def said(glimmer: Glimmer) -> str:
    """The moment it is kept for, as a person says it: "today at 07:00", "yesterday at 18:00"."""
    return in_words(glimmer.noticed_at, ZoneInfo(glimmer.time_zone), timezone.now())


class WhichTime(ValidationError):
    """Words and a picked time that disagree: the question to ask, and the two moments to offer."""

    def __init__(self, words: str, from_words: str, picked: str) -> None:
        self.question = messages.WHICH_TIME.format(words=words, from_words=from_words, picked=picked)
        super().__init__(self.question, code="which_time")
        self.from_words, self.picked = from_words, picked


def time_meant(
    words: str | None, picked: datetime | None, zone_name: str, *, prefer: str = ""
) -> str | datetime | None:
    """What the form meant: the words, the picked time (naive, on the zone's clock), or None (neither was
    changed). Words are read here, so a refusal is the same as anywhere; both given and a minute or more
    apart raises WhichTime, unless the person has already said which (`prefer`: "words" or "picked")."""
    if not words or picked is None:
        return words or picked
    zone = on_field("time_zone", zone_named, zone_name)
    now = timezone.now()
    from_words: datetime = on_field("when", _noticed_at, words, zone, now)
    picked_at: datetime = on_field("when_exact", _noticed_at, picked, zone, now)
    if prefer == WORDS or abs(from_words - picked_at) < timedelta(minutes=1):
        return from_words
    if prefer == PICKED:
        return picked_at
    raise WhichTime(words, in_words(from_words, zone, now), in_words(picked_at, zone, now))
