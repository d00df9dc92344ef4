"""A seeded generator of realistic glimmers for one account, for benchmarks and tests.

`glimmer_values` is pure: the same seed and `until` always give the same glimmers, no database needed.
`generate` writes them fast with bulk_create, setting every field services.create_glimmer would set.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from bench import catalogue as cat
from glimmers.accounts.models import User
from glimmers.journal.models import SENSE_BITS, Glimmer, NamedThing, Person, Place, State, Tag, bits_from_senses
from glimmers.journal.text import hashtags

SOURCE = "bench"
DEFAULT_UNTIL = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
BATCH = 5000
# Local hours people notice things at: a morning and an evening peak, little at night.
HOURS = tuple(range(6, 24))
HOUR_WEIGHTS = (2, 5, 6, 5, 3, 3, 4, 3, 3, 3, 4, 4, 5, 5, 4, 3, 2, 1)
T = TypeVar("T")


@dataclass(frozen=True)
class GlimmerValues:
    """The plain field values of one glimmer, as a person would have given them."""

    text: str
    noticed_at: datetime  # in UTC
    time_zone: str
    local_date: date  # noticed_at's day in time_zone
    senses: tuple[str, ...]  # in Sense order, as Glimmer.senses gives them back
    people: tuple[str, ...]
    place: str | None
    tags: tuple[str, ...]  # the tags given, then the #tags in the text, without repeats
    glow: int | None
    why: str
    state_before: str
    state_after: str
    resurface: bool


def glimmer_values(
    count: int, *, seed: int = 0, until: datetime = DEFAULT_UNTIL, years: int = 5
) -> Iterator[GlimmerValues]:
    """`count` glimmers over `years` years up to `until`, oldest first (as a journal is written)."""
    rng = random.Random(seed)
    first_day = (until - timedelta(days=365 * years)).date()
    days = (until.date() - first_day).days + 1
    zones = _zones_by_day(rng, days)
    moments = sorted(
        _moment(rng, first_day + timedelta(days=day), zones[day], until) for day in _days(rng, days, count)
    )
    for index, (noticed_at, zone) in enumerate(moments):
        yield _values(rng, noticed_at, zone, rare=index % cat.RARE_EVERY == 0)


def _days(rng: random.Random, days: int, count: int) -> Iterator[int]:
    for _ in range(count):
        yield rng.randrange(days)


def _zones_by_day(rng: random.Random, days: int) -> list[str]:
    """Mostly at home, with one to three trips a year; the last month at home, so today is too."""
    zones = [cat.HOME_ZONE] * days
    for _year in range(max(1, days // 365)):
        for _trip in range(rng.randint(1, 3)):
            start, length, zone = rng.randrange(max(1, days - 30)), rng.randint(5, 16), rng.choice(cat.TRIP_ZONES)
            for day in range(start, min(start + length, days - 30)):
                zones[day] = zone
    return zones


def _moment(rng: random.Random, day: date, zone: str, until: datetime) -> tuple[datetime, str]:
    hour = rng.choices(HOURS, HOUR_WEIGHTS)[0]
    local = datetime.combine(day, time(hour, rng.randrange(60)), tzinfo=ZoneInfo(zone))
    noticed_at = local.astimezone(UTC)
    while noticed_at > until:  # later today than "now": it happened yesterday instead
        noticed_at -= timedelta(days=1)
    return noticed_at, zone


def _values(rng: random.Random, noticed_at: datetime, zone: str, *, rare: bool = False) -> GlimmerValues:
    moment = rng.choice(cat.MOMENTS)
    if rare:
        moment = cat.RARE_MOMENT
    text = rng.choice(cat.WORDINGS).format(m=moment.phrase, M=moment.phrase[0].upper() + moment.phrase[1:])
    if rng.random() < 0.1:
        text += " " + rng.choice(cat.EMOJI)
    if moment.tags and rng.random() < 0.25:
        text += " " + " ".join("#" + tag for tag in rng.sample(moment.tags, rng.randint(1, len(moment.tags))))
    away = zone != cat.HOME_ZONE
    given = (
        list(rng.sample(moment.tags, rng.randint(1, len(moment.tags)))) if moment.tags and rng.random() < 0.3 else []
    )
    if away and rng.random() < 0.5:
        given.append("travel")
    return GlimmerValues(
        text=text,
        noticed_at=noticed_at,
        time_zone=zone,
        local_date=noticed_at.astimezone(ZoneInfo(zone)).date(),
        senses=_senses(rng, moment),
        people=_people(rng, moment),
        place=rng.choice(cat.PLACES[zone]) if rng.random() < 0.55 else None,
        tags=_unique([*given, *hashtags(text)]),
        glow=None if rng.random() < 0.5 else rng.choices((1, 2, 3, 4, 5), (1, 2, 4, 4, 2))[0],
        why=rng.choice(cat.WHYS) if rng.random() < 0.15 else "",
        **_states(rng),
        resurface=rng.random() >= 0.02,
    )


def _senses(rng: random.Random, moment: cat.Moment) -> tuple[str, ...]:
    """None picked (a quick capture) or the 1–3 likeliest for the moment."""
    chosen = () if rng.random() < 0.3 else moment.senses[: rng.randint(1, 3)]
    return tuple(sense for sense in SENSE_BITS if sense in chosen)


def _people(rng: random.Random, moment: cat.Moment) -> tuple[str, ...]:
    people = list(moment.who) if moment.who and rng.random() < 0.8 else []
    if rng.random() < 0.35:
        people += rng.sample(cat.HUMANS, rng.randint(1, 2))
    return _unique(people)


def _states(rng: random.Random) -> dict[str, str]:
    """Sometimes a check-in around the glimmer: usually from lower on the ladder up to ventral."""
    roll = rng.random()
    if roll >= 0.25:
        return {"state_before": "", "state_after": ""}
    before = rng.choices((State.SYMPATHETIC, State.DORSAL, State.VENTRAL), (5, 3, 2))[0].value
    after = State.VENTRAL.value if rng.random() < 0.7 else before
    return {"state_before": "" if roll < 0.05 else before, "state_after": after}


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """Without repeats, ignoring case, as the services match names."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.lower(), name)
    return tuple(seen.values())


# --- writing --------------------------------------------------------------------------------------


def generate(
    user: User, count: int, *, seed: int = 0, until: datetime | None = None, years: int = 5, batch: int = BATCH
) -> int:
    """Write `count` generated glimmers into `user`'s journal; returns how many were written.

    `until` (default: now) is the newest moment; the same seed and `until` give the same journal.
    People, places and tags are reused when the account already has them (names match ignoring case).
    """
    until = until or timezone.now().replace(second=0, microsecond=0)
    with transaction.atomic():
        people = _named(Person, user, list(cat.PEOPLE))
        every_place = [name for names in cat.PLACES.values() for name in names]
        places = _named(Place, user, [(name, "", name not in cat.PLACES_NOT_RESURFACED) for name in every_place])
        tags = _named(Tag, user, [(name, "", True) for name in cat.TAGS])
    search_text = _search_text()
    written = 0
    with _words_remembered():
        for values in _batches(glimmer_values(count, seed=seed, until=until, years=years), batch):
            with transaction.atomic():  # one commit per batch: fast, and memory stays flat
                _write(user, values, people, places, tags, search_text)
            written += len(values)
    return written


def _named(model: type[NamedThing], user: User, wanted: list[tuple[str, str, bool]]) -> dict[str, int]:
    """The owner's things by lower-case name → pk, creating the missing ones."""
    found = {name.lower(): pk for name, pk in model.objects.owned_by(user).values_list("name", "pk")}
    missing = [
        model(owner=user, name=name, note=note, **({} if model is Tag else {"resurface": resurface}))
        for name, note, resurface in wanted
        if name.lower() not in found
    ]
    for thing in model.objects.bulk_create(missing):
        found[thing.name.lower()] = thing.pk
    return found


def _search_text() -> Callable[[GlimmerValues], dict[str, str]]:
    """What the services store for search (journal.folding.searchable), once full-text search is there."""
    if not any(field.name == "search_text" for field in Glimmer._meta.get_fields()):
        return lambda _values: {}
    from glimmers.journal.folding import searchable

    return lambda v: {"search_text": searchable(v.text, v.why, v.people, v.place, v.tags)}


@contextmanager
def _words_remembered() -> Iterator[None]:
    """While filling, `folding.words` remembers each part's words: a journal repeats its texts and names,
    and finding their words again is a quarter of a large fill's time. The same pure function, so the
    same search text; put back afterwards."""
    try:
        from glimmers.journal import folding
    except ImportError:
        yield
        return
    words = getattr(folding, "words", None)
    if words is None:
        yield
        return
    folding.words = lru_cache(maxsize=100_000)(words)
    try:
        yield
    finally:
        folding.words = words


def _write(
    user: User,
    batch: list[GlimmerValues],
    people: dict[str, int],
    places: dict[str, int],
    tags: dict[str, int],
    search_text: Callable[[GlimmerValues], dict[str, str]],
) -> None:
    rows = [
        Glimmer(
            owner=user,
            uuid=uuid.uuid4(),  # random, not seeded: two accounts filled with one seed must not collide
            text=v.text,
            noticed_at=v.noticed_at,
            time_zone=v.time_zone,
            local_date=v.local_date,
            sense_bits=bits_from_senses(v.senses),
            place_id=places[v.place.lower()] if v.place else None,
            glow=v.glow,
            why=v.why,
            state_before=v.state_before,
            state_after=v.state_after,
            resurface=v.resurface,
            source=SOURCE,
            **search_text(v),
        )
        for v in batch
    ]
    Glimmer.objects.bulk_create(rows)
    # bulk_create stamps created/updated with "now"; a journal kept over years was written as it happened.
    pks = [row.pk for row in rows]
    Glimmer.objects.filter(owner=user, pk__gte=min(pks), pk__lte=max(pks), source=SOURCE).update(
        created_at=F("noticed_at"), updated_at=F("noticed_at")
    )
    people_rows = Glimmer.people.through
    people_rows.objects.bulk_create(
        people_rows(glimmer_id=row.pk, person_id=people[name.lower()])
        for row, v in zip(rows, batch, strict=True)
        for name in v.people
    )
    tag_rows = Glimmer.tags.through
    tag_rows.objects.bulk_create(
        tag_rows(glimmer_id=row.pk, tag_id=tags[name.lower()])
        for row, v in zip(rows, batch, strict=True)
        for name in v.tags
    )


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
