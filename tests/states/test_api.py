"""The ladder's JSON API: check-ins, the map, hard moments, cues and the balance, over the same services."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.states import services
from glimmers.states.models import CheckIn, Cue, Trigger
from tests.helpers import Api

MISSING = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def alice_api(alice: User) -> Api:
    return Api(alice)


@pytest.fixture
def bob_api(bob: User) -> Api:
    return Api(bob)


# --- check-ins --------------------------------------------------------------------------------------------


def test_a_check_in_by_my_own_name_comes_back_in_my_words(alice_api: Api, alice: User) -> None:
    services.update_rung(alice, "dorsal", name="fog")
    response = alice_api.send("post", "/checkins", {"state": "FOG", "note": "heavy", "when": "10 minutes ago"})
    assert response.status_code == 201, response.content
    shape = response.json()
    assert set(shape) == {"id", "state", "name", "word", "note", "at", "time_zone", "created_at"}
    assert (shape["state"], shape["name"], shape["note"], shape["time_zone"]) == (
        "dorsal",
        "fog",
        "heavy",
        "Europe/London",
    )
    assert alice_api.get("/checkins").json()["items"] == [shape]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"state": "joyful"}, 400, "isn't a state on your ladder"),
        ({"state": "ventral", "note": "x" * 501}, 422, "500 characters at most"),
        ({"state": "ventral", "at": "2026-01-01T10:00:00Z", "when": "now"}, 400, "not both"),
        ({"note": "no state"}, 400, "Please say where you are"),
    ],
)
def test_bad_check_ins_are_refused_with_a_reason(alice_api: Api, body: dict[str, Any], status: int, words: str) -> None:
    response = alice_api.send("post", "/checkins", body)
    assert response.status_code == status
    assert words in json.dumps(response.json()["detail"], ensure_ascii=False)
    assert not CheckIn.objects.exists()


def test_check_ins_page_with_cursors_and_can_be_removed(alice_api: Api, alice: User) -> None:
    made = [services.check_in(alice, state="ventral", note=f"n{n}") for n in range(3)]
    first = alice_api.get("/checkins", limit=2).json()
    assert [item["note"] for item in first["items"]] == ["n2", "n1"]
    assert [item["note"] for item in alice_api.get("/checkins", cursor=first["next"]).json()["items"]] == ["n0"]
    assert alice_api.send("delete", f"/checkins/{made[0].uuid}").status_code == 204
    assert alice_api.send("delete", f"/checkins/{made[0].uuid}").status_code == 404
    assert alice_api.send("delete", "/checkins/not-an-id").status_code == 404


# --- the map ----------------------------------------------------------------------------------------------


def test_the_ladder_is_read_and_written_whole(alice_api: Api) -> None:
    plain = alice_api.get("/ladder").json()
    assert list(plain) == ["ventral", "sympathetic", "dorsal"]
    assert plain["dorsal"]["name"] == "far away" and plain["dorsal"]["own_name"] == ""
    body = {"sympathetic": {"name": "wired", "colour": "plum", "body": "tight chest"}, "ventral": {"helps": "tea"}}
    written = alice_api.send("put", "/ladder", body).json()
    assert (written["sympathetic"]["name"], written["sympathetic"]["colour"], written["ventral"]["helps"]) == (
        "wired",
        "plum",
        "tea",
    )
    cleared = alice_api.send("put", "/ladder", {"dorsal": {"name": "fog"}}).json()
    assert cleared["sympathetic"]["name"] == "on edge" and cleared["dorsal"]["name"] == "fog"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"dorsal": {"colour": "red"}}, "Say one of: “sage”"),
        ({"dorsal": {"colour": "Sage"}}, "Say one of: “sage”"),
        ({"dorsal": {"name": "x" * 41}}, "40 characters at most"),
        ({"dorsal": {"feel": "x" * 501}}, "500 characters at most"),
        ({"dorsal": 0}, "JSON object"),
        ({"dorsal": "AAA"}, "JSON object"),
        ({"dorsal": False}, "JSON object"),
        ({"dorsal": {"name": "Ventral"}}, "already names another state"),
    ],
)
def test_a_refused_ladder_changes_nothing(alice_api: Api, alice: User, body: dict[str, Any], words: str) -> None:
    services.update_rung(alice, "dorsal", name="fog")
    response = alice_api.send("put", "/ladder", body)
    schema = words != "already names another state"  # what the schema states (limits, colours, shapes): 422
    assert response.status_code == (422 if schema else 400)
    assert words in json.dumps(response.json()["detail"], ensure_ascii=False)
    assert services.ladder_for(alice)["dorsal"].name == "fog"


# --- hard moments -----------------------------------------------------------------------------------------


def test_hard_moments_answer_400_naming_the_setting_while_off(alice_api: Api) -> None:
    assert alice_api.get("/ladder/settings").json() == {"hard_moments": False}
    for response in (alice_api.send("post", "/hard-moments", {"text": "a loud room"}), alice_api.get("/hard-moments")):
        assert response.status_code == 400
        assert "turned off" in response.json()["detail"] and "Settings" in response.json()["detail"]
    assert not Trigger.objects.exists()


@pytest.mark.parametrize("value", ["yes", 1, None, "true"])
def test_hard_moments_are_switched_with_true_or_false_only(alice_api: Api, value: object) -> None:
    response = alice_api.send("patch", "/ladder/settings", {"hard_moments": value})
    assert response.status_code == 422
    assert alice_api.get("/ladder/settings").json() == {"hard_moments": False}


def test_hard_moments_once_on_and_hidden_again_when_off(alice_api: Api) -> None:
    assert alice_api.send("patch", "/ladder/settings", {"hard_moments": True}).json() == {"hard_moments": True}
    made = alice_api.send("post", "/hard-moments", {"text": "a loud room", "state": "sympathetic", "cue": "noise"})
    assert made.status_code == 201
    shape = made.json()
    assert (shape["text"], shape["state"], shape["cue"]) == ("a loud room", "sympathetic", "noise")
    assert alice_api.get("/hard-moments").json()["items"] == [shape]
    alice_api.send("patch", "/ladder/settings", {"hard_moments": False})
    assert alice_api.send("delete", f"/hard-moments/{shape['id']}").status_code == 400
    assert Trigger.objects.count() == 1
    assert alice_api.get("/cues").json()[0]["hard_moments"] is None
    alice_api.send("patch", "/ladder/settings", {"hard_moments": True})
    assert alice_api.send("delete", f"/hard-moments/{shape['id']}").status_code == 204


# --- cues -------------------------------------------------------------------------------------------------


def test_cues_are_made_renamed_linked_and_removed(alice_api: Api, alice: User) -> None:
    made = alice_api.send("post", "/cues", {"name": "the dog"})
    assert made.status_code == 201
    cue = made.json()
    assert (cue["glimmers"], cue["moved_up"], cue["helps_me"], cue["moved_down"]) == (0, 0, False, None)
    assert alice_api.send("post", "/cues", {"name": "THE DOG"}).status_code == 400
    for n in range(3):
        glimmer = journal.create_glimmer(alice, text=f"walk {n}", state_before="dorsal", state_after="sympathetic")
        linked = alice_api.send("post", f"/cues/{cue['id']}/glimmers", {"glimmer": str(glimmer.uuid)})
        assert linked.status_code == 200
    assert linked.json()["helps_me"] is True and linked.json()["moved_up"] == 3
    story = alice_api.get(f"/cues/{cue['id']}").json()
    assert [item["moved"] for item in story["glimmer_list"]] == ["up", "up", "up"]
    assert story["hard_moment_list"] is None  # hard moments are off
    renamed = alice_api.send("patch", f"/cues/{cue['id']}", {"name": "our dog"})
    assert renamed.json()["name"] == "our dog"
    assert alice_api.send("delete", f"/cues/{cue['id']}/glimmers/{glimmer.uuid}").status_code == 204
    assert alice_api.get(f"/cues/{cue['id']}").json()["glimmers"] == 2
    assert alice_api.send("delete", f"/cues/{cue['id']}").status_code == 204
    assert not Cue.objects.exists() and journal.get_glimmer(alice, glimmer.uuid)


def test_moves_down_are_in_the_answer_only_when_asked(alice_api: Api, alice: User) -> None:
    cue = services.create_cue(alice, name="the news")
    glimmer = journal.create_glimmer(alice, text="headline", state_before="ventral", state_after="dorsal")
    services.link_glimmer(alice, cue.uuid, glimmer.uuid)
    plain = alice_api.get(f"/cues/{cue.uuid}").json()
    assert plain["moved_down"] is None and plain["glimmer_list"][0]["moved"] is None
    asked = alice_api.get(f"/cues/{cue.uuid}", moves="down").json()
    assert asked["moved_down"] == 1 and asked["glimmer_list"][0]["moved"] == "down"


def test_linking_a_glimmer_that_is_not_mine_is_404(alice_api: Api, alice: User, bob: User) -> None:
    cue = services.create_cue(alice, name="the dog")
    bobs = journal.create_glimmer(bob, text="bob's")
    response = alice_api.send("post", f"/cues/{cue.uuid}/glimmers", {"glimmer": str(bobs.uuid)})
    assert response.status_code == 404 and response.json()["detail"] == "No glimmer with that id."
    assert not cue.glimmers.exists()


# --- balance ----------------------------------------------------------------------------------------------


def test_the_balance_is_weekly_figures_without_a_score(alice_api: Api, alice: User) -> None:
    journal.create_glimmer(alice, text="sun")
    services.check_in(alice, state="ventral")
    services.check_in(alice, state="dorsal")
    found = alice_api.get("/balance", weeks=2).json()
    assert found["hard_moments_on"] is False and len(found["weeks"]) == 2
    this_week = found["weeks"][0]
    assert set(this_week) == {"week_of", "glimmers", "hard_moments", "checkins", "checkin_shares"}
    assert (this_week["glimmers"], this_week["hard_moments"]) == (1, None)
    assert this_week["checkin_shares"] == {"ventral": 50, "sympathetic": 0, "dorsal": 50}
    assert alice_api.get("/balance", weeks=0).status_code == 422


# --- who may see what -------------------------------------------------------------------------------------


def _alices(alice: User) -> dict[str, str]:
    services.set_hard_moments(alice, True)
    cue = services.create_cue(alice, name="MARKER cue")
    glimmer = journal.create_glimmer(alice, text="MARKER glimmer")
    services.link_glimmer(alice, cue.uuid, glimmer.uuid)
    return {
        "checkin": str(services.check_in(alice, state="ventral", note="MARKER").uuid),
        "moment": str(services.add_hard_moment(alice, text="MARKER moment").uuid),
        "cue": str(cue.uuid),
        "glimmer": str(glimmer.uuid),
    }


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("delete", "/checkins/{checkin}", None),
        ("delete", "/hard-moments/{moment}", None),
        ("get", "/cues/{cue}", None),
        ("patch", "/cues/{cue}", {"name": "bob's"}),
        ("delete", "/cues/{cue}", None),
        ("post", "/cues/{cue}/glimmers", {"glimmer": "{glimmer}"}),
        ("delete", "/cues/{cue}/glimmers/{glimmer}", None),
    ],
)
def test_bob_gets_404_for_alices_things(
    bob_api: Api, bob: User, alice: User, method: str, path: str, body: dict[str, str] | None
) -> None:
    services.set_hard_moments(bob, True)
    ids = _alices(alice)
    filled = {key: value.format(**ids) for key, value in body.items()} if body else None
    response = bob_api.get(path.format(**ids)) if method == "get" else bob_api.send(method, path.format(**ids), filled)
    assert response.status_code == 404
    assert "MARKER" not in response.content.decode()
    assert CheckIn.objects.count() == Trigger.objects.count() == Cue.objects.count() == 1
    assert Cue.objects.get().name == "MARKER cue" and Cue.objects.get().glimmers.count() == 1


def test_bobs_lists_hold_none_of_alices_things(bob_api: Api, bob: User, alice: User) -> None:
    services.set_hard_moments(bob, True)
    _alices(alice)
    for path in ("/checkins", "/hard-moments", "/cues", "/ladder", "/balance"):
        assert "MARKER" not in bob_api.get(path).content.decode()


@pytest.mark.parametrize("path", ["/checkins", "/hard-moments", "/cues", "/balance", "CUE"])
def test_lists_cost_the_same_queries_for_3_or_30(alice_api: Api, alice: User, path: str) -> None:
    services.set_hard_moments(alice, True)
    cue = services.create_cue(alice, name="the dog")
    path = f"/cues/{cue.uuid}" if path == "CUE" else path

    def add(count: int) -> None:
        for n in range(count):
            glimmer = journal.create_glimmer(
                alice, text=f"g{n}", people=[f"P{n}"], state_before="dorsal", state_after="ventral"
            )
            services.link_glimmer(alice, cue.uuid, glimmer.uuid)
            services.check_in(alice, state="ventral")
            services.add_hard_moment(alice, text=f"h{n}", cue=f"cue {n}")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert alice_api.get(path, limit=50).status_code == 200
        return len(captured)

    add(3)
    queries()  # the token's "last used" is written once a minute, on the first request
    few = queries()
    add(27)
    assert queries() == few
