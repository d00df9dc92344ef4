"""Personal access tokens and the JSON API's two ways in: Bearer tokens and the browser session."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from glimmers.accounts import services
from glimmers.accounts.models import ApiToken, User


def _bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_only_a_digest_of_a_token_is_stored(alice: User) -> None:
    token, plain = services.create_token(alice, name="shortcut")
    assert plain.startswith(f"glm_{token.key_id}_")
    stored = ApiToken.objects.get(pk=token.pk)
    assert plain not in stored.digest and plain.split("_", 2)[2] not in stored.digest


def test_a_token_reads_the_api_and_is_marked_used(client: Client, alice: User) -> None:
    token, plain = services.create_token(alice)
    response = client.get("/api/me", **_bearer(plain))
    assert response.status_code == 200
    assert response.json() == {"name": "alice", "time_zone": "Europe/London", "on_this_day": True, "from_before": True}
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_wrong_or_malformed_token_gets_401(client: Client, alice: User) -> None:
    _token, plain = services.create_token(alice)
    for wrong in [plain[:-1] + ("A" if plain[-1] != "A" else "B"), "glm_nothing", "Basic abc", ""]:
        response = client.get("/api/me", **_bearer(wrong))
        assert response.status_code == 401, wrong
        assert "detail" in response.json()


def test_a_revoked_token_gets_401(client: Client, alice: User) -> None:
    token, plain = services.create_token(alice)
    services.revoke_token(alice, token.key_id)
    assert client.get("/api/me", **_bearer(plain)).status_code == 401


def test_a_read_only_token_cannot_write(client: Client, alice: User) -> None:
    _token, plain = services.create_token(alice, read_only=True)
    assert client.get("/api/me", **_bearer(plain)).status_code == 200
    response = client.patch("/api/me", json.dumps({"time_zone": "Asia/Tokyo"}), "application/json", **_bearer(plain))
    assert response.status_code == 403
    assert "only read" in response.json()["detail"]
    alice.refresh_from_db()
    assert alice.time_zone == "Europe/London"


def test_a_read_write_token_can_write_and_bad_input_gets_400(client: Client, alice: User) -> None:
    _token, plain = services.create_token(alice)
    ok = client.patch("/api/me", json.dumps({"time_zone": "Asia/Tokyo"}), "application/json", **_bearer(plain))
    assert ok.status_code == 200
    assert ok.json()["time_zone"] == "Asia/Tokyo"
    bad = client.patch("/api/me", json.dumps({"time_zone": "Mars/Olympus"}), "application/json", **_bearer(plain))
    assert bad.status_code == 400
    assert "Mars/Olympus" in bad.json()["detail"]
    malformed = client.patch("/api/me", "{not json", "application/json", **_bearer(plain))
    assert malformed.status_code == 400  # not JSON at all (422 is for JSON unlike the schema)


def test_the_api_needs_someone(client: Client) -> None:
    assert client.get("/api/me").status_code == 401


def test_the_browser_session_works_and_writes_need_csrf(alice: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.get("/api/me").status_code == 200
    response = browser.patch("/api/me", json.dumps({"time_zone": "Asia/Tokyo"}), "application/json")
    assert response.status_code == 403
    browser.get("/settings/")  # sets the CSRF cookie, as the page would
    csrf = browser.cookies["csrftoken"].value
    response = browser.patch(
        "/api/me", json.dumps({"time_zone": "Asia/Tokyo"}), "application/json", HTTP_X_CSRFTOKEN=csrf
    )
    assert response.status_code == 200


def test_tokens_are_made_and_shown_once_in_settings(alice_client: Client, alice: User) -> None:
    response = alice_client.post("/settings/tokens/", {"name": "phone", "read_only": "on"})
    text = response.content.decode()
    token = ApiToken.objects.get(user=alice)
    assert token.read_only and token.name == "phone"
    assert f"glm_{token.key_id}_" in text
    assert f"glm_{token.key_id}_" not in alice_client.get("/settings/").content.decode()


def test_alice_revokes_her_token_in_settings(alice_client: Client, alice: User) -> None:
    token, _plain = services.create_token(alice)
    assert alice_client.post(f"/settings/tokens/{token.key_id}/revoke/").status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()


def test_bob_gets_404_for_alices_token(bob_client: Client, alice: User) -> None:
    token, _plain = services.create_token(alice)
    response = bob_client.post(f"/settings/tokens/{token.key_id}/revoke/")
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_last_used_is_written_at_most_once_a_minute(client: Client, alice: User) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _token, plain = services.create_token(alice)
    client.get("/api/me", **_bearer(plain))
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/me", **_bearer(plain))
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]


def test_last_used_is_only_written_when_stale_even_by_another_process(alice: User) -> None:
    from datetime import timedelta

    from django.utils import timezone

    token, _plain = services.create_token(alice)
    marked = timezone.now() - timedelta(seconds=10)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=marked)  # another worker, a moment ago
    stale_copy = ApiToken.objects.get(pk=token.pk)
    stale_copy.last_used_at = None  # what this process read before that
    services._mark_used(stale_copy)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == marked


def test_a_read_never_fails_because_last_used_cannot_be_written(
    client: Client, alice: User, monkeypatch: Any, caplog: Any
) -> None:
    from django.db import OperationalError
    from django.db.models import QuerySet

    real_update = QuerySet.update

    def locked(self: QuerySet[Any], **fields: Any) -> int:
        if self.model is ApiToken:
            raise OperationalError("database is locked")
        return real_update(self, **fields)

    monkeypatch.setattr(QuerySet, "update", locked)
    _token, plain = services.create_token(alice)
    response = client.get("/api/me", **_bearer(plain))
    assert response.status_code == 200
    assert "last used" in caplog.text
