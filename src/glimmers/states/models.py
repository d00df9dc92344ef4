"""The ladder's data: check-ins, the person's own ladder map, hard moments (`Trigger`), cues, and a setting.

States sits above the journal: it points at glimmers (a cue's glimmers), never the other way round.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from glimmers.journal.models import Glimmer, State
from glimmers.lib.owned import OwnedQuerySet, ShortId
from glimmers.states.palette import CUE_NAME_LIMIT, NAME_LIMIT, WORD_LIMIT

if TYPE_CHECKING:
    pass


class Moment(ShortId, models.Model):
    """Something at a moment of the person's day: kept in UTC, with the zone it happened in and its
    local day there (so days group and filter by index, as glimmers do)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    at = models.DateTimeField()
    time_zone = models.CharField(max_length=64)
    local_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]

    @property
    def local_at(self) -> datetime:
        return self.at.astimezone(ZoneInfo(self.time_zone))


class CheckIn(Moment):
    """ "Where am I?" — a state at a moment, with an optional note."""

    state = models.CharField(max_length=16, choices=State.choices)
    # The word of the person's own it was chosen by ("foggy"), as it was then: editing the list later
    # changes neither this nor the state. Empty for a check-in by the state's name.
    word = models.CharField(max_length=WORD_LIMIT, blank=True)
    note = models.TextField(blank=True)

    objects = OwnedQuerySet["CheckIn"].as_manager()

    class Meta(Moment.Meta):
        indexes = [
            models.Index(fields=["owner", "-at", "-id"], name="checkin_recent"),
            models.Index(fields=["owner", "local_date"], name="checkin_day"),
        ]

    def __str__(self) -> str:
        return f"{self.state} at {self.at:%Y-%m-%d %H:%M}"


class Cue(models.Model):
    """Something that tends to come with a move on the ladder: "the dog", "rain on the window"."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=CUE_NAME_LIMIT)
    note = models.TextField(blank=True)
    # The link lives here, on the states side, so the journal never needs to know about cues.
    glimmers = models.ManyToManyField(Glimmer, blank=True, related_name="cues")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet["Cue"].as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint("owner", Lower("name"), name="cue_name_unique_per_owner")]

    def __str__(self) -> str:
        return self.name


class Trigger(Moment):
    """A hard moment (the screen never says "trigger"): a short note of what moved me down. Opt-in."""

    text = models.TextField()
    state = models.CharField(max_length=16, choices=State.choices, blank=True)
    cue = models.ForeignKey(Cue, null=True, blank=True, on_delete=models.SET_NULL, related_name="hard_moments")

    objects = OwnedQuerySet["Trigger"].as_manager()

    class Meta(Moment.Meta):
        indexes = [
            models.Index(fields=["owner", "-at", "-id"], name="trigger_recent"),
            models.Index(fields=["owner", "local_date"], name="trigger_day"),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class LadderMap(models.Model):
    """The personal profile map, in the person's own words: for each state a name, a colour from the
    palette, and how it is in the body, feelings, thoughts and doing, and what helps to climb; and a short
    list of the person's own words for it (the check-in chips: kept here, so the ladder is still one query
    on every page that offers a check-in); and one optional landmark story (what happened, what the body felt,
    what thoughts came). Empty means "not written yet": the services then use short plain defaults."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    ventral_name = models.CharField(max_length=NAME_LIMIT, blank=True)
    ventral_colour = models.CharField(max_length=16, blank=True)
    ventral_body = models.TextField(blank=True)
    ventral_feel = models.TextField(blank=True)
    ventral_think = models.TextField(blank=True)
    ventral_do = models.TextField(blank=True)
    ventral_helps = models.TextField(blank=True)
    ventral_words = models.JSONField(default=list, blank=True)
    ventral_story_what = models.TextField(blank=True)
    ventral_story_body = models.TextField(blank=True)
    ventral_story_thoughts = models.TextField(blank=True)
    sympathetic_name = models.CharField(max_length=NAME_LIMIT, blank=True)
    sympathetic_colour = models.CharField(max_length=16, blank=True)
    sympathetic_body = models.TextField(blank=True)
    sympathetic_feel = models.TextField(blank=True)
    sympathetic_think = models.TextField(blank=True)
    sympathetic_do = models.TextField(blank=True)
    sympathetic_helps = models.TextField(blank=True)
    sympathetic_words = models.JSONField(default=list, blank=True)
    sympathetic_story_what = models.TextField(blank=True)
    sympathetic_story_body = models.TextField(blank=True)
    sympathetic_story_thoughts = models.TextField(blank=True)
    dorsal_name = models.CharField(max_length=NAME_LIMIT, blank=True)
    dorsal_colour = models.CharField(max_length=16, blank=True)
    dorsal_body = models.TextField(blank=True)
    dorsal_feel = models.TextField(blank=True)
    dorsal_think = models.TextField(blank=True)
    dorsal_do = models.TextField(blank=True)
    dorsal_helps = models.TextField(blank=True)
    dorsal_words = models.JSONField(default=list, blank=True)
    dorsal_story_what = models.TextField(blank=True)
    dorsal_story_body = models.TextField(blank=True)
    dorsal_story_thoughts = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet["LadderMap"].as_manager()

    def __str__(self) -> str:
        return f"ladder map of user {self.owner_id}"


class StatesSettings(models.Model):
    """The person's choices for this part of Glimmers. Hard moments are off until they turn them on."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    hard_moments = models.BooleanField(default=False)

    objects = OwnedQuerySet["StatesSettings"].as_manager()

    def __str__(self) -> str:
        return f"states settings of user {self.owner_id}"
