"""Site-wide pages: liveness, Support, errors, and the headers every answer carries."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.test.utils import override_settings


def test_healthz_answers_without_user_data(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "Set-Cookie" not in response.headers


def test_support_is_there_signed_out(client: Client) -> None:
    response = client.get("/support/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "emergency" in text
    assert "not crisis care" in text
    assert "<script" not in text.split("</head>")[1]  # nothing on the page needs JavaScript


def test_the_operator_can_replace_support_text_and_it_is_escaped(client: Client, tmp_path: Path) -> None:
    support = tmp_path / "support.txt"
    support.write_text("Call the Harbour Line: 0800 123 456\n\nhttps://help.example.org\n<script>alert(1)</script>")
    with override_settings(SUPPORT_FILE=support):
        text = client.get("/support/").content.decode()
    assert "Harbour Line" in text
    assert '<a href="https://help.example.org"' in text
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;" in text


def test_every_page_links_to_support(client: Client, db: None) -> None:
    assert 'href="/support/"' in client.get("/sign-in/").content.decode()


def test_signed_out_people_are_sent_to_sign_in(client: Client) -> None:
    response = client.get("/settings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_an_unknown_page_gets_a_kind_404(alice_client: Client) -> None:
    response = alice_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "isn't here" in response.content.decode()


def _assert_strict_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"):
        assert directive in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_public_pages_carry_the_security_headers(client: Client, db: None) -> None:
    _assert_strict_headers(client.get("/sign-in/"))


def test_signed_in_pages_are_never_cached(alice_client: Client) -> None:
    response = alice_client.get("/settings/")
    _assert_strict_headers(response)
    assert response["Cache-Control"] == "no-store"


def test_api_answers_are_never_cached(alice_client: Client) -> None:
    response = alice_client.get("/api/me")
    assert response.status_code == 200
    _assert_strict_headers(response)
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/api/openapi.json", "/api/docs"])
def test_api_documents_are_public(client: Client, path: str) -> None:
    assert client.get(path).status_code == 200


def test_api_docs_load_swagger_from_our_own_static_files(client: Client) -> None:
    text = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in text
    assert "cdn" not in text.lower()
