"""Practice through the JSON API: rituals with RRULE schedules, occasions, the intention, sessions and prompts."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User


def call(client: Client, token: str, method: str, path: str, body: Any = None) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if body is None:
        return getattr(client, method)(path, **headers)
    return getattr(client, method)(path, json.dumps(body), "application/json", **headers)


def token(user: User) -> str:
    return accounts.create_token(user)[1]


def test_a_ritual_with_an_rrule_is_made_done_once_a_day_and_retired(client: Client, alice: User) -> None:
    key = token(alice)
    made = call(client, key, "post", "/api/rituals", {"name": "Tea", "schedule": "RRULE:FREQ=WEEKLY;BYDAY=MO"})
    assert made.status_code == 201
    ritual = made.json()
    assert (ritual["schedule"], ritual["schedule_in_words"], ritual["time_of_day"]) == (
        "FREQ=WEEKLY;BYDAY=MO",
        "on Mondays",
        None,
    )
    first = call(client, key, "post", f"/api/rituals/{ritual['id']}/occasions", {})
    again = call(client, key, "post", f"/api/rituals/{ritual['id']}/occasions", {"glimmered": True})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"] and again.json()["glimmered"] is True
    listed = call(client, key, "get", f"/api/rituals/{ritual['id']}/occasions").json()
    assert [item["id"] for item in listed["items"]] == [first.json()["id"]] and listed["next"] is None
    assert call(client, key, "patch", f"/api/rituals/{ritual['id']}", {"retired": True}).json()["retired"] is True
    assert call(client, key, "post", f"/api/rituals/{ritual['id']}/occasions", {}).status_code == 404
    assert call(client, key, "get", "/api/rituals").json()["items"] == []
    assert len(call(client, key, "get", "/api/rituals?retired=true").json()["items"]) == 1


def test_a_schedule_that_never_fires_or_is_finer_than_a_day_answers_400_with_an_example(
    client: Client, alice: User
) -> None:
    key = token(alice)
    for rule in ("FREQ=HOURLY", "FREQ=DAILY;COUNT=0", "whenever you like"):
        refused = call(client, key, "post", "/api/rituals", {"name": "Tea", "schedule": rule})
        assert refused.status_code == 400 and "FREQ=DAILY" in refused.json()["detail"]
    assert call(client, key, "post", "/api/rituals", {"name": "Tea", "time_of_day": "25:99"}).status_code == 400
    assert call(client, key, "post", "/api/rituals", {"name": "Tea", "sense": "sixth"}).status_code == 422


def test_an_occasion_links_a_glimmer_but_not_someone_elses(client: Client, alice: User, bob: User) -> None:
    key = token(alice)
    ritual = call(client, key, "post", "/api/rituals", {"name": "Tea", "schedule": "FREQ=DAILY"}).json()
    occasion = call(client, key, "post", f"/api/rituals/{ritual['id']}/occasions", {}).json()
    mine = call(client, key, "post", "/api/glimmers", {"text": "warm hands"}).json()
    bobs = call(client, token(bob), "post", "/api/glimmers", {"text": "bob's"}).json()
    assert call(client, key, "patch", f"/api/occasions/{occasion['id']}", {"glimmer": bobs["id"]}).status_code == 404
    linked = call(client, key, "patch", f"/api/occasions/{occasion['id']}", {"glimmer": mine["id"]}).json()
    assert (linked["glimmer"], linked["glimmered"]) == (mine["id"], True)


def test_the_intention_is_off_then_set_for_every_day_or_just_today(client: Client, alice: User) -> None:
    key = token(alice)
    assert call(client, key, "get", "/api/intention").json()["text"] is None
    call(client, key, "put", "/api/intention", {"text": "notice 3 glimmers"})
    today = call(client, key, "put", "/api/intention", {"text": "look up", "just_today": True}).json()
    assert (today["text"], today["default"], today["just_today"]) == ("look up", "notice 3 glimmers", True)
    cleared = call(client, key, "delete", "/api/intention?just_today=true").json()
    assert (cleared["text"], cleared["default"]) == (None, "notice 3 glimmers")
    assert call(client, key, "put", "/api/intention", {"text": "  "}).status_code == 400


def test_sessions_keep_up_to_three_glimmers_and_prompts_are_the_persons_own(client: Client, alice: User) -> None:
    key = token(alice)
    session = call(client, key, "post", "/api/practice/sessions", {"minutes": 2, "senses": ["sound"]}).json()
    assert (session["seconds"], session["senses"], session["source"]) == (120, ["sound"], "api")
    for text in ("a", "b", "c"):
        kept = call(client, key, "post", f"/api/practice/sessions/{session['id']}/glimmers", {"text": text})
        assert kept.status_code == 201
    assert len(kept.json()["kept"]) == 3
    assert (
        call(client, key, "post", f"/api/practice/sessions/{session['id']}/glimmers", {"text": "d"}).status_code == 400
    )
    assert call(client, key, "post", "/api/practice/sessions", {"minutes": 6}).status_code == 422
    prompt = call(client, key, "post", "/api/practice/prompts", {"sense": "touch", "text": "The mug"}).json()
    hidden = call(client, key, "patch", f"/api/practice/prompts/{prompt['id']}", {"hidden": True}).json()
    assert hidden["hidden"] is True and hidden["own"] is True
    assert call(client, key, "post", "/api/practice/prompts", {"sense": "touch", "text": " "}).status_code == 400
    library = call(client, key, "get", "/api/practice/prompts/library").json()
    assert len(library) >= 42 and library[0]["own"] is False


def test_yes_no_and_whole_numbers_are_what_the_document_says(client: Client, alice: User) -> None:
    """true/false are never 0/1 or "yes", and a number is never true or "3" (found by make fuzz)."""
    key = token(alice)
    assert call(client, key, "post", "/api/rituals", {"name": "coffee", "reminder": 0}).status_code == 422
    ritual = call(client, key, "post", "/api/rituals", {"name": "coffee", "reminder": False}).json()
    assert call(client, key, "patch", f"/api/rituals/{ritual['id']}", {"retired": 1}).status_code == 422
    done = call(client, key, "post", f"/api/rituals/{ritual['id']}/occasions", {"glimmered": 0})
    assert done.status_code == 422
    for body in ({"seconds": False}, {"minutes": True}, {"minutes": "3"}):
        assert call(client, key, "post", "/api/practice/sessions", {"senses": [], **body}).status_code == 422
    assert call(client, key, "post", "/api/practice/sessions", {"minutes": 3.0, "senses": []}).status_code == 201
    assert call(client, key, "post", "/api/practice/prompts", {"sense": "sight", "text": ""}).status_code == 422
    assert call(client, key, "post", "/api/rituals", {"name": "x" * 101}).status_code == 422  # the real limit, 100
