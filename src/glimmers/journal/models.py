"""The journal's data: glimmers, and the people, places and tags they come with."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from glimmers.journal.ladder import PLAIN_NAMES, RANK
from glimmers.lib.owned import OwnedQuerySet, ShortId

if TYPE_CHECKING:
    from glimmers.accounts.models import User


class State(models.TextChoices):
    """Deb Dana's ladder, top to bottom, kept as data. The person names each rung in their own words; the
    labels are the plain words shown until they do (journal.services.state_names gives the ones to show)."""

    VENTRAL = "ventral", PLAIN_NAMES["ventral"]
    SYMPATHETIC = "sympathetic", PLAIN_NAMES["sympathetic"]
    DORSAL = "dorsal", PLAIN_NAMES["dorsal"]


# The ladder from the bottom up: a "move up" is an after higher on it than the before.
LADDER: dict[str, int] = RANK  # where each state stands, from the bottom (journal/ladder.py)


class Sense(models.TextChoices):
    """Through which sense a glimmer came. Stored as bits in `Glimmer.sense_bits`."""

    SIGHT = "sight", "Sight"
    SOUND = "sound", "Sound"
    TOUCH = "touch", "Touch"
    SMELL = "smell", "Smell"
    TASTE = "taste", "Taste"
    MOVEMENT = "movement", "Movement"
    BODY = "body", "Inner body sense"


SENSE_BITS: dict[str, int] = {sense.value: 1 << index for index, sense in enumerate(Sense)}


def senses_from_bits(bits: int) -> list[str]:
    return [name for name, bit in SENSE_BITS.items() if bits & bit]


def bits_from_senses(senses: list[str] | tuple[str, ...]) -> int:
    bits = 0
    for name in senses:
        bits |= SENSE_BITS[name]
    return bits


class NamedThing(models.Model):
    """A person, place or tag: a name unique per owner (ignoring case), and a note."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=100)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet["NamedThing"].as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(NamedThing):
    """Someone (pets count) who was part of a glimmer. `resurface=False`: never brought back unasked.
    `archived`: kept on their glimmers, but out of the way (lists and pickers leave them out)."""

    resurface = models.BooleanField(default=True)
    archived = models.BooleanField(default=False)

    class Meta(NamedThing.Meta):
        constraints = [models.UniqueConstraint("owner", Lower("name"), name="person_name_unique_per_owner")]


class Place(NamedThing):
    resurface = models.BooleanField(default=True)
    archived = models.BooleanField(default=False)

    class Meta(NamedThing.Meta):
        constraints = [models.UniqueConstraint("owner", Lower("name"), name="place_name_unique_per_owner")]


class Tag(NamedThing):
    """A word glimmers are grouped by. `resurface=False`: its glimmers are never brought back unasked."""

    resurface = models.BooleanField(default=True)

    class Meta(NamedThing.Meta):
        constraints = [models.UniqueConstraint("owner", Lower("name"), name="tag_name_unique_per_owner")]


BIN_DAYS = 30  # a deleted glimmer rests this long in "recently deleted", then it is erased


class GlimmerQuerySet(models.QuerySet["Glimmer"]):
    def owned_by(self, user: User, *, binned: bool = False) -> GlimmerQuerySet:
        """The one way to read glimmers: the owner's own, outside the bin (or only the bin).

        What has been in the bin longer than BIN_DAYS is gone for the owner at once, even before
        the purge (`glimmers bin purge`, and `serve` at start) erases the rows.
        """
        if binned:
            cutoff = timezone.now() - timedelta(days=BIN_DAYS)
            return self.filter(owner=user, deleted_at__isnull=False, deleted_at__gte=cutoff)
        return self.filter(owner=user, deleted_at__isnull=True)

    def resurfaceable(self, user: User) -> GlimmerQuerySet:
        """May this come back: the owner's glimmers outside the bin that neither they, nor any of their
        people, nor their place, nor their tags were marked "don't bring this back". The one rule for everything
        that brings a glimmer back unasked (the kit, on this day, a glimmer from before, and later e-mails, push)."""
        return (
            self.owned_by(user)
            .filter(resurface=True)
            .exclude(people__resurface=False)
            .exclude(place__resurface=False)
            .exclude(tags__resurface=False)
        )

    def including_bin(self, user: User) -> GlimmerQuerySet:
        """The owner's glimmers in and out of the bin: only for keeping what is derived from them right
        (the search text after a rename), never for showing."""
        return self.filter(owner=user)

    def with_details(self) -> GlimmerQuerySet:
        """Everything a card, the CLI or the JSON shape shows, in two queries: the glimmers with their
        place, then the names of all their people and tags at once (`people_names`, `tag_names`)."""
        clone = self.select_related("place")
        clone._iterable_class = WithNames  # kept by every later filter, order or slice (Django's own way)
        return clone


class WithNames(models.query.ModelIterable):  # type: ignore[type-arg]
    """Glimmers, each with the names of its people and tags read for the whole batch in one query.

    Django's prefetch_related builds two filtered querysets per glimmer to do this: on a page of twenty
    that was three quarters of the time a search took before its page was drawn."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        glimmers = list(super().__iter__())
        attach_names(glimmers)
        yield from glimmers


def name_order(name: str) -> tuple[str, str]:
    """The order names are shown in, the same on every database: by name, ignoring case."""
    return (name.casefold(), name)


def attach_names(glimmers: list[Glimmer]) -> None:
    """Give each glimmer its people's and tags' names, in name order, with one query for all of them."""
    by_id: dict[int, tuple[list[str], list[str]]] = {glimmer.pk: ([], []) for glimmer in glimmers}
    if by_id:
        # (glimmer, name, 0 for a person or 1 for a tag): both kinds in one UNION ALL
        kind: models.IntegerField[int, int] = models.IntegerField()
        people = Glimmer.people.through.objects.filter(glimmer_id__in=by_id).values_list("glimmer_id", "person__name")
        tags = Glimmer.tags.through.objects.filter(glimmer_id__in=by_id).values_list("glimmer_id", "tag__name")
        rows = people.annotate(kind=models.Value(0, output_field=kind)).union(
            tags.annotate(kind=models.Value(1, output_field=kind)), all=True
        )
        for glimmer_id, name, which in rows:
            by_id[glimmer_id][which].append(name)
        for names in by_id.values():
            for shown in names:
                shown.sort(key=name_order)
    for glimmer in glimmers:
        glimmer.shown_names = by_id[glimmer.pk]


class Glimmer(ShortId, models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="glimmers")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    text = models.TextField()
    noticed_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64)
    # The local day in the glimmer's own zone, kept beside the instant so days group and filter by index.
    local_date = models.DateField()
    sense_bits = models.PositiveSmallIntegerField(default=0)
    people = models.ManyToManyField(Person, blank=True, related_name="glimmers")
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="glimmers")
    tags = models.ManyToManyField(Tag, blank=True, related_name="glimmers")
    glow = models.PositiveSmallIntegerField(null=True, blank=True)
    why = models.TextField(blank=True)
    state_before = models.CharField(max_length=16, choices=State.choices, blank=True)
    state_after = models.CharField(max_length=16, choices=State.choices, blank=True)
    resurface = models.BooleanField(default=True)
    source = models.CharField(max_length=32, default="web")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # What search reads: the words of the text, why, and the names of its people, place and tags, folded
    # (journal.folding). Written by the services; SQLite's FTS5 table follows it through triggers,
    # PostgreSQL's GIN index is on it (migration 0003, docs/architecture.md).
    search_text = models.TextField(blank=True, default="", editable=False)

    objects = GlimmerQuerySet.as_manager()

    class Meta:
        ordering = ["-noticed_at", "-id"]
        indexes = [
            # The journal's timeline and its keyset pages.
            models.Index(
                fields=["owner", "-noticed_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="glimmer_timeline",
            ),
            models.Index(
                fields=["owner", "local_date"], condition=models.Q(deleted_at__isnull=True), name="glimmer_day"
            ),
            models.Index(
                fields=["owner", "deleted_at"], condition=models.Q(deleted_at__isnull=False), name="glimmer_bin"
            ),
            # A place's page and the place filter, newest first.
            models.Index(
                fields=["place", "-noticed_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="glimmer_place_timeline",
            ),
            # The state filters, newest first (a rare pair of states would otherwise read the whole journal).
            models.Index(
                fields=["owner", "state_before", "-noticed_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="glimmer_state_before",
            ),
            models.Index(
                fields=["owner", "state_after", "-noticed_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="glimmer_state_after",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(glow__isnull=True) | models.Q(glow__gte=1, glow__lte=5), name="glimmer_glow_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def senses(self) -> list[str]:
        return senses_from_bits(self.sense_bits)

    @property
    def local_noticed_at(self) -> datetime:
        """When it was noticed, on the clock of the place it was noticed."""
        return self.noticed_at.astimezone(ZoneInfo(self.time_zone))

    # (people's names, tags' names), set when read through with_details(); see people_names.
    shown_names: tuple[list[str], list[str]] | None = None

    @property
    def people_names(self) -> list[str]:
        """The names of the people it came with, by name. Read with the glimmer by with_details();
        otherwise asked for now (one query for both kinds of name)."""
        if self.shown_names is None:
            attach_names([self])
        assert self.shown_names is not None
        return self.shown_names[0]

    @property
    def tag_names(self) -> list[str]:
        if self.shown_names is None:
            attach_names([self])
        assert self.shown_names is not None
        return self.shown_names[1]


def kept_back(through: str) -> models.Q:
    """The same rule as `resurfaceable`, turned round, for rows that point at a glimmer through the
    field `through` (a kit anchor's "glimmer"): its glimmer, a person or tag on it, or its place was marked
    "don't bring this back"."""
    marked_person = models.Exists(Person.objects.filter(glimmers=models.OuterRef(through), resurface=False))
    marked_tag = models.Exists(Tag.objects.filter(glimmers=models.OuterRef(through), resurface=False))
    return (
        models.Q(**{f"{through}__resurface": False})
        | models.Q(**{f"{through}__place__resurface": False})
        | models.Q(marked_person)
        | models.Q(marked_tag)
    )
