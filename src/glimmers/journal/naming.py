"""A glimmer's people, places and tags by name: found ignoring case, the new ones made, all at once.

At most NAMES_LIMIT, found in one query and the new ones made in one insert, so that a glimmer with many
names holds SQLite's write lock for a moment, not seconds (issue 13: 5,000 names one at a time held it
for 4.7 s on a quiet machine, and everyone else's writes waited).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import reduce
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from glimmers.accounts.models import User
from glimmers.journal.models import Person, Place, Tag
from glimmers.journal.text import NAMES_LIMIT, clean_name


def find_or_add(
    model: type[Person] | type[Place] | type[Tag], user: User, names: Iterable[str], label: str
) -> list[Any]:
    """The owner's people/places/tags with these names (ignoring case), in the order given, the new ones made."""
    wanted: dict[str, str] = {}
    for raw in names:
        name = clean_name(raw, label=label)
        if name:
            wanted.setdefault(name.lower(), name)
    if len(wanted) > NAMES_LIMIT:
        many = {"person's name": "people", "tag": "tags"}.get(label, f"{label}s")
        raise ValidationError(
            f"A glimmer can have up to {NAMES_LIMIT} {many}, counting those written in the text; "
            f"this one has {len(wanted)}. Could you keep the ones that matter most?",
            code="too_many",
        )
    if not wanted:
        return []
    owned = model.objects.owned_by(user)
    existing = owned.filter(reduce(operator.or_, (Q(name__iexact=name) for name in wanted.values())))
    found = {thing.name.lower(): thing for thing in existing}
    new: list[Any] = [model(owner=user, name=name) for key, name in wanted.items() if key not in found]
    if new:
        try:
            with transaction.atomic():  # a savepoint: a clash below leaves the outer transaction usable
                found |= {thing.name.lower(): thing for thing in model.objects.bulk_create(new)}
        except IntegrityError:
            # Someone else added one of them meanwhile, or the database folds case differently from
            # Python for one of them: find or make each the slow way, which is always right.
            for key, name in wanted.items():
                if key not in found:
                    found[key] = owned.filter(name__iexact=name).first() or model.objects.create(owner=user, name=name)
    return [found[key] for key in wanted]
