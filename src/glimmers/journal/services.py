"""Every operation on glimmers and the people, places and tags they come with.

Views, the API, the CLI and importers all come here; the text, time and bin rules live
here once. Reads go through `owned_by(user)`, so nothing of anyone else's is ever found.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.accounts.zones import zone_named
from glimmers.journal.folding import searchable
from glimmers.journal.ladder import state_from_checkin
from glimmers.journal.models import (
    BIN_DAYS,
    SENSE_BITS,
    Glimmer,
    GlimmerQuerySet,
    Person,
    Place,
    State,
    Tag,
    attach_names,
    name_order,
)
from glimmers.journal.naming import find_or_add
from glimmers.journal.text import (
    TEXT_LIMIT,
    clean_text,
    hashtags,
    mentioned_people,
    mentioned_places,
    new_in,
)
from glimmers.lib.errors import NotFound, Problems
from glimmers.lib.errors import on_field as _field
from glimmers.lib.paging import Page, keyset_page
from glimmers.lib.when import parse_when

FUTURE_GRACE = timedelta(days=1)
EARLIEST = datetime(1900, 1, 1, tzinfo=ZoneInfo("UTC"))
PAGE_SIZE = 20
MIN_PREFIX = 6
UNSET: Any = object()  # "leave this field as it is" in an edit


# --- reading --------------------------------------------------------------------------------------


def glimmers_of(user: User, *, binned: bool = False) -> GlimmerQuerySet:
    return Glimmer.objects.owned_by(user, binned=binned)


def get_glimmer(user: User, glimmer_id: str | uuid.UUID, *, binned: bool = False) -> Glimmer:
    """One glimmer by its full id, or (for the command line) a unique prefix of at least 6 characters.

    Unknown, ambiguous and someone else's ids all raise NotFound: the same answer either way.
    """
    queryset = glimmers_of(user, binned=binned).with_details()
    wanted = str(glimmer_id).strip().lower().replace("-", "")
    if len(wanted) == 32:
        try:
            return queryset.get(uuid=uuid.UUID(wanted))
        except (ValueError, Glimmer.DoesNotExist):
            raise NotFound(str(glimmer_id)) from None
    if len(wanted) < MIN_PREFIX or any(ch not in "0123456789abcdef" for ch in wanted):
        raise NotFound(str(glimmer_id))
    # A prefix is a range of ids: found through the unique index on uuid (a few rows at most, from
    # anyone), then narrowed to the owner's. Filtering the owner's rows by text would read them all.
    low, high = uuid.UUID(wanted.ljust(32, "0")), uuid.UUID(wanted.ljust(32, "f"))
    candidates = Glimmer.objects.filter(uuid__gte=low, uuid__lte=high).order_by().values_list("pk", flat=True)[:50]
    matches = list(queryset.filter(pk__in=list(candidates))[:2])
    if len(matches) != 1:
        raise NotFound(str(glimmer_id))
    return matches[0]


WELCOME_UNTIL = 3  # Today welcomes a person (what a glimmer is, ideas to start from) until they have kept this many
FIRST_STEPS_UNTIL = 10  # ...and then, until this many, apps above may point to a next step (the ladder)


@dataclass(frozen=True)
class Welcome:
    """Where a person is in their first days, for Today: `kept` counts their glimmers up to FIRST_STEPS_UNTIL."""

    kept: int

    @property
    def new(self) -> bool:
        return self.kept < WELCOME_UNTIL

    @property
    def few(self) -> bool:
        return WELCOME_UNTIL <= self.kept < FIRST_STEPS_UNTIL


def welcome_for(user: User) -> Welcome | None:
    """A Welcome while the journal is young, else None. One small query whatever the journal holds: it counts
    at most FIRST_STEPS_UNTIL rows (the bin left out)."""
    kept = len(glimmers_of(user).order_by().values_list("pk", flat=True)[:FIRST_STEPS_UNTIL])
    return Welcome(kept) if kept < FIRST_STEPS_UNTIL else None


def people_and_tags(glimmer: Glimmer) -> tuple[list[Person], list[Tag]]:
    """The people and tags a glimmer came with, as things with pages of their own (its page links to them),
    in name order like `people_names`. They are its owner's: a glimmer only ever links its owner's names."""

    def by_name(rows: Iterable[Any]) -> list[Any]:
        return sorted(rows, key=lambda row: (row.name.casefold(), row.name))

    return by_name(glimmer.people.all()), by_name(glimmer.tags.all())


def list_glimmers(
    user: User, *, cursor: str | None = None, limit: int = PAGE_SIZE, binned: bool = False
) -> Page[Glimmer]:
    """Newest first (the bin: most recently deleted first), a page at a time. Keyset pagination:
    each page costs the same at any depth. (journal.search.find_glimmers narrows it by words and filters.)"""
    key = "deleted_at" if binned else "noticed_at"
    return keyset_page(glimmers_of(user, binned=binned).with_details(), cursor=cursor, limit=limit, key=key)


def profile_zone(user: User) -> ZoneInfo:
    return ZoneInfo(user.time_zone)


def todays_glimmers(user: User, *, along: Sequence[Glimmer] = ()) -> list[Glimmer]:
    """The glimmers of today, as the person's own clock reads it. The names of their people and tags are read
    in one query with those of `along`, other glimmers on the same page (on this day), so Today asks the
    same number of questions whether it shows earlier glimmers or not."""
    today = timezone.now().astimezone(profile_zone(user)).date()
    # Sorted here, not in SQL: asked to sort by time, SQLite walks the whole timeline index instead
    # of the day index (50 ms at 100,000 glimmers, 6 ms this way); a day holds few glimmers.
    rows = list(glimmers_of(user).filter(local_date=today).select_related("place").order_by())
    attach_names([*rows, *along])
    return sorted(rows, key=lambda glimmer: (glimmer.noticed_at, glimmer.pk), reverse=True)


def bin_expires_on(glimmer: Glimmer) -> date:
    assert glimmer.deleted_at is not None
    return (glimmer.deleted_at + timedelta(days=BIN_DAYS)).date()


# --- writing --------------------------------------------------------------------------------------


def _noticed_at(when: str | datetime | None, zone: ZoneInfo, now: datetime) -> datetime:
    if when is None or when == "":
        return now
    moment = when if isinstance(when, datetime) else parse_when(when, zone, now)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=zone)
    if moment > now + FUTURE_GRACE:
        raise ValidationError(
            "That time is more than a day ahead. Glimmers keeps moments that have happened — when did you notice it?",
            code="future",
        )
    if moment < EARLIEST:
        raise ValidationError("That time is before 1900. Please check the year.", code="too_early")
    return moment


def _senses(values: Iterable[str]) -> int:
    bits = 0
    for value in values:
        name = value.strip().lower()
        if name not in SENSE_BITS:
            choices = ", ".join(SENSE_BITS)
            raise ValidationError(f"“{value}” isn't one of the senses Glimmers knows: {choices}.", code="sense")
        bits |= SENSE_BITS[name]
    return bits


def _glow(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError("Glow is a number from 1 (a flicker) to 5 (shining).", code="glow")
    return value


def _state(value: str | None, label: str) -> str:
    if not value:
        return ""
    if value not in State.values:
        raise ValidationError(f"The {label} should be one of: {', '.join(State.values)}.", code="state")
    return value


def _split(value: str | Sequence[str] | None) -> list[str]:
    """Names from a list, or from a comma-separated string (as a simple form field gives them)."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item and item.strip()]


def create_glimmer(
    user: User,
    *,
    text: str,
    when: str | datetime | None = None,
    time_zone: str | None = None,
    senses: Iterable[str] = (),
    people: str | Sequence[str] | None = None,
    place: str | None = None,
    tags: str | Sequence[str] | None = None,
    glow: int | None = None,
    why: str = "",
    state_before: str | None = None,
    state_after: str | None = None,
    resurface: bool = True,
    source: str = "web",
    mentions: bool = True,
    before_checkin: str | None = None,
) -> Glimmer:
    """Keep a glimmer. `#tags`, `@people` and `+places` written in the text are picked up (new names are
    added), unless `mentions=False` (an importer whose source uses @ or + for something else).
    `before_checkin`: the check-in the capture form offered as "before"; it counts only when it was made in
    the 30 minutes before the glimmer's own moment, and never over a "before" that was chosen."""
    zone_name = time_zone or user.time_zone
    zone = _field("time_zone", zone_named, zone_name)
    now = timezone.now()
    problems = Problems()  # every field checked, all their complaints together
    glimmer = Glimmer(
        owner=user,
        text=problems.check("text", clean_text, text, label="glimmer", required=True),
        noticed_at=problems.check("when", _noticed_at, when, zone, now),
        time_zone=zone_name,
        sense_bits=problems.check("senses", _senses, senses),
        glow=problems.check("glow", _glow, glow),
        why=problems.check("why", clean_text, why or "", label="“why it mattered”", limit=TEXT_LIMIT),
        state_before=problems.check("state_before", _state, state_before, "state before"),
        state_after=problems.check("state_after", _state, state_after, "state after"),
        resurface=bool(resurface),
        source=source,
    )
    problems.raise_any()
    glimmer.local_date = glimmer.noticed_at.astimezone(zone).date()
    if before_checkin and not glimmer.state_before:
        glimmer.state_before = state_from_checkin(user, before_checkin, glimmer.noticed_at)
    said_people = mentioned_people(glimmer.text) if mentions else []
    said_places = mentioned_places(glimmer.text) if mentions else []
    # commas belong to a place's name; a glimmer has one place: the one given, else the first +place
    place_names = [place] if isinstance(place, str) and place.strip() else said_places[:1]
    with transaction.atomic():
        glimmer.place = next(iter(_field("place", find_or_add, Place, user, place_names, "place")), None)
        people_rows = _field("people", find_or_add, Person, user, [*_split(people), *said_people], "person's name")
        tag_rows = _field("tags", find_or_add, Tag, user, [*_split(tags), *hashtags(glimmer.text)], "tag")
        _index(glimmer, people_rows, tag_rows)
        glimmer.save()
        glimmer.people.add(*people_rows)  # a new glimmer has none yet: nothing to read before adding
        glimmer.tags.add(*tag_rows)
    # What was just written is known: no need to read it back (the names as with_details() gives them).
    glimmer.shown_names = (
        sorted((person.name for person in people_rows), key=name_order),
        sorted((tag.name for tag in tag_rows), key=name_order),
    )
    return glimmer


def update_glimmer(
    user: User,
    glimmer_id: str | uuid.UUID,
    *,
    text: str = UNSET,
    when: str | datetime | None = UNSET,
    time_zone: str = UNSET,
    senses: Iterable[str] = UNSET,
    people: str | Sequence[str] | None = UNSET,
    place: str | None = UNSET,
    tags: str | Sequence[str] | None = UNSET,
    glow: int | None = UNSET,
    why: str = UNSET,
    state_before: str | None = UNSET,
    state_after: str | None = UNSET,
    resurface: bool = UNSET,
) -> Glimmer:
    """Change only what is given. Everything is checked before anything is saved, so a failed
    edit never loses what was there."""
    glimmer = get_glimmer(user, glimmer_id)
    old_text = glimmer.text
    zone_name = glimmer.time_zone if time_zone is UNSET else time_zone
    zone = _field("time_zone", zone_named, zone_name)
    problems = Problems()  # every field checked, all their complaints together
    if text is not UNSET:
        glimmer.text = problems.check("text", clean_text, text, label="glimmer", required=True)
    if when is not UNSET and when not in (None, ""):
        glimmer.noticed_at = problems.check("when", _noticed_at, when, zone, timezone.now()) or glimmer.noticed_at
    glimmer.time_zone = zone_name
    glimmer.local_date = glimmer.noticed_at.astimezone(zone).date()
    if senses is not UNSET:
        glimmer.sense_bits = problems.check("senses", _senses, senses)
    if glow is not UNSET:
        glimmer.glow = problems.check("glow", _glow, glow)
    if why is not UNSET:
        glimmer.why = problems.check("why", clean_text, why or "", label="“why it mattered”")
    if state_before is not UNSET:
        glimmer.state_before = problems.check("state_before", _state, state_before, "state before")
    if state_after is not UNSET:
        glimmer.state_after = problems.check("state_after", _state, state_after, "state after")
    if resurface is not UNSET:
        glimmer.resurface = bool(resurface)
    problems.raise_any()
    # #tags, @people and +places count when the edit writes them: ones already in the old text are not
    # added again, so a tag or person renamed or merged since stays as it is now.
    new_tags = new_in(hashtags(glimmer.text), hashtags(old_text))
    new_people = new_in(mentioned_people(glimmer.text), mentioned_people(old_text))
    new_places = new_in(mentioned_places(glimmer.text), mentioned_places(old_text))
    with transaction.atomic():
        # Every name is checked before anything is written, so a failed edit changes nothing.
        given = [place] if isinstance(place, str) and place.strip() else []  # commas belong to the name
        if given or new_places or place is not UNSET:
            glimmer.place = next(
                iter(_field("place", find_or_add, Place, user, given or new_places[:1], "place")), None
            )
        current_people = list(glimmer.people_names) if people is UNSET else _split(people)
        people_rows = _field("people", find_or_add, Person, user, [*current_people, *new_people], "person's name")
        current_tags = list(glimmer.tag_names) if tags is UNSET else _split(tags)
        tag_rows = _field("tags", find_or_add, Tag, user, [*current_tags, *new_tags], "tag")
        _index(glimmer, people_rows, tag_rows)
        glimmer.save()
        glimmer.people.set(people_rows)
        glimmer.tags.set(tag_rows)
    return get_glimmer(user, glimmer.uuid)


def _index(glimmer: Glimmer, people: Sequence[Person], tags: Sequence[Tag]) -> None:
    """Write what search reads (FTS5's triggers and PostgreSQL's index follow it)."""
    glimmer.search_text = searchable(
        glimmer.text,
        glimmer.why,
        [person.name for person in people],
        glimmer.place.name if glimmer.place else None,
        [tag.name for tag in tags],
    )


# --- the bin --------------------------------------------------------------------------------------


def delete_glimmer(user: User, glimmer_id: str | uuid.UUID) -> Glimmer:
    """Move to "recently deleted"; it stays there 30 days and can be brought back."""
    glimmer = get_glimmer(user, glimmer_id)
    glimmer.deleted_at = timezone.now()
    glimmer.save(update_fields=["deleted_at"])
    return glimmer


def restore_glimmer(user: User, glimmer_id: str | uuid.UUID) -> Glimmer:
    glimmer = get_glimmer(user, glimmer_id, binned=True)
    glimmer.deleted_at = None
    glimmer.save(update_fields=["deleted_at"])
    return glimmer


def delete_forever(user: User, glimmer_id: str | uuid.UUID) -> None:
    """Erase a glimmer that is already in the bin."""
    get_glimmer(user, glimmer_id, binned=True).delete()


def purge_bin(*, now: datetime | None = None) -> int:
    """Erase everything that has been in anyone's bin for more than 30 days. Returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=BIN_DAYS)
    _count, by_model = Glimmer.objects.filter(deleted_at__lt=cutoff).delete()
    return by_model.get(Glimmer._meta.label, 0)
