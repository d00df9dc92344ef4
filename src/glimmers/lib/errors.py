"""Exceptions that services raise and every adapter (web, API, CLI) turns into a kind answer."""

from __future__ import annotations

import uuid
from typing import Any


class NotFound(Exception):
    """The thing does not exist or belongs to someone else: the same answer either way."""


class UserError(Exception):
    """Something the person can put right; the message says how."""


def on_field(name: str, check: Any, *args: Any, **kwargs: Any) -> Any:
    """Run one check, naming the field its complaint is about (forms show it there; the API and CLI
    just read the message)."""
    from django.core.exceptions import ValidationError

    try:
        return check(*args, **kwargs)
    except ValidationError as error:
        raise ValidationError({name: error.error_list}) from None


def full_uuid(value: str | uuid.UUID) -> uuid.UUID:
    """A public id as a UUID; anything else is simply not found (the same answer as a missing one)."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value).strip())
    except ValueError:
        raise NotFound(str(value)) from None
