"""Keyset pages of moments (check-ins, hard moments), newest first: each page costs the same at any depth.

The page marker is the last item's moment and row id, base64-encoded; it tells nothing that the page
itself doesn't."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

from glimmers.states.models import CheckIn, OwnedQuerySet, Trigger

T = TypeVar("T", CheckIn, Trigger)


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None


def page_of(queryset: OwnedQuerySet[T], cursor: str | None, limit: int) -> Page:
    limit = max(1, min(limit, 200))
    if cursor:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
            moment, pk = raw.split("|")
            when, number = datetime.fromisoformat(moment), int(pk)
            if when.tzinfo is None or not 0 < number < 2**63:
                raise ValueError
        except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError):
            raise ValidationError(
                "That page marker isn't one Glimmers made. Start again from the first page.", code="cursor"
            ) from None
        queryset = queryset.filter(models.Q(at__lt=when) | models.Q(at=when, pk__lt=number))
    items = list(queryset.order_by("-at", "-id")[: limit + 1])
    more, items = len(items) > limit, items[:limit]
    after = None
    if more:
        after = base64.urlsafe_b64encode(f"{items[-1].at.isoformat()}|{items[-1].pk}".encode()).decode().rstrip("=")
    return Page(items, after)
