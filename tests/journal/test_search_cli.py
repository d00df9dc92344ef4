"""`glimmers search`, the filters on `glimmers list`, and `glimmers people|places|tags …`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glimmers.accounts.models import User
from glimmers.journal import names, services
from tests.helpers import clean_env, invoke, run_cli

PASSWORD = "kettle song at dawn"


def shown(*args: str) -> list[str]:
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    return [row["text"] for row in json.loads(result.stdout)]


def test_search_finds_words_names_and_tags(alice: User) -> None:
    services.create_glimmer(alice, text="sunset over the bay", people=["Sam"], tags=["evening"])
    services.create_glimmer(alice, text="rain on the window", why="it sounded like home")
    assert shown("search", "SUN") == shown("search", "sam") == shown("search", "#evening") == ["sunset over the bay"]
    assert shown("search", "home") == ["rain on the window"]
    assert shown("search", '"on the window"') == ["rain on the window"]
    assert shown("search", "the") == ["rain on the window", "sunset over the bay"]
    assert shown("search", "the", "bay") == ["sunset over the bay"]
    printed = invoke("search", "sun")
    assert printed.exit_code == 0 and "sunset over the bay" in printed.stdout


def test_search_with_nothing_but_syntax_says_so_and_lists(alice: User) -> None:
    services.create_glimmer(alice, text="warm bread")
    for typed in ('"', "NEAR(", "*", "^", ":", "AND OR"):
        assert invoke("search", typed).exit_code == 0
    result = invoke("search", "*")
    assert "weren't any to look for" in result.stderr and "warm bread" in result.stdout


def test_no_match_is_said_gently(alice: User) -> None:
    services.create_glimmer(alice, text="warm bread")
    result = invoke("search", "zebra")
    assert result.exit_code == 0 and "No glimmers match" in result.stdout


def test_list_and_search_take_the_same_filters(alice: User) -> None:
    services.create_glimmer(
        alice, text="birdsong", senses=["sound"], people=["Sam"], place="Park", tags=["spring"], glow=4,
        state_before="sympathetic", state_after="ventral",
    )  # fmt: skip
    services.create_glimmer(alice, text="warm tea", people=["Ada"], glow=2, when="2 days ago")
    for flags in (
        ["--sense", "sound"],
        ["--person", "sam"],
        ["--place", "Park"],
        ["--tag", "SPRING"],
        ["--glow", "3"],
        ["--before", "sympathetic", "--after", "Ventral"],
        ["--from", "today"],
    ):
        assert shown("list", *flags) == ["birdsong"], flags
    assert shown("search", "bird", "--person", "Sam", "--glow", "4") == ["birdsong"]
    assert shown("list", "--to", "yesterday") == ["warm tea"]
    assert shown("list", "--person", "Nobody") == []
    refused = invoke("list", "--sense", "smelly")
    assert refused.exit_code == 1 and "isn't one of the senses" in refused.stderr


def test_best_match_first(alice: User) -> None:
    services.create_glimmer(alice, text="rain rain rain", when="yesterday")
    services.create_glimmer(alice, text="rain and a long walk home through the park")
    assert shown("search", "rain")[0].startswith("rain and")
    assert shown("search", "rain", "--best")[0] == "rain rain rain"


def test_people_list_show_rename_and_merge(alice: User) -> None:
    services.create_glimmer(alice, text="tea", people=["Mom"], state_before="dorsal", state_after="ventral")
    services.create_glimmer(alice, text="cake", people=["Mum"])
    listed = invoke("people", "list")
    assert "Mom" in listed.stdout and "up the ladder 1 of 1" in listed.stdout
    rows = json.loads(invoke("people", "list", "--json").stdout)
    assert [(row["name"], row["glimmers"], row["lifted"]) for row in rows] == [("Mom", 1, 1), ("Mum", 1, 0)]
    show = json.loads(invoke("people", "show", "mom", "--json").stdout)
    assert show["name"] == "Mom" and [g["text"] for g in show["latest"]] == ["tea"]

    taken = invoke("people", "rename", "Mom", "mum")
    assert taken.exit_code == 1 and "glimmers people merge Mom Mum" in taken.stderr
    merged = invoke("people", "merge", "Mom", "Mum")
    assert merged.exit_code == 0 and "are one now" in merged.stdout
    assert shown("list", "--person", "Mum") == ["cake", "tea"]
    renamed = invoke("people", "rename", "mum", "Mother")
    assert "“Mum” is “Mother” now" in renamed.stdout
    assert shown("search", "mother") == ["cake", "tea"]

    same = invoke("people", "merge", "Mother", "mother")
    assert same.exit_code == 1 and "already one and the same" in same.stderr
    missing = invoke("people", "merge", "Mother", "Zed")
    assert missing.exit_code == 1 and "no person called “Zed”" in missing.stderr


def test_people_and_places_are_added_archived_and_kept_from_coming_back(alice: User) -> None:
    assert invoke("places", "add", "Whitby", "--note", "the harbour", "--no-resurface").exit_code == 0
    assert invoke("places", "add", "whitby").exit_code == 1
    whitby = names.get_name(alice, "places", "whitby")
    assert whitby.note == "the harbour" and not whitby.resurface
    assert invoke("places", "edit", "Whitby", "--resurface").exit_code == 0
    assert invoke("places", "edit", "Whitby").exit_code == 2
    assert invoke("places", "archive", "Whitby").exit_code == 0
    assert json.loads(invoke("places", "list", "--json").stdout) == []
    assert [row["name"] for row in json.loads(invoke("places", "list", "--archived", "--json").stdout)] == ["Whitby"]
    assert invoke("places", "archive", "Whitby", "--undo").exit_code == 0
    assert names.get_name(alice, "places", "Whitby").resurface


def test_tags_are_renamed_and_merged(alice: User) -> None:
    services.create_glimmer(alice, text="tea #cosy #cozy")
    assert invoke("tags", "merge", "cozy", "cosy").exit_code == 0
    assert "#cosy" in invoke("tags", "list").stdout
    assert invoke("tags", "rename", "cosy", "snug").exit_code == 0
    assert shown("list", "--tag", "snug") == ["tea #cosy #cozy"]
    assert invoke("tags", "archive", "snug").exit_code == 2  # tags have no archive


def test_bob_never_finds_alices_words_people_places_or_tags(alice: User, bob: User) -> None:
    services.create_glimmer(alice, text="MARKER tea", people=["Gran"], place="Home", tags=["cosy"])
    gran = names.get_name(alice, "people", "Gran")
    assert shown("search", "marker", "--user", "bob") == []
    assert shown("list", "--person", str(gran.uuid), "--user", "bob") == []
    for kind in ("people", "places", "tags"):
        assert json.loads(invoke(kind, "list", "--json", "--user", "bob").stdout) == []
    for args in (
        ("people", "show", "Gran"),
        ("people", "show", str(gran.uuid)),
        ("people", "rename", "Gran", "mine"),
        ("places", "merge", "Home", "Home"),
        ("tags", "show", "cosy"),
    ):
        result = invoke(*args, "--user", "bob")
        assert result.exit_code == 1 and "MARKER" not in result.output
        assert "You have no" in result.stderr
    assert names.get_name(alice, "people", "Gran").name == "Gran"


@pytest.mark.parametrize("command", [["search", "tea", "--json"], ["people", "list", "--json"]])
def test_the_real_command_answers_json(tmp_path: Path, command: list[str]) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    assert run_cli(["add", "tea with @Gran at +home"], env).returncode == 0
    result = run_cli(command, env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)
