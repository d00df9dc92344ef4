"""One page type and one cursor codec for every list, on every channel (web, API, CLI).

Keyset pages: each page costs the same at any depth. A cursor is the last item's sort key and row id,
joined by "|" and base64-encoded (URL-safe, unpadded); it tells nothing the page itself doesn't. A cursor
Glimmers didn't make is refused kindly (a ValidationError with code "cursor": 400 on the API)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

T = TypeVar("T")

MOST = 200  # the most any list gives at once
NOT_OURS = "That page marker isn't one Glimmers made. Start again from the first page."


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(*parts: object) -> str:
    raw = "|".join(part.isoformat() if isinstance(part, datetime) else str(part) for part in parts)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, *readers: Callable[[str], Any]) -> tuple[Any, ...]:
    """The parts of a cursor, each read by its reader (which raises ValueError for what isn't ours)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        parts = raw.split("|")
        if len(parts) != len(readers):
            raise ValueError
        return tuple(read(part) for read, part in zip(readers, parts, strict=True))
    except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise ValidationError(NOT_OURS, code="cursor") from None


def moment(text: str) -> datetime:
    """A cursor's moment: with its offset, in UTC (out of range, OverflowError: not ours either)."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        raise ValueError(text)
    return when.astimezone(UTC)


def row_id(text: str) -> int:
    number = int(text)
    if not 0 < number < 2**63:
        raise ValueError(text)
    return number


def keyset_page(
    queryset: QuerySet[Any],
    *,
    cursor: str | None,
    limit: int,
    key: str,
    newest_first: bool = True,
    read_key: Callable[[str], Any] = moment,
    ordering: list[Any] | None = None,
) -> Page[Any]:
    """One page of `queryset` in `key` order (then row id), after the item the cursor names. `ordering`: the
    same order written another way, when how it is written steers the database's plan."""
    limit = max(1, min(limit, MOST))
    if cursor:
        value, pk = decode_cursor(cursor, read_key, row_id)
        beyond = "lt" if newest_first else "gt"
        queryset = queryset.filter(Q(**{f"{key}__{beyond}": value}) | Q(**{key: value, f"pk__{beyond}": pk}))
    order = ordering or ([f"-{key}", "-id"] if newest_first else [key, "id"])
    items = list(queryset.order_by(*order)[: limit + 1])
    more, items = len(items) > limit, items[:limit]
    return Page(items, encode_cursor(getattr(items[-1], key), items[-1].pk) if more else None)
