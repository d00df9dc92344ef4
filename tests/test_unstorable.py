"""NUL and other characters no database can keep, refused in one place (RequestGuardMiddleware) before any
view or query sees them: 400 as `{"detail": …}` under /api/, a kind page on the web. On PostgreSQL each of
these routes answered 500 before ("PostgreSQL text fields cannot contain NUL"); SQLite answered 200/400/404.
JSON bodies are the text rules' to clean (text) or the name rules' (lookups by name): see the last tests."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from tests.test_access import API_BODIES, _api_url, things  # noqa: F401 (things: alice's things, a fixture)

NUL = "\x00"


@pytest.fixture
def script(alice: User) -> Client:
    _token, plain = accounts.create_token(alice)
    return Client(HTTP_AUTHORIZATION=f"Bearer {plain}")


@pytest.fixture
def sam(alice: User) -> str:
    journal.create_glimmer(alice, text="tea with @Sam at +home #cosy")
    return str(names.get_name(alice, "people", "Sam").uuid)


API_QUERIES = [
    ("/api/people", {"cursor": f"a{NUL}"}),
    ("/api/places", {"cursor": NUL}),
    ("/api/tags", {"cursor": NUL}),
    ("/api/glimmers", {"person": f"Sam{NUL}"}),
    ("/api/glimmers", {"place": NUL}),
    ("/api/glimmers", {"tag": NUL}),
    ("/api/glimmers", {"cursor": NUL}),
    ("/api/search", {"q": f"tea{NUL}"}),
    ("/api/search", {"q": "tea", "tag": NUL}),
    ("/api/glimmers", {f"tag{NUL}": "x"}),
]


@pytest.mark.parametrize(("path", "query"), API_QUERIES, ids=[f"{p} {next(iter(q))!r}" for p, q in API_QUERIES])
def test_a_nul_in_an_api_query_gets_400_in_json(script: Client, sam: str, path: str, query: dict[str, str]) -> None:
    response = script.get(path, query)
    assert response.status_code == 400, response.content[:200]
    assert "can't keep" in response.json()["detail"]


def test_a_nul_in_an_api_path_is_not_found_like_any_id_that_isnt_one(script: Client, sam: str) -> None:
    # an id in the path is only ever found or not (404, never 400 or 422): Schemathesis's stateful phase
    # sends any string where an id goes, and a schema-valid one must not be refused as bad input
    response = script.get("/api/people/%00")
    assert response.status_code == 404 and response.json()["detail"]


def test_a_nul_in_a_web_path_is_the_kind_not_found_page(alice_client: Client) -> None:
    response = alice_client.get("/people/%00/")
    assert response.status_code == 404
    assert "Content-Security-Policy" in response


def test_a_merge_into_a_name_with_nul_gets_400_or_is_not_found(script: Client, alice: User, sam: str) -> None:
    response = script.post(f"/api/people/{sam}/merge", json.dumps({"into": f"Sam{NUL}"}), "application/json")
    assert response.status_code in (400, 404)  # the name rules drop the NUL: "Sam" is the same one → 400
    assert names.get_name(alice, "people", "Sam")


WEB_GETS = [
    ("/suggest/people/", {"people": f"S{NUL}"}),
    ("/suggest/places/", {"place": NUL}),
    ("/suggest/tags/", {"tags": NUL}),
    ("/people/", {"cursor": NUL}),
    ("/places/", {"cursor": NUL}),
    ("/tags/", {"cursor": NUL}),
    ("/journal/", {"q": f"tea{NUL}"}),
    ("/journal/", {"person": NUL}),
    ("/journal/", {"tag": NUL}),
]


@pytest.mark.parametrize(("path", "query"), WEB_GETS, ids=[f"{p} {next(iter(q))!r}" for p, q in WEB_GETS])
def test_a_nul_in_a_web_query_gets_a_kind_400_page(
    alice_client: Client, sam: str, path: str, query: dict[str, str]
) -> None:
    response = alice_client.get(path, query)
    assert response.status_code == 400
    assert "a NUL or a broken one" in response.content.decode()
    assert response["Content-Security-Policy"]  # the page keeps the site's headers


def test_a_nul_in_the_web_merge_form_gets_a_kind_400_page(alice_client: Client, alice: User, sam: str) -> None:
    response = alice_client.post(f"/people/{sam}/merge/", {"into": f"Mum{NUL}"})
    assert response.status_code == 400
    assert "a NUL or a broken one" in response.content.decode()
    assert names.get_name(alice, "people", "Sam")


def test_a_nul_in_a_capture_form_is_refused_and_nothing_is_kept(alice_client: Client, alice: User) -> None:
    assert alice_client.post("/glimmers/new/", {"text": f"tea{NUL}"}).status_code == 400
    assert not journal.glimmers_of(alice).exists()


def test_a_stranger_with_a_nul_gets_400_not_a_sign_in_page(client: Client) -> None:
    assert client.get("/journal/", {"q": NUL}).status_code == 400


def test_a_filter_by_name_from_any_channel_uses_the_name_rules(alice: User, sam: str) -> None:
    from glimmers.journal import search

    found = search.find_glimmers(alice, filters=search.make_filters({"person": f"Sam{NUL}", "tag": f"\ud800{NUL}"}))
    assert found.items == []  # the broken tag is no tag of alice's: nothing matches, and nothing fails
    with_sam = search.find_glimmers(alice, filters=search.make_filters({"person": f"Sam{NUL}"}))
    assert [glimmer.text for glimmer in with_sam.items] == ["tea with @Sam at +home #cosy"]


# --- JSON bodies: the text rules clean text; lookups by name never reach the database with a NUL ---------


def _with_nul(value: Any) -> Any:
    if isinstance(value, str) and not value.startswith("{"):
        return value + NUL
    if isinstance(value, dict):
        return {key: _with_nul(item) for key, item in value.items()}
    return value


def test_every_api_body_with_a_nul_in_each_string_gets_an_answer_never_a_500(
    alice: User,
    things: dict[str, str],  # noqa: F811 (the fixture imported above)
) -> None:
    client = Client(raise_request_exception=False)
    _token, plain = accounts.create_token(alice)
    for key, body in API_BODIES.items():
        for field, value in body.items():
            if not isinstance(value, str | dict) or str(value).startswith("{"):
                continue  # ids of alice's things stay whole: a NUL in a UUID is simply a 422
            data = json.dumps({**body, field: _with_nul(value)})
            data = re.sub(r"\{(\w+)\}", lambda found: things.get(found.group(1), found.group(0)), data)
            method = key.split()[0].lower()
            response = getattr(client, method)(
                _api_url(key, things), data, "application/json", HTTP_AUTHORIZATION=f"Bearer {plain}"
            )
            assert response.status_code < 500, f"{key} with a NUL in {field}: {response.status_code}"
            assert response["Content-Type"].startswith("application/json"), key
