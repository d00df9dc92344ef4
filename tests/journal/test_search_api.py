"""The JSON API for search, filters, people, places and tags: thin adapters over journal.search and
journal.names, with the journal's JSON shapes and the same 404 for someone else's as for nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from glimmers.accounts.models import User
from glimmers.journal import names, services
from tests.helpers import Api


@pytest.fixture
def api(alice: User) -> Api:
    return Api(alice)


def texts(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["text"] for item in response.json()["items"]]


def test_search_answers_glimmers_in_their_usual_shape(api: Api, alice: User) -> None:
    services.create_glimmer(alice, text="sunset over the bay", people=["Sam"])
    services.create_glimmer(alice, text="rain on the window")
    body = api.get("/search", q="SUN").json()
    assert [item["text"] for item in body["items"]] == ["sunset over the bay"]
    assert body["items"][0]["people"] == ["Sam"] and body["next"] is None
    assert texts(api.get("/search", q="sam")) == ["sunset over the bay"]


@pytest.mark.parametrize("typed", ['"', "NEAR(", "*", "-", "AND OR", "^", ":", "x" * 2_000])
def test_search_syntax_is_only_ever_words(api: Api, alice: User, typed: str) -> None:
    services.create_glimmer(alice, text="warm bread")
    for order in ("newest", "relevance"):
        assert api.get("/search", q=typed, order=order).status_code == 200


def test_search_pages_by_cursor_or_by_number(api: Api, alice: User) -> None:
    for index in range(5):
        services.create_glimmer(alice, text="rain " * (index + 1))
    for order in ("newest", "relevance"):
        first = api.get("/search", q="rain", order=order, limit=3).json()
        second = api.get("/search", q="rain", order=order, limit=3, cursor=first["next"]).json()
        assert len(first["items"]) == 3 and len(second["items"]) == 2 and second["next"] is None
    assert api.get("/search", q="rain", order="loudest").status_code == 422  # the schema lists the two
    assert api.get("/search", q="rain", cursor="garbage").status_code == 400


def test_the_journal_list_takes_the_same_filters(api: Api, alice: User) -> None:
    services.create_glimmer(alice, text="birdsong", senses=["sound"], people=["Sam"], glow=4, state_after="ventral")
    services.create_glimmer(alice, text="tea", people=["Ada"], glow=2)
    sam = names.get_name(alice, "people", "Sam")
    assert texts(api.get("/glimmers", sense="sound")) == ["birdsong"]
    assert texts(api.get("/glimmers", person=str(sam.uuid))) == ["birdsong"]
    assert texts(api.get("/glimmers", person="ada")) == ["tea"]
    assert texts(api.get("/glimmers", glow=3, state_after="ventral")) == ["birdsong"]
    today = services.list_glimmers(alice).items[0].local_date.isoformat()
    assert set(texts(api.get("/glimmers", **{"from": today, "to": today}))) == {"birdsong", "tea"}
    assert texts(api.get("/search", q="bird", sense="sound", person="Sam")) == ["birdsong"]
    refused = api.get("/glimmers", sense="smelly")  # the document lists the senses: 422, naming them
    assert refused.status_code == 422 and "“sound”" in json.dumps(refused.json()["detail"], ensure_ascii=False)
    assert api.get("/search", state_after="calm").status_code == 422
    unread = api.get("/glimmers", **{"from": "soon"})  # read as every time in words is (lib.when): 400
    assert unread.status_code == 400 and "couldn't read “soon” as a time" in unread.json()["detail"]
    for day in ("0", "20261301"):  # never a count of seconds since 1970, nor a day that isn't one
        unread = api.get("/glimmers", to=day)
        assert unread.status_code == 400 and f"couldn't read “{day}” as a time" in unread.json()["detail"]


def test_the_filters_are_in_the_openapi_document(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "order", "from", "to", "sense", "person", "place", "tag", "glow", "state_before"} <= parameters
    assert {"from", "to", "person"} <= {p["name"] for p in schema["paths"]["/api/glimmers"]["get"]["parameters"]}


def test_people_are_listed_and_read_with_what_came_with_them(api: Api, alice: User) -> None:
    services.create_glimmer(alice, text="tea", people=["Sam"], state_before="dorsal", state_after="ventral")
    body = api.get("/people").json()
    assert body == {
        "items": [
            {
                "id": str(names.get_name(alice, "people", "Sam").uuid),
                "name": "Sam",
                "note": "",
                "archived": False,
                "resurface": True,
                "glimmers": 1,
                "noted": 1,
                "lifted": 1,
            }
        ],
        "next": None,
    }
    assert api.get(f"/people/{body['items'][0]['id']}").json() == body["items"][0]
    tags = api.get("/tags").json()
    assert tags["items"] == []


def test_people_and_places_are_added_changed_and_merged(api: Api, alice: User) -> None:
    added = api.post("/places", {"name": "The beach", "note": "cold water"})
    assert added.status_code == 201 and added.json()["name"] == "The beach"
    assert api.post("/places", {"name": "the BEACH"}).status_code == 400
    services.create_glimmer(alice, text="waves", place="Beach")
    beach = names.get_name(alice, "places", "Beach")
    taken = api.patch(f"/places/{added.json()['id']}", {"name": "beach"})
    assert taken.status_code == 400 and f'"into": "{beach.uuid}"' in taken.json()["detail"]
    changed = api.patch(f"/places/{added.json()['id']}", {"name": "Sandy Bay", "archived": True, "resurface": False})
    assert changed.json()["name"] == "Sandy Bay" and changed.json()["archived"] and not changed.json()["resurface"]
    merged = api.post(f"/places/{added.json()['id']}/merge", {"into": "beach"})
    assert merged.status_code == 200
    assert merged.json()["name"] == "Beach" and merged.json()["note"] == "cold water"
    assert api.get(f"/places/{added.json()['id']}").status_code == 404
    assert api.post(f"/places/{beach.uuid}/merge", {"into": str(beach.uuid)}).status_code == 400


def test_tags_are_renamed_and_merged_but_not_archived(api: Api, alice: User) -> None:
    services.create_glimmer(alice, text="tea #cosy #cozy")
    cozy = names.get_name(alice, "tags", "cozy")
    assert api.patch(f"/tags/{cozy.uuid}", {"archived": True}).status_code == 400
    assert api.patch(f"/tags/{cozy.uuid}", {"name": "Cozy"}).json()["name"] == "Cozy"
    assert api.post(f"/tags/{cozy.uuid}/merge", {"into": "cosy"}).json()["glimmers"] == 1
    assert "archived" not in api.get("/tags").json()["items"][0]


def test_bob_never_reaches_alices_people_places_or_tags(alice: User, bob: User) -> None:
    services.create_glimmer(alice, text="MARKER tea", people=["MARKER Gran"], place="MARKER Home", tags=["MARKER"])
    services.create_glimmer(bob, text="coffee", people=["Dad"])
    as_bob = Api(bob)
    gran = names.get_name(alice, "people", "MARKER Gran")
    home = names.get_name(alice, "places", "MARKER Home")
    marker = names.get_name(alice, "tags", "MARKER")
    dad = names.get_name(bob, "people", "Dad")
    answers = [
        as_bob.get(f"/people/{gran.uuid}"),
        as_bob.get(f"/places/{home.uuid}"),
        as_bob.get(f"/tags/{marker.uuid}"),
        as_bob.patch(f"/people/{gran.uuid}", {"name": "mine"}),
        as_bob.post(f"/people/{gran.uuid}/merge", {"into": str(dad.uuid)}),
        as_bob.post(f"/people/{dad.uuid}/merge", {"into": str(gran.uuid)}),
        as_bob.post(f"/people/{dad.uuid}/merge", {"into": "MARKER Gran"}),
    ]
    for answer in answers:
        assert answer.status_code == 404 and "MARKER" not in answer.content.decode()
    for path, params in (("/search", {"q": "marker"}), ("/glimmers", {"person": str(gran.uuid)}), ("/people", {})):
        answer = as_bob.get(path, **params)
        assert answer.status_code == 200 and "MARKER" not in answer.content.decode()
    assert names.get_name(alice, "people", "MARKER Gran").name == "MARKER Gran"
