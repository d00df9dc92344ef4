"""The JSON API's two ways in: a Bearer token for scripts, the signed-in session for the browser.

django-ninja's own `SessionAuth` checks CSRF before it looks for a session, so a script with no
token, a wrong one or a revoked one was told it "failed a CSRF check" (403). Here the session is
only asked about when someone is signed in, and only then is CSRF checked; with no way in at all,
the API's handler answers 401 with `WWW-Authenticate: Bearer`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from glimmers.accounts import services

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
READ_ONLY = "This token can only read. Make a read-write token to change things."
NO_CSRF = "This browser session sent no valid CSRF token. Reload the page and try again."


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` for scripts. A read-only token may not change anything."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = services.authenticate_token(token)
        if api_token is None:
            return None
        if api_token.read_only and request.method in WRITE_METHODS:
            raise HttpError(403, READ_ONLY)
        request.user = api_token.user
        return api_token.user


class SignedInSession(APIKeyCookie):
    """The browser's session: nothing when nobody is signed in; CSRF checked only when someone is."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, and only for a signed-in session

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request) is not None:
            raise HttpError(403, NO_CSRF)
        return user
