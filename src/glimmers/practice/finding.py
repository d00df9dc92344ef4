"""Finding one of the person's things by its public id: the full UUID, or (for the command line) a unique prefix
of at least 6 characters, as git does. Unknown, ambiguous and someone else's ids are all NotFound."""

from __future__ import annotations

import uuid
from typing import Any

from glimmers.lib.errors import NotFound
from glimmers.lib.owned import OwnedQuerySet

MIN_PREFIX = 6


def one(queryset: OwnedQuerySet[Any], raw_id: str | uuid.UUID) -> Any:
    """One row by its full id, or a unique prefix of at least 6 characters (the command line); unknown,
    ambiguous and someone else's ids are all NotFound."""
    wanted = str(raw_id).strip().lower().replace("-", "")
    if any(ch not in "0123456789abcdef" for ch in wanted) or not MIN_PREFIX <= len(wanted) <= 32:
        raise NotFound(str(raw_id))
    if len(wanted) == 32:
        matches = list(queryset.filter(uuid=uuid.UUID(wanted)))
    else:  # a range of ids, through the unique index on uuid
        low, high = uuid.UUID(wanted.ljust(32, "0")), uuid.UUID(wanted.ljust(32, "f"))
        matches = list(queryset.filter(uuid__gte=low, uuid__lte=high)[:2])
    if len(matches) != 1:
        raise NotFound(str(raw_id))
    return matches[0]
