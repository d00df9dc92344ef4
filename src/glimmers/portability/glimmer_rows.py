"""Glimmers for an export, fast: each in its one JSON shape (`journal.reading.glimmer_as_dict`), without making a model
object per row — as a dict (CSV, Markdown) or straight as its JSON text (Glimmers JSON).

At 100,000 glimmers an export through model instances spent most of its time building them and converting
columns one by one (about 12 s of CPU). Here each batch is one query through `owned_by` (the bin left out),
run on the cursor itself so Django converts nothing; times are read as text, and names are looked up in the
person's own people, places and tags, read once and ranked once in the order `glimmer_as_dict` gives them. For JSON,
building a dict per row and handing it to the encoder cost as much again as reading (about 2 s at 100,000), so
`json_batches` writes each glimmer's text directly: only the person's own words are escaped (by the encoder's
own `encode_basestring`); ids, times, senses and names are ASCII made here or escaped once per person.
tests/portability/test_glimmer_rows.py holds every row equal to `glimmer_as_dict` and every text equal to the encoder's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

from django.db import connection, models
from django.db.models.functions import Cast

from glimmers.journal.models import SENSE_BITS, Glimmer, Person, Place, Tag, senses_from_bits

if TYPE_CHECKING:
    from glimmers.accounts.models import User

Row = dict[str, Any]


class _Columns(NamedTuple):
    """One glimmer as the page query reads it: these columns (COLUMNS), in this order, as the database gives them
    (times and the uuid as text)."""

    id: int
    uuid_text: str
    text: str
    noticed_text: str
    time_zone: str
    sense_bits: int
    place_id: int | None
    glow: int | None
    why: str
    state_before: str | None
    state_after: str | None
    resurface: bool
    source: str
    created_text: str
    updated_text: str


COLUMNS = _Columns._fields


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
SENSES_JSON = ["[" + ",".join(f'"{name}"' for name in senses) + "]" for senses in SENSES]
STATES_JSON: dict[str | None, str] = {
    "": "null",
    None: "null",
    **{state: f'"{state}"' for state in ("ventral", "sympathetic", "dorsal")},
}


class _Names:
    """One person's people, places or tags: each id's rank in the order `as_dict` lists them (by name ignoring
    case, as journal.models.attach_names), its name, and its name as JSON text."""

    def __init__(self, pairs: Sequence[tuple[int, str]]) -> None:
        ordered = sorted(pairs, key=lambda pair: (pair[1].casefold(), pair[1]))
        self.rank = {pk: position for position, (pk, _name) in enumerate(ordered)}
        self.names = [name for _pk, name in ordered]
        self.json = [encode_basestring(name) for name in self.names]
        self.json_by_id = {pk: self.json[position] for pk, position in self.rank.items()}
        self.name_by_id = dict(pairs)


class _Page:
    """One batch: the glimmers' columns (COLUMNS, as the database gives them) and each one's people and tags
    as ranks."""

    def __init__(self, rows: list[_Columns], people: dict[int, list[int]], tags: dict[int, list[int]]):
        self.rows = rows
        self.people = people
        self.tags = tags


def _pages(user: User, size: int, oldest_first: bool) -> Iterator[tuple[_Page, _Names, _Names, _Names]]:
    text: models.TextField[str, str] = models.TextField()
    queryset = Glimmer.objects.owned_by(user).annotate(
        uuid_text=Cast("uuid", text),
        noticed_text=Cast("noticed_at", text),
        created_text=Cast("created_at", text),
        updated_text=Cast("updated_at", text),
    )
    people = _Names(list(Person.objects.owned_by(user).values_list("id", "name")))
    places = _Names(list(Place.objects.owned_by(user).values_list("id", "name")))
    tags = _Names(list(Tag.objects.owned_by(user).values_list("id", "name")))
    order = ("noticed_at", "id") if oldest_first else ("id",)
    after: tuple[Any, ...] | None = None
    while True:
        page = queryset.order_by(*order)
        if after is not None and oldest_first:
            at, pk = after
            page = page.filter(models.Q(noticed_at__gt=at) | models.Q(noticed_at=at, id__gt=pk))
        elif after is not None:
            page = page.filter(id__gt=after[0])
        # The owner-scoped query's own SQL, run on the cursor: no converter per column per row.
        sql, params = page.values_list(*COLUMNS)[:size].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = list(map(_Columns._make, cursor.fetchall()))
        if not found:
            return
        who: dict[int, list[int]] = {row[0]: [] for row in found}
        tagged: dict[int, list[int]] = {row[0]: [] for row in found}
        # Their people and tags in one query, with the same page again as a subquery (no thousand parameters
        # for Django to prepare one by one), run on the cursor like the page itself.
        same_page = page.values("id")[:size]
        links = (
            Glimmer.people.through.objects.filter(glimmer_id__in=same_page)
            .values_list("glimmer_id", "person_id", models.Value(0))
            .union(
                Glimmer.tags.through.objects.filter(glimmer_id__in=same_page).values_list(
                    "glimmer_id", "tag_id", models.Value(1)
                ),
                all=True,
            )
        )
        sql, params = links.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for glimmer_id, name_id, is_tag in cursor.fetchall():
                if is_tag:
                    tagged[glimmer_id].append(tags.rank[name_id])
                else:
                    who[glimmer_id].append(people.rank[name_id])
        for ranks in (*who.values(), *tagged.values()):
            ranks.sort()
        yield _Page(found, who, tagged), people, places, tags
        last = found[-1]
        after = (_instant(last[3]), last[0]) if oldest_first else (last[0],)


def batches(user: User, size: int, *, oldest_first: bool = False) -> Iterator[list[Row]]:
    """The person's glimmers outside the bin, `size` at a time: by primary key, or oldest noticed first."""
    zones: dict[str, ZoneInfo] = {}
    for page, people, places, tags in _pages(user, size, oldest_first):
        rows = []
        for row in page.rows:
            zone = row.time_zone
            where = zones.get(zone) or zones.setdefault(zone, ZoneInfo(zone))
            rows.append(
                {
                    "id": _uuid(row.uuid_text),
                    "text": row.text,
                    "noticed_at": _instant(row.noticed_text).astimezone(where).isoformat(),
                    "time_zone": zone,
                    "senses": list(SENSES[row.sense_bits]),
                    "people": [people.names[rank] for rank in page.people[row.id]],
                    "place": places.name_by_id[row.place_id] if row.place_id else None,
                    "tags": [tags.names[rank] for rank in page.tags[row.id]],
                    "glow": row.glow,
                    "why": row.why,
                    "state_before": row.state_before or None,
                    "state_after": row.state_after or None,
                    "photos": [],
                    "resurface": bool(row.resurface),
                    "source": row.source,
                    "created_at": _utc_text(row.created_text),
                    "updated_at": _utc_text(row.updated_text),
                }
            )
        yield rows


def json_batches(user: User, size: int) -> Iterator[list[str]]:
    """The same glimmers by primary key, each as the text `json.dumps(row, ensure_ascii=False,
    separators=(",", ":"))` would give for its dict."""
    zones: dict[str, ZoneInfo] = {}
    quoted: dict[str, str] = {}  # zones and sources: a handful of values, escaped once each
    fromisoformat = datetime.fromisoformat
    for page, people, places, tags in _pages(user, size, False):
        texts = []
        for row in page.rows:
            zone = row.time_zone
            where = zones.get(zone) or zones.setdefault(zone, ZoneInfo(zone))
            # SQLite's own form needs only an offset to be read (as in _utc_text); anything else, _instant.
            noticed, place, glow, source = row.noticed_text, row.place_id, row.glow, row.source
            moment = fromisoformat(noticed + "+00:00") if len(noticed) in (19, 26) else _instant(noticed)
            texts.append(
                f'{{"id":"{_uuid(row.uuid_text)}","text":{encode_basestring(row.text)},'
                f'"noticed_at":"{moment.astimezone(where).isoformat()}",'
                f'"time_zone":{quoted.get(zone) or quoted.setdefault(zone, encode_basestring(zone))},'
                f'"senses":{SENSES_JSON[row.sense_bits]},'
                f'"people":[{",".join([people.json[rank] for rank in page.people[row.id]])}],'
                f'"place":{places.json_by_id[place] if place else "null"},'
                f'"tags":[{",".join([tags.json[rank] for rank in page.tags[row.id]])}],'
                f'"glow":{"null" if glow is None else int(glow)},'
                f'"why":{encode_basestring(row.why)},'
                f'"state_before":{STATES_JSON[row.state_before]},"state_after":{STATES_JSON[row.state_after]},'
                f'"photos":[],"resurface":{"true" if row.resurface else "false"},'
                f'"source":{quoted.get(source) or quoted.setdefault(source, encode_basestring(source))},'
                f'"created_at":"{_utc_text(row.created_text)}","updated_at":"{_utc_text(row.updated_text)}"}}'
            )
        yield texts
