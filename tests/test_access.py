"""The access matrix: every web route and every API operation is listed here as public or owner-only,
and each owner-only one is checked for anonymous, owner, another user and (API) a read-only token.

A route or operation missing from the tables fails `test_every_route_is_in_the_table` with a message
saying how to add it; docs/testing.md explains the tables.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import services as journal

MARKER = "MARKER-7f3a"


@dataclass(frozen=True)
class Route:
    """How to reach a web route: its access, the methods it answers, and which of alice's things its
    URL names (`sample`: a key of the `things` fixture) with the form data an owner would send."""

    access: str  # "public" or "owner"
    methods: tuple[str, ...] = ("get",)
    sample: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


WEB: dict[str, Route] = {
    "healthz": Route("public"),
    "support": Route("public"),
    "accounts:sign_in": Route("public", ("get", "post")),
    "accounts:first_run": Route("public", ("get", "post"), sample="first_run_token"),
    "accounts:sign_out": Route("owner", ("post",)),
    "accounts:settings": Route("owner", ("get", "post"), data={"time_zone": "Europe/Paris"}),
    "accounts:password": Route("owner", ("get", "post")),
    "accounts:token_create": Route("owner", ("post",), data={"name": "script"}),
    "accounts:token_revoke": Route("owner", ("post",), sample="token"),
    "journal:today": Route("owner"),
    "journal:capture": Route("owner", ("post",), data={"text": "a new one"}),
    "journal:timeline": Route("owner"),
    "journal:detail": Route("owner", sample="glimmer"),
    "journal:edit": Route("owner", ("get", "post"), sample="glimmer", data={"text": "changed"}),
    "journal:delete": Route("owner", ("post",), sample="glimmer"),
    "journal:bin": Route("owner"),
    "journal:restore": Route("owner", ("post",), sample="binned"),
    "journal:erase": Route("owner", ("get", "post"), sample="binned"),
}

# API operations by "METHOD /path" as the OpenAPI document names them.
API_PUBLIC = {"GET /api/openapi.json", "GET /api/docs"}
API_BODIES: dict[str, dict[str, Any]] = {
    "POST /api/glimmers": {"text": "from a script"},
    "PATCH /api/glimmers/{id}": {"text": "changed"},
    "PATCH /api/me": {"time_zone": "Europe/Paris"},
}


def _web_routes() -> dict[str, str]:
    """name -> route for every named web pattern (the API's own routes are checked through OpenAPI)."""
    found: dict[str, str] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if route.startswith("api/"):
                    continue
                space = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, route, space)
            elif isinstance(pattern, URLPattern):
                assert pattern.name, f"The route {route!r} has no name: name it and add it to WEB in {__file__}"
                found[namespace + pattern.name] = route

    walk(get_resolver().url_patterns, "", "")
    return found


def _api_operations() -> dict[str, dict[str, Any]]:
    from glimmers.api import api

    schema = api.get_openapi_schema()
    operations: dict[str, dict[str, Any]] = {}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations[f"{method.upper()} {re.sub(r'{[^}]+}', '{id}', path)}"] = operation
    return operations


def test_every_route_is_in_the_table() -> None:
    routes = _web_routes()
    missing = sorted(set(routes) - set(WEB))
    assert not missing, (
        f"New web routes {missing}: add each to WEB in tests/test_access.py as Route('public') "
        "(only for pages DESIGN §5 lists as public) or Route('owner', methods, sample=…)."
    )
    stale = sorted(set(WEB) - set(routes))
    assert not stale, f"WEB lists routes that no longer exist: {stale}"


# --- the things alice owns, each carrying the marker in every field ------------------------------------


@pytest.fixture
def things(alice: User, bob: User) -> dict[str, str]:
    fields = {
        "text": f"{MARKER} text",
        "why": f"{MARKER} why",
        "people": [f"{MARKER} person"],
        "place": f"{MARKER} place",
        "tags": [f"{MARKER}-tag"],
    }
    glimmer = journal.create_glimmer(alice, **fields)  # type: ignore[arg-type]
    binned = journal.create_glimmer(alice, **fields)  # type: ignore[arg-type]
    journal.delete_glimmer(alice, binned.uuid)
    token, _plain = accounts.create_token(alice, name=f"{MARKER} token")
    return {"glimmer": str(glimmer.uuid), "binned": str(binned.uuid), "token": token.key_id}


def _url(route: str, sample: str | None, things: dict[str, str]) -> str:
    if sample == "first_run_token":
        return "/" + re.sub(r"<[^>]+>", "not-a-live-token", route)
    if sample:
        return "/" + re.sub(r"<[^>]+>", things[sample], route)
    return "/" + route


def _owner_cases() -> list[tuple[str, str]]:
    return [(name, method) for name, spec in WEB.items() if spec.access == "owner" for method in spec.methods]


@pytest.mark.parametrize(("name", "method"), _owner_cases())
def test_owner_routes_send_strangers_to_sign_in(client: Client, things: dict[str, str], name: str, method: str) -> None:
    spec = WEB[name]
    url = _url(_web_routes()[name], spec.sample, things)
    response = getattr(client, method)(url, spec.data)
    assert response.status_code == 302, url
    assert response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize(("name", "method"), _owner_cases())
def test_owner_routes_serve_their_owner(alice_client: Client, things: dict[str, str], name: str, method: str) -> None:
    spec = WEB[name]
    url = _url(_web_routes()[name], spec.sample, things)
    response = getattr(alice_client, method)(url, spec.data)
    assert response.status_code in (200, 302), f"{method.upper()} {url}: {response.status_code}"


@pytest.mark.parametrize(("name", "method"), _owner_cases())
def test_other_people_get_404_and_not_one_byte(
    bob_client: Client, things: dict[str, str], name: str, method: str
) -> None:
    spec = WEB[name]
    url = _url(_web_routes()[name], spec.sample, things)
    response = getattr(bob_client, method)(url, spec.data)
    if spec.sample:
        assert response.status_code == 404, f"{method.upper()} {url}: {response.status_code}"
    else:
        assert response.status_code < 500
    assert MARKER not in response.content.decode(), f"{method.upper()} {url} showed alice's data to bob"


@pytest.mark.parametrize("name", [name for name, spec in WEB.items() if spec.access == "public"])
def test_public_routes_answer_anyone(client: Client, things: dict[str, str], name: str) -> None:
    spec = WEB[name]
    response = client.get(_url(_web_routes()[name], spec.sample, things))
    assert response.status_code in (200, 410)
    assert MARKER not in response.content.decode()


# --- the API --------------------------------------------------------------------------------------------


def test_every_api_operation_is_in_the_table() -> None:
    for key, operation in _api_operations().items():
        if key in API_PUBLIC:
            continue
        declared = {str(code) for code in operation.get("responses", {})}
        assert {"400", "401", "403", "404", "422"} <= declared, f"{key} must declare 400/401/403/404/422"
        if key.split()[0] in ("POST", "PATCH", "PUT") and "requestBody" in operation:
            assert key in API_BODIES, f"{key} takes a body: add a valid one to API_BODIES in tests/test_access.py"


def _api_url(key: str, things: dict[str, str]) -> str:
    path = key.split(" ", 1)[1]
    sample = "binned" if path.startswith("/api/bin/") else "glimmer"
    return path.replace("{id}", things[sample])


def _call(client: Client, key: str, url: str, token: str | None = None) -> Any:
    method = key.split()[0].lower()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    body = API_BODIES.get(key)
    if body is None:
        return getattr(client, method)(url, **headers)
    return getattr(client, method)(url, json.dumps(body), "application/json", **headers)


def _api_keys() -> list[str]:
    return sorted(set(_api_operations()) - API_PUBLIC)


@pytest.mark.parametrize("key", _api_keys())
def test_api_operations_need_someone(client: Client, things: dict[str, str], key: str) -> None:
    assert _call(client, key, _api_url(key, things)).status_code == 401


@pytest.mark.parametrize("key", _api_keys())
def test_api_operations_serve_their_owner(client: Client, alice: User, things: dict[str, str], key: str) -> None:
    _token, plain = accounts.create_token(alice)
    response = _call(client, key, _api_url(key, things), plain)
    assert 200 <= response.status_code < 300, f"{key}: {response.status_code} {response.content[:200]!r}"


@pytest.mark.parametrize("key", _api_keys())
def test_api_gives_other_people_404_and_not_one_byte(
    client: Client, bob: User, things: dict[str, str], key: str
) -> None:
    _token, plain = accounts.create_token(bob)
    response = _call(client, key, _api_url(key, things), plain)
    if "{id}" in key:
        assert response.status_code == 404, f"{key}: {response.status_code}"
    else:
        assert response.status_code < 500
    assert MARKER not in response.content.decode()


@pytest.mark.parametrize("key", _api_keys())
def test_read_only_tokens_read_but_never_write(client: Client, alice: User, things: dict[str, str], key: str) -> None:
    _token, plain = accounts.create_token(alice, read_only=True)
    response = _call(client, key, _api_url(key, things), plain)
    if key.startswith("GET "):
        assert response.status_code == 200
    else:
        assert response.status_code == 403, f"{key}: {response.status_code}"
