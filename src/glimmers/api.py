"""The JSON API, mounted at /api/: each app contributes a router from its api.py."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from glimmers.accounts import services as accounts
from glimmers.lib.errors import NotFound

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


@api.exception_handler(ValidationError)
def _refused(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A service refused the input: 400, with its kind message(s) as one sentence or a few."""
    return api.create_response(request, {"detail": " ".join(error.messages)}, status=400)


@api.exception_handler(NotFound)
def _not_found(request: HttpRequest, error: NotFound) -> HttpResponse:
    """Missing or someone else's: the same 404 either way (routers may say what was not found)."""
    return api.create_response(request, {"detail": "Nothing here with that id."}, status=404)


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": "That is more than Glimmers takes in one request."}, status=400)


def _register_routers() -> None:
    from glimmers.accounts.api import router as accounts_router
    from glimmers.journal.api import router as journal_router
    from glimmers.journal.names_api import router as names_router
    from glimmers.kit.api import router as kit_router
    from glimmers.portability.api import router as portability_router
    from glimmers.states.api import router as states_router

    api.add_router("/", accounts_router)
    api.add_router("/", journal_router)
    api.add_router("/", names_router)
    api.add_router("/", states_router)
    api.add_router("/", kit_router)
    api.add_router("/", portability_router)


_register_routers()
