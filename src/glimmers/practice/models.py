"""Practice's data: rituals (recurring small pleasures with a schedule), their occasions (one per local day it
was done, and whether it glimmered), and the daily intention.

Practice sits above accounts, journal, states and kit: an occasion points at the glimmer it brought; the
journal never knows about rituals.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from glimmers.journal.models import Glimmer, Sense, senses_from_bits
from glimmers.lib.owned import OwnedQuerySet, ShortId
from glimmers.states.models import CheckIn

NAME_LIMIT = 100  # "Morning coffee"
ABOUT_LIMIT = 300  # a few words on what it is
NOTE_LIMIT = 300  # a note on one occasion
INTENTION_LIMIT = 120  # "notice 3 glimmers", "look up at the sky"


class Ritual(ShortId, models.Model):
    """A recurring small pleasure. `schedule` is an iCalendar RRULE of local days counted from `starts_on`
    ("" is whenever: no schedule); `time_of_day` is a local time or none. Retired rituals keep their history."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=NAME_LIMIT)
    about = models.CharField(max_length=ABOUT_LIMIT, blank=True)
    sense = models.CharField(max_length=16, choices=Sense.choices, blank=True)
    schedule = models.CharField(max_length=500, blank=True)
    starts_on = models.DateField()
    time_of_day = models.TimeField(null=True, blank=True)
    reminder = models.BooleanField(default=False)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet["Ritual"].as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # Today and the practice page read the active ones; the retired ones are listed apart.
            models.Index(
                fields=["owner", "created_at", "id"], condition=models.Q(retired_at__isnull=True), name="ritual_active"
            ),
            models.Index(
                fields=["owner", "retired_at"], condition=models.Q(retired_at__isnull=False), name="ritual_retired"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def active(self) -> bool:
        return self.retired_at is None


class Occasion(models.Model):
    """A ritual done on one local day (the person's zone at the time): done twice that day is still one.
    `glimmered`: yes, no, or not said; `glimmer`: the glimmer kept from it, if one was."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ritual = models.ForeignKey(Ritual, on_delete=models.CASCADE, related_name="occasions")
    local_date = models.DateField()
    done_at = models.DateTimeField(default=timezone.now)
    time_zone = models.CharField(max_length=64)
    note = models.CharField(max_length=NOTE_LIMIT, blank=True)
    glimmered = models.BooleanField(null=True, blank=True)
    glimmer = models.ForeignKey(Glimmer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = OwnedQuerySet["Occasion"].as_manager()

    class Meta:
        ordering = ["-local_date", "-id"]
        constraints = [models.UniqueConstraint(fields=["ritual", "local_date"], name="occasion_one_per_day")]
        indexes = [
            # Today's occasions of every ritual at once; a month's counts.
            models.Index(fields=["owner", "local_date"], name="occasion_day"),
            models.Index(fields=["glimmer"], condition=models.Q(glimmer__isnull=False), name="occasion_glimmer"),
        ]

    def __str__(self) -> str:
        return f"{self.ritual_id} on {self.local_date}"


class Intention(models.Model):
    """A soft aim. `day` empty: the person's default, every day; a date: a change for just that day (with
    empty `text`: none that day)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    day = models.DateField(null=True, blank=True)
    text = models.CharField(max_length=INTENTION_LIMIT, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet["Intention"].as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner"], condition=models.Q(day__isnull=True), name="intention_one_default"
            ),
            models.UniqueConstraint(
                fields=["owner", "day"], condition=models.Q(day__isnull=False), name="intention_one_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"intention of user {self.owner_id} for {self.day or 'every day'}"


PROMPT_LIMIT = 200  # "What is the quietest sound you can hear right now?"
MINUTES_MIN, MINUTES_MAX, MINUTES_DEFAULT = 1, 5, 3
KEEP_MOST = 3  # "did anything glimmer?": up to three quick captures after a session


class Prompt(ShortId, models.Model):
    """A noticing prompt of the person's own, for one sense, beside the library's (practice.prompts). Hidden
    ones are kept but never offered."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sense = models.CharField(max_length=16, choices=Sense.choices)
    text = models.CharField(max_length=PROMPT_LIMIT)
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet["Prompt"].as_manager()

    class Meta:
        ordering = ["sense", "created_at", "id"]
        indexes = [models.Index(fields=["owner", "sense"], name="prompt_sense")]

    def __str__(self) -> str:
        return self.text[:60]


class NoticingSession(models.Model):
    """One noticing practice: when, how long it was meant to be and how long it lasted, which senses (bits, as
    on a glimmer), the glimmers kept at its end, and the check-in after, if one was made."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    started_at = models.DateTimeField(default=timezone.now)
    time_zone = models.CharField(max_length=64)
    minutes = models.PositiveSmallIntegerField(default=MINUTES_DEFAULT)
    seconds = models.PositiveIntegerField(default=0)  # how long it lasted (stopped early: less)
    sense_bits = models.PositiveSmallIntegerField(default=0)
    low_energy = models.BooleanField(default=False)
    source = models.CharField(max_length=32, default="web")
    kept = models.ManyToManyField(Glimmer, blank=True, related_name="+")
    checkin = models.ForeignKey(CheckIn, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = OwnedQuerySet["NoticingSession"].as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["owner", "-started_at", "-id"], name="noticing_recent")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gte=MINUTES_MIN, minutes__lte=MINUTES_MAX), name="noticing_1_to_5_minutes"
            )
        ]

    def __str__(self) -> str:
        return f"noticing of user {self.owner_id} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def senses(self) -> list[str]:
        return senses_from_bits(self.sense_bits)


class Reminders(models.Model):
    """A person's reminder settings (one row, made when first wanted). The calendar feed's secret is never
    stored: it is derived from the server's key, `feed_key` (an opaque handle to find this row by, useless
    alone) and `feed_version`, which rotating bumps (practice.reminders). `feed_etag` and `feed_changed_at`
    remember the feed as last served, so Last-Modified moves only when what the feed says does."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    feed_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    feed_on = models.BooleanField(default=False)
    feed_version = models.PositiveIntegerField(default=1)
    noticing_at = models.TimeField(null=True, blank=True)  # "a few minutes of noticing" daily; none: no event
    evening = models.BooleanField(default=False)  # "the evening's glimmers" at the evening hour
    past_glimmer = models.BooleanField(default=False)  # may the feed show one past glimmer's text?
    feed_etag = models.CharField(max_length=64, blank=True)
    feed_changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet["Reminders"].as_manager()

    class Meta:
        verbose_name_plural = "reminders"

    def __str__(self) -> str:
        return f"reminders of user {self.owner_id}"
