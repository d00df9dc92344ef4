"""The JSON API, mounted at /api/: each app contributes a router from its api.py."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaMismatch

from glimmers.accounts.apiauth import SignedInSession, TokenAuth
from glimmers.lib.apierrors import unlike_the_schema
from glimmers.lib.errors import NotFound
from glimmers.lib.problems import TOO_BIG, UNAUTHENTICATED


class GlimmersAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """The document says every way an operation can answer. A 414 is Glimmers' JSON, except that the web
        server in front (gunicorn: glimmers.server) answers a request line past its limit itself, in plain
        HTML, before Glimmers runs; its limit sits above settings.URL_LIMIT, so only a very long one does."""
        from glimmers.server import REQUEST_LINE_LIMIT

        document = super().get_openapi_schema(**kwargs)
        for operations in document.get("paths", {}).values():
            for operation in operations.values():
                too_long = operation.get("responses", {}).get(414)
                if too_long is None:
                    continue
                too_long["description"] = (
                    f"The address is too long: JSON from Glimmers past {settings.URL_LIMIT:,} characters, or, past "
                    f"{REQUEST_LINE_LIMIT:,} bytes of request line, the web server's own HTML page."
                )
                too_long.setdefault("content", {})["text/html"] = {"schema": {"type": "string"}}
        return document


api = GlimmersAPI(
    title="Glimmers",
    version="1",
    description="Your glimmer journal as JSON. Sign in with a personal access token "
    "(`glimmers token create`) as `Authorization: Bearer <token>`, or use the browser session.",
    auth=[TokenAuth(), SignedInSession()],
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def _refused(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A service refused the input: 400, with its kind message(s) as one sentence or a few."""
    return api.create_response(request, {"detail": " ".join(error.messages)}, status=400)


@api.exception_handler(SchemaMismatch)
def _unlike_schema(request: HttpRequest, error: SchemaMismatch) -> HttpResponse:
    """The body or query doesn't match the schema (its limits included): 422, each complaint in plain words."""
    return api.create_response(request, {"detail": unlike_the_schema(list(error.errors))}, status=422)


@api.exception_handler(NotFound)
def _not_found(request: HttpRequest, error: NotFound) -> HttpResponse:
    """Missing or someone else's: the same 404 either way (routers may say what was not found)."""
    return api.create_response(request, {"detail": "Nothing here with that id."}, status=404)


@api.exception_handler(AuthenticationError)
def _who_are_you(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    """No way in (no token, a wrong, revoked or non-Bearer one, and no signed-in session): 401, saying how."""
    response = api.create_response(request, {"detail": UNAUTHENTICATED}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="glimmers"'
    return response


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": TOO_BIG}, status=413)


def _register_routers() -> None:
    from glimmers.accounts.api import router as accounts_router
    from glimmers.journal.api import router as journal_router
    from glimmers.journal.names_api import router as names_router
    from glimmers.kit.api import router as kit_router
    from glimmers.portability.api import router as portability_router
    from glimmers.practice.api import router as practice_router
    from glimmers.states.api import router as states_router

    api.add_router("/", accounts_router)
    api.add_router("/", journal_router)
    api.add_router("/", names_router)
    api.add_router("/", states_router)
    api.add_router("/", kit_router)
    api.add_router("/", practice_router)
    api.add_router("/", portability_router)


_register_routers()
