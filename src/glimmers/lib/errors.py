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


class Problems:
    """Every field's complaint at once: `check` runs one check as on_field does, but notes its complaint and
    carries on (giving None); `raise_any` then raises them all together. So a form shows everything to put right
    in one go, instead of one problem per try."""

    def __init__(self) -> None:
        self.found: dict[str, list[Any]] = {}

    def check(self, name: str, check: Any, *args: Any, **kwargs: Any) -> Any:
        from django.core.exceptions import ValidationError

        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            self.found.setdefault(name, []).extend(error.error_list)
            return None

    def raise_any(self) -> None:
        from django.core.exceptions import ValidationError

        if self.found:
            raise ValidationError(self.found)


def full_uuid(value: str | uuid.UUID) -> uuid.UUID:
    """A public id as a UUID; anything else is simply not found (the same answer as a missing one)."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value).strip())
    except ValueError:
        raise NotFound(str(value)) from None
