"""The one-time link `glimmers serve` prints while nobody has an account."""

from __future__ import annotations

import io
import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from glimmers.accounts import services
from glimmers.accounts.models import FirstRunLink, User

GOOD = {
    "username": "sam",
    "password": "kettle song at dawn",
    "password_again": "kettle song at dawn",
    "time_zone": "Europe/Berlin",
}


@pytest.fixture
def link(db: None) -> str:
    token = services.create_first_run_link()
    assert token is not None
    return f"/welcome/{token}/"


def test_the_link_shows_a_form_and_creates_the_first_account(client: Client, link: str) -> None:
    assert "Choose the name and password" in client.get(link).content.decode()
    response = client.post(link, GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/"
    sam = User.objects.get(username="sam")
    assert sam.time_zone == "Europe/Berlin"
    assert "Keep this glimmer" in client.get("/").content.decode()


def test_the_link_works_once(client: Client, link: str) -> None:
    client.post(link, GOOD)
    again = Client().get(link)
    assert again.status_code == 410
    assert "restart <code>glimmers serve</code>" in again.content.decode()


def test_the_link_expires_after_fifteen_minutes(client: Client, link: str) -> None:
    FirstRunLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(link).status_code == 410
    assert client.post(link, GOOD).status_code == 410
    assert not User.objects.exists()


def test_no_link_is_made_once_someone_has_an_account(alice: User) -> None:
    assert services.create_first_run_link() is None


def test_a_new_link_retires_the_old_one(client: Client, link: str) -> None:
    newer = services.create_first_run_link()
    assert client.get(link).status_code == 410
    assert client.get(f"/welcome/{newer}/").status_code == 200


def test_only_a_digest_is_stored(link: str) -> None:
    token = link.split("/")[2]
    assert not FirstRunLink.objects.filter(digest__contains=token).exists()


def test_mistakes_are_explained_and_what_was_typed_is_kept(client: Client, link: str) -> None:
    response = client.post(link, {**GOOD, "password_again": "something else"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "The two passwords are different" in text
    assert 'value="sam"' in text
    response = client.post(link, {**GOOD, "password": "password1", "password_again": "password1"})
    assert "at least 10 characters" in response.content.decode()
    assert not User.objects.exists()


def test_a_spent_link_never_reaches_the_log(client: Client, link: str) -> None:
    token = link.split("/")[2]
    client.post(link, GOOD)
    from glimmers.lib.redact import RedactSecrets

    console = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler) and any(isinstance(f, RedactSecrets) for f in h.filters)
    )
    written = io.StringIO()
    previous, console.stream = console.stream, written  # listen to what the configured handler writes
    try:
        Client().get(link)
    finally:
        console.stream = previous
    assert "/welcome/" not in written.getvalue()  # a refused request's path is not logged…
    assert token not in written.getvalue()  # …so neither is its token
