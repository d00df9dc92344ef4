"""The daily intention: a soft aim ("notice 3 glimmers", "look up at the sky"). Off until the person sets one.

A default (every day) and, for one day, a change for just that day (or none that day). Today shows it with
what was noticed so far ("2 glimmers so far today"); before the first glimmer it stands alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.text import clean_text
from glimmers.lib.errors import on_field as _field
from glimmers.practice import words
from glimmers.practice.models import INTENTION_LIMIT, Intention


def _day(user: User, now: datetime | None) -> date:
    return (now or timezone.now()).astimezone(journal.profile_zone(user)).date()


def _text(value: str) -> str:
    cleaned = " ".join(clean_text(value or "", label="intention", limit=INTENTION_LIMIT * 4).split())
    if not cleaned:
        raise ValidationError("Write a few words for the intention, like “notice 3 glimmers”.", code="required")
    if len(cleaned) > INTENTION_LIMIT:
        raise ValidationError(
            f"An intention can be {INTENTION_LIMIT} characters at most; a few words are plenty.", code="too_long"
        )
    return cleaned


@dataclass(frozen=True)
class IntentionToday:
    text: str  # "" when there is none today
    just_today: bool  # a change for just today (else the default)
    default: str  # the every-day default ("" when there is none)
    noticed: int  # glimmers kept so far today

    @property
    def so_far(self) -> str:
        return words.so_far(self.noticed) if self.text else ""


def _rows(user: User, day: date) -> tuple[Intention | None, Intention | None]:
    """(the default, the row for `day`) in one query."""
    default = for_day = None
    for row in Intention.objects.owned_by(user).filter(Q(day__isnull=True) | Q(day=day)):
        if row.day is None:
            default = row
        else:
            for_day = row
    return default, for_day


def intention_for(user: User, *, now: datetime | None = None) -> tuple[str, bool, str]:
    """(today's intention or "", whether it is a change for just today, the default or "")."""
    default, for_day = _rows(user, _day(user, now))
    default_text = default.text if default else ""
    if for_day is not None:
        return for_day.text, True, default_text
    return default_text, False, default_text


def intention_today(user: User, *, now: datetime | None = None) -> IntentionToday:
    """Today's intention with the glimmers noticed so far today (two queries; one when there is none)."""
    text, just_today, default = intention_for(user, now=now)
    noticed = journal.glimmers_of(user).filter(local_date=_day(user, now)).count() if text else 0
    return IntentionToday(text, just_today, default, noticed)


def set_intention(user: User, text: str, *, just_today: bool = False, now: datetime | None = None) -> str:
    """Set the every-day default, or change it for just today (the default stays for the days after)."""
    cleaned: str = _field("text", _text, text)
    day = _day(user, now) if just_today else None
    with transaction.atomic():
        Intention.objects.update_or_create(owner=user, day=day, defaults={"text": cleaned})
    return cleaned


def clear_intention(user: User, *, just_today: bool = False, now: datetime | None = None) -> None:
    """No intention every day (the default and any change for today go), or none for just today."""
    with transaction.atomic():
        if just_today:
            Intention.objects.update_or_create(owner=user, day=_day(user, now), defaults={"text": ""})
        else:
            Intention.objects.owned_by(user).filter(day__isnull=True).delete()
            Intention.objects.owned_by(user).filter(day=_day(user, now)).delete()
