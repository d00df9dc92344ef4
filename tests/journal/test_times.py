"""Times in words on every channel (web capture and edit, CLI add and edit, API create and update): the same
reader, the same refusals, and every save says the day and time it used. And on the web, words and a picked
time that disagree are asked about; on edit only the one changed from what the form showed counts."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.cli import app
from glimmers.journal import services
from glimmers.journal.models import Glimmer

LONDON = ZoneInfo("Europe/London")
HTMX = {"HTTP_HX_REQUEST": "true"}
Clock = Callable[[str], datetime]

# said at 07:24 on Thursday 26 November 2026, London
KEPT = [
    ("this morning", "2026-11-26T07:24:00+00:00", "today at 07:24"),
    ("yesterday 6pm", "2026-11-25T18:00:00+00:00", "yesterday at 18:00"),
    ("last night", "2026-11-25T21:00:00+00:00", "yesterday at 21:00"),
    ("last sunday at noon", "2026-11-22T12:00:00+00:00", "Sun 22 Nov at 12:00"),
]
REFUSED = [
    ("this evening", "It isn't evening yet — did you mean yesterday evening?"),
    ("9am", "It isn't 09:00 yet — did you mean yesterday at 09:00?"),
    ("in 2 hours", "“in 2 hours” is still to come."),
    ("2 hours agoo", "I couldn't read “2 hours agoo” as a time. Try something like"),
    ("noon on 30 February", "I couldn't read “noon on 30 February” as a time."),
]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    def set_to(local: str) -> datetime:
        moment = datetime.fromisoformat(local).replace(tzinfo=LONDON)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return set_to


@pytest.fixture
def early(clock: Clock) -> datetime:
    return clock("2026-11-26 07:24")


@pytest.fixture
def api(alice: User) -> Client:
    _token, plain = accounts.create_token(alice)
    return Client(headers={"Authorization": f"Bearer {plain}"})


def keep(user: User, when: str = "2026-11-20 08:00") -> Glimmer:
    return services.create_glimmer(user, text="birdsong", when=when)


def page(response: Any) -> str:
    return response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')


def edit_form(glimmer: Glimmer, **fields: str) -> dict[str, str]:
    """What the edit page posts: the picker as shown (and, hidden, what it showed), and any changes."""
    shown = glimmer.local_noticed_at.strftime("%Y-%m-%dT%H:%M")
    return {"text": glimmer.text, "when_exact": shown, "initial-when_exact": shown, "resurface": "on", **fields}


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


# --- web capture ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "stored", "said"), KEPT)
def test_web_capture_keeps_the_time_and_says_it(
    alice_client: Client, early: datetime, words: str, stored: str, said: str
) -> None:
    answer = alice_client.post("/glimmers/new/", {"text": "birdsong", "when": words}, **HTMX)
    assert f"Kept for {said}. Thank you for noticing." in page(answer)
    assert Glimmer.objects.get().noticed_at.isoformat() == stored


def test_web_capture_without_javascript_says_the_time_after_the_redirect(alice_client: Client, early: datetime) -> None:
    answer = alice_client.post("/glimmers/new/", {"text": "birdsong", "when": "yesterday 6pm"}, follow=True)
    assert "Kept for yesterday at 18:00. Thank you for noticing." in page(answer)


@pytest.mark.parametrize(("words", "message"), REFUSED)
def test_web_capture_refuses_kindly_and_keeps_what_was_typed(
    alice_client: Client, early: datetime, words: str, message: str
) -> None:
    answer = alice_client.post("/glimmers/new/", {"text": "birdsong", "when": words}, **HTMX)
    assert message in page(answer) and "birdsong" in page(answer)
    assert not Glimmer.objects.exists()


# --- web edit -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "stored", "said"), KEPT)
def test_web_edit_honours_words_typed_and_says_the_time(
    alice_client: Client, alice: User, early: datetime, words: str, stored: str, said: str
) -> None:
    glimmer = keep(alice)
    answer = alice_client.post(f"/glimmers/{glimmer.uuid}/edit/", edit_form(glimmer, when=words), follow=True)
    assert f"Saved, kept for {said}." in page(answer)
    assert Glimmer.objects.get().noticed_at.isoformat() == stored


@pytest.mark.parametrize(("words", "message"), REFUSED)
def test_web_edit_refuses_kindly_and_changes_nothing(
    alice_client: Client, alice: User, early: datetime, words: str, message: str
) -> None:
    glimmer = keep(alice)
    answer = alice_client.post(f"/glimmers/{glimmer.uuid}/edit/", edit_form(glimmer, when=words, text="changed"))
    assert answer.status_code == 200 and message in page(answer)
    assert Glimmer.objects.get().text == "birdsong" and Glimmer.objects.get().noticed_at == glimmer.noticed_at


def test_the_edit_page_carries_the_time_it_showed(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice)
    form = page(alice_client.get(f"/glimmers/{glimmer.uuid}/edit/"))
    assert '<input type="hidden" name="initial-when_exact" value="2026-11-20T08:00"' in form


def test_web_edit_uses_a_picked_time_when_only_the_picker_changed(
    alice_client: Client, alice: User, early: datetime
) -> None:
    glimmer = keep(alice)
    answer = alice_client.post(f"/glimmers/{glimmer.uuid}/edit/", edit_form(glimmer, when_exact="2026-11-21T10:15"))
    assert answer.status_code == 302
    assert Glimmer.objects.get().noticed_at.isoformat() == "2026-11-21T10:15:00+00:00"


def test_web_edit_asks_which_when_words_and_a_picked_time_disagree(
    alice_client: Client, alice: User, early: datetime
) -> None:
    glimmer = keep(alice)
    fields = edit_form(glimmer, when="yesterday 6pm", when_exact="2026-11-21T10:15")
    asked = alice_client.post(f"/glimmers/{glimmer.uuid}/edit/", fields)
    assert asked.status_code == 200
    text = page(asked)
    assert "You wrote “yesterday 6pm” (yesterday at 18:00) but picked Sat 21 Nov at 10:15. Which did you mean?" in text
    assert "yesterday at 18:00, as written" in text and "Sat 21 Nov at 10:15, as picked" in text
    assert 'name="when_choice" value="words"' in text and 'name="initial-when_exact" value="2026-11-20T08:00"' in text
    assert Glimmer.objects.get().noticed_at == glimmer.noticed_at  # nothing saved yet

    chosen = alice_client.post(f"/glimmers/{glimmer.uuid}/edit/", {**fields, "when_choice": "picked"})
    assert chosen.status_code == 302
    assert Glimmer.objects.get().noticed_at.isoformat() == "2026-11-21T10:15:00+00:00"


def test_web_edit_does_not_ask_when_words_and_picked_time_agree(
    alice_client: Client, alice: User, early: datetime
) -> None:
    glimmer = keep(alice)
    fields = edit_form(glimmer, when="yesterday 6pm", when_exact="2026-11-25T18:00")
    assert alice_client.post(f"/glimmers/{glimmer.uuid}/edit/", fields).status_code == 302
    assert Glimmer.objects.get().noticed_at.isoformat() == "2026-11-25T18:00:00+00:00"


# --- web capture with both ------------------------------------------------------------------------


def test_capture_asks_which_when_words_and_a_picked_time_disagree(alice_client: Client, early: datetime) -> None:
    fields = {"text": "birdsong", "when": "this morning", "when_exact": "2026-11-24T08:00"}
    asked = page(alice_client.post("/glimmers/new/", fields, **HTMX))
    assert "You wrote “this morning” (today at 07:24) but picked Tue 24 Nov at 08:00. Which did you mean?" in asked
    assert "birdsong" in asked and not Glimmer.objects.exists()
    no_javascript = alice_client.post("/glimmers/new/", fields)
    assert no_javascript.status_code == 200 and "Which did you mean?" in page(no_javascript)
    assert not Glimmer.objects.exists()

    kept = alice_client.post("/glimmers/new/", {**fields, "when_choice": "words"}, **HTMX)
    assert "Kept for today at 07:24." in page(kept)
    assert Glimmer.objects.get().noticed_at.isoformat() == "2026-11-26T07:24:00+00:00"


def test_capture_with_only_a_picked_time_keeps_it(alice_client: Client, early: datetime) -> None:
    answer = alice_client.post("/glimmers/new/", {"text": "birdsong", "when_exact": "2026-11-24T08:00"}, **HTMX)
    assert "Kept for Tue 24 Nov at 08:00." in page(answer)


# --- command line ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "stored", "said"), KEPT)
def test_cli_add_and_edit_keep_the_time_and_say_it(
    alice: User, early: datetime, words: str, stored: str, said: str
) -> None:
    added = invoke("add", "birdsong", "--when", words)
    assert added.exit_code == 0, added.output
    assert f"Kept for {said}: “birdsong”" in added.stdout
    glimmer = Glimmer.objects.get()
    assert glimmer.noticed_at.isoformat() == stored
    services.update_glimmer(alice, glimmer.uuid, when="2026-11-01 10:00")
    edited = invoke("edit", glimmer.short_id, "--when", words)
    assert edited.exit_code == 0, edited.output
    assert f"Saved, kept for {said}: “birdsong”" in edited.stdout
    assert Glimmer.objects.get().noticed_at.isoformat() == stored


def test_a_quick_capture_says_the_time_too(alice: User, early: datetime) -> None:
    from glimmers.cli import with_quick_capture

    result = CliRunner().invoke(app, with_quick_capture(["the sun on my face"]))
    assert "Kept for today at 07:24: “the sun on my face”" in result.stdout


@pytest.mark.parametrize(("words", "message"), REFUSED)
def test_cli_add_and_edit_refuse_kindly(alice: User, early: datetime, words: str, message: str) -> None:
    added = invoke("add", "birdsong", "--when", words)
    assert added.exit_code == 1 and message in added.stderr
    assert not Glimmer.objects.exists()
    glimmer = keep(alice)
    edited = invoke("edit", glimmer.short_id, "--when", words)
    assert edited.exit_code == 1 and message in edited.stderr
    assert Glimmer.objects.get().noticed_at == glimmer.noticed_at


# --- API ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "stored", "_said"), KEPT)
def test_api_create_and_update_read_the_same_words(
    api: Client, early: datetime, words: str, stored: str, _said: str
) -> None:
    made = api.post("/api/glimmers", json.dumps({"text": "birdsong", "when": words}), "application/json")
    assert made.status_code == 201
    assert made.json()["noticed_at"] == stored
    glimmer_id = made.json()["id"]
    api.patch(f"/api/glimmers/{glimmer_id}", json.dumps({"when": "2026-11-01 10:00"}), "application/json")
    moved = api.patch(f"/api/glimmers/{glimmer_id}", json.dumps({"when": words}), "application/json")
    assert moved.status_code == 200 and moved.json()["noticed_at"] == stored


@pytest.mark.parametrize(("words", "message"), REFUSED)
def test_api_refuses_words_it_cannot_use_with_400(
    api: Client, alice: User, early: datetime, words: str, message: str
) -> None:
    made = api.post("/api/glimmers", json.dumps({"text": "birdsong", "when": words}), "application/json")
    assert made.status_code == 400 and message in json.dumps(made.json(), ensure_ascii=False)
    glimmer = keep(alice)
    moved = api.patch(f"/api/glimmers/{glimmer.uuid}", json.dumps({"when": words}), "application/json")
    assert moved.status_code == 400 and message in json.dumps(moved.json(), ensure_ascii=False)
    assert Glimmer.objects.get().noticed_at == glimmer.noticed_at


# --- after midnight -------------------------------------------------------------------------------


def test_just_after_midnight_tonight_is_the_evening_that_began_yesterday(alice_client: Client, clock: Clock) -> None:
    clock("2026-11-26 00:20")
    answer = alice_client.post("/glimmers/new/", {"text": "the stars", "when": "tonight"}, **HTMX)
    assert "Kept for yesterday at 21:00." in page(answer)
    assert invoke("add", "the moon", "--when", "this evening").stdout.startswith("Kept for yesterday at 19:00")


# --- the filters' days ----------------------------------------------------------------------------


def test_days_in_words_filter_the_same_on_every_channel(
    alice_client: Client, api: Client, alice: User, early: datetime
) -> None:
    services.create_glimmer(alice, text="birdsong", when="yesterday 6pm")
    services.create_glimmer(alice, text="old tea", when="2026-11-01 10:00")
    web = page(alice_client.get("/journal/", {"since": "yesterday", "until": "today"}))
    assert "birdsong" in web and "old tea" not in web
    cli = json.loads(invoke("list", "--from", "yesterday", "--to", "today", "--json").stdout)
    assert [glimmer["text"] for glimmer in cli] == ["birdsong"]
    listed = api.get("/api/glimmers", {"from": "yesterday", "to": "today"}).json()["items"]
    assert [glimmer["text"] for glimmer in listed] == ["birdsong"]


def test_days_in_words_it_cannot_read_are_refused_on_every_channel(
    alice_client: Client, api: Client, alice: User, early: datetime
) -> None:
    message = "I couldn't read “2 dayz ago” as a time. Try something like"
    assert message in page(alice_client.get("/journal/", {"since": "2 dayz ago"}))
    refused = invoke("list", "--from", "2 dayz ago")
    assert refused.exit_code == 1 and message in refused.stderr
    answer = api.get("/api/glimmers", {"from": "2 dayz ago"})
    assert answer.status_code == 400 and message in answer.json()["detail"]
