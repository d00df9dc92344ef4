"""Your data on the web and in the API: the page, each download, and the export's queries at any size."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal.models import Glimmer
from glimmers.portability import reading


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def test_settings_links_to_your_data_and_to_deleting_the_account(alice_client: Client) -> None:
    page = alice_client.get("/settings/").content.decode()
    assert 'href="/settings/data/"' in page and 'href="/settings/delete/"' in page


def test_the_your_data_page_offers_three_formats(alice_client: Client) -> None:
    page = alice_client.get("/settings/data/").content.decode()
    for value in ("json", "csv", "markdown"):
        assert f'value="{value}"' in page


@pytest.mark.parametrize(
    ("name", "kind", "suffix"),
    [("json", "application/json", ".json"), ("csv", "application/zip", ".zip"), ("markdown", "text/markdown", ".md")],
)
def test_each_format_downloads_as_a_named_file(
    alice_client: Client, alices_journal: dict[str, Any], name: str, kind: str, suffix: str
) -> None:
    response = alice_client.get("/settings/data/export/", {"format": name})
    assert response.status_code == 200 and response["Content-Type"].startswith(kind)
    assert response["Content-Disposition"].startswith('attachment; filename="glimmers-alice-')
    assert response["Content-Disposition"].endswith(f'{suffix}"')
    assert b"MARKER-alice" in _body(response) or name == "csv"


def test_an_unknown_format_is_answered_with_the_page_and_a_message(alice_client: Client) -> None:
    response = alice_client.get("/settings/data/export/", {"format": "xml"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()


def test_the_api_offers_the_json_export(client: Client, alice: User, alices_journal: dict[str, Any]) -> None:
    _token, plain = accounts.create_token(alice, read_only=True)
    response = client.get("/api/export", HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    document = json.loads(_body(response))
    assert document["format"] == "glimmers-export" and document["glimmers"][0]["text"].startswith("MARKER-alice")


def _export_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        _body(client.get("/settings/data/export/", {"format": "json"}))
    return len(captured)


def test_the_exports_queries_grow_by_batches_not_by_rows(
    alice_client: Client, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.generate import generate

    monkeypatch.setattr(reading, "BATCH", 50)
    generate(alice, 10, seed=1)
    small = _export_queries(alice_client)
    generate(alice, 290, seed=2)
    assert Glimmer.objects.filter(owner=alice).count() == 300
    large = _export_queries(alice_client)
    # 300 glimmers in batches of 50: six batches instead of one, each one query for the rows and one each for
    # their people and their tags.
    assert large - small <= 3 * (300 // 50)
