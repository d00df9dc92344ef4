"""Landmark stories (issue 16, part 2): one short, optional story per state — what happened, what the body felt,
what thoughts came — kept with the ladder, found by the journal's search, on the web, the API and the command line."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.states import services
from glimmers.states.palette import STORY_LIMIT
from tests.helpers import Api, invoke

# --- the services ---------------------------------------------------------------------------------------


def test_a_story_is_kept_with_the_ladder_answer_by_answer(alice: User, bob: User) -> None:
    services.set_stories(alice, {"ventral": {"what": "The lake at dawn", "body": "warm hands"}})
    services.set_stories(alice, {"ventral": {"thoughts": "I can rest"}})  # the others stay
    rung = services.ladder_for(alice)["ventral"]
    assert [answer.text for answer in rung.story] == ["The lake at dawn", "warm hands", "I can rest"]
    assert rung.has_story and not services.ladder_for(alice)["dorsal"].has_story
    assert not services.ladder_for(bob)["ventral"].has_story
    services.set_stories(alice, {"ventral": {"what": "", "body": "", "thoughts": ""}})
    assert not services.ladder_for(alice)["ventral"].has_story


@pytest.mark.parametrize(
    ("stories", "words"),
    [
        ({"ventral": {"what": "x" * (STORY_LIMIT + 1)}}, f"{STORY_LIMIT:,} is the most"),
        ({"upside": {"what": "a time"}}, "three states"),
        ({"ventral": {"where": "the lake"}}, "not “where”"),
        ({"ventral": {"what": "broken \ud800"}}, "aren't valid text"),
    ],
)
def test_bad_stories_are_refused_and_nothing_is_saved(alice: User, stories: dict, words: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError, match=words):
        services.set_stories(alice, stories)
    assert not services.ladder_for(alice)["ventral"].has_story


def test_search_finds_a_story_by_its_words_as_search_reads_them(alice: User) -> None:
    services.set_stories(alice, {"dorsal": {"what": "Sunday at the Café", "thoughts": "nobody needs me"}})
    assert [rung.state for rung in services.stories_matching(alice, "cafe sund")] == ["dorsal"]
    assert services.stories_matching(alice, "café lake") == []  # every word must be there
    assert services.stories_matching(alice, "") == []


# --- the web --------------------------------------------------------------------------------------------


def test_the_story_page_asks_three_questions_and_keeps_the_answers(alice_client: Client, alice: User) -> None:
    page = alice_client.get("/ladder/story/?state=ventral").content.decode()
    for question in ("What happened", "What my body felt", "What thoughts came"):
        assert question in page
    answer = alice_client.post("/ladder/story/", {"state": "ventral", "what": "The lake", "body": "", "thoughts": ""})
    assert answer["Location"] == "/ladder/#rung-ventral"
    ladder_page = alice_client.get("/ladder/").content.decode()
    assert (
        "My landmark story" in ladder_page and "The lake" in ladder_page and "Change my landmark story" in ladder_page
    )


def test_an_unknown_state_goes_to_the_settled_ones_story(alice_client: Client) -> None:
    assert alice_client.get("/ladder/story/?state=upside").url == "/ladder/story/?state=ventral"


def test_a_refused_story_keeps_what_was_typed(alice_client: Client, alice: User) -> None:
    long = "x" * (STORY_LIMIT + 1)
    page = alice_client.post("/ladder/story/", {"state": "dorsal", "what": long, "body": "kept"}).content.decode()
    assert f"{STORY_LIMIT:,} is the most" in page and "kept</textarea>" in page
    assert not services.ladder_for(alice)["dorsal"].has_story


def test_the_journals_search_shows_matching_stories_without_asking_more(alice_client: Client, alice: User) -> None:
    journal.create_glimmer(alice, text="tea by the lake")
    alice_client.get("/journal/?q=lake")  # the session is made
    with CaptureQueriesContext(connection) as without:
        alice_client.get("/journal/?q=lake")
    services.set_stories(alice, {"ventral": {"what": "The lake at dawn"}})
    with CaptureQueriesContext(connection) as with_story:
        page = alice_client.get("/journal/?q=lake").content.decode()
    assert "In my landmark stories" in page and 'href="/ladder/#story-ventral"' in page
    assert len(with_story) == len(without)
    assert "In my landmark stories" not in alice_client.get("/journal/?q=mountain").content.decode()
    assert "In my landmark stories" not in alice_client.get("/journal/").content.decode()


def test_nobody_else_finds_my_story(bob_client: Client, alice: User) -> None:
    services.set_stories(alice, {"ventral": {"what": "The lake at dawn"}})
    assert "The lake" not in bob_client.get("/journal/?q=lake").content.decode()


# --- the API --------------------------------------------------------------------------------------------


def test_the_api_reads_and_writes_stories(alice: User) -> None:
    api = Api(alice)
    empty = {"what": "", "body": "", "thoughts": ""}
    assert api.get("/ladder/stories").json() == {"ventral": empty, "sympathetic": empty, "dorsal": empty}
    answer = api.send("patch", "/ladder/stories", {"ventral": {"what": "The lake", "body": "warm"}})
    assert answer.status_code == 200, answer.content
    assert answer.json()["ventral"] == {"what": "The lake", "body": "warm", "thoughts": ""}
    api.send("patch", "/ladder/stories", {"ventral": {"body": ""}})
    assert api.get("/ladder").json()["ventral"]["story"] == {"what": "The lake", "body": "", "thoughts": ""}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"ventral": {"what": "x" * (STORY_LIMIT + 1)}}, 422),
        ({"ventral": {"what": 3}}, 422),
        ({"ventral": {"what": "a\u0000b"}}, 200),  # the text rules remove the NUL
    ],
)
def test_the_api_checks_stories(alice: User, body: dict, status: int) -> None:  # type: ignore[type-arg]
    assert Api(alice).send("patch", "/ladder/stories", body).status_code == status


# --- the command line -----------------------------------------------------------------------------------


def test_ladder_story_with_options_and_show(alice: User) -> None:
    services.update_rung(alice, "ventral", name="calm and here")
    result = invoke("ladder", "story", "calm and here", "--what", "The lake", "--thoughts", "I can rest")
    assert result.exit_code == 0, result.output
    assert "Your landmark story for “calm and here” is kept" in result.stdout
    shown = invoke("ladder", "story", "ventral", "--show")
    assert "The lake" in shown.stdout and "I can rest" in shown.stdout
    as_json = json.loads(invoke("ladder", "story", "ventral", "--show", "--json").stdout)
    assert as_json == {"what": "The lake", "body": "", "thoughts": "I can rest"}


def test_ladder_story_asks_each_question_in_turn(alice: User) -> None:
    services.set_stories(alice, {"dorsal": {"what": "a grey Tuesday", "body": "heavy"}})
    result = invoke("ladder", "story", "far away", stdin="\n-\nit will pass\n")  # keep, clear, write
    assert result.exit_code == 0, result.output
    assert [a.text for a in services.ladder_for(alice)["dorsal"].story] == ["a grey Tuesday", "", "it will pass"]


def test_glimmers_search_mentions_stories_that_hold_the_words(alice: User) -> None:
    services.set_stories(alice, {"dorsal": {"what": "A grey Tuesday by the lake"}})
    journal.create_glimmer(alice, text="tea by the lake")
    result = invoke("search", "lake")
    assert result.exit_code == 0, result.output
    assert "tea by the lake" in result.stdout and "Also in my landmark stories: far away" in result.stdout
    assert "landmark" not in invoke("search", "tea").stdout
    assert json.loads(invoke("search", "lake", "--json").stdout)[0]["text"] == "tea by the lake"  # a bare array


def test_ladder_story_for_no_state_exits_1(alice: User) -> None:
    result = invoke("ladder", "story", "upside down", "--what", "x")
    assert result.exit_code == 1 and "isn't a state on your ladder" in result.stderr
