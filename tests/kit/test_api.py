"""The kit's JSON API: anchors, "I need a glimmer", surfacings, savourings, settings and learning."""

from __future__ import annotations

import json

import pytest

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.kit import services
from glimmers.kit.models import Anchor, KitSettings, Savouring, Surfacing
from glimmers.states import services as states
from glimmers.states.models import CheckIn
from tests.helpers import Api

MISSING = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def alice_api(alice: User) -> Api:
    return Api(alice)


@pytest.fixture
def bob_api(bob: User) -> Api:
    return Api(bob)


# --- anchors ---------------------------------------------------------------------------------------------


def test_pinning_answers_201_then_200_for_the_same_thing(alice_api: Api, alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong")
    body = {"kind": "glimmer", "id": str(glimmer.uuid), "note": "spring"}
    created = alice_api.send("post", "/kit/anchors", body)
    assert created.status_code == 201, created.content
    shape = created.json()
    assert set(shape) == {"id", "kind", "thing_id", "label", "note", "position", "resting", "created_at"}
    assert (shape["kind"], shape["thing_id"], shape["label"], shape["note"], shape["position"]) == (
        "glimmer",
        str(glimmer.uuid),
        "birdsong",
        "spring",
        1,
    )
    again = alice_api.send("post", "/kit/anchors", {"kind": "glimmer", "id": str(glimmer.uuid)})
    assert again.status_code == 200 and again.json()["id"] == shape["id"] and again.json()["note"] == "spring"


def test_people_places_and_cues_are_pinned_by_id(alice_api: Api, alice: User) -> None:
    journal.create_glimmer(alice, text="a walk", people=["Sam"], place="the park")
    cue = states.create_cue(alice, name="the dog")
    listed = alice_api.get("/people").json()["items"]
    sam = next(p for p in listed if p["name"] == "Sam")
    assert alice_api.send("post", "/kit/anchors", {"kind": "person", "id": sam["id"]}).status_code == 201
    assert alice_api.send("post", "/kit/anchors", {"kind": "cue", "id": str(cue.uuid)}).status_code == 201
    items = alice_api.get("/kit/anchors").json()["items"]
    assert [(a["kind"], a["label"]) for a in items] == [("person", "Sam"), ("cue", "the dog")]


def test_pinning_another_persons_thing_or_a_wrong_kind_is_refused(alice_api: Api, bob: User) -> None:
    theirs = journal.create_glimmer(bob, text="bob's")
    assert alice_api.send("post", "/kit/anchors", {"kind": "glimmer", "id": str(theirs.uuid)}).status_code == 404
    assert alice_api.send("post", "/kit/anchors", {"kind": "cue", "id": MISSING}).status_code == 404
    assert alice_api.send("post", "/kit/anchors", {"kind": "photo", "id": MISSING}).status_code == 422
    assert not Anchor.objects.exists()


def test_a_note_or_a_place_in_the_order_changes_with_patch(alice_api: Api, alice: User) -> None:
    for text in ("one", "two"):
        services.pin(alice, "glimmer", journal.create_glimmer(alice, text=text).uuid)
    two = Anchor.objects.get(glimmer__text="two")
    response = alice_api.send("patch", f"/kit/anchors/{two.uuid}", {"note": "the second", "position": 1})
    assert response.status_code == 200 and response.json()["position"] == 1
    assert [a["label"] for a in alice_api.get("/kit/anchors").json()["items"]] == ["two", "one"]
    too_long = alice_api.send("patch", f"/kit/anchors/{two.uuid}", {"note": "x" * 201})
    assert too_long.status_code == 422 and "200 characters" in json.dumps(too_long.json()["detail"])
    assert alice_api.send("patch", f"/kit/anchors/{two.uuid}", {"position": 0}).status_code == 422


def test_unpinning_is_delete_and_another_persons_anchor_is_404(alice_api: Api, bob_api: Api, alice: User) -> None:
    anchor, _new = services.pin(alice, "glimmer", journal.create_glimmer(alice, text="one").uuid)
    assert bob_api.send("delete", f"/kit/anchors/{anchor.uuid}").status_code == 404
    assert bob_api.send("patch", f"/kit/anchors/{anchor.uuid}", {"note": "mine"}).status_code == 404
    assert alice_api.send("delete", "/kit/anchors/not-an-id").status_code == 404
    assert alice_api.send("delete", f"/kit/anchors/{anchor.uuid}").status_code == 204
    assert not Anchor.objects.exists()


def test_anchors_list_in_pages(alice_api: Api, alice: User) -> None:
    for n in range(3):
        services.pin(alice, "glimmer", journal.create_glimmer(alice, text=f"g{n}").uuid)
    first = alice_api.get("/kit/anchors", limit=2).json()
    second = alice_api.get("/kit/anchors", limit=2, cursor=first["next"]).json()
    assert [a["label"] for a in first["items"] + second["items"]] == ["g0", "g1", "g2"]
    assert second["next"] is None
    assert alice_api.get("/kit/anchors", cursor="nonsense").status_code == 400


# --- "I need a glimmer" and surfacings -------------------------------------------------------------------


def test_need_brings_one_back_as_a_surfacing_in_my_words(alice_api: Api, alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong", glow=4)
    states.update_rung(alice, "dorsal", name="fog")
    response = alice_api.send("post", "/kit/need", {"state": "FOG"})
    assert response.status_code == 200, response.content
    shape = response.json()
    assert set(shape) == {"surfacing", "state", "message", "ideas"}
    assert shape["state"] == "dorsal" and shape["message"] is None and len(shape["ideas"]) == 6
    surfacing = shape["surfacing"]
    assert set(surfacing) == {"id", "glimmer", "at", "state_before", "state_after", "helped"}
    assert surfacing["glimmer"]["id"] == str(glimmer.uuid) and surfacing["glimmer"]["glow"] == 4
    assert (surfacing["state_before"], surfacing["state_after"], surfacing["helped"]) == ("dorsal", None, None)


def test_need_with_an_empty_journal_gives_ideas_and_a_kind_message(alice_api: Api) -> None:
    shape = alice_api.send("post", "/kit/need", {}).json()
    assert shape["surfacing"] is None and "still empty" in shape["message"]
    assert {"sense": "sound", "text": "Birdsong"}.items() <= shape["ideas"][1].items()


def test_need_with_everything_marked_gives_a_kind_message(alice_api: Api, alice: User) -> None:
    for n in range(5):
        journal.create_glimmer(alice, text=f"resting {n}", resurface=False)
    shape = alice_api.send("post", "/kit/need", {"state": "ventral"}).json()
    assert shape["surfacing"] is None and "don't bring this back" in shape["message"] and shape["ideas"] == []


def test_need_with_an_unknown_state_is_400(alice_api: Api, alice: User) -> None:
    journal.create_glimmer(alice, text="birdsong")
    response = alice_api.send("post", "/kit/need", {"state": "joyful"})
    assert response.status_code == 400 and "isn't a state on your ladder" in response.json()["detail"]


def test_helped_twice_is_one_yes_and_state_after_takes_my_words(alice_api: Api, alice: User) -> None:
    journal.create_glimmer(alice, text="birdsong")
    surfacing = alice_api.send("post", "/kit/need", {"state": "sympathetic"}).json()["surfacing"]
    states.update_rung(alice, "ventral", name="calm and here")
    for _ in range(2):
        response = alice_api.send("patch", f"/kit/surfacings/{surfacing['id']}", {"helped": True})
        assert response.status_code == 200 and response.json()["helped"] is True
    response = alice_api.send("patch", f"/kit/surfacings/{surfacing['id']}", {"state_after": "Calm and here"})
    assert (response.json()["helped"], response.json()["state_after"]) == (True, "ventral")
    assert Surfacing.objects.get().helped is True


def test_another_persons_surfacing_is_404(alice_api: Api, bob_api: Api, alice: User) -> None:
    journal.create_glimmer(alice, text="birdsong")
    surfacing = alice_api.send("post", "/kit/need", {}).json()["surfacing"]
    assert bob_api.send("patch", f"/kit/surfacings/{surfacing['id']}", {"helped": True}).status_code == 404
    assert alice_api.send("patch", f"/kit/surfacings/{MISSING}", {"helped": True}).status_code == 404


# --- savourings, settings, learning -----------------------------------------------------------------------------


def test_a_savouring_is_kept_with_its_surfacing(alice_api: Api, alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong")
    surfacing = alice_api.send("post", "/kit/need", {}).json()["surfacing"]
    response = alice_api.send(
        "post", "/kit/savourings", {"glimmer": str(glimmer.uuid), "seconds": 20, "surfacing": surfacing["id"]}
    )
    assert response.status_code == 201, response.content
    shape = response.json()
    assert set(shape) == {"id", "glimmer", "surfacing", "at", "seconds"}
    assert (shape["glimmer"], shape["surfacing"], shape["seconds"]) == (str(glimmer.uuid), surfacing["id"], 20)
    default = alice_api.send("post", "/kit/savourings", {"glimmer": str(glimmer.uuid)}).json()
    assert default["seconds"] == 15 and default["surfacing"] == surfacing["id"]  # the latest, within 30 minutes
    assert CheckIn.objects.count() == 0  # a savouring is not a check-in


def test_a_savouring_of_another_persons_glimmer_is_404(alice_api: Api, bob: User) -> None:
    theirs = journal.create_glimmer(bob, text="bob's")
    assert alice_api.send("post", "/kit/savourings", {"glimmer": str(theirs.uuid)}).status_code == 404
    assert alice_api.send("post", "/kit/savourings", {"glimmer": str(theirs.uuid), "seconds": 5}).status_code == 404
    assert alice_api.send("post", "/kit/savourings", {"glimmer": str(theirs.uuid), "seconds": 0}).status_code == 422
    assert not Savouring.objects.exists()


def test_settings_read_and_change_and_out_of_range_is_422(alice_api: Api, alice: User) -> None:
    assert alice_api.get("/kit/settings").json() == {"savour_seconds": 15, "low_energy": False}
    response = alice_api.send("patch", "/kit/settings", {"savour_seconds": 45.0, "low_energy": True})
    assert response.json() == {"savour_seconds": 45, "low_energy": True}  # 45.0 is 45 to JSON
    refused = alice_api.send("patch", "/kit/settings", {"savour_seconds": 61})
    assert refused.status_code == 422 and "at most 60" in json.dumps(refused.json()["detail"])
    assert KitSettings.objects.get(owner=alice).savour_seconds == 45


@pytest.mark.parametrize(
    "body",
    [
        [],
        ["savour_seconds", 20],
        {"savour_seconds": None},
        {"low_energy": None},
        {"savour_seconds": "20"},
        {"savour_seconds": True},
        {"low_energy": "yes"},
        {"low_energy": 1},
    ],
)
def test_settings_refuse_a_body_that_is_not_what_the_document_says(alice_api: Api, alice: User, body: object) -> None:
    """null is not "leave it", true is not 1 and "yes" is not true: each is 422 and nothing changes."""
    services.update_settings(alice, savour_seconds=45)
    response = alice_api.send("patch", "/kit/settings", body)
    assert response.status_code == 422, response.content
    assert alice_api.get("/kit/settings").json() == {"savour_seconds": 45, "low_energy": False}


@pytest.mark.parametrize("body", [[], ["ventral"], '"ventral"', 7])
def test_need_refuses_a_body_that_is_not_an_object(alice_api: Api, alice: User, body: object) -> None:
    journal.create_glimmer(alice, text="birdsong")
    response = alice_api.send("post", "/kit/need", body)
    assert response.status_code == 422
    assert "JSON object" in json.dumps(response.json()["detail"])
    assert not Surfacing.objects.exists()


def test_learning_is_my_own_observation_per_state(alice_api: Api, alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="the dog's head on my knee")
    for helped in (True, True, False):
        Surfacing.objects.create(owner=alice, glimmer=glimmer, state_before="sympathetic", helped=helped)
    shape = alice_api.get("/kit/learning").json()
    assert shape == [
        {
            "state": "sympathetic",
            "name": "on edge",
            "helped_most": [
                {
                    "kind": "glimmer",
                    "id": str(glimmer.uuid),
                    "label": "the dog's head on my knee",
                    "helped": 2,
                    "shown": 3,
                    "pinned": False,
                }
            ],
        }
    ]


def test_every_kit_operation_declares_its_errors() -> None:
    from glimmers.api import api

    paths = api.get_openapi_schema()["paths"]
    kit = {path: ops for path, ops in paths.items() if path.startswith("/api/kit/")}
    assert len(kit) == 7
    for path, operations in kit.items():
        for method, operation in operations.items():
            assert {400, 401, 403, 404, 422} <= {int(code) for code in operation["responses"]}, f"{method} {path}"
