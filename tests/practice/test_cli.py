"""`glimmers ritual …`, `glimmers intention` and `glimmers practice …` in-process: ids by prefix, --json as the
API's shapes, and never a question when standard input is not a terminal."""

from __future__ import annotations

import json
from typing import Any

import pytest

from glimmers.accounts.models import User
from glimmers.cli import command_names, with_quick_capture
from glimmers.journal import services as journal
from glimmers.practice import services
from glimmers.practice.models import NoticingSession, Occasion, Prompt, Ritual
from tests.helpers import invoke


def test_ritual_intention_and_practice_are_commands_not_quick_captures() -> None:
    assert {"ritual", "intention", "practice"} <= command_names()
    for args in (["ritual", "list"], ["intention"], ["practice"]):
        assert with_quick_capture(args) == args


def test_ritual_add_with_a_schedule_and_list_it(alice: User) -> None:
    result = invoke("ritual", "add", "Morning coffee", "--on", "mon,thu", "--at", "07:30", "--sense", "taste")
    assert result.exit_code == 0, result.output
    assert "“Morning coffee” is one of your rituals now: on Mondays and Thursdays at 07:30." in result.stdout
    listed = json.loads(invoke("ritual", "list", "--json").stdout)
    assert [(r["name"], r["schedule"], r["time_of_day"]) for r in listed] == [
        ("Morning coffee", "FREQ=WEEKLY;BYDAY=MO,TH", "07:30")
    ]
    assert "whenever you like" in invoke("ritual", "add", "Stretch").stdout


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--on", ""], 1, "at least one day of the week"),
        (["--on", "someday"], 1, "isn't a day of the week"),
        (["--every", "0"], 1, "from 1 to 366"),
        (["--daily", "--every", "2"], 2, "Choose one schedule"),
        (["--at", "25:00"], 1, "isn't a time of day"),
    ],
)
def test_a_bad_schedule_is_refused_with_a_clear_message(alice: User, args: list[str], code: int, says: str) -> None:
    result = invoke("ritual", "add", "Tea", *args)
    assert result.exit_code == code and says in result.stderr
    assert not Ritual.objects.exists()


def test_ritual_done_by_prefix_once_a_day_with_a_glimmer_linked(alice: User) -> None:
    ritual = services.create_ritual(alice, name="Tea", schedule="FREQ=DAILY")
    prefix = ritual.uuid.hex[:6]
    first = invoke("ritual", "done", prefix, "--glimmer", "Tea — steam in the light")
    assert first.exit_code == 0, first.output
    assert "“Tea” done for" in first.stdout and "Kept, and linked to this ritual" in first.stdout
    again = json.loads(invoke("ritual", "done", prefix, "--json").stdout)
    occasion = Occasion.objects.get()
    assert again["id"] == str(occasion.uuid) and again["glimmered"] is True
    assert occasion.glimmer is not None and occasion.glimmer.source == "cli"


def test_ritual_done_asks_nothing_without_a_terminal(alice: User) -> None:
    ritual = services.create_ritual(alice, name="Tea", schedule="FREQ=DAILY")
    result = invoke("ritual", "done", str(ritual.uuid), stdin="this would be a glimmer\n")
    assert result.exit_code == 0 and "Did it glimmer?" not in result.output
    assert journal.glimmers_of(alice).count() == 0


def test_show_edit_retire_unretire_and_delete_need_yes_without_a_terminal(alice: User) -> None:
    ritual = services.create_ritual(alice, name="Tea", schedule="FREQ=DAILY")
    services.mark_done(alice, ritual.uuid, glimmered=True)
    key = ritual.uuid.hex[:8]
    assert "Done once this month, and it glimmered." in invoke("ritual", "show", key).stdout
    edited = json.loads(invoke("ritual", "edit", key, "--every", "3", "--no-time", "--json").stdout)
    assert (edited["schedule"], edited["time_of_day"]) == ("FREQ=DAILY;INTERVAL=3", None)
    assert invoke("ritual", "retire", key).exit_code == 0
    assert invoke("ritual", "done", key).exit_code == 1  # retired: not found
    assert "Tea" in invoke("ritual", "list", "--retired").stdout
    assert invoke("ritual", "unretire", key).exit_code == 0
    refused = invoke("ritual", "delete", key)
    assert refused.exit_code == 1 and "--yes" in refused.stderr and Ritual.objects.exists()
    assert invoke("ritual", "delete", key, "--yes").exit_code == 0 and not Ritual.objects.exists()


def test_bobs_ritual_is_not_found_for_alice(alice: User, bob: User) -> None:
    ritual = services.create_ritual(bob, name="Bob's walk")
    result = invoke("ritual", "done", str(ritual.uuid), "--user", "alice")
    assert result.exit_code == 1 and "no ritual starting with" in result.stderr
    assert not Occasion.objects.exists()


def test_intention_set_just_today_shown_and_cleared(alice: User) -> None:
    assert "No intention today" in invoke("intention").stdout
    assert "Your intention: notice 3 glimmers" in invoke("intention", "notice 3 glimmers").stdout
    shape = json.loads(invoke("intention", "look up", "--today", "--json").stdout)
    assert (shape["text"], shape["default"], shape["just_today"]) == ("look up", "notice 3 glimmers", True)
    journal.create_glimmer(alice, text="birdsong")
    assert "look up · 1 glimmer so far today" in invoke("intention").stdout
    assert invoke("intention", "--clear").exit_code == 0
    assert json.loads(invoke("intention", "--json").stdout)["text"] is None
    assert invoke("intention", "x" * 200).exit_code == 1


def test_practice_in_the_terminal_records_a_session_without_asking_when_not_a_terminal(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    waited: list[int] = []
    monkeypatch.setattr("glimmers.practice.noticing_cli.time.sleep", lambda seconds: waited.append(seconds))
    result = invoke("practice", "--minutes", "2", "--sense", "sound,sight")
    assert result.exit_code == 0, result.output
    assert "Noticing, 2 minutes" in result.stdout and "Sight  " in result.stdout and "Sound  " in result.stdout
    assert waited == [60, 60]
    session = NoticingSession.objects.get()
    assert (session.senses, session.source, session.minutes) == (["sight", "sound"], "cli", 2)
    assert invoke("practice", "--minutes", "6").exit_code == 1


def test_ctrl_c_ends_a_practice_kindly_and_it_is_still_recorded(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(seconds: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("glimmers.practice.noticing_cli.time.sleep", interrupted)
    result = invoke("practice", "--minutes", "1", "--json")
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert shape["minutes"] == 1 and shape["seconds"] < 60
    assert NoticingSession.objects.count() == 1


def test_prompts_add_list_edit_and_hide(alice: User) -> None:
    added = json.loads(invoke("practice", "prompts", "add", "The fridge hum", "--sense", "sound", "--json").stdout)
    prompt = Prompt.objects.get()
    assert added["id"] == str(prompt.uuid)
    key = prompt.uuid.hex[:6]
    assert invoke("practice", "prompts", "edit", key, "--text", "The kettle").exit_code == 0
    assert invoke("practice", "prompts", "hide", key).exit_code == 0
    assert "(hidden)" in invoke("practice", "prompts", "list").stdout
    assert invoke("practice", "prompts", "add", "  ", "--sense", "sound").exit_code == 1
    assert len(json.loads(invoke("practice", "prompts", "list", "--library", "--json").stdout)) >= 42
    assert invoke("practice", "prompts", "hide", "abcdef").exit_code == 1
