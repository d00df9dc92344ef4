"""People, places and tags: lists with what came with them, and add, rename, merge, archive.

Every read goes through `owned_by(user)`; an id or name of anyone else's is not found, exactly as a
missing one. A rename or a merge writes the search text of the glimmers it touches again (bin too),
so search finds them under the new name at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower

from glimmers.accounts.models import User
from glimmers.journal import search
from glimmers.journal.kinds import ONE
from glimmers.journal.ladder import moves
from glimmers.journal.models import Glimmer, Person, Place, State, Tag
from glimmers.journal.signals import merged
from glimmers.journal.text import clean_name, clean_text
from glimmers.lib.errors import NotFound, on_field
from glimmers.lib.paging import Page

Kind = Literal["people", "places", "tags"]
KINDS: tuple[Kind, ...] = ("people", "places", "tags")
MODELS: dict[str, type[Person] | type[Place] | type[Tag]] = {"people": Person, "places": Place, "tags": Tag}
LIST_PAGE = 100
SUGGESTIONS = 8
UNSET: Any = object()


class NameTaken(ValidationError):
    """A rename to a name another of the owner's people/places/tags already has: they might be one."""

    def __init__(self, message: str, other: Any) -> None:
        super().__init__({"name": [message]}, code="taken")
        self.other = other


@dataclass(frozen=True)
class Counted:
    """A person, place or tag and its glimmers (outside the bin): how many; of those with a state noted
    before and after, how many; and of those, how many came with a move up the ladder."""

    thing: Any
    glimmers: int
    noted: int
    lifted: int


def _model(kind: str) -> type[Person] | type[Place] | type[Tag]:
    return MODELS[kind]


def _counted(queryset: QuerySet[Any]) -> QuerySet[Any]:
    live = Q(glimmers__deleted_at__isnull=True)
    noted = Q(glimmers__state_before__in=State.values, glimmers__state_after__in=State.values)
    counted: QuerySet[Any] = queryset.annotate(
        glimmer_count=Count("glimmers", filter=live),
        noted_count=Count("glimmers", filter=live & noted),
        lifted_count=Count("glimmers", filter=live & moves("glimmers__", up=True)),
    )
    return counted


def _row(thing: Any) -> Counted:
    return Counted(thing, thing.glimmer_count, thing.noted_count, thing.lifted_count)


def list_names(
    user: User, kind: str, *, archived: bool = False, cursor: str | None = None, limit: int = LIST_PAGE
) -> Page[Counted]:
    """The owner's people, places or tags by name (ignoring case), a keyset page at a time (the cursor is
    the last name shown). `archived=True` lists only the archived (people and places)."""
    model = _model(kind)
    limit = max(1, min(limit, 500))
    # The cursor is the name as the database lowers it (SQLite lowers only ASCII), as the unique index has it.
    things: QuerySet[Any] = model.objects.owned_by(user).annotate(folded=Lower("name"))
    if model is not Tag:
        things = things.filter(archived=archived)
    if cursor:
        things = things.filter(folded__gt=cursor)
    rows = [_row(thing) for thing in _counted(things.order_by("folded"))[: limit + 1]]
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, rows[-1].thing.folded if more else None)


def get_name(user: User, kind: str, key: str | uuid.UUID) -> Any:
    """One of the owner's people/places/tags by id, or (for the command line) by name ignoring case."""
    things = _model(kind).objects.owned_by(user)
    text = str(key).strip()
    try:
        found = things.filter(uuid=uuid.UUID(text)).first()
    except ValueError:
        try:  # the name rules, as it was kept: a NUL or a broken character never reaches the database
            name = clean_name(text, label="name")
        except ValidationError:
            raise NotFound(text) from None
        found = things.filter(name__iexact=name).first() if name else None
    if found is None:
        raise NotFound(text)
    return found


def counted(user: User, kind: str, key: str | uuid.UUID) -> Counted:
    thing = get_name(user, kind, key)
    return _row(_counted(_model(kind).objects.owned_by(user).filter(pk=thing.pk)).get())


def choices(user: User, kind: str, *, but: Any = None) -> list[Any]:
    """All the owner's people/places/tags by name, archived too (to pick one to merge with)."""
    things = _model(kind).objects.owned_by(user).order_by(Lower("name"))
    if but is not None:
        things = things.exclude(pk=but.pk)
    return list(things[:1000])


def _taken(user: User, kind: str, name: str, but: Any = None) -> Any:
    others = _model(kind).objects.owned_by(user).filter(name__iexact=name)
    if but is not None:
        others = others.exclude(pk=but.pk)
    return others.first()


def add_name(user: User, kind: str, name: str, *, note: str = "", resurface: bool = True) -> Any:
    label = ONE[kind]
    cleaned = on_field("name", clean_name, name, label=f"{label}'s name" if kind == "people" else label)
    if not cleaned:
        raise ValidationError({"name": ["Please give a name."]}, code="required")
    if existing := _taken(user, kind, cleaned):
        raise NameTaken(f"You already have “{existing.name}”.", existing)
    note = on_field("note", clean_text, note or "", label="note")
    return _model(kind).objects.create(owner=user, name=cleaned, note=note, resurface=bool(resurface))


def _glimmer_ids(user: User, kind: str, thing: Any) -> list[int]:
    """Every glimmer of the owner's this person/place/tag is on, in and out of the bin."""
    if kind == "places":
        return list(Glimmer.objects.including_bin(user).filter(place=thing).values_list("pk", flat=True))
    through = Glimmer.people.through if kind == "people" else Glimmer.tags.through
    column = ONE[kind]
    return list(through.objects.filter(**{column: thing}).values_list("glimmer_id", flat=True))


def rename(user: User, kind: str, key: str | uuid.UUID, new_name: str) -> Any:
    """A new name (its case only, too). A name another of theirs has raises NameTaken: offer to merge."""
    thing = get_name(user, kind, key)
    label = f"{ONE[kind]}'s name" if kind == "people" else ONE[kind]
    cleaned = on_field("name", clean_name, new_name, label=label)
    if not cleaned:
        raise ValidationError({"name": ["Please give a name."]}, code="required")
    if other := _taken(user, kind, cleaned, but=thing):
        raise NameTaken(f"You already have “{other.name}”. Would you like to make the two one?", other)
    if cleaned == thing.name:
        return thing
    with transaction.atomic():
        thing.name = cleaned
        thing.save(update_fields=["name"])
        search.refresh_search_text(user, _glimmer_ids(user, kind, thing))
    return thing


def merge(user: User, kind: str, key: str | uuid.UUID, into_key: str | uuid.UUID) -> Any:
    """Make two one: every glimmer of `key`'s goes to `into_key`, whose name stays; `key` is gone.
    Notes are kept together; "don't bring this back" on either holds for both."""
    source = get_name(user, kind, key)
    into = get_name(user, kind, into_key)
    if source.pk == into.pk:
        raise ValidationError("Those two are already one and the same — pick another to merge with.", code="same")
    with transaction.atomic():
        touched = _glimmer_ids(user, kind, source)
        if kind == "places":
            Glimmer.objects.including_bin(user).filter(place=source).update(place=into)
        else:
            through = Glimmer.people.through if kind == "people" else Glimmer.tags.through
            column = ONE[kind]
            both = through.objects.filter(**{column: into}).values("glimmer_id")
            through.objects.filter(**{column: source}).exclude(glimmer_id__in=both).update(**{column: into})
        if source.note and source.note not in into.note:
            into.note = f"{into.note}\n\n{source.note}".strip()
        into.resurface = into.resurface and source.resurface
        into.save()
        merged.send(sender=type(into), kind=kind, source=source, into=into)
        source.delete()
        search.refresh_search_text(user, touched)
    return into


def update_name(
    user: User,
    kind: str,
    key: str | uuid.UUID,
    *,
    note: str = UNSET,
    archived: bool = UNSET,
    resurface: bool = UNSET,
) -> Any:
    """Change a note, bring back or not, or (people and places) archive or not. Only what is given."""
    thing = get_name(user, kind, key)
    if note is not UNSET:
        thing.note = on_field("note", clean_text, note or "", label="note")
    if resurface is not UNSET:
        thing.resurface = bool(resurface)
    if kind != "tags" and archived is not UNSET:
        thing.archived = bool(archived)
    thing.save()
    return thing


def suggest(user: User, kind: str, typed: str, *, limit: int = SUGGESTIONS) -> list[str]:
    """Names that begin with what was typed, for a type-ahead picker; the archived are left out."""
    wanted = " ".join(typed.split())[:100]
    if not wanted:
        return []
    things: QuerySet[Any] = _model(kind).objects.owned_by(user).filter(name__istartswith=wanted)
    if kind != "tags":
        things = things.filter(archived=False)
    return list(things.order_by(Lower("name")).values_list("name", flat=True)[:limit])
