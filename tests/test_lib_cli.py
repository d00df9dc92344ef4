"""glimmers.lib.cli's registry: a higher app adds a command to a lower app's group by asking for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from typer.testing import CliRunner

from glimmers.lib import cli as lib_cli


@pytest.fixture
def probe_group() -> Iterator[str]:
    yield "probe-group"
    lib_cli._groups.pop("probe-group", None)


def test_a_group_is_the_same_for_every_app_that_asks() -> None:
    from glimmers.accounts.cli import user_app

    assert lib_cli.group("user") is user_app
    assert user_app.info.help == "Accounts on this Glimmers."


def test_a_higher_app_adds_a_command_to_a_lower_group(probe_group: str) -> None:
    lower = lib_cli.group(probe_group, help="A lower app's group.")

    @lower.command("first")
    def first() -> None:
        typer.echo("first")

    @lib_cli.group(probe_group).command("added")  # what an app above does, without importing the lower one
    def added() -> None:
        typer.echo("added from above")

    root = typer.Typer()

    @root.command("serve")
    def serve() -> None: ...

    lib_cli.assemble(root)
    lib_cli.assemble(root)  # placing twice adds nothing twice
    assert [info.name for info in root.registered_groups].count(probe_group) == 1
    result = CliRunner().invoke(root, [probe_group, "added"])
    assert result.exit_code == 0 and result.output == "added from above\n"
    assert "A lower app's group." in CliRunner().invoke(root, ["--help"]).output


def test_a_group_asked_for_before_its_app_makes_it_still_gets_its_help(probe_group: str) -> None:
    lib_cli.group(probe_group)
    assert lib_cli.group(probe_group, help="Said by its own app.").info.help == "Said by its own app."
