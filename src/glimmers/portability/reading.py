"""What an export holds, read once for every format: each section as a stream of plain dicts.

Everything goes through the owners' querysets (`owned_by`), so nothing of anyone else can enter; glimmers
in the bin are left out, as everywhere else. Long sections are read in keyset batches, so memory stays flat
however long the journal is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db import models

from glimmers.journal.models import Glimmer, Person, Place, Tag
from glimmers.kit.models import Anchor, KitSettings, Savouring, Surfacing
from glimmers.portability import glimmer_rows
from glimmers.practice.models import Intention, NoticingSession, Occasion, Prompt, Reminders, Ritual
from glimmers.states.models import CheckIn, Cue, LadderMap, StatesSettings, Trigger

if TYPE_CHECKING:
    from glimmers.accounts.models import User

BATCH = 2000  # rows a query: bigger batches ask less often, and 2,000 glimmers are still under a megabyte
LADDER_STATES = ("ventral", "sympathetic", "dorsal")
LADDER_FIELDS = (
    *("name", "colour", "body", "feel", "think", "do", "helps", "words"),
    *("story_what", "story_body", "story_thoughts"),  # its landmark story
)

Row = dict[str, Any]


def _utc(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _local(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).isoformat()


def batches(queryset: models.QuerySet[Any], size: int | None = None) -> Iterator[list[Any]]:
    """The rows of `queryset` in primary-key order, `size` (default BATCH) at a time (keyset pages: no OFFSET,
    no cursor held open between batches)."""
    size = size or BATCH
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        rows = list(page[:size])
        if not rows:
            return
        yield rows
        last = rows[-1].pk


# --- the sections -----------------------------------------------------------------------------------


def account(user: User) -> Row:
    return {
        "id": str(user.public_id),
        "username": user.username,
        "time_zone": user.time_zone,
        "created_at": _utc(user.date_joined),
    }


def settings(user: User) -> Row:
    states = StatesSettings.objects.owned_by(user).first()
    kit = KitSettings.objects.owned_by(user).first()
    # The calendar feed's choices, never its address (a secret) nor the key it is derived from.
    reminders = Reminders.objects.owned_by(user).first() or Reminders(owner=user)
    return {
        "hard_moments": states.hard_moments if states else False,
        "savour_seconds": kit.savour_seconds if kit else KitSettings._meta.get_field("savour_seconds").default,
        "low_energy": kit.low_energy if kit else False,
        "calendar_feed": reminders.feed_on,
        "feed_noticing_at": reminders.noticing_at.strftime("%H:%M") if reminders.noticing_at else None,
        "feed_evening": reminders.evening,
        "feed_past_glimmer": reminders.past_glimmer,
        "on_this_day": user.on_this_day,
        "from_before": user.from_before,
    }


def _named(thing: Person | Place | Tag) -> Row:
    row: Row = {"id": str(thing.uuid), "name": thing.name, "note": thing.note, "resurface": thing.resurface}
    if not isinstance(thing, Tag):
        row["archived"] = thing.archived
    row["created_at"] = _utc(thing.created_at)
    return row


def people(user: User) -> Iterator[Row]:
    for batch in batches(Person.objects.owned_by(user)):
        yield from map(_named, batch)


def places(user: User) -> Iterator[Row]:
    for batch in batches(Place.objects.owned_by(user)):
        yield from map(_named, batch)


def tags(user: User) -> Iterator[Row]:
    for batch in batches(Tag.objects.owned_by(user)):
        yield from map(_named, batch)


def glimmers(user: User) -> Iterator[Row]:
    """Each glimmer in its one JSON shape (DESIGN §5), the same as the CLI and the API give."""
    for batch in glimmer_rows.batches(user, BATCH):
        yield from batch


def check_ins(user: User) -> Iterator[Row]:
    for batch in batches(CheckIn.objects.owned_by(user)):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "at": _local(row.at, row.time_zone),
                "time_zone": row.time_zone,
                "state": row.state,
                "word": row.word,
                "note": row.note,
                "created_at": _utc(row.created_at),
            }


def ladder_map(user: User) -> Row | None:
    found = LadderMap.objects.owned_by(user).first()
    if found is None:
        return None
    row: Row = {state: {name: getattr(found, f"{state}_{name}") for name in LADDER_FIELDS} for state in LADDER_STATES}
    row["updated_at"] = _utc(found.updated_at)
    return row


def hard_moments(user: User) -> Iterator[Row]:
    for batch in batches(Trigger.objects.owned_by(user).select_related("cue")):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "at": _local(row.at, row.time_zone),
                "time_zone": row.time_zone,
                "text": row.text,
                "state": row.state or None,
                "cue": str(row.cue.uuid) if row.cue else None,
                "created_at": _utc(row.created_at),
            }


def _glimmers_linked(through: type[models.Model], key: str, batch: list[Any]) -> dict[int, list[str]]:
    """The ids of the glimmers each row of `batch` links to through a many-to-many table (one query a batch),
    leaving out glimmers in the bin."""
    linked: dict[int, list[str]] = {row.pk: [] for row in batch}
    links = (
        through.objects.filter(**{f"{key}__in": linked}, glimmer__deleted_at__isnull=True)  # type: ignore[attr-defined]
        .order_by("glimmer_id")
        .values_list(key, "glimmer__uuid")
    )
    for row_id, glimmer_uuid in links:
        linked[row_id].append(str(glimmer_uuid))
    return linked


def cues(user: User) -> Iterator[Row]:
    for batch in batches(Cue.objects.owned_by(user)):
        linked = _glimmers_linked(Cue.glimmers.through, "cue_id", batch)
        for cue in batch:
            yield {
                "id": str(cue.uuid),
                "name": cue.name,
                "note": cue.note,
                "glimmers": linked[cue.pk],
                "created_at": _utc(cue.created_at),
            }


def anchors(user: User) -> Iterator[Row]:
    # An anchor on a glimmer in the bin waits there with it, as the kit shows it.
    queryset = Anchor.objects.owned_by(user).exclude(glimmer__deleted_at__isnull=False)
    for batch in batches(queryset.select_related("glimmer", "person", "place", "cue")):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "kind": row.kind,
                "thing": str(row.thing.uuid),
                "position": row.position,
                "note": row.note,
                "created_at": _utc(row.created_at),
            }


def surfacings(user: User) -> Iterator[Row]:
    queryset = Surfacing.objects.owned_by(user).filter(glimmer__deleted_at__isnull=True).select_related("glimmer")
    for batch in batches(queryset):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "glimmer": str(row.glimmer.uuid),
                "at": _utc(row.at),
                "state_before": row.state_before or None,
                "state_after": row.state_after or None,
                "helped": row.helped,
            }


def savourings(user: User) -> Iterator[Row]:
    queryset = Savouring.objects.owned_by(user).filter(glimmer__deleted_at__isnull=True)
    for batch in batches(queryset.select_related("glimmer", "surfacing")):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "glimmer": str(row.glimmer.uuid),
                "surfacing": str(row.surfacing.uuid) if row.surfacing else None,
                "at": _utc(row.at),
                "seconds": row.seconds,
            }


def rituals(user: User) -> Iterator[Row]:
    for batch in batches(Ritual.objects.owned_by(user)):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "name": row.name,
                "about": row.about,
                "sense": row.sense or None,
                "schedule": row.schedule,  # an iCalendar RRULE; "" for "whenever"
                "starts_on": row.starts_on.isoformat(),
                "time_of_day": row.time_of_day.strftime("%H:%M") if row.time_of_day else None,
                "reminder": row.reminder,
                "retired_at": _utc(row.retired_at),
                "created_at": _utc(row.created_at),
            }


def occasions(user: User) -> Iterator[Row]:
    # A glimmer in the bin is left out here as everywhere: the occasion stays, without its link.
    queryset = Occasion.objects.owned_by(user).select_related("ritual", "glimmer")
    for batch in batches(queryset):
        for row in batch:
            linked = row.glimmer if row.glimmer is not None and row.glimmer.deleted_at is None else None
            yield {
                "id": str(row.uuid),
                "ritual": str(row.ritual.uuid),
                "local_date": row.local_date.isoformat(),
                "done_at": _local(row.done_at, row.time_zone),
                "time_zone": row.time_zone,
                "note": row.note,
                "glimmered": row.glimmered,
                "glimmer": str(linked.uuid) if linked else None,
            }


def intentions(user: User) -> Iterator[Row]:
    for batch in batches(Intention.objects.owned_by(user)):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "day": row.day.isoformat() if row.day else None,  # None: the every-day default
                "text": row.text,
                "updated_at": _utc(row.updated_at),
            }


def prompts(user: User) -> Iterator[Row]:
    for batch in batches(Prompt.objects.owned_by(user)):
        for row in batch:
            yield {
                "id": str(row.uuid),
                "sense": row.sense,
                "text": row.text,
                "hidden": row.hidden,
                "created_at": _utc(row.created_at),
            }


def noticing_sessions(user: User) -> Iterator[Row]:
    queryset = NoticingSession.objects.owned_by(user).select_related("checkin")
    for batch in batches(queryset):
        kept = _glimmers_linked(NoticingSession.kept.through, "noticingsession_id", batch)
        for row in batch:
            yield {
                "id": str(row.uuid),
                "started_at": _local(row.started_at, row.time_zone),
                "time_zone": row.time_zone,
                "minutes": row.minutes,
                "seconds": row.seconds,
                "senses": row.senses,
                "low_energy": row.low_energy,
                "source": row.source,
                "kept": kept[row.pk],
                "check_in": str(row.checkin.uuid) if row.checkin else None,
            }


# One object each, then the lists, in the order every format writes them.
SINGLE: dict[str, Callable[[User], Row | None]] = {
    "account": account,
    "settings": settings,
    "ladder_map": ladder_map,
}
LISTS: dict[str, Callable[[User], Iterator[Row]]] = {
    "people": people,
    "places": places,
    "tags": tags,
    "glimmers": glimmers,
    "check_ins": check_ins,
    "hard_moments": hard_moments,
    "cues": cues,
    "anchors": anchors,
    "surfacings": surfacings,
    "savourings": savourings,
    "rituals": rituals,
    "occasions": occasions,
    "intentions": intentions,
    "prompts": prompts,
    "noticing_sessions": noticing_sessions,
}
SECTIONS = (*SINGLE, *LISTS)


def glimmer_count(user: User) -> int:
    return Glimmer.objects.owned_by(user).count()
