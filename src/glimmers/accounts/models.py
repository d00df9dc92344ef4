"""People who use Glimmers, their API tokens, and the one-time first-run link."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models

from glimmers.lib.owned import OwnedQuerySet


class User(AbstractUser):
    """A person with a journal. Custom from the first migration so later needs need no surgery."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    time_zone = models.CharField(max_length=64, default="UTC")
    # Settings several apps honour live here, on the profile (DESIGN §3), not in the app that came first.
    low_energy = models.BooleanField(default=False)  # no typing, big targets, very few words
    # Bringing glimmers back unasked, each its own setting: "on this day" on Today, "a glimmer from before".
    on_this_day = models.BooleanField(default=True)
    from_before = models.BooleanField(default=True)


class ApiTokenQuerySet(OwnedQuerySet["ApiToken"]):
    owner_field = "user"


class ApiToken(models.Model):
    """A personal access token for scripts. Only a SHA-256 digest of the token is stored;
    the token itself is shown once, when it is made."""

    key_id = models.CharField(max_length=16, unique=True)  # the short id `token list` shows
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    digest = models.CharField(max_length=64)
    read_only = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.key_id


class FirstRunLink(models.Model):
    """The link `glimmers serve` prints while nobody has an account yet. Single use, short-lived;
    stored as a digest so the database never holds a usable link."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"first-run link made {self.created_at:%Y-%m-%d %H:%M}"
