"""What every app's command line shares: starting Django for a command, failing with a message and an
exit code, the shared options and the options given, printing JSON, a quiet countdown, the not-found answer,
and the registry of command groups.

Apps' cli.py modules import from here, never from the root `glimmers.cli` (which only assembles them).
A group belongs to the app that makes it (`group("user", help=…)` in accounts); an app above adds a
command to it by asking for the same group (`group("user").command("invite")`), the way `llm` hands
its root group to plugins: the lower app never imports the higher one.

Nothing heavy is imported at module level: commands load Django only when they run, without the
web-only apps (see glimmers.lib.runtime), so every command starts quickly.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer

from glimmers import messages

UserOption = Annotated[
    str | None, typer.Option("--user", help="Whose account (default: the only one, or GLIMMERS_USER).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


# --- the registry ---------------------------------------------------------------------------------

_groups: dict[str, typer.Typer] = {}  # `glimmers NAME …`, by name


def group(name: str, help: str | None = None) -> typer.Typer:
    """The command group `glimmers NAME …`: made by the app it belongs to (with its help), and the same
    group for any app above that adds a command to it (`@group("user").command("invite")`)."""
    if name not in _groups:
        _groups[name] = typer.Typer(help=help, no_args_is_help=True)
    elif help and not _groups[name].info.help:
        _groups[name].info.help = help
    return _groups[name]


def assemble(root: typer.Typer) -> None:
    """Add to the root command every registered group it doesn't have yet, in the order they were made."""
    placed = {id(info.typer_instance) for info in root.registered_groups}
    for name, commands in _groups.items():
        if id(commands) not in placed:
            root.add_typer(commands, name=name)


# --- running a command ----------------------------------------------------------------------------


def fail(message: str, code: int = 1) -> NoReturn:
    """Say what went wrong on stderr and exit with a code scripts can trust."""
    typer.echo(message, err=True)
    raise typer.Exit(code)


def setup_django(*, web: bool = False) -> None:
    """Load settings and apps. `web=False` leaves out what only the web server needs."""
    from glimmers.lib import runtime
    from glimmers.lib.env import ConfigError

    runtime.web = web
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
    try:
        import django

        django.setup()
    except ConfigError as error:
        fail(f"Glimmers can't start: {error}")
    if not gc.isenabled():  # switched off by glimmers.console while importing
        gc.freeze()  # what start-up made lives until the end: never scan it again
        gc.enable()
    if not web:
        _migrate_new_sqlite_database()


def _migrate_new_sqlite_database() -> None:
    """A fresh SQLite journal is made ready on first use, so `glimmers user create` works
    before `glimmers serve` has ever run."""
    from django.conf import settings
    from django.db import connection

    name = str(settings.DATABASES["default"]["NAME"])
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()  # type: ignore[attr-defined]
    if connection.vendor == "sqlite" and not in_memory and not os.path.exists(name):
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def schema_is_behind(message: str) -> bool:
    """Does a database error say that tables or columns are missing (a database not yet migrated)?"""
    return any(words in message for words in ("no such table", "no such column", "does not exist"))


@contextmanager
def kind_errors() -> Iterator[None]:
    """Turn the errors services raise into a message and exit code 1."""
    from django.core.exceptions import ValidationError
    from django.db import OperationalError, ProgrammingError

    from glimmers.lib.errors import UserError

    try:
        yield
    except ValidationError as error:
        fail("\n".join(error.messages))
    except UserError as error:
        fail(str(error))
    except (OperationalError, ProgrammingError) as error:
        if schema_is_behind(str(error)):
            fail(messages.NO_DATA_YET)
        raise


@contextmanager
def not_found(message: str) -> Iterator[None]:
    """A service's NotFound (missing, or someone else's: the same answer) becomes `message` and exit 1."""
    from glimmers.lib.errors import NotFound

    try:
        yield
    except NotFound:
        fail(message)


def given(**options: Any) -> dict[str, Any]:
    """The options a command was given (None: left out), for the services that change only what is given."""
    return {name: value for name, value in options.items() if value is not None}


# --- output ---------------------------------------------------------------------------------------


def print_json(value: Any) -> None:
    """--json: one line of JSON, non-ASCII kept as it is."""
    typer.echo(json.dumps(value, ensure_ascii=False))


def count_down(seconds: int, *, width: int = 2) -> None:
    """A quiet countdown: one line that changes once a second on a terminal (the seconds left, `width`
    digits wide); only a pause otherwise."""
    if not sys.stdout.isatty():
        time.sleep(seconds)
        return
    for left in range(seconds, 0, -1):
        typer.echo(f"\r  {left:>{width}} s ", nl=False)
        time.sleep(1)
    typer.echo("\r" + " " * (width + 4) + "\r", nl=False)


def plural(count: int, word: str = "glimmer") -> str:
    return word if count == 1 else f"{word}s"
