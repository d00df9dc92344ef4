"""`glimmers kit [--state S]`, `kit pin|unpin|list` and `glimmers savour ID`: in-process for the details, and once
as the real console script for exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glimmers.accounts.models import User
from glimmers.cli import command_names, with_quick_capture
from glimmers.journal import services as journal
from glimmers.kit import services
from glimmers.kit.models import Anchor, Savouring, Surfacing
from glimmers.states import services as states
from glimmers.states.models import CheckIn
from tests.helpers import clean_env, invoke, run_cli

PASSWORD = "kettle song at dawn"


def test_kit_and_savour_are_commands_not_quick_captures() -> None:
    assert {"kit", "savour"} <= command_names()
    for args in (["kit"], ["kit", "pin", "abc123"], ["savour", "abc123"]):
        assert with_quick_capture(args) == args


# --- bringing one back ---------------------------------------------------------------------------------


def test_kit_brings_one_back_from_a_state_in_my_own_words(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="warm bread\nfrom the oven")
    states.update_rung(alice, "dorsal", name="fog")
    result = invoke("kit", "--state", "Fog")
    assert result.exit_code == 0, result.output
    assert "From your journal," in result.stdout and "  warm bread\n  from the oven" in result.stdout
    assert f"glimmers savour {glimmer.short_id}" in result.stdout
    assert Surfacing.objects.get().state_before == "dorsal"


def test_kit_json_is_the_apis_shape(alice: User) -> None:
    journal.create_glimmer(alice, text="birdsong")
    shape = json.loads(invoke("kit", "--state", "ventral", "--json").stdout)
    assert set(shape) == {"surfacing", "state", "message", "ideas"}
    assert shape["surfacing"]["glimmer"]["text"] == "birdsong" and shape["state"] == "ventral"


def test_kit_with_an_empty_journal_offers_ideas_and_exits_0(alice: User) -> None:
    result = invoke("kit")
    assert result.exit_code == 0
    assert "still empty" in result.stdout and "Ideas to try noticing (not memories):" in result.stdout
    assert "Birdsong (sound)" in result.stdout


def test_kit_with_everything_marked_says_so_kindly_and_exits_0(alice: User) -> None:
    for n in range(5):
        journal.create_glimmer(alice, text=f"resting {n}", resurface=False)
    result = invoke("kit")
    assert result.exit_code == 0 and "don't bring this back" in result.stdout and "resting" not in result.stdout


def test_kit_with_an_unknown_state_exits_1_listing_what_is_accepted(alice: User) -> None:
    journal.create_glimmer(alice, text="birdsong")
    result = invoke("kit", "--state", "joyful")
    assert result.exit_code == 1 and "“ventral”" in result.stderr
    assert not Surfacing.objects.exists()


# --- pin, unpin, list --------------------------------------------------------------------------------------


def test_pin_list_and_unpin(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong", people=["Sam"], place="the cove")
    states.create_cue(alice, name="the dog")
    assert "Pinned to your kit: birdsong" in invoke("kit", "pin", glimmer.short_id, "--note", "spring").stdout
    assert "Already in your kit: birdsong" in invoke("kit", "pin", glimmer.short_id).stdout
    for option, name in (("--person", "sam"), ("--place", "the cove"), ("--cue", "The Dog")):
        result = invoke("kit", "pin", option, name)
        assert result.exit_code == 0, result.output
    listed = invoke("kit", "list").stdout.splitlines()
    assert [line.split("  ")[0] for line in listed] == ["1. birdsong", "2. Sam", "3. the cove", "4. the dog"]
    assert "— spring" in listed[0]
    shape = json.loads(invoke("kit", "list", "--json").stdout)
    assert [a["kind"] for a in shape] == ["glimmer", "person", "place", "cue"]
    assert "Taken out of your kit: Sam" in invoke("kit", "unpin", "--person", "Sam").stdout
    assert "That isn't in your kit: Sam" in invoke("kit", "unpin", "--person", "Sam").stdout
    assert Anchor.objects.count() == 3


def test_pin_json_is_the_apis_shape(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong")
    shape = json.loads(invoke("kit", "pin", str(glimmer.uuid), "--json").stdout)
    assert shape["kind"] == "glimmer" and shape["thing_id"] == str(glimmer.uuid)


def test_pin_needs_exactly_one_thing(alice: User) -> None:
    assert invoke("kit", "pin").exit_code == 2
    assert invoke("kit", "pin", "abcdef", "--person", "Sam").exit_code == 2


def test_pinning_what_isnt_there_or_isnt_mine_exits_1(alice: User, bob: User) -> None:
    theirs = journal.create_glimmer(bob, text="bob's", people=["Bo"])
    result = invoke("kit", "pin", str(theirs.uuid), "--user", "alice")
    assert result.exit_code == 1 and "No glimmer starts with" in result.stderr
    result = invoke("kit", "pin", "--person", "Bo", "--user", "alice")
    assert result.exit_code == 1 and "You have no person “Bo”" in result.stderr
    assert not Anchor.objects.exists()


def test_an_empty_kit_says_how_to_pin(alice: User) -> None:
    assert "Your kit is empty" in invoke("kit", "list").stdout


def test_resting_pins_are_listed_as_resting(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="Gran's kitchen", resurface=False)
    services.pin(alice, "glimmer", glimmer.uuid)
    assert "(resting: marked “don't bring this back”)" in invoke("kit", "list").stdout


# --- savour ---------------------------------------------------------------------------------------------------


def test_savour_without_waiting_keeps_the_savouring(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="rain on the window")
    result = invoke("savour", glimmer.short_id, "--no-wait")
    assert result.exit_code == 0, result.output
    assert "rain on the window" in result.stdout and "Stay with it for 15 seconds" in result.stdout
    assert "Savoured for 15 seconds." in result.stdout
    assert Savouring.objects.get().seconds == 15


def test_savour_honours_seconds_and_after_and_links_the_recent_surfacing(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="rain on the window")
    invoke("kit", "--state", "dorsal")
    result = invoke("savour", glimmer.short_id, "--seconds", "30", "--no-wait", "--after", "ventral", "--json")
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert shape["seconds"] == 30 and shape["checkin"]["state"] == "ventral"
    assert shape["surfacing"] == str(Surfacing.objects.get().uuid)
    assert Surfacing.objects.get().state_after == "ventral" and CheckIn.objects.get().state == "ventral"


def test_savour_waits_quietly_for_its_seconds(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr("glimmers.lib.cli.time.sleep", slept.append)
    glimmer = journal.create_glimmer(alice, text="rain on the window")
    result = invoke("savour", glimmer.short_id, "--seconds", "12")
    assert result.exit_code == 0, result.output
    assert sum(slept) == 12 and "That's 12 seconds." in result.stdout


@pytest.mark.parametrize("seconds", ["9", "61"])
def test_a_savour_length_out_of_range_exits_1_kindly(alice: User, seconds: str) -> None:
    glimmer = journal.create_glimmer(alice, text="rain")
    result = invoke("savour", glimmer.short_id, "--seconds", seconds, "--no-wait")
    assert result.exit_code == 1 and "from 10 to 60 seconds" in result.stderr
    assert not Savouring.objects.exists()


def test_savour_of_another_persons_glimmer_exits_1(alice: User, bob: User) -> None:
    theirs = journal.create_glimmer(bob, text="bob's")
    result = invoke("savour", str(theirs.uuid), "--no-wait", "--user", "alice")
    assert result.exit_code == 1 and "No glimmer starts with" in result.stderr
    assert invoke("savour", "abc", "--no-wait").exit_code == 1


def test_the_real_commands_and_their_exit_codes(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    empty = run_cli(["kit", "--state", "sympathetic"], env)
    assert empty.returncode == 0 and "Ideas to try noticing" in empty.stdout
    kept = json.loads(run_cli(["birdsong at dawn", "--json"], env).stdout)
    brought = json.loads(run_cli(["kit", "--json"], env).stdout)
    assert brought["surfacing"]["glimmer"]["id"] == kept["id"]
    assert run_cli(["kit", "pin", kept["id"][:8]], env).returncode == 0
    assert run_cli(["kit", "pin"], env).returncode == 2
    savoured = run_cli(["savour", kept["id"][:8], "--no-wait", "--after", "settled and connected"], env)
    assert savoured.returncode == 0, savoured.stderr
    assert "Noted: settled and connected" in savoured.stdout
    assert run_cli(["savour", kept["id"][:8], "--seconds", "5"], env).returncode == 1
