"""Who erases an account. Accounts owns `user delete` and the account itself, but the rows of every app above
it are only known up there; so the app on top (portability) registers its erasure here in its `ready()`, and
accounts asks this registry, never importing portability (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import import_string

_eraser: str | None = None


def register(dotted_path: str) -> None:
    """Name the function that erases an account (`erase(user) -> None`), imported when first needed."""
    global _eraser
    _eraser = dotted_path


def eraser() -> Callable[[Any], None] | None:
    return import_string(_eraser) if _eraser else None
