"""Every answer under /api/ is one DESIGN §5 documents, as `{"detail": …}` JSON: who may write (401 with
`WWW-Authenticate: Bearer`, 403), and the answers Django or the middleware give before an operation runs
(404, 405, 413, 414, 500)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal.models import Glimmer

BODY = json.dumps({"text": "from a script"})


def _post(client: Client, path: str = "/api/glimmers", body: str = BODY, **headers: Any) -> Any:
    return client.post(path, body, "application/json", **headers)


def _is_json_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    data: dict[str, Any] = response.json()
    assert isinstance(data["detail"], str | list) and data["detail"]
    return data


# --- who may write --------------------------------------------------------------------------------


@pytest.mark.parametrize("authorization", [None, "Bearer glm_nope_nope", "Bearer ", "Basic YWxpY2U6c2VjcmV0", "glm"])
def test_a_write_without_a_valid_token_gets_401_with_how_to_sign_in(alice: User, authorization: str | None) -> None:
    script = Client(enforce_csrf_checks=True)  # as real clients are: no test-client exemption from CSRF
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization is not None else {}
    response = _post(script, **headers)
    data = _is_json_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "CSRF" not in data["detail"] and "token" in data["detail"]
    assert not Glimmer.objects.exists()


def test_a_revoked_token_writing_gets_401_not_a_csrf_complaint(alice: User) -> None:
    token, plain = accounts.create_token(alice)
    accounts.revoke_token(alice, token.key_id)
    response = _post(Client(enforce_csrf_checks=True), HTTP_AUTHORIZATION=f"Bearer {plain}")
    _is_json_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_read_with_no_token_gets_401_with_the_header(client: Client) -> None:
    response = client.get("/api/glimmers")
    _is_json_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_signed_in_session_without_its_csrf_token_gets_403(alice: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    data = _is_json_problem(_post(browser), 403)
    assert "CSRF" in data["detail"]
    assert not Glimmer.objects.exists()


def test_a_signed_in_session_with_its_csrf_token_writes(alice: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    browser.get("/settings/")
    response = _post(browser, HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert response.status_code == 201


def test_a_session_and_a_wrong_token_still_needs_the_csrf_token(alice: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    _is_json_problem(_post(browser, HTTP_AUTHORIZATION="Bearer glm_nope_nope"), 403)


def test_a_read_only_token_writing_gets_403(alice: User) -> None:
    _token, plain = accounts.create_token(alice, read_only=True)
    data = _is_json_problem(_post(Client(enforce_csrf_checks=True), HTTP_AUTHORIZATION=f"Bearer {plain}"), 403)
    assert "only read" in data["detail"]


# --- answers before any operation runs ------------------------------------------------------------


@pytest.fixture
def script(alice: User) -> Client:
    _token, plain = accounts.create_token(alice)
    return Client(HTTP_AUTHORIZATION=f"Bearer {plain}")


@pytest.mark.parametrize("path", ["/api/nothing-here", "/api/glimmers/x/y/z", "/api/"])
def test_an_unknown_api_address_gets_404_in_json(script: Client, path: str) -> None:
    _is_json_problem(script.get(path), 404)


def test_a_method_a_path_does_not_take_gets_405_in_json(script: Client) -> None:
    response = script.put("/api/glimmers", BODY, "application/json")
    data = _is_json_problem(response, 405)
    assert "PUT" in data["detail"]
    assert "POST" in response["Allow"]


def test_a_body_too_big_gets_413_in_json(script: Client) -> None:
    text = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    _is_json_problem(_post(script, body=json.dumps({"text": text})), 413)
    assert not Glimmer.objects.exists()


def test_an_address_too_long_gets_414_in_json(script: Client) -> None:
    _is_json_problem(script.get("/api/glimmers", {"tag": "x" * settings.URL_LIMIT}), 414)


def test_an_address_too_long_on_the_web_gets_a_kind_page(alice_client: Client) -> None:
    response = alice_client.get("/journal/", {"q": "x" * settings.URL_LIMIT})
    assert response.status_code == 414
    assert "longer than Glimmers reads" in response.content.decode()


def test_a_server_error_under_the_api_is_json(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr("glimmers.accounts.api._out", broken)
    _token, plain = accounts.create_token(alice)
    script = Client(HTTP_AUTHORIZATION=f"Bearer {plain}", raise_request_exception=False)
    _is_json_problem(script.get("/api/me"), 500)


def test_the_server_reads_request_lines_longer_than_glimmers_own_limit() -> None:
    from glimmers.server import REQUEST_LINE_LIMIT

    assert settings.URL_LIMIT + len("DELETE  HTTP/1.1") < REQUEST_LINE_LIMIT


def test_a_web_form_too_big_gets_a_kind_413_page(alice_client: Client) -> None:
    response = alice_client.post("/glimmers/new/", {"text": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
    assert response.status_code == 413
    assert "more than Glimmers takes" in response.content.decode()


# --- the OpenAPI document tells clients (and fuzzers) the limits -----------------------------------------


def _schema(document: dict[str, Any], ref_or_schema: dict[str, Any]) -> dict[str, Any]:
    ref = ref_or_schema.get("$ref")
    return document["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else ref_or_schema


def test_the_openapi_document_states_the_limits(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    create = document["paths"]["/api/glimmers"]["post"]
    body = _schema(document, create["requestBody"]["content"]["application/json"]["schema"])
    fields = body["properties"]
    assert fields["text"]["maxLength"] == 2000
    assert fields["people"]["maxItems"] == 50 and fields["people"]["items"]["maxLength"] == 100
    assert fields["tags"]["maxItems"] == 50
    assert fields["senses"]["maxItems"] == 7
    glow = next(option for option in fields["glow"]["anyOf"] if option.get("type") == "integer")
    assert (glow["minimum"], glow["maximum"]) == (1, 5)
    filters = {p["name"]: p["schema"] for p in document["paths"]["/api/glimmers"]["get"]["parameters"]}
    assert filters["cursor"]["anyOf"][0]["maxLength"] == 500
    assert filters["to"]["anyOf"][0]["maxLength"] == 200  # a day, or in words (a 400 when it can't be read)
    assert filters["sense"]["anyOf"][0]["enum"][0] == "sight"
    assert filters["state_before"]["anyOf"][0]["enum"] == ["ventral", "sympathetic", "dorsal"]
    settings_patch = document["components"]["schemas"]["KitSettingsPatch"]["properties"]
    assert settings_patch["savour_seconds"]["type"] == "integer" and settings_patch["low_energy"]["type"] == "boolean"
    assert (settings_patch["savour_seconds"]["minimum"], settings_patch["savour_seconds"]["maximum"]) == (10, 60)
    position = document["components"]["schemas"]["AnchorPatch"]["properties"]["position"]["anyOf"][0]
    assert (position["minimum"], position["maximum"]) == (1, 1_000_000)
    colour = document["components"]["schemas"]["RungIn"]["properties"]["colour"]
    assert colour["enum"][:2] == ["", "sage"]
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            declared = set(operation["responses"])
            assert {"400", "401", "403", "404", "413", "414", "422"} <= declared, f"{method} {path}"
            # a request line past gunicorn's limit is answered by gunicorn, in HTML: the document says so
            assert set(operation["responses"]["414"]["content"]) == {"application/json", "text/html"}, path
