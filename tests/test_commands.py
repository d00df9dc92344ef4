"""The command names and the quick-capture rule (glimmers.lib.commands), in-process for the table and
as the real console script for what is kept and what is asked about."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from glimmers.cli import command_names
from glimmers.lib import commands
from tests.helpers import clean_env, run_cli

MUST_ASK = {  # what was typed → the command it looks like
    ("serach", "sun"): "search",
    ("lst",): "list",
    ("exprot",): "export",
    ("shwo", "3f1c2a"): "show",
    ("import",): "import",
    ("delte", "3f1c2a"): "delete",
    ("tgas",): "tags",
    ("chekcin",): "checkin",
    ("import", "journal.txt", "--from", "jrnl"): "import",
    ("three", "ducks", "on", "the", "pond"): "three",  # a reserved name runs its command once it is built
    ("Serach sun",): "search",  # one quoted argument, the same two words
}
MUST_KEEP = [
    "the sun on my face",
    "in the garden",
    "a hug from Sam",
    "I saw a fox",
    "snow on the roofs",
    "feel the sun",
    "dad laughed",
    "light through the leaves",
]
PASSWORD = "kettle song at dawn"


def test_the_static_list_is_every_command_typer_registers() -> None:
    assert command_names() == commands.BUILT
    assert not commands.BUILT & commands.RESERVED, "a built command is no longer reserved: move it to BUILT"


def test_the_command_names_module_imports_only_the_standard_library() -> None:
    probe = "import sys; import glimmers.lib.commands; print(*sorted(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    heavy = {"django", "typer", "click", "rich", "pydantic"}
    assert not {name.split(".")[0] for name in loaded} & heavy


@pytest.mark.parametrize("args", MUST_ASK, ids=" ".join)
def test_a_capture_that_looks_like_a_command_is_asked_about(args: tuple[str, ...]) -> None:
    asked = commands.question(list(args))
    assert asked is not None
    assert asked.command == MUST_ASK[args]
    assert asked.reserved == (asked.command in commands.RESERVED)


@pytest.mark.parametrize("text", MUST_KEEP)
def test_a_real_glimmer_is_never_asked_about(text: str) -> None:
    assert commands.question(text.split()) is None
    assert commands.question([text]) is None


@pytest.mark.parametrize(
    "args",
    [
        ["dad"],
        ["ad", "hoc"],
        ["mango", "lassi"],
        ["snow", "falling", "softly"],
        ["-"],
        ["--help"],
        ["list"],
        ["add", "lst"],
        [],
    ],
    ids=repr,
)
def test_commands_options_and_longer_captures_are_not_asked_about(args: list[str]) -> None:
    assert commands.question(args) is None


def test_edit_distance_counts_a_swap_of_neighbours_as_one_edit() -> None:
    assert commands.edit_distance("serach", "search") == 1
    assert commands.edit_distance("exprot", "export") == 1
    assert commands.edit_distance("lst", "list") == 1
    assert commands.edit_distance("dad", "add") == 1  # why `add` is never a target
    assert commands.edit_distance("snow", "show") == 1
    assert commands.edit_distance("feel", "kit") == 4
    assert commands.edit_distance("", "bin") == 3


def test_names_of_six_letters_or_more_allow_two_edits() -> None:
    assert commands.nearest_command("srch") == "search"  # two letters left out
    assert commands.nearest_command("sch") is None  # three is too far
    assert commands.nearest_command("seach") == "search"
    assert commands.nearest_command("saerhc") == "search"  # two swaps
    assert commands.nearest_command("lits") == "list"
    assert commands.nearest_command("lisst") == "list"
    assert commands.nearest_command("lsit") == "list"
    assert commands.nearest_command("lsti") is None  # two edits from a four-letter name


def test_the_way_to_keep_it_is_a_command_a_shell_can_run() -> None:
    assert commands.as_shell_words("serach sun") == '"serach sun"'
    assert commands.as_shell_words('say "hi"') == "'say \"hi\"'"
    assert commands.as_shell_words("it's $5") == "'it'\"'\"'s $5'"


def test_the_command_line_asks_about_typos_and_keeps_real_glimmers(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    for args, command in MUST_ASK.items():
        asked = run_cli(list(args), env)
        assert asked.returncode == 2, (args, asked.stderr)
        assert f"`glimmers {command}`" in asked.stderr
        assert "To keep it as a glimmer: `glimmers add " in asked.stderr
        assert asked.stdout == ""
    serach = run_cli(["serach", "sun"], env)
    assert (
        serach.stderr.strip() == 'Did you mean `glimmers search`? To keep it as a glimmer: `glimmers add "serach sun"`'
    )
    assert "isn't here yet" in run_cli(["import"], env).stderr
    assert json.loads(run_cli(["list", "--json"], env).stdout) == []  # nothing was kept

    for text in MUST_KEEP:
        kept = run_cli(text.split(), env)
        assert kept.returncode == 0, (text, kept.stderr)
    listed = json.loads(run_cli(["list", "--json", "-n", "50"], env).stdout)
    assert sorted(row["text"] for row in listed) == sorted(MUST_KEEP)

    taken_at_its_word = run_cli(["add", "serach", "sun"], env)
    assert taken_at_its_word.returncode == 0, taken_at_its_word.stderr


def test_a_command_given_words_it_cant_use_says_how_to_keep_them(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    extra = run_cli(["list", "the", "sun"], env)
    assert extra.returncode == 2
    assert "unexpected extra arguments" in extra.stderr
    assert 'To keep it as a glimmer: `glimmers add "list the sun"`' in extra.stderr
    unknown = run_cli(["people", "walked", "by"], env)
    assert unknown.returncode == 2
    assert 'To keep it as a glimmer: `glimmers add "people walked by"`' in unknown.stderr
    bad_value = run_cli(["list", "-n", "0"], env)  # a wrong option is not about words
    assert bad_value.returncode == 2
    assert "To keep it as a glimmer" not in bad_value.stderr
    assert json.loads(run_cli(["list", "--json"], env).stdout) == []


def test_the_docs_name_every_reserved_command() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text()
    listed = docs.split("a command that is planned but not here yet**:", 1)[1].split("Once", 1)[0]
    assert set(re.findall(r"`([a-z-]+)`", listed)) == commands.RESERVED
