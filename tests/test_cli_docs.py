"""docs/cli.md can't drift from the commands: every option `--help` shows, for every command, is in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import typer.main

from glimmers.cli import app

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def commands(group: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, click.Command]]:
    """Every command `--help` can show (hidden ones left out), with its full name."""
    if getattr(group, "hidden", False):
        return
    yield " ".join(("glimmers", *path)), group
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            yield from commands(command, (*path, name))


def shown_options(command: click.Command) -> set[str]:
    names: set[str] = set()
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            names |= {name for name in param.opts + param.secondary_opts if name.startswith("--")}
    return names - {"--help"}


def documented_rows() -> dict[str, str]:
    """docs/cli.md's table of every command: its row for each command, by the command's name."""
    text = DOCS.read_text(encoding="utf-8")
    return {match[1]: match[0] for match in re.finditer(r"^\| `(glimmers[a-z -]*)` \|.*$", text, re.MULTILINE)}


def test_docs_cli_md_lists_every_option_of_every_command() -> None:
    rows = documented_rows()
    missing = [
        f"{name} {option}"
        for name, command in commands(typer.main.get_command(app))
        for option in sorted(shown_options(command))
        if option not in set(re.findall(r"`(--[a-z0-9-]+)`", rows.get(name, "")))
    ]
    assert not missing, (
        "docs/cli.md's table “Every command and its options” doesn't list these yet (add the option to its "
        "command's row, or a row for the command):\n" + "\n".join(missing)
    )


def test_the_check_walks_every_command() -> None:
    names = {name for name, _command in commands(typer.main.get_command(app))}
    assert {"glimmers add", "glimmers people rename", "glimmers user create", "glimmers kit pin"} <= names
    assert "glimmers manage" not in names  # hidden
