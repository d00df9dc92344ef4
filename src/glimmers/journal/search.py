"""Finding glimmers again: words, filters, or both, behind one service function (`find_glimmers`).

A query is read here, once, for both databases: words and "quoted phrases", folded like the stored
search text (journal.folding), so stray quotes, `NEAR(`, `*`, `-`, `^`, `:` and AND/OR/NOT are only
words or nothing, never syntax. Each word is a prefix ("sun" finds "sunset"); a phrase is its words in a
row, the last one a prefix. SQLite asks its FTS5 table; PostgreSQL its GIN index (migration 0003).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.journal.folding import fold, searchable, split_folded
from glimmers.journal.kinds import ONE
from glimmers.journal.models import SENSE_BITS, Glimmer, GlimmerQuerySet, Person, Place, Tag
from glimmers.journal.text import clean_name
from glimmers.lib.paging import decode_cursor, encode_cursor, keyset_page
from glimmers.lib.when import parse_when

MAX_TERMS = 16  # words and phrases in one query; more add nothing a person would miss
MAX_PHRASE = 16  # words in one phrase
FEW = 500  # SQLite: up to this many candidates are fetched by id and sorted, rather than found on the timeline
ORDERS: tuple[str, ...] = ("newest", "relevance")
NAMED = ("person", "place", "tag")

_QUOTED = re.compile(r'"([^"]*)"?')


# --- reading a query --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """What to look for: each term a word, or a phrase of several words in a row; all folded."""

    terms: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(word for term in self.terms for word in term)

    def fts5(self) -> str:
        """The FTS5 MATCH string: every term double-quoted (only letters and digits are inside), then `*`."""
        return " AND ".join('"' + " ".join(term) + '" *' for term in self.terms)

    def tsquery(self) -> str:
        """The to_tsquery('simple', …) string: quoted lexemes, `<->` between a phrase's words, `:*` on the last."""
        parts = []
        for term in self.terms:
            lexemes = [f"'{word}'" for word in term]
            lexemes[-1] += ":*"
            parts.append(" <-> ".join(lexemes) if len(lexemes) > 1 else lexemes[0])
        return " & ".join(parts)


def parse_query(raw: str) -> Query:
    """Words and "quoted phrases" from anything a person can type. An unclosed quote quotes to the end."""
    terms: dict[tuple[str, ...], None] = {}

    def add(chunk: str, *, phrase: bool) -> None:
        found = list(split_folded(fold(chunk)))
        if phrase and len(found) > 1:
            terms.setdefault(tuple(found[:MAX_PHRASE]), None)
        else:
            for word in found:
                terms.setdefault((word,), None)

    position = 0
    for match in _QUOTED.finditer(raw):
        add(raw[position : match.start()], phrase=False)
        add(match.group(1), phrase=True)
        position = match.end()
    add(raw[position:], phrase=False)
    return Query(tuple(terms)[:MAX_TERMS])


# --- filters ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the journal may be narrowed to. People, places and tags by name or id."""

    since: date | None = None
    until: date | None = None
    sense: str | None = None
    person: str | None = None
    place: str | None = None
    tag: str | None = None
    glow: int | None = None  # at least this
    state_before: str | None = None
    state_after: str | None = None

    def __bool__(self) -> bool:
        return any(value not in (None, "") for value in self.__dict__.values())


def _date(value: Any, label: str, zone: ZoneInfo | None) -> date | None:
    """A day: 2026-03-14, or (given the person's zone) words read as every time in words is (lib.when):
    "yesterday", "last monday", "3 days ago"."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        if zone is None:
            raise ValidationError(f"Please give the {label} date like 2026-03-14.", code="date") from None
    return parse_when(str(value), zone, timezone.now()).astimezone(zone).date()


def _sense(value: Any) -> str | None:
    sense = str(value or "").strip().lower() or None
    if sense and sense not in SENSE_BITS:
        choices = ", ".join(SENSE_BITS)
        raise ValidationError(f"“{sense}” isn't one of the senses Glimmers knows: {choices}.", code="sense")
    return sense


def _at_least(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        glow = int(str(value))
    except ValueError:
        glow = 0
    return services._glow(glow)


def make_filters(values: Mapping[str, Any], zone: ZoneInfo | None = None) -> Filters:
    """Filters from loosely typed input (a query string, options), checked kindly, every field at once;
    blanks are left out. With the person's zone, the days may be given in words too."""
    found: dict[str, Any] = {name: (str(values.get(name) or "").strip()[:200] or None) for name in NAMED}
    problems: dict[str, list[str]] = {}
    checks: dict[str, tuple[Any, ...]] = {
        "since": (_date, values.get("since"), "from", zone),
        "until": (_date, values.get("until"), "to", zone),
        "sense": (_sense, values.get("sense")),
        "glow": (_at_least, values.get("glow")),
        "state_before": (services._state, values.get("state_before") or None, "state before"),
        "state_after": (services._state, values.get("state_after") or None, "state after"),
    }
    for name, (check, *args) in checks.items():
        try:
            found[name] = check(*args) or None
        except ValidationError as error:
            problems[name] = error.messages
    if found.get("since") and found.get("until") and found["since"] > found["until"]:
        problems.setdefault("until", ["The “to” date is before the “from” date. Swap them round?"])
    if problems:
        raise ValidationError(problems)
    return Filters(**found)


def _one(model: type[Person] | type[Place] | type[Tag], user: User, value: str) -> Any:
    """The owner's person/place/tag by id or by name (ignoring case); None when there is none of theirs."""
    things = model.objects.owned_by(user)
    try:
        return things.filter(uuid=uuid.UUID(value)).first()
    except ValueError:
        try:  # the name rules, as names are kept: a NUL (the command line can send one) never reaches a query
            name = clean_name(value, label="name")
        except ValidationError:
            return None
        return things.filter(name__iexact=name).first() if name else None


def about(kind: str, thing: Person | Place | Tag) -> Filters:
    """The filter for one person's, place's or tag's glimmers."""
    return Filters(**{ONE[kind]: str(thing.uuid)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Narrowed:
    """The filters, with the owner's people, places and tags they name (None: named none of theirs)."""

    filters: Filters
    person: Person | None = None
    place: Place | None = None
    tag: Tag | None = None
    unknown: bool = False


def narrow(user: User, filters: Filters) -> Narrowed:
    found: dict[str, Any] = {}
    unknown = False
    for name, model in (("person", Person), ("place", Place), ("tag", Tag)):
        value = getattr(filters, name)
        if value:
            found[name] = _one(model, user, value)
            unknown = unknown or found[name] is None
    return Narrowed(filters, unknown=unknown, **found)


def _filtered(queryset: GlimmerQuerySet, narrowed: Narrowed) -> tuple[GlimmerQuerySet, bool]:
    """The filters applied; and whether a person or tag filter left few glimmers (see _matching)."""
    filters = narrowed.filters
    few = False
    if filters.since:
        queryset = queryset.filter(local_date__gte=filters.since)
    if filters.until:
        queryset = queryset.filter(local_date__lte=filters.until)
    if filters.sense:
        bit = SENSE_BITS[filters.sense]
        queryset = queryset.filter(Exact(F("sense_bits").bitand(bit), bit))
    for thing, through, column in (
        (narrowed.person, Glimmer.people.through, "person"),
        (narrowed.tag, Glimmer.tags.through, "tag"),
    ):
        if thing is not None:
            # The person's (tag's) glimmers by id when they are few; else joined, found on the timeline.
            ids = list(through.objects.filter(**{column: thing}).values_list("glimmer_id", flat=True)[: FEW + 1])
            if len(ids) <= FEW:
                queryset, few = queryset.filter(pk__in=ids), True
            else:
                queryset = queryset.filter(**{"people" if column == "person" else "tags": thing})
    if narrowed.place:
        queryset = queryset.filter(place=narrowed.place)
    if filters.glow:
        queryset = queryset.filter(glow__gte=filters.glow)
    if filters.state_before:
        queryset = queryset.filter(state_before=filters.state_before)
    if filters.state_after:
        queryset = queryset.filter(state_after=filters.state_after)
    return queryset, few


def _matching(queryset: GlimmerQuerySet, query: Query) -> tuple[GlimmerQuerySet, bool]:
    """Only the glimmers with every term; and whether the matches are few (SQLite: see below)."""
    if connection.vendor == "postgresql":
        condition = RawSQL(
            '"journal_glimmer"."search_vector" @@ to_tsquery(\'simple\'::regconfig, %s)',
            [query.tsquery()],
            output_field=BooleanField(),
        )
        return queryset.filter(condition), False
    # SQLite walks the timeline newest first and keeps what matches: quick for a common word, but for a
    # rare one it reads the whole journal. So ask FTS5 first how many match (in every journal: cheap):
    # a few are looked up by id and sorted (`few`); many are left to the timeline walk.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM journal_glimmer_fts WHERE journal_glimmer_fts MATCH %s LIMIT %s",
            [query.fts5(), FEW + 1],
        )
        ids = [row[0] for row in cursor.fetchall()]
    if len(ids) <= FEW:
        return queryset.filter(pk__in=ids), True
    matches = RawSQL("SELECT rowid FROM journal_glimmer_fts WHERE journal_glimmer_fts MATCH %s", [query.fts5()])
    return queryset.filter(pk__in=matches), False


# --- finding ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    items: list[Glimmer]
    next_cursor: str | None
    query: Query = field(default_factory=Query)
    narrowed: Narrowed = field(default_factory=lambda: Narrowed(Filters()))
    words_ignored: bool = False  # words were typed, but none search can use: say so kindly

    @property
    def searching(self) -> bool:
        return bool(self.query) or bool(self.narrowed.filters)


def _encode_offset(offset: int) -> str:
    return encode_cursor(f"~{offset}")


def _offset(text: str) -> int:
    """Best-match pages are numbered: "~N", N the rows before the page (below 100,000)."""
    if text.startswith("~") and text[1:].isdigit() and int(text[1:]) < 100_000:
        return int(text[1:])
    raise ValueError(text)


def _decode_offset(cursor: str) -> int:
    offset: int = decode_cursor(cursor, _offset)[0]
    return offset


def find_glimmers(
    user: User,
    *,
    words: str = "",
    filters: Filters | None = None,
    order: str = "newest",
    cursor: str | None = None,
    limit: int = services.PAGE_SIZE,
) -> Found:
    """The owner's glimmers (never the bin) that hold every word and phrase and pass every filter.

    Newest first, a keyset page at a time; or best match first (`order="relevance"`, with words),
    in plain numbered pages. A filter naming a person, place or tag the owner doesn't have matches
    nothing — the same answer as one of theirs with no glimmers, so nothing of anyone else's shows.
    """
    limit = max(1, min(limit, 200))
    query = parse_query(words[:2000])
    narrowed = narrow(user, filters or Filters())
    ignored = bool(words.strip()) and not query
    if narrowed.unknown:
        return Found([], None, query, narrowed, ignored)
    queryset, few = _filtered(services.glimmers_of(user), narrowed)
    if query:
        queryset, few_matches = _matching(queryset, query)
        few = few or few_matches
    if query and order == "relevance":
        offset = _decode_offset(cursor) if cursor else 0
        items = _best_first(queryset, query, offset, limit)
        more = len(items) > limit
        return Found(items[:limit], _encode_offset(offset + limit) if more else None, query, narrowed, ignored)
    # With few candidates, sort them by an expression no index offers, so SQLite looks them up by id
    # instead of walking the timeline (the order is the same: newest first). PostgreSQL plans by itself.
    ordering = [Coalesce("noticed_at", "noticed_at").desc(), "-id"] if few and connection.vendor == "sqlite" else None
    page = keyset_page(queryset.with_details(), cursor=cursor, limit=limit, key="noticed_at", ordering=ordering)
    return Found(page.items, page.next_cursor, query, narrowed, ignored)


def _best_first(queryset: GlimmerQuerySet, query: Query, offset: int, limit: int) -> list[Glimmer]:
    """Best match first: PostgreSQL's ts_rank, SQLite's bm25; then newest first among equals."""
    if connection.vendor == "postgresql":
        rank = RawSQL(
            'ts_rank("journal_glimmer"."search_vector", to_tsquery(\'simple\'::regconfig, %s))',
            [query.tsquery()],
        )
        ranked = queryset.with_details().annotate(rank=rank).order_by("-rank", "-noticed_at", "-id")
        return list(ranked[offset : offset + limit + 1])
    # bm25 needs the FTS5 table itself, which holds every journal: rank all the matches there, and keep
    # those of the owner's that pass the filters, in that order.
    mine = set(queryset.order_by().values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM journal_glimmer_fts WHERE journal_glimmer_fts MATCH %s ORDER BY rank", [query.fts5()]
        )
        ranked_ids = [row[0] for row in cursor.fetchall() if row[0] in mine]
    ids = ranked_ids[offset : offset + limit + 1]
    by_id = {glimmer.pk: glimmer for glimmer in queryset.with_details().filter(pk__in=ids).order_by()}
    return [by_id[pk] for pk in ids if pk in by_id]


# --- keeping the search text right --------------------------------------------------------------------


def search_text_of(glimmer: Glimmer) -> str:
    return searchable(
        glimmer.text,
        glimmer.why,
        glimmer.people_names,
        glimmer.place.name if glimmer.place else None,
        glimmer.tag_names,
    )


def refresh_search_text(user: User, glimmer_ids: list[int] | None = None, *, batch: int = 1000) -> int:
    """Write the search text again for these glimmers of the owner's (bin included), or for all of them:
    after a rename or a merge, and for glimmers written in bulk (bench, importers). Returns how many changed."""
    queryset = Glimmer.objects.including_bin(user).order_by("pk")
    if glimmer_ids is not None:
        queryset = queryset.filter(pk__in=glimmer_ids)
    changed = 0
    last = 0
    while True:
        rows = list(queryset.filter(pk__gt=last).with_details()[:batch])
        if not rows:
            return changed
        stale = []
        for glimmer in rows:
            text = search_text_of(glimmer)
            if text != glimmer.search_text:
                glimmer.search_text = text
                stale.append(glimmer)
        Glimmer.objects.bulk_update(stale, ["search_text"])
        changed += len(stale)
        last = rows[-1].pk
