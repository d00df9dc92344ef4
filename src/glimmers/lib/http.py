"""Request types for views that only run for a signed-in person (SignInRequiredMiddleware sees to it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from glimmers.accounts.models import User


class SignedInRequest(HttpRequest):
    user: User
