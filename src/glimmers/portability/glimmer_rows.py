"""Glimmers for an export, fast: each in its one JSON shape (`journal.services.as_dict`), without making a model
object per row.

At 100,000 glimmers an export through model instances spent most of its time building them and converting
columns one by one (about 12 s of CPU). Here each batch is one `values_list` query through `owned_by` (the bin
left out), times read as text and parsed by `datetime.fromisoformat`, and names looked up in the person's own
people, places and tags, read once. tests/portability/test_glimmer_rows.py holds every row equal to `as_dict`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models.functions import Cast

from glimmers.journal.models import SENSE_BITS, Glimmer, Person, Place, Tag, senses_from_bits

if TYPE_CHECKING:
    from glimmers.accounts.models import User

Row = dict[str, Any]
COLUMNS = (
    "id",
    "uuid_text",
    "text",
    "noticed_text",
    "time_zone",
    "sense_bits",
    "place_id",
    "glow",
    "why",
    "state_before",
    "state_after",
    "resurface",
    "source",
    "created_text",
    "updated_text",
)


def _instant(text: str) -> datetime:
    """A stored time, read as text: SQLite's "2026-03-14 18:00:00.5" (UTC, no offset), PostgreSQL's "…+00"."""
    if "+" in text[19:] or "-" in text[19:]:
        return datetime.fromisoformat(text).astimezone(UTC)
    return datetime.fromisoformat(text + "+00:00")


def _utc_text(text: str) -> str:
    """`_instant(text).isoformat()`, without the round trip for SQLite's own form (what Django writes:
    "2026-03-14 18:00:00" or with six digits of microseconds, in UTC), which only needs a "T" and an offset."""
    if len(text) in (19, 26) and text[10] in " T":
        return f"{text[:10]}T{text[11:]}+00:00"
    return _instant(text).isoformat()


def _uuid(text: str) -> str:
    """SQLite keeps a UUID as 32 hex digits, PostgreSQL as the usual 36 characters."""
    if len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}".lower()
    return str(uuid.UUID(text))


SENSES = [senses_from_bits(bits) for bits in range(1 << len(SENSE_BITS))]  # every combination, made once


def _zone(zones: dict[str, ZoneInfo], name: str) -> ZoneInfo:
    zones[name] = ZoneInfo(name)
    return zones[name]


def _by_name(names: list[str]) -> list[str]:
    return sorted(names, key=lambda name: (name.casefold(), name))  # as journal.models.attach_names


def batches(user: User, size: int, *, oldest_first: bool = False) -> Iterator[list[Row]]:
    """The person's glimmers outside the bin, `size` at a time: by primary key, or oldest noticed first."""
    text: models.TextField[str, str] = models.TextField()
    queryset = Glimmer.objects.owned_by(user).annotate(
        uuid_text=Cast("uuid", text),
        noticed_text=Cast("noticed_at", text),
        created_text=Cast("created_at", text),
        updated_text=Cast("updated_at", text),
    )
    people = dict(Person.objects.owned_by(user).values_list("id", "name"))
    places = dict(Place.objects.owned_by(user).values_list("id", "name"))
    tags = dict(Tag.objects.owned_by(user).values_list("id", "name"))
    zones: dict[str, ZoneInfo] = {}
    order = ("noticed_at", "id") if oldest_first else ("id",)
    after: tuple[Any, ...] | None = None
    while True:
        page = queryset.order_by(*order)
        if after is not None and oldest_first:
            at, pk = after
            page = page.filter(models.Q(noticed_at__gt=at) | models.Q(noticed_at=at, id__gt=pk))
        elif after is not None:
            page = page.filter(id__gt=after[0])
        found = list(page.values_list(*COLUMNS)[:size])
        if not found:
            return
        names: dict[int, tuple[list[str], list[str]]] = {row[0]: ([], []) for row in found}
        # The same page again as a subquery: no thousand parameters for Django to prepare one by one.
        same_page = page.values("id")[:size]
        for glimmer_id, person_id in Glimmer.people.through.objects.filter(glimmer_id__in=same_page).values_list(
            "glimmer_id", "person_id"
        ):
            names[glimmer_id][0].append(people[person_id])
        for glimmer_id, tag_id in Glimmer.tags.through.objects.filter(glimmer_id__in=same_page).values_list(
            "glimmer_id", "tag_id"
        ):
            names[glimmer_id][1].append(tags[tag_id])
        rows = []
        for (
            pk,
            uid,
            body,
            noticed,
            zone,
            bits,
            place,
            glow,
            why,
            before,
            after_state,
            resurface,
            source,
            made,
            changed,
        ) in found:
            who, tagged = names[pk]
            rows.append(
                {
                    "id": _uuid(uid),
                    "text": body,
                    "noticed_at": _instant(noticed).astimezone(zones.get(zone) or _zone(zones, zone)).isoformat(),
                    "time_zone": zone,
                    "senses": list(SENSES[bits]),
                    "people": _by_name(who),
                    "place": places[place] if place else None,
                    "tags": _by_name(tagged),
                    "glow": glow,
                    "why": why,
                    "state_before": before or None,
                    "state_after": after_state or None,
                    "photos": [],
                    "resurface": resurface,
                    "source": source,
                    "created_at": _utc_text(made),
                    "updated_at": _utc_text(changed),
                }
            )
        yield rows
        last = found[-1]
        after = (_instant(last[3]), last[0]) if oldest_first else (last[0],)
