"""The kit's data: anchors (what is pinned, in the person's order), surfacings (each time the kit brought a
glimmer back), savourings, and the person's kit settings.

The kit sits above the ladder and the journal: it points at glimmers, people, places and cues; none of them
knows about it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone

from glimmers.journal.models import Glimmer, Person, Place, State
from glimmers.lib.owned import OwnedQuerySet
from glimmers.states.models import Cue

if TYPE_CHECKING:
    pass


NOTE_LIMIT = 200  # an anchor's note: "her laugh on the phone"
SAVOUR_MIN, SAVOUR_MAX, SAVOUR_DEFAULT = 10, 60, 15  # seconds ("taking in the good": 10–20 s)


class Kind(models.TextChoices):
    GLIMMER = "glimmer", "A glimmer"
    PERSON = "person", "Someone"
    PLACE = "place", "A place"
    CUE = "cue", "A cue"


KINDS = tuple(Kind.values)


def _exactly(kind: str) -> models.Q:
    """This kind's column is set and every other one is empty."""
    return models.Q(
        kind=kind, **{f"{kind}__isnull": False}, **{f"{other}__isnull": True for other in KINDS if other != kind}
    )


class Anchor(models.Model):
    """A glimmer, person, place or cue pinned into the kit, in the person's own order, with a short note."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    glimmer = models.ForeignKey(Glimmer, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    cue = models.ForeignKey(Cue, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()
    note = models.CharField(max_length=NOTE_LIMIT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet["Anchor"].as_manager()

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["owner", "position", "id"], name="anchor_order")]
        constraints = [
            models.CheckConstraint(
                condition=_exactly("glimmer") | _exactly("person") | _exactly("place") | _exactly("cue"),
                name="anchor_exactly_one_thing",
            ),
            *(
                models.UniqueConstraint(
                    fields=["owner", kind], condition=models.Q(**{f"{kind}__isnull": False}), name=f"anchor_{kind}_once"
                )
                for kind in KINDS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} anchor of user {self.owner_id}"

    @property
    def thing(self) -> Glimmer | Person | Place | Cue:
        found = getattr(self, self.kind)
        assert found is not None
        return found  # type: ignore[no-any-return]


class Surfacing(models.Model):
    """Each time the kit brings a glimmer back: when, from where on the ladder (if said), where after (if
    said), and whether it helped (yes, not now, or not answered). Saying "helped" twice is still one yes."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    glimmer = models.ForeignKey(Glimmer, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    # Empty means not said, as on a glimmer (the JSON says null).
    state_before = models.CharField(max_length=16, choices=State.choices, blank=True)
    state_after = models.CharField(max_length=16, choices=State.choices, blank=True)
    helped = models.BooleanField(null=True, blank=True)

    objects = OwnedQuerySet["Surfacing"].as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["owner", "-at", "-id"], name="surfacing_recent"),
            models.Index(fields=["owner", "glimmer"], name="surfacing_glimmer"),
        ]

    def __str__(self) -> str:
        return f"surfacing of glimmer {self.glimmer_id} at {self.at:%Y-%m-%d %H:%M}"


class Savouring(models.Model):
    """A glimmer savoured: when, and for how many seconds (and the surfacing it came from, if it did)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    glimmer = models.ForeignKey(Glimmer, on_delete=models.CASCADE, related_name="+")
    surfacing = models.ForeignKey(Surfacing, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    seconds = models.PositiveIntegerField()

    objects = OwnedQuerySet["Savouring"].as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["owner", "-at", "-id"], name="savouring_recent")]

    def __str__(self) -> str:
        return f"savouring of glimmer {self.glimmer_id} for {self.seconds} s"


class KitSettings(models.Model):
    """The person's kit choices: how long to savour (10–60 s). Low-energy mode, which the kit shows with
    them, is the person's own setting on their profile (`User.low_energy`), honoured by every app."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    savour_seconds = models.PositiveSmallIntegerField(default=SAVOUR_DEFAULT)

    objects = OwnedQuerySet["KitSettings"].as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(savour_seconds__gte=SAVOUR_MIN, savour_seconds__lte=SAVOUR_MAX),
                name="kit_savour_10_to_60",
            )
        ]

    def __str__(self) -> str:
        return f"kit settings of user {self.owner_id}"

    @property
    def low_energy(self) -> bool:
        """The owner's low-energy mode (kit.services sets the owner it already has: no query)."""
        return bool(self.owner.low_energy)
