"""Erasing an account: nothing of the person remains, on SQLite and PostgreSQL alike; nobody else loses a thing."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal.models import Glimmer
from glimmers.portability import erasure
from glimmers.portability.tables import ERASED
from tests.conftest import PASSWORD


def rows_pointing_at(user_id: int) -> dict[str, int]:
    """Every row in every table that points at the user with a foreign key, or reaches them through one
    (the erasure table's lookups), counted by model."""
    found: dict[str, int] = {}
    user_model = get_user_model()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if field.concrete and field.is_relation and field.related_model is user_model:
                count = model._base_manager.filter(**{field.attname: user_id}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    for label, path in ERASED:
        count = apps.get_model(label)._base_manager.filter(**{f"{path}_id": user_id}).count()
        if count:
            found[label] = count
    return found


def sessions_of(user: User) -> int:
    return sum(1 for session in Session.objects.all() if session.get_decoded().get("_auth_user_id") == str(user.pk))


def search_hits(word: str) -> int:
    """Entries in the search index that match `word`: FTS5's table on SQLite; on PostgreSQL the search vector,
    which lives in the glimmer's row (and so goes with it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM journal_glimmer_fts WHERE journal_glimmer_fts MATCH %s", [word])
        else:
            cursor.execute(
                "SELECT count(*) FROM journal_glimmer WHERE search_vector @@ to_tsquery('simple', %s)", [word]
            )
        return int(cursor.fetchone()[0])


@pytest.fixture
def signed_in_twice(alice: User, bob: User) -> None:
    for person in (alice, alice, bob):
        Client().force_login(person)


def _sign_in_attempts(username: str) -> int:
    from axes.models import AccessAttempt

    return AccessAttempt.objects.filter(username=username).count()


def test_after_erasure_no_row_anywhere_points_at_the_person(
    alice: User, bob: User, alices_journal: dict[str, Any], bobs_journal: dict[str, Any], signed_in_twice: None
) -> None:
    from axes.models import AccessAttempt, AccessAttemptExpiration, AccessLog
    from django.utils import timezone

    attempt = AccessAttempt.objects.create(username="alice", ip_address="127.0.0.1", failures_since_start=2)
    AccessAttemptExpiration.objects.create(access_attempt=attempt, expires_at=timezone.now())
    AccessLog.objects.create(username="alice", ip_address="127.0.0.1")
    alice_id = alice.pk
    assert rows_pointing_at(alice_id) and sessions_of(alice) == 2
    assert search_hits("alice") > 0
    bobs_rows = rows_pointing_at(bob.pk)

    erasure.erase_account(alice, batch=1)  # one row a batch: every batch loop goes round

    assert rows_pointing_at(alice_id) == {}
    assert not User.objects.filter(pk=alice_id).exists()
    assert search_hits("alice") == 0
    assert _sign_in_attempts("alice") == 0 and not AccessLog.objects.filter(username="alice").exists()
    assert not AccessAttemptExpiration.objects.exists()
    assert sum(1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(alice_id)) == 0
    assert rows_pointing_at(bob.pk) == bobs_rows and sessions_of(bob) == 1  # bob keeps everything


def test_user_delete_goes_through_portabilitys_erasure(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    """accounts never imports portability: the erasure reaches it through glimmers.lib.erasure."""
    called: list[User] = []
    monkeypatch.setattr(erasure, "erase_account", called.append)
    accounts.delete_user(alice)
    assert called == [alice]


def test_the_account_is_locked_before_anything_is_deleted(alice: User, alices_journal: dict[str, Any]) -> None:
    erasure.lock(alice)
    alice.refresh_from_db()
    assert not alice.is_active and not alice.has_usable_password()
    assert not alice.api_tokens.exists()
    assert Glimmer.objects.filter(owner=alice).exists()  # the rows come after


def test_deleting_my_account_needs_my_password(alice: User, alice_client: Client) -> None:
    response = alice_client.post("/settings/delete/", {"password": "not it"})
    assert response.status_code == 200
    assert "Your account is still here" in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_deleting_my_account_erases_it_and_signs_me_out(
    alice: User, alice_client: Client, alices_journal: dict[str, Any]
) -> None:
    page = alice_client.get("/settings/delete/").content.decode()
    assert "Download your data" in page and "backups" in page
    response = alice_client.post("/settings/delete/", {"password": PASSWORD})
    assert response.status_code == 200 and "Your account is deleted" in response.content.decode()
    assert response["Clear-Site-Data"]
    assert not User.objects.filter(pk=alice.pk).exists()
    assert alice_client.get("/").status_code == 302  # signed out


def test_after_the_last_account_goes_the_sign_in_page_says_how_to_make_one(alice: User) -> None:
    accounts.delete_user(alice)
    page = Client().get("/sign-in/").content.decode()
    assert "no account here yet" in page and "glimmers user create" in page


def test_the_sign_in_page_says_nothing_of_it_while_someone_has_an_account(alice: User) -> None:
    assert "no account here yet" not in Client().get("/sign-in/").content.decode()
