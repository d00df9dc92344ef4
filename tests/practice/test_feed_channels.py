"""The calendar feed's settings on every channel — Settings on the web, the JSON API, `glimmers feed …` — each a thin
way into practice.reminders, each showing the same address."""

from __future__ import annotations

import json

from django.test import Client, override_settings

from glimmers.accounts.models import User
from glimmers.cli import command_names, with_quick_capture
from glimmers.practice import reminders
from tests.helpers import Api, invoke

BASE = "https://glimmers.example.org"


# --- Settings on the web ------------------------------------------------------------------------------------


def test_settings_turns_the_feed_on_shows_its_address_and_makes_a_new_one(alice: User, alice_client: Client) -> None:
    page = alice_client.get("/settings/").content.decode()
    assert "Calendar feed" in page and "Turn the feed on" in page and "/feeds/" not in page
    response = alice_client.post("/practice/feed/", {"action": "on", "noticing_at": "12:30", "evening": "on"})
    assert response.status_code == 302 and response["Location"] == "/settings/#feed-heading"
    first = reminders.feed_path(alice)
    assert first is not None and first in alice_client.get("/settings/").content.decode()
    mine = reminders.reminders_of(alice)
    assert (mine.noticing_at.isoformat(timespec="minutes"), mine.evening, mine.past_glimmer) == ("12:30", True, False)  # type: ignore[union-attr]
    alice_client.post("/practice/feed/", {"action": "rotate"})
    second = reminders.feed_path(alice)
    assert second not in (None, first) and alice_client.get(first).status_code == 404
    alice_client.post("/practice/feed/", {"action": "off"})
    assert reminders.feed_path(alice) is None and alice_client.get(second).status_code == 404  # type: ignore[arg-type]


def test_a_time_that_isnt_one_changes_nothing_and_says_why(alice: User, alice_client: Client) -> None:
    alice_client.post("/practice/feed/", {"action": "on", "noticing_at": "12:30"})
    response = alice_client.post("/practice/feed/", {"action": "save", "noticing_at": "25:99"}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert reminders.reminders_of(alice).noticing_at.isoformat(timespec="minutes") == "12:30"  # type: ignore[union-attr]


@override_settings(BASE_URL=BASE)
def test_the_address_is_on_the_public_base_url_when_one_is_set(alice: User, alice_client: Client) -> None:
    alice_client.post("/practice/feed/", {"action": "on"})
    assert f"{BASE}/feeds/" in alice_client.get("/settings/").content.decode()


# --- the API ------------------------------------------------------------------------------------------------


def test_the_api_turns_the_feed_on_changes_it_rotates_and_revokes(alice: User) -> None:
    api = Api(alice)
    assert api.get("/feed").json() == {
        "on": False, "url": None, "noticing_at": None, "evening": False, "past_glimmer": False
    }  # fmt: skip
    on = api.patch("/feed", {"on": True, "noticing_at": "07:05", "past_glimmer": True}).json()
    assert on["on"] and on["url"].endswith(reminders.feed_path(alice)) and on["noticing_at"] == "07:05"
    assert api.client.get(on["url"].split("testserver", 1)[1]).status_code == 200
    rotated = api.post("/feed/rotate").json()
    assert rotated["url"] != on["url"] and api.client.get(on["url"].split("testserver", 1)[1]).status_code == 404
    assert api.patch("/feed", {"noticing_at": None}).json()["noticing_at"] is None
    off = api.patch("/feed", {"on": False}).json()
    assert (off["on"], off["url"]) == (False, None)


def test_the_api_refuses_a_time_that_isnt_one_with_400_and_changes_nothing(alice: User) -> None:
    api = Api(alice)
    api.patch("/feed", {"on": True, "noticing_at": "07:05"})
    refused = api.patch("/feed", {"noticing_at": "25:00"})
    assert refused.status_code == 400 and "isn't a time of day" in refused.json()["detail"]
    assert api.get("/feed").json()["noticing_at"] == "07:05"


# --- the command line ---------------------------------------------------------------------------------------


def test_feed_is_a_command_not_a_quick_capture() -> None:
    assert "feed" in command_names() and with_quick_capture(["feed", "url"]) == ["feed", "url"]


def test_feed_on_prints_the_address_alone_on_the_last_line_and_url_shows_it_again(alice: User) -> None:
    on = invoke("feed", "on", "--noticing", "12:15", "--evening")
    assert on.exit_code == 0, on.output
    path = reminders.feed_path(alice)
    assert path is not None and on.stdout.splitlines()[-1] == f"http://127.0.0.1:8000{path}"
    assert "a few minutes of noticing at 12:15, the evening's glimmers" in on.stdout
    assert "GLIMMERS_BASE_URL isn't set" in on.stderr
    again = invoke("feed", "url")
    assert again.stdout.splitlines()[-1] == on.stdout.splitlines()[-1]
    with override_settings(BASE_URL=BASE):
        assert invoke("feed", "url").stdout.splitlines()[-1] == f"{BASE}{path}"


def test_feed_rotate_and_off_and_url_while_off(alice: User) -> None:
    first = invoke("feed", "on").stdout.splitlines()[-1]
    rotated = invoke("feed", "rotate")
    assert "the old one no longer works" in rotated.stdout and rotated.stdout.splitlines()[-1] != first
    off = invoke("feed", "off")
    assert off.exit_code == 0 and "no longer works" in off.stdout
    url = invoke("feed", "url")
    assert url.exit_code == 1 and "glimmers feed on" in url.stderr
    shown = json.loads(invoke("feed", "url", "--json").stdout)
    assert (shown["on"], shown["url"]) == (False, None)


def test_feed_on_refuses_a_bad_time_and_both_noticing_options(alice: User) -> None:
    bad = invoke("feed", "on", "--noticing", "lunchtime")
    assert bad.exit_code == 1 and "isn't a time of day" in bad.stderr and reminders.feed_path(alice) is None
    both = invoke("feed", "on", "--noticing", "12:00", "--no-noticing")
    assert both.exit_code == 2


def test_feed_on_json_is_the_apis_shape(alice: User) -> None:
    shown = json.loads(invoke("feed", "on", "--past-glimmer", "--json").stdout)
    assert set(shown) == {"on", "url", "noticing_at", "evening", "past_glimmer"} and shown["past_glimmer"] is True
