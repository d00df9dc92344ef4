"""The JSON API, mounted at /api/: each app contributes a router from its api.py."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from glimmers.accounts import services as accounts

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` for scripts. A read-only token may not change anything."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = accounts.authenticate_token(token)
        if api_token is None:
            return None
        if api_token.read_only and request.method in WRITE_METHODS:
            raise HttpError(403, "This token can only read. Make a read-write token to change things.")
        request.user = api_token.user
        return api_token.user


api = NinjaAPI(
    title="Glimmers",
    version="1",
    description="Your glimmer journal as JSON. Sign in with a personal access token "
    "(`glimmers token create`) as `Authorization: Bearer <token>`, or use the browser session.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


def _register_routers() -> None:
    from glimmers.accounts.api import router as accounts_router

    api.add_router("/", accounts_router)


_register_routers()
