"""Bounded work per request (issue 13): a glimmer carries at most 50 people and 50 tags, whatever the channel,
and its names are found in one query and the new ones made in one insert, so that no request holds SQLite's
write lock for long (a 5,000-name list held it for seconds, and everyone else's writes waited)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.journal.models import Glimmer, Person, Tag
from glimmers.journal.text import NAMES_LIMIT

# A create's statements: the transaction, the names found and the new ones made (people, tags, place),
# the glimmer, its links, and reading it back (before: two statements or more for every name).
CREATE_BUDGET = 20  # savepoints included


@pytest.fixture
def script(alice: User) -> Client:
    _token, plain = accounts.create_token(alice)
    return Client(HTTP_AUTHORIZATION=f"Bearer {plain}")


def _create(script: Client, **body: object) -> object:
    return script.post("/api/glimmers", json.dumps({"text": "a full table", **body}), "application/json")


def _statements(script: Client, **body: object) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = _create(script, **body)
    assert response.status_code == 201, response.content[:300]  # type: ignore[attr-defined]
    return len(queries)


def test_fifty_new_people_and_tags_take_as_few_statements_as_one(script: Client, alice: User) -> None:
    one = _statements(script, people=["Sam"], tags=["tea"], place="Kitchen")
    many = _statements(
        script, people=[f"Guest {n}" for n in range(NAMES_LIMIT)], tags=[f"tag{n}" for n in range(NAMES_LIMIT)]
    )
    assert many <= CREATE_BUDGET, many
    assert many <= one + 1, (one, many)  # +1: the auth token's "last used" may be written on the first only
    assert Person.objects.owned_by(alice).count() == NAMES_LIMIT + 1
    assert Tag.objects.owned_by(alice).count() == NAMES_LIMIT + 1


def test_names_already_kept_are_found_ignoring_case_not_made_again(script: Client, alice: User) -> None:
    services.create_glimmer(alice, text="first", people=["Sam", "Alex"], tags=["Tea"])
    made = _create(script, people=["sam", "ALEX", "Jo"], tags=["tea", "cake"])
    assert made.status_code == 201  # type: ignore[attr-defined]
    assert made.json()["people"] == ["Alex", "Jo", "Sam"]  # type: ignore[attr-defined]
    assert sorted(p.name for p in Person.objects.owned_by(alice)) == ["Alex", "Jo", "Sam"]
    assert sorted(t.name for t in Tag.objects.owned_by(alice)) == ["Tea", "cake"]


@pytest.mark.parametrize("field", ["people", "tags"])
def test_fifty_one_names_are_refused_by_the_schema(script: Client, alice: User, field: str) -> None:
    response = _create(script, **{field: [f"n{n}" for n in range(NAMES_LIMIT + 1)]})
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert "can hold 50 at most" in json.dumps(response.json()["detail"])  # type: ignore[attr-defined]
    assert not Glimmer.objects.exists() and not Person.objects.exists() and not Tag.objects.exists()


def test_the_rule_counts_names_written_in_the_text_for_every_channel(alice: User) -> None:
    text = "so many " + " ".join(f"#t{n}" for n in range(NAMES_LIMIT))
    with pytest.raises(ValidationError, match="up to 50 tags"):
        services.create_glimmer(alice, text=text, tags=["one more"])
    assert services.create_glimmer(alice, text=text).tag_names  # exactly 50 is fine
    assert not Person.objects.exists()


def test_the_web_form_says_so_beside_the_field(alice_client: Client, alice: User) -> None:
    people = ", ".join(f"Guest {n}" for n in range(NAMES_LIMIT + 1))
    response = alice_client.post("/glimmers/new/", {"text": "a party", "people": people})
    assert response.status_code == 200
    assert "up to 50 people" in response.content.decode()
    assert not Glimmer.objects.exists() and not Person.objects.exists()
