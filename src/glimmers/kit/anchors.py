"""The kit's anchors: pin and unpin a glimmer, person, place or cue, order them by hand, write a note on each.

Part of the kit's services (glimmers.kit.services gives every adapter these same functions). Reads go through
`owned_by(user)`; someone else's thing, or a missing one, is NotFound either way.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, Case, Max, Q, QuerySet, Value, When

from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.journal.kinds import ONE
from glimmers.journal.models import Glimmer, Person, Place, kept_back
from glimmers.journal.text import clean_text
from glimmers.kit.models import KINDS, NOTE_LIMIT, Anchor
from glimmers.lib.errors import NotFound
from glimmers.lib.errors import full_uuid as _full_uuid
from glimmers.lib.errors import on_field as _field
from glimmers.lib.owned import OwnedQuerySet
from glimmers.lib.paging import Page, keyset_page
from glimmers.states import services as states
from glimmers.states.models import Cue

PAGE_SIZE = 50
UNSET: Any = object()  # "leave this as it is" in an edit
KIND_WORDS = "glimmer, person, place or cue"


def _rests() -> Q:
    """Anchors on something marked "don't bring this back": kept, and never shown unasked."""
    return (
        (Q(kind="glimmer") & kept_back("glimmer"))
        | Q(kind="person", person__resurface=False)
        | Q(kind="place", place__resurface=False)
    )


def anchors_of(user: User) -> OwnedQuerySet[Anchor]:
    """The person's anchors; one on a glimmer in the bin is left out (and back when it is restored)."""
    return Anchor.objects.owned_by(user).filter(Q(glimmer__isnull=True) | Q(glimmer__deleted_at__isnull=True))


def _with_things(anchors: QuerySet[Anchor]) -> QuerySet[Any]:
    # CASE, not the bare condition: over the empty side of a join the condition is NULL, which is neither.
    resting = Case(When(_rests(), then=Value(True)), default=Value(False), output_field=BooleanField())
    return anchors.select_related("glimmer", "person", "place", "cue").annotate(resting=resting)


def _position(text: str) -> int:
    position = int(text)
    if not 0 <= position < 2**31:
        raise ValueError(text)
    return position


def list_anchors(
    user: User, *, cursor: str | None = None, limit: int = PAGE_SIZE, resting: bool | None = None
) -> Page[Anchor]:
    """The anchors in the person's order, a keyset page at a time. `resting=False` leaves out those on
    something marked "don't bring this back" (the kit page), `True` gives only those, None all."""
    anchors = _with_things(anchors_of(user))
    if resting is not None:
        anchors = anchors.filter(resting=resting)
    return keyset_page(anchors, cursor=cursor, limit=limit, key="position", newest_first=False, read_key=_position)


def count_resting(user: User) -> int:
    return anchors_of(user).filter(_rests()).count()


def get_anchor(user: User, anchor_id: str | uuid.UUID) -> Anchor:
    try:
        found: Anchor = _with_things(anchors_of(user)).get(uuid=_full_uuid(anchor_id))
    except Anchor.DoesNotExist:
        raise NotFound(str(anchor_id)) from None
    return found


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError(f"The kit holds a {KIND_WORDS}, not “{kind}”.", code="kind")
    return kind


def thing(user: User, kind: str, key: str | uuid.UUID) -> Glimmer | Person | Place | Cue:
    """One of the person's own glimmers (by id or a 6+ character prefix), people or places (by id or name),
    or cues (by id, prefix or name). Anyone else's, or none: NotFound."""
    _kind(kind)
    if kind == "glimmer":
        return journal.get_glimmer(user, key)
    if kind == "cue":
        return states.find_cue(user, str(key))
    found: Person | Place = names.get_name(user, "people" if kind == "person" else "places", key)
    return found


def find_pinnable(user: User, thing_id: uuid.UUID) -> tuple[str, Glimmer | Person | Place | Cue]:
    """A glimmer, person, place or cue of the person's by its id (ids are unique across them all)."""
    sources: list[tuple[str, Any]] = [
        ("glimmer", journal.glimmers_of(user)),
        ("person", Person.objects.owned_by(user)),
        ("place", Place.objects.owned_by(user)),
        ("cue", states.cues_of(user)),
    ]
    for kind, queryset in sources:
        found = queryset.filter(uuid=thing_id).first()
        if found is not None:
            return kind, found
    raise NotFound(str(thing_id))


def _note(value: str) -> str:
    note = " ".join(clean_text(value or "", label="note", limit=NOTE_LIMIT * 4).split())
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            f"A note can be {NOTE_LIMIT} characters at most; “{note[:20]}…” is longer.", code="too_long"
        )
    return note


def anchor_for(user: User, pinned: Glimmer | Person | Place | Cue) -> Anchor | None:
    kind = _kind_of(pinned)
    return Anchor.objects.owned_by(user).filter(**{kind: pinned}).first()


def _kind_of(pinned: Any) -> str:
    return {Glimmer: "glimmer", Person: "person", Place: "place", Cue: "cue"}[type(pinned)]


def pin(user: User, kind: str, key: str | uuid.UUID, *, note: str | None = None) -> tuple[Anchor, bool]:
    """Pin a thing into the kit, at the end of the order. Pinning it again keeps the one anchor (and takes a
    new note, if one is given). Returns the anchor and whether it is new."""
    found = thing(user, kind, key)
    cleaned = _field("note", _note, note) if note is not None else None
    with transaction.atomic():
        existing = Anchor.objects.owned_by(user).select_for_update().filter(**{kind: found}).first()
        if existing is not None:
            if cleaned is not None and cleaned != existing.note:
                existing.note = cleaned
                existing.save(update_fields=["note"])
            return get_anchor(user, existing.uuid), False
        last = Anchor.objects.owned_by(user).aggregate(last=Max("position"))["last"] or 0
        try:
            with transaction.atomic():
                anchor = Anchor.objects.create(
                    owner=user, kind=kind, position=last + 1, note=cleaned or "", **{kind: found}
                )
        except IntegrityError:  # pinned at the same moment from elsewhere: that one anchor it is
            anchor = Anchor.objects.owned_by(user).get(**{kind: found})
    return get_anchor(user, anchor.uuid), True


def unpin(user: User, kind: str, key: str | uuid.UUID) -> bool:
    """Take a thing out of the kit (the thing itself stays). False when it wasn't pinned."""
    found = thing(user, kind, key)
    deleted, _by_model = Anchor.objects.owned_by(user).filter(**{kind: found}).delete()
    return deleted > 0


def delete_anchor(user: User, anchor_id: str | uuid.UUID) -> None:
    get_anchor(user, anchor_id).delete()


def update_anchor(user: User, anchor_id: str | uuid.UUID, *, note: str = UNSET, position: int = UNSET) -> Anchor:
    """A new note, or a new place in the order (1 is the top; past the end is the end)."""
    anchor = get_anchor(user, anchor_id)
    if note is not UNSET:
        anchor.note = _field("note", _note, note)
        anchor.save(update_fields=["note"])
    if position is not UNSET:
        if isinstance(position, bool) or not isinstance(position, int) or position < 1:
            raise ValidationError({"position": ["A place in the order is a whole number from 1 (the top)."]})
        _move_to(user, anchor, position)
    return get_anchor(user, anchor.uuid)


def _renumber(order: list[Anchor]) -> None:
    """Positions 1, 2, 3… in this order, writing only those that change."""
    changed = []
    for number, each in enumerate(order, start=1):
        if each.position != number:
            each.position = number
            changed.append(each)
    Anchor.objects.bulk_update(changed, ["position"])


def _order(user: User) -> list[Anchor]:
    """All the person's anchors in order, locked until the transaction ends (one reorder at a time)."""
    return list(Anchor.objects.owned_by(user).select_for_update().order_by("position", "id"))


def _move_to(user: User, anchor: Anchor, position: int) -> None:
    with transaction.atomic():
        order = [each for each in _order(user) if each.pk != anchor.pk]
        order.insert(min(position, len(order) + 1) - 1, anchor)
        _renumber(order)


def move_anchor(user: User, anchor_id: str | uuid.UUID, direction: str) -> Anchor:
    """One step up or down among the anchors the kit page shows: it changes places with its neighbour there."""
    if direction not in ("up", "down"):
        raise ValidationError("An anchor moves “up” or “down”.", code="direction")
    anchor = get_anchor(user, anchor_id)
    with transaction.atomic():
        order = _order(user)
        shown = list(
            _with_things(anchors_of(user)).filter(resting=False).order_by("position", "id").values_list("pk", flat=True)
        )
        if anchor.pk in shown:
            index = shown.index(anchor.pk) + (-1 if direction == "up" else 1)
            if 0 <= index < len(shown):
                places = [each.pk for each in order]
                here, there = places.index(anchor.pk), places.index(shown[index])
                order[here], order[there] = order[there], order[here]
                _renumber(order)
    return get_anchor(user, anchor.uuid)


def pinned_glimmer_ids(user: User) -> set[int]:
    """The glimmers pinned into the kit themselves (for the mark on journal cards). One query."""
    return set(Anchor.objects.owned_by(user).filter(kind="glimmer").values_list("glimmer_id", flat=True))


def follow_merge(sender: Any, *, kind: str, source: Any, into: Any, **kwargs: Any) -> None:
    """Two people (or places) became one: an anchor on the one that goes now holds the one that stays."""
    if kind not in ("people", "places"):  # tags are never pinned
        return
    column = ONE[kind]
    owned = Anchor.objects.filter(owner_id=into.owner_id)
    leaving = owned.filter(**{column: source}).first()
    if leaving is None:
        return
    staying = owned.filter(**{column: into}).first()
    if staying is None:
        setattr(leaving, column, into)
        leaving.save(update_fields=[column])
        return
    if leaving.note and leaving.note not in staying.note:
        joined = f"{staying.note} · {leaving.note}" if staying.note else leaving.note
        staying.note = joined[:NOTE_LIMIT]
        staying.save(update_fields=["note"])
    leaving.delete()
