"""Each state's own words (issue 16, part 1): the lists and their rules, the guided page that always ends in
the settled state, the check-in chips that come from them — on the web, the API and the command line."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from glimmers.accounts.models import User
from glimmers.states import services
from glimmers.states.models import CheckIn
from glimmers.states.palette import LADDER, VENTRAL, WORDS_PER_STATE
from glimmers.states.words import clean_words, read_chip, split_words, word_steps
from tests.helpers import Api, invoke

HTMX = {"HTTP_HX_REQUEST": "true"}

# --- the rules, without a database ----------------------------------------------------------------------


def test_empty_words_and_repeats_are_merged_kindly_keeping_the_first_spelling() -> None:
    given = ["Foggy", " ", "heavy", "foggy", "  FOGGY ", "", "far   away"]
    assert clean_words(given, state_name="fog") == ["Foggy", "heavy", "far away"]


def test_a_list_past_the_limit_is_refused_saying_the_limit_plainly() -> None:
    with pytest.raises(ValidationError, match=f"up to {WORDS_PER_STATE} words.*has 200"):
        clean_words([f"word {n}" for n in range(200)], state_name="fog")
    # 200 words that are one word said many ways are one word
    assert clean_words(["calm"] * 200, state_name="settled") == ["calm"]


def test_words_typed_in_one_box_split_on_lines_and_commas() -> None:
    assert split_words("foggy, heavy\nfar away\n") == ["foggy", " heavy", "far away"]


@pytest.mark.parametrize("first", [None, "", "sympathetic", "dorsal", "ventral", "nonsense"])
def test_the_guided_words_always_end_in_the_settled_state(first: str | None) -> None:
    steps = word_steps(first)
    assert steps[-1] == VENTRAL and sorted(steps) == sorted(LADDER)
    if first in ("sympathetic", "dorsal"):
        assert steps[0] == first


def test_a_chip_carries_its_state_and_word() -> None:
    assert read_chip("dorsal:far: away") == ("dorsal", "far: away")
    assert read_chip("ventral") == ("ventral", "")


# --- the services ---------------------------------------------------------------------------------------


def test_words_are_kept_per_state_and_read_with_the_ladder(alice: User, bob: User) -> None:
    services.set_words(alice, {"dorsal": ["foggy", "heavy"], "sympathetic": ["buzzing"]})
    ladder = services.ladder_for(alice)
    assert (ladder["dorsal"].words, ladder["sympathetic"].words, ladder["ventral"].words) == (
        ("foggy", "heavy"),
        ("buzzing",),
        (),
    )
    assert services.ladder_for(bob)["dorsal"].words == ()


def test_a_word_means_one_state(alice: User) -> None:
    services.update_rung(alice, "ventral", name="calm")
    services.set_words(alice, {"dorsal": ["foggy"]})
    with pytest.raises(ValidationError, match="already one of your words for “far away”"):
        services.set_words(alice, {"sympathetic": ["buzzing", "Foggy"]})
    with pytest.raises(ValidationError, match="name of another state"):
        services.set_words(alice, {"dorsal": ["calm"]})
    with pytest.raises(ValidationError, match="name of another state"):
        services.set_words(alice, {"dorsal": ["on edge"]})
    with pytest.raises(ValidationError, match="one of your words for another state"):
        services.update_rung(alice, "sympathetic", name="foggy")
    assert services.ladder_for(alice)["sympathetic"].words == ()  # nothing saved from a refused change


def test_words_can_be_added_and_removed(alice: User) -> None:
    services.add_words(alice, "dorsal", ["foggy"])
    services.add_words(alice, "dorsal", ["FOGGY", "heavy"])
    assert services.ladder_for(alice)["dorsal"].words == ("foggy", "heavy")
    ladder, missing = services.remove_words(alice, ["Heavy", "sparkly"])
    assert ladder["dorsal"].words == ("foggy",) and missing == ["sparkly"]


def test_a_check_in_by_a_word_records_its_state_and_the_word(alice: User) -> None:
    services.set_words(alice, {"dorsal": ["Foggy"]})
    checkin = services.check_in(alice, state="foggy")
    assert (checkin.state, checkin.word) == ("dorsal", "Foggy")
    by_word = services.check_in(alice, word="foggy")
    assert (by_word.state, by_word.word) == ("dorsal", "Foggy")  # as the person spells it on their list
    by_name = services.check_in(alice, state="far away")
    assert (by_name.state, by_name.word) == ("dorsal", "")


def test_a_check_in_by_a_word_since_edited_keeps_the_state_it_showed(alice: User) -> None:
    services.set_words(alice, {"dorsal": ["foggy"]})
    before = services.check_in(alice, word="foggy")
    services.set_words(alice, {"dorsal": ["fog"], "sympathetic": ["foggy"]})  # the word moved to another state
    stale_chip = services.check_in(alice, state="dorsal", word="foggy")  # a page from before the edit
    assert (stale_chip.state, stale_chip.word) == ("dorsal", "foggy")
    before.refresh_from_db()
    assert (before.state, before.word) == ("dorsal", "foggy")


# --- the web --------------------------------------------------------------------------------------------


def test_the_guided_page_asks_one_state_at_a_time_in_the_maps_order(alice_client: Client, alice: User) -> None:
    page = alice_client.get("/ladder/words/").content.decode()
    assert "Step 1 of 3" in page and 'name="step" value="sympathetic"' in page and "buzzing" in page
    answer = alice_client.post("/ladder/words/", {"step": "sympathetic", "words": "wired, buzzing", "save": ""})
    assert answer["Location"] == "/ladder/words/?step=dorsal"
    answer = alice_client.post("/ladder/words/", {"step": "dorsal", "skip": ""})
    assert answer["Location"] == "/ladder/words/?step=ventral"
    answer = alice_client.post("/ladder/words/", {"step": "ventral", "words": "", "examples": ["calm", "here"]})
    assert answer["Location"] == "/ladder/#words-heading"
    ladder = services.ladder_for(alice)
    assert (ladder["sympathetic"].words, ladder["dorsal"].words, ladder["ventral"].words) == (
        ("wired", "buzzing"),
        (),
        ("calm", "here"),
    )


@pytest.mark.parametrize("first", ["dorsal", "sympathetic", "ventral"])
def test_the_guided_page_may_begin_elsewhere_and_still_ends_settled(alice_client: Client, first: str) -> None:
    step, seen = None, []
    url = f"/ladder/words/?first={first}"
    while url.startswith("/ladder/words/"):
        page = alice_client.get(url).content.decode()
        step = page.split('name="step" value="')[1].split('"')[0]
        seen.append(step)
        url = alice_client.post("/ladder/words/", {"step": step, "first": first, "skip": ""})["Location"]
    assert seen[-1] == "ventral" and len(seen) == 3 and url.startswith("/ladder/")
    if first != "ventral":
        assert seen[0] == first


def test_a_refused_word_list_keeps_what_was_typed_and_saves_nothing(alice_client: Client, alice: User) -> None:
    typed = ", ".join(f"w{n}" for n in range(WORDS_PER_STATE + 1))
    page = alice_client.post("/ladder/words/", {"step": "dorsal", "words": typed, "save": ""}).content.decode()
    assert f"up to {WORDS_PER_STATE} words" in page and typed in page
    assert services.ladder_for(alice)["dorsal"].words == ()


def test_the_check_in_chips_are_my_words_falling_back_to_the_states_name(alice_client: Client, alice: User) -> None:
    services.set_words(alice, {"dorsal": ["foggy", "heavy"]})
    page = alice_client.get("/").content.decode()
    assert 'name="chip" value="dorsal:foggy"' in page and 'name="chip" value="dorsal:heavy"' in page
    assert 'name="chip" value="ventral"' in page and "■</span> foggy</button>" in page
    assert 'name="chip" value="dorsal"' not in page  # a state with words offers its words, not its name
    assert 'role="group" aria-label="far away"' in page


def test_a_chip_checks_in_with_its_word(alice_client: Client, alice: User) -> None:
    services.set_words(alice, {"dorsal": ["foggy"]})
    answer = alice_client.post("/ladder/checkins/new/", {"chip": "dorsal:foggy", "next": "/"}, **HTMX)
    assert 'hx-swap-oob="innerHTML">Noted: foggy' in answer.content.decode()
    checkin = CheckIn.objects.get()
    assert (checkin.state, checkin.word) == ("dorsal", "foggy")
    assert 'foggy <span class="quiet">(far away)</span>' in alice_client.get("/ladder/day/").content.decode()


def test_a_chip_with_no_state_is_refused_kindly(alice_client: Client) -> None:
    answer = alice_client.post("/ladder/checkins/new/", {"chip": "joyful:yay", "next": "/"}, **HTMX)
    assert "Please choose where you are on your ladder." in answer.content.decode()
    assert not CheckIn.objects.exists()


def test_the_map_shows_each_states_words(alice_client: Client, alice: User) -> None:
    assert "Choose my words" in alice_client.get("/ladder/").content.decode()
    services.set_words(alice, {"sympathetic": ["buzzing", "wired"]})
    page = alice_client.get("/ladder/").content.decode()
    assert '<span class="word">buzzing</span>' in page and "Change my words" in page


# --- the API --------------------------------------------------------------------------------------------


def test_the_api_reads_and_changes_word_lists(alice: User) -> None:
    api = Api(alice)
    assert api.get("/ladder/words").json() == {"ventral": [], "sympathetic": [], "dorsal": []}
    answer = api.send("patch", "/ladder/words", {"dorsal": ["foggy", "Foggy", ""], "ventral": ["calm"]})
    assert answer.status_code == 200, answer.content
    assert answer.json() == {"ventral": ["calm"], "sympathetic": [], "dorsal": ["foggy"]}
    assert api.send("patch", "/ladder/words", {"ventral": []}).json()["dorsal"] == ["foggy"]  # the others stay
    assert api.get("/ladder").json()["dorsal"]["words"] == ["foggy"]
    checkin = api.send("post", "/checkins", {"word": "FOGGY"})
    assert checkin.status_code == 201 and (checkin.json()["state"], checkin.json()["word"]) == ("dorsal", "foggy")


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"dorsal": [f"w{n}" for n in range(200)]}, 400, f"up to {WORDS_PER_STATE} words"),
        ({"dorsal": [f"w{n}" for n in range(201)]}, 422, ""),
        ({"dorsal": ["calm"], "ventral": ["calm"]}, 400, "a word can mean one state"),
        ({"dorsal": ["x" * 41]}, 400, "40 characters at most"),
        ({"dorsal": "foggy"}, 422, ""),
    ],
)
def test_bad_word_lists_are_refused_with_a_reason(
    alice: User, body: dict[str, object], status: int, words: str
) -> None:
    answer = Api(alice).send("patch", "/ladder/words", body)
    assert answer.status_code == status, answer.content
    assert words in json.dumps(answer.json()["detail"], ensure_ascii=False)
    assert services.ladder_for(alice)["dorsal"].words == ()


# --- the command line -----------------------------------------------------------------------------------


def test_ladder_words_adds_shows_and_removes(alice: User) -> None:
    result = invoke("ladder", "words", "far away", "foggy", "heavy")
    assert result.exit_code == 0, result.output
    assert "Your words for “far away”: foggy, heavy." in result.stdout
    shown = invoke("ladder", "words")
    assert "far away: foggy, heavy" in shown.stdout
    removed = invoke("ladder", "words", "--remove", "heavy", "--remove", "sparkly", "--json")
    assert json.loads(removed.stdout)["dorsal"] == ["foggy"]
    assert "sparkly" in removed.stderr


def test_ladder_words_needs_a_state_for_new_words(alice: User) -> None:
    assert invoke("ladder", "words").exit_code == 0  # nothing yet: says how to begin
    result = invoke("ladder", "words", "foggy", "heavy")  # "foggy" is no state: refused, listing what is
    assert result.exit_code == 1 and "isn't a state on your ladder" in result.stderr


def test_checkin_by_one_of_my_words(alice: User) -> None:
    services.set_words(alice, {"sympathetic": ["buzzing"]})
    result = invoke("checkin", "Buzzing", "--json")
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert (shape["state"], shape["word"], shape["name"]) == ("sympathetic", "buzzing", "on edge")
    assert "Noted: buzzing (on edge)" in invoke("checkin", "buzzing").stdout
