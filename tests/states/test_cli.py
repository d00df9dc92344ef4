"""`glimmers checkin`, `ladder show|edit|hard-moments`, `hard-moment`, `cues …`, and `--before/--after` on
`add` and `edit`: in-process for the details, and once as the real console script for exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glimmers.accounts.models import User
from glimmers.cli import with_quick_capture
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer
from glimmers.states import services
from glimmers.states.models import CheckIn, Cue, Trigger
from tests.helpers import clean_env, invoke, run_cli

PASSWORD = "kettle song at dawn"


def test_the_new_commands_are_not_quick_captures() -> None:
    for args in (["checkin", "ventral"], ["ladder", "show"], ["hard-moment", "x"], ["cues", "list"]):
        assert with_quick_capture(args) == args


# --- checkin ----------------------------------------------------------------------------------------------


def test_checkin_takes_standard_and_own_names_in_any_case(alice: User) -> None:
    services.update_rung(alice, "dorsal", name="Fog")
    for word, state in (("VENTRAL", "ventral"), ("fog", "dorsal"), ("On Edge", "sympathetic")):
        result = invoke("checkin", word)
        assert result.exit_code == 0, result.output
        assert CheckIn.objects.order_by("-id").first().state == state  # type: ignore[union-attr]
    assert "Noted: on edge," in result.stdout


def test_checkin_with_a_note_prints_json(alice: User) -> None:
    result = invoke("checkin", "sympathetic", "--note", "deadline at four", "--when", "10 minutes ago", "--json")
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert set(shape) == {"id", "state", "name", "word", "note", "at", "time_zone", "created_at"}
    assert (shape["state"], shape["name"], shape["note"]) == ("sympathetic", "on edge", "deadline at four")


def test_an_unknown_state_exits_1_listing_what_is_accepted(alice: User) -> None:
    services.update_rung(alice, "dorsal", name="fog")
    result = invoke("checkin", "joyful")
    assert result.exit_code == 1
    for word in ("ventral", "sympathetic", "dorsal", "fog", "settled and connected"):
        assert f"“{word}”" in result.stderr
    assert not CheckIn.objects.exists()


# --- the ladder -------------------------------------------------------------------------------------------


def test_ladder_show_starts_with_plain_defaults(alice: User) -> None:
    result = invoke("ladder", "show")
    assert result.exit_code == 0
    lines = result.stdout
    assert lines.index("settled and connected") < lines.index("on edge") < lines.index("far away")
    assert "Not written yet" in lines
    shape = json.loads(invoke("ladder", "show", "--json").stdout)
    assert list(shape) == ["ventral", "sympathetic", "dorsal"]
    assert shape["dorsal"]["name"] == "far away"


def test_ladder_edit_with_options_changes_one_state(alice: User) -> None:
    result = invoke("ladder", "edit", "sympathetic", "--name", "wired", "--colour", "plum", "--body", "tight chest")
    assert result.exit_code == 0, result.output
    rung = services.ladder_for(alice)["sympathetic"]
    assert (rung.name, rung.colour, rung.answer("body")) == ("wired", "plum", "tight chest")
    assert "How it feels in my body: tight chest" in invoke("ladder", "show").stdout
    assert json.loads(invoke("ladder", "edit", "WIRED", "--body", "", "--json").stdout)["sympathetic"]["body"] == ""


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["ladder", "edit", "dorsal", "--colour", "red"], 1, "isn't one of the ladder's colours"),
        (["ladder", "edit", "dorsal", "--name", "x" * 41], 1, "40 characters at most"),
        (["ladder", "edit", "dorsal", "--feel", "x" * 501], 1, "500 is the most"),
        (["ladder", "edit", "happy", "--name", "joy"], 1, "isn't a state on your ladder"),
        (["ladder", "edit", "--name", "joy"], 2, "Say which state"),
    ],
)
def test_ladder_edit_refuses_kindly(alice: User, args: list[str], code: int, words: str) -> None:
    result = invoke(*args)
    assert result.exit_code == code
    assert words in result.stderr
    assert not services.ladder_for(alice).started


def test_ladder_edit_without_options_asks_in_order_ending_in_safety(alice: User) -> None:
    # name, colour, body, feel, think, do, helps for each of sympathetic, dorsal, ventral
    answers = (
        ["wired", "", "buzzing", "", "", "", "a walk"] + [""] * 7 + ["calm and here", "sage", "", "", "", "", "tea"]
    )
    result = invoke("ladder", "edit", stdin="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("◆ on edge") < out.index("■ far away") < out.index("● settled and connected")
    ladder = services.ladder_for(alice)
    assert [r.name for r in ladder.top_to_bottom] == ["calm and here", "wired", "far away"]
    assert ladder["sympathetic"].answer("helps") == "a walk" and ladder["ventral"].answer("helps") == "tea"


# --- hard moments -----------------------------------------------------------------------------------------


def test_a_hard_moment_while_off_exits_1_naming_the_setting(alice: User) -> None:
    result = invoke("hard-moment", "a loud room")
    assert result.exit_code == 1
    assert "Hard moments" in result.stderr and "Settings" in result.stderr
    assert "glimmers ladder hard-moments on" in result.stderr
    assert not Trigger.objects.exists()


def test_hard_moments_turned_on_then_noted(alice: User) -> None:
    assert json.loads(invoke("ladder", "hard-moments", "--json").stdout) == {"hard_moments": False}
    assert "on" in invoke("ladder", "hard-moments", "on").stdout
    result = invoke("hard-moment", "the", "phone", "rang", "--state", "on edge", "--cue", "the phone", "--json")
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert (shape["text"], shape["state"], shape["cue"]) == ("the phone rang", "sympathetic", "the phone")
    assert invoke("ladder", "hard-moments", "off").exit_code == 0
    assert Trigger.objects.count() == 1  # turned off: kept, unseen
    assert invoke("ladder", "hard-moments", "maybe").exit_code == 2


# --- cues -------------------------------------------------------------------------------------------------


def test_cues_list_and_show_say_not_enough_yet_then_this_helps_me(alice: User) -> None:
    assert "No cues yet" in invoke("cues", "list").stdout
    assert invoke("cues", "add", "the dog").exit_code == 0
    glimmers = [
        journal.create_glimmer(alice, text=f"walk {n}", state_before="sympathetic", state_after="ventral")
        for n in range(3)
    ]
    for glimmer in glimmers[:2]:
        assert invoke("cues", "link", "THE DOG", glimmer.uuid.hex[:8]).exit_code == 0
    assert "not enough yet" in invoke("cues", "list").stdout
    assert "Not enough yet" in invoke("cues", "show", "the dog").stdout
    invoke("cues", "link", "the dog", str(glimmers[2].uuid))
    assert "this helps me" in invoke("cues", "list").stdout
    shown = invoke("cues", "show", "the dog")
    assert "This helps me: 3 of its 3 glimmers" in shown.stdout and "↑" in shown.stdout
    shape = json.loads(invoke("cues", "show", "the dog", "--json").stdout)
    assert (shape["helps_me"], shape["moved_up"], len(shape["glimmer_list"])) == (True, 3, 3)
    assert json.loads(invoke("cues", "list", "--json").stdout)[0]["name"] == "the dog"


def test_moves_down_show_only_with_the_option(alice: User) -> None:
    cue = services.create_cue(alice, name="the news")
    services.link_glimmer(
        alice,
        cue.uuid,
        journal.create_glimmer(alice, text="headline", state_before="ventral", state_after="dorsal").uuid,
    )
    assert "↓" not in invoke("cues", "show", "the news").stdout
    assert "↓" in invoke("cues", "show", "the news", "--moves-down").stdout
    assert json.loads(invoke("cues", "list", "--json").stdout)[0]["moved_down"] is None
    assert json.loads(invoke("cues", "list", "--moves-down", "--json").stdout)[0]["moved_down"] == 1


def test_an_unknown_cue_or_glimmer_exits_1(alice: User) -> None:
    result = invoke("cues", "show", "snow")
    assert result.exit_code == 1 and "no cue called “snow”" in result.stderr
    services.create_cue(alice, name="rain")
    assert invoke("cues", "link", "rain", "abcdef12").exit_code == 1
    assert invoke("cues", "add", "RAIN").exit_code == 1
    assert Cue.objects.count() == 1


# --- before and after on glimmers -------------------------------------------------------------------------


def test_add_and_edit_take_before_and_after(alice: User) -> None:
    result = invoke("add", "warm bread", "--before", "Dorsal", "--after", "VENTRAL", "--json")
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert (shape["state_before"], shape["state_after"]) == ("dorsal", "ventral")
    changed = invoke("edit", shape["id"][:8], "--after", "sympathetic", "--json")
    assert json.loads(changed.stdout)["state_after"] == "sympathetic"
    cleared = invoke("edit", shape["id"][:8], "--before", "", "--json")
    assert json.loads(cleared.stdout)["state_before"] is None
    refused = invoke("edit", shape["id"][:8], "--before", "joyful")
    assert refused.exit_code == 1 and "isn't a state on your ladder" in refused.stderr
    assert Glimmer.objects.get().state_before == ""


# --- the real command -------------------------------------------------------------------------------------


def test_the_real_commands_and_their_exit_codes(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    checked = run_cli(["checkin", "Sympathetic", "--note", "busy"], env)
    assert checked.returncode == 0, checked.stderr
    assert "Noted: on edge" in checked.stdout
    assert run_cli(["checkin", "joyful"], env).returncode == 1
    assert run_cli(["checkin"], env).returncode == 2
    off = run_cli(["hard-moment", "a loud room"], env)
    assert off.returncode == 1 and "Settings" in off.stderr
    kept = json.loads(run_cli(["a glimmer", "--before", "sympathetic", "--after", "ventral", "--json"], env).stdout)
    assert (kept["state_before"], kept["state_after"]) == ("sympathetic", "ventral")
