"""Every operation on rituals and their occasions (the intention, in practice.intentions, and the noticing
practice, in practice.noticing, are re-exported here).

Views, the API and the CLI all come here. Reads go through `owned_by(user)`; a function never takes an id
without the user, and someone else's ritual is NotFound, the same as a missing one. When a ritual is due is
in practice.schedules (pure); what is said about it in practice.words (pure).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer, Sense
from glimmers.journal.text import clean_name, clean_text
from glimmers.lib.errors import NotFound
from glimmers.lib.errors import on_field as _field
from glimmers.lib.owned import OwnedQuerySet
from glimmers.practice import schedules, words
from glimmers.practice.finding import one
from glimmers.practice.intentions import IntentionToday as IntentionToday
from glimmers.practice.intentions import clear_intention as clear_intention
from glimmers.practice.intentions import intention_for as intention_for
from glimmers.practice.intentions import intention_today as intention_today
from glimmers.practice.intentions import set_intention as set_intention
from glimmers.practice.models import ABOUT_LIMIT, NAME_LIMIT, NOTE_LIMIT, Occasion, Ritual
from glimmers.practice.noticing import Plan as Plan
from glimmers.practice.noticing import add_prompt as add_prompt
from glimmers.practice.noticing import check_in_after as check_in_after
from glimmers.practice.noticing import edit_prompt as edit_prompt
from glimmers.practice.noticing import get_prompt as get_prompt
from glimmers.practice.noticing import get_session as get_session
from glimmers.practice.noticing import hide_prompt as hide_prompt
from glimmers.practice.noticing import keep_from_session as keep_from_session
from glimmers.practice.noticing import kept_of as kept_of
from glimmers.practice.noticing import low_energy as low_energy
from glimmers.practice.noticing import plan_session as plan_session
from glimmers.practice.noticing import prompts_of as prompts_of
from glimmers.practice.noticing import recent_sessions as recent_sessions
from glimmers.practice.noticing import record_session as record_session
from glimmers.practice.noticing import sessions_of as sessions_of

GLIMMER_MOST_FROM = 3  # a ritual is among those that glimmer most only once it has this many occasions
UNSET: Any = object()  # "leave this as it is" in an edit


# --- finding ----------------------------------------------------------------------------------------------


def rituals_of(user: User, *, retired: bool | None = False) -> OwnedQuerySet[Ritual]:
    """The person's rituals: active (default), retired (True) or all (None), oldest first."""
    found = Ritual.objects.owned_by(user)
    if retired is None:
        return found
    return found.filter(retired_at__isnull=not retired)


def get_ritual(user: User, ritual_id: str | uuid.UUID) -> Ritual:
    return one(rituals_of(user, retired=None), ritual_id)  # type: ignore[no-any-return]


def get_occasion(user: User, occasion_id: str | uuid.UUID) -> Occasion:
    return one(Occasion.objects.owned_by(user).select_related("ritual", "glimmer"), occasion_id)  # type: ignore[no-any-return]


def zone_of(user: User) -> ZoneInfo:
    return journal.profile_zone(user)


def local_today(user: User, now: datetime | None = None) -> date:
    return (now or timezone.now()).astimezone(zone_of(user)).date()


# --- rituals ----------------------------------------------------------------------------------------------


def schedule_from(
    *, daily: bool = False, weekdays: str | list[str] | None = None, every: int | str | None = None
) -> str:
    """The RRULE for the simple shapes the forms and the command line offer; none given: "" (whenever)."""
    given = [daily, weekdays is not None, every is not None]
    if sum(given) > 1:
        raise ValidationError("Choose one schedule: every day, some weekdays, or every N days.", code="schedule")
    if daily:
        return schedules.daily()
    if weekdays is not None:
        return schedules.on_weekdays(weekdays)
    if every is not None:
        return schedules.every_n_days(every)
    return ""


def _name(value: str) -> str:
    return clean_name(value or "", label="ritual's name", limit=NAME_LIMIT) or _required()


def _required() -> str:
    raise ValidationError("Please give the ritual a name, like “Morning coffee”.", code="required")


def _about(value: str) -> str:
    return " ".join(clean_text(value or "", label="description", limit=ABOUT_LIMIT).split())


def _sense(value: str | None) -> str:
    name = (value or "").strip().lower()
    if name and name not in Sense.values:
        raise ValidationError(
            f"“{value}” isn't one of the senses Glimmers knows: {', '.join(Sense.values)}.", code="sense"
        )
    return name


def parse_time_of_day(value: time | str | None) -> time | None:
    """A local time of day from HH:MM (or a time); empty is none. Anything else is refused with an example."""
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    try:
        return time.fromisoformat(value.strip()).replace(second=0, microsecond=0)
    except ValueError:
        raise ValidationError(
            f"“{value}” isn't a time of day; write it like 07:30 or 18:00.", code="time_of_day"
        ) from None


def create_ritual(
    user: User,
    *,
    name: str,
    about: str = "",
    sense: str | None = "",
    schedule: str = "",
    time_of_day: time | str | None = None,
    reminder: bool = False,
    now: datetime | None = None,
) -> Ritual:
    """A new ritual; `schedule` is an RRULE ("" whenever), counted from today on the person's calendar."""
    starts_on = local_today(user, now)
    ritual = Ritual(
        owner=user,
        name=_field("name", _name, name),
        about=_field("about", _about, about),
        sense=_field("sense", _sense, sense),
        schedule=_field("schedule", schedules.clean_rule, schedule or "", starts_on),
        starts_on=starts_on,
        time_of_day=_field("time_of_day", parse_time_of_day, time_of_day),
        reminder=bool(reminder),
    )
    ritual.save()
    return ritual


def update_ritual(
    user: User,
    ritual_id: str | uuid.UUID,
    *,
    name: str = UNSET,
    about: str = UNSET,
    sense: str | None = UNSET,
    schedule: str = UNSET,
    time_of_day: time | str | None = UNSET,
    reminder: bool = UNSET,
    now: datetime | None = None,
) -> Ritual:
    """Change only what is given; a changed schedule counts from today. Anything refused changes nothing."""
    ritual = get_ritual(user, ritual_id)
    if name is not UNSET:
        ritual.name = _field("name", _name, name)
    if about is not UNSET:
        ritual.about = _field("about", _about, about)
    if sense is not UNSET:
        ritual.sense = _field("sense", _sense, sense)
    if schedule is not UNSET:
        rule = _field("schedule", schedules.clean_rule, schedule or "", local_today(user, now))
        if rule != ritual.schedule:
            ritual.schedule, ritual.starts_on = rule, local_today(user, now)
    if time_of_day is not UNSET:
        ritual.time_of_day = _field("time_of_day", parse_time_of_day, time_of_day)
    if reminder is not UNSET:
        ritual.reminder = bool(reminder)
    ritual.save()
    return ritual


def retire_ritual(user: User, ritual_id: str | uuid.UUID, *, now: datetime | None = None) -> Ritual:
    """Out of Today and the lists; its history stays. Retiring a retired ritual changes nothing."""
    ritual = get_ritual(user, ritual_id)
    if ritual.retired_at is None:
        ritual.retired_at = now or timezone.now()
        ritual.save(update_fields=["retired_at", "updated_at"])
    return ritual


def unretire_ritual(user: User, ritual_id: str | uuid.UUID) -> Ritual:
    ritual = get_ritual(user, ritual_id)
    if ritual.retired_at is not None:
        ritual.retired_at = None
        ritual.save(update_fields=["retired_at", "updated_at"])
    return ritual


def delete_ritual(user: User, ritual_id: str | uuid.UUID) -> None:
    """Gone with its occasions (the glimmers they brought stay in the journal)."""
    get_ritual(user, ritual_id).delete()


# --- occasions --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Done:
    occasion: Occasion
    new: bool  # False: it was already done that day (still one occasion)


def mark_done(
    user: User,
    ritual_id: str | uuid.UUID,
    *,
    note: str = "",
    glimmered: bool | None = None,
    now: datetime | None = None,
) -> Done:
    """Done now: one occasion per local day in the person's zone (done again that day is the same one, with
    a note or answer added if given). A retired ritual can't be done (NotFound), nor someone else's."""
    ritual = get_ritual(user, ritual_id)
    if ritual.retired_at is not None:
        raise NotFound(str(ritual_id))
    cleaned = _field("note", lambda text: clean_text(text or "", label="note", limit=NOTE_LIMIT), note)
    moment = now or timezone.now()
    zone = zone_of(user)
    day = moment.astimezone(zone).date()
    fields = {"owner": user, "done_at": moment, "time_zone": zone.key, "note": cleaned, "glimmered": glimmered}
    try:
        with transaction.atomic():
            occasion, new = Occasion.objects.get_or_create(ritual=ritual, local_date=day, defaults=fields)
    except IntegrityError:  # done at the same moment elsewhere: that one is this day's occasion
        occasion, new = Occasion.objects.get(ritual=ritual, local_date=day), False
    if not new and (cleaned or glimmered is not None):
        occasion.note = cleaned or occasion.note
        occasion.glimmered = occasion.glimmered if glimmered is None else glimmered
        occasion.save(update_fields=["note", "glimmered"])
    occasion.ritual = ritual
    return Done(occasion, new)


def answer_glimmered(user: User, occasion_id: str | uuid.UUID, glimmered: bool | None) -> Occasion:
    """ "Did it glimmer?": yes, no, or no answer. A glimmer kept from it stays linked whatever is said."""
    occasion = get_occasion(user, occasion_id)
    occasion.glimmered = glimmered
    occasion.save(update_fields=["glimmered"])
    return occasion


def keep_glimmer(user: User, occasion_id: str | uuid.UUID, **glimmer_fields: Any) -> Glimmer:
    """A glimmer kept from an occasion: saved through the journal's rules, and the occasion linked to it
    (glimmered: yes) in the same transaction, so a refused glimmer leaves the occasion as it was."""
    occasion = get_occasion(user, occasion_id)
    with transaction.atomic():
        glimmer = journal.create_glimmer(user, **glimmer_fields)
        occasion.glimmer, occasion.glimmered = glimmer, True
        occasion.save(update_fields=["glimmer", "glimmered"])
    return glimmer


def link_glimmer(user: User, occasion_id: str | uuid.UUID, glimmer_id: str | uuid.UUID) -> Occasion:
    """Link a glimmer already kept to an occasion (both the person's own; glimmered: yes)."""
    occasion = get_occasion(user, occasion_id)
    occasion.glimmer, occasion.glimmered = journal.get_glimmer(user, glimmer_id), True
    occasion.save(update_fields=["glimmer", "glimmered"])
    return occasion


def prefill(ritual: Ritual) -> str:
    """What the capture box starts with after "yes, it glimmered": "Morning coffee — "."""
    return f"{ritual.name} — "


# --- what Today and the practice page show ----------------------------------------------------------------


@dataclass(frozen=True)
class DueRitual:
    ritual: Ritual
    due: bool  # False: done today though not due (an extra occasion)
    occasion: Occasion | None  # today's, if it was done
    at: datetime | None  # its time of day today, on the person's clock (a skipped time: the next minute)


def today_rituals(user: User, *, now: datetime | None = None) -> list[DueRitual]:
    """The active rituals due today, and any others done today, each with today's occasion: two queries
    however many rituals there are."""
    zone = zone_of(user)
    day = local_today(user, now)
    rituals = list(rituals_of(user))
    done = {occasion.ritual_id: occasion for occasion in Occasion.objects.owned_by(user).filter(local_date=day)}
    shown = []
    for ritual in rituals:
        due = schedules.is_due(ritual.schedule, ritual.starts_on, day)
        if due or ritual.pk in done:
            at = schedules.local_time_on(day, ritual.time_of_day, zone) if ritual.time_of_day else None
            shown.append(DueRitual(ritual, due, done.get(ritual.pk), at))
    return sorted(
        shown, key=lambda row: (row.ritual.time_of_day is None, row.ritual.time_of_day or time(), row.ritual.pk)
    )


def history_of(user: User, ritual: Ritual) -> OwnedQuerySet[Occasion]:
    """A ritual's occasions (the person's own)."""
    return Occasion.objects.owned_by(user).filter(ritual=ritual)


def history(user: User, ritual: Ritual, *, limit: int = 60) -> list[Occasion]:
    """A ritual's occasions, newest first, with the glimmers they brought."""
    return list(history_of(user, ritual).select_related("glimmer").order_by("-local_date", "-id")[:limit])


def month_counts(user: User, ritual: Ritual, *, now: datetime | None = None) -> str:
    """ "done 12 times this month, 9 of them glimmered" (or nothing at all): one query."""
    first = local_today(user, now).replace(day=1)
    counted = Occasion.objects.owned_by(user).filter(ritual=ritual, local_date__gte=first)
    totals = counted.aggregate(done=Count("id"), yes=Count("id", filter=Q(glimmered=True)))
    return words.done_in_words(totals["done"], totals["yes"])


@dataclass(frozen=True)
class Glimmering:
    ritual: Ritual
    occasions: int
    glimmered: int

    @property
    def words(self) -> str:
        return words.glimmered_most(self.ritual.name, self.occasions, self.glimmered)


def glimmer_most(user: User, *, limit: int = 3) -> list[Glimmering]:
    """The active rituals most often followed by "yes, it glimmered", each with at least 3 occasions and
    one yes: two queries."""
    rows = (
        Occasion.objects.owned_by(user)
        .filter(ritual__retired_at__isnull=True)
        .values("ritual_id")
        .annotate(occasions=Count("id"), yes=Count("id", filter=Q(glimmered=True)))
        .filter(occasions__gte=GLIMMER_MOST_FROM, yes__gte=1)
        .order_by()
    )
    counted = {row["ritual_id"]: (row["occasions"], row["yes"]) for row in rows}
    rituals = Ritual.objects.owned_by(user).in_bulk(list(counted))
    found = [Glimmering(rituals[pk], *counted[pk]) for pk in counted if pk in rituals]
    found.sort(key=lambda row: (-row.glimmered / row.occasions, -row.glimmered, row.ritual.name.casefold()))
    return found[:limit]
