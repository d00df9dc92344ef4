"""The `glimmers` command: the CLI root. It only assembles: each app's cli.py makes its commands and
registers its groups in glimmers.lib.cli (where what every command shares lives), and this module adds
them to the root, with the commands that belong to no app (serve, migrate, manage).

Commands load Django only when they run, and without the web-only apps (see
glimmers.lib.runtime), so every command starts quickly.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from glimmers import messages
from glimmers.lib import commands
from glimmers.lib.cli import assemble, fail, kind_errors, plural, schema_is_behind, setup_django
from glimmers.usage import RootGroup

app = typer.Typer(
    name="glimmers",
    help="Notice, keep and revisit glimmers: small moments of safety, joy and connection.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=RootGroup,  # a usage error about extra words says how to keep them as a glimmer
)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="How many worker processes.", min=1, max=64)] = 2,
    no_migrate: Annotated[
        bool, typer.Option("--no-migrate", help="Skip migrations (run `glimmers migrate` once instead).")
    ] = False,
) -> None:
    """Run Glimmers in the browser (gunicorn + whitenoise)."""
    from glimmers import server

    setup_django(web=True)
    from django.conf import settings

    if not settings.DEBUG and not server.strong_enough(settings.SECRET_KEY):
        fail(messages.SECRET_KEY_TOO_WEAK)
    try:
        server.check_port_free(host, port)
    except server.PortInUse:
        fail(messages.PORT_IN_USE.format(port=port, host=host))
    except OSError as error:
        fail(f"Glimmers can't listen on {host}:{port}: {error.strerror}.")

    from django.core.management import call_command
    from django.db import connections

    from glimmers.accounts import services as accounts
    from glimmers.journal import services as journal

    if not no_migrate:
        call_command("migrate", verbosity=0, interactive=False)
    with kind_errors():
        purged = journal.purge_bin()
        token = accounts.create_first_run_link()
    connections.close_all()  # workers fork from here and open their own

    if purged:
        typer.echo(messages.BIN_PURGED.format(count=purged, glimmers=plural(purged)))

    url = server.url_for(host, port)
    typer.echo(messages.SERVE_RUNNING.format(url=url))
    if not server.is_loopback(host):
        typer.echo(messages.NOT_LOOPBACK.format(host=host))
    if token:
        typer.echo(messages.FIRST_RUN)
        typer.echo(f"{url}/welcome/{token}/", nl=True)
    sys.stdout.flush()
    server.run(host, port, workers)


@app.command()
def migrate() -> None:
    """Bring the database up to date (once per upgrade; `serve` does it unless --no-migrate)."""
    setup_django(web=True)
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    typer.echo(messages.MIGRATED)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True}, hidden=True)
def manage(ctx: typer.Context) -> None:
    """Run one of Django's management commands (for operators: `glimmers manage check --deploy`)."""
    setup_django(web=True)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["glimmers manage", *ctx.args])


def _register_groups() -> None:
    """Each app's cli.py makes its commands and groups (named groups through glimmers.lib.cli.group, where
    an app above can add a command to them); the root only places them, in `--help`'s order."""
    from glimmers.accounts.cli import token_app, user_app
    from glimmers.journal.cli.bin import bin_app
    from glimmers.journal.cli.glimmers import journal_app
    from glimmers.journal.cli.names import people_app, places_app, tags_app
    from glimmers.journal.cli.search import search_app
    from glimmers.kit.cli import kit_top
    from glimmers.portability.cli import portability_app
    from glimmers.practice import feed_cli, noticing_cli  # noqa: F401 - add `feed` and `practice` to practice_top
    from glimmers.practice.cli import practice_top
    from glimmers.states.cli import states_app

    app.add_typer(journal_app)  # add, list, show, random, edit, delete, at the top level
    app.add_typer(bin_app, name="bin")
    app.add_typer(search_app)  # search, at the top level
    app.add_typer(people_app, name="people")
    app.add_typer(places_app, name="places")
    app.add_typer(tags_app, name="tags")
    app.add_typer(states_app)  # checkin, hard-moment, ladder and cues, at the top level
    app.add_typer(kit_top)  # kit (with pin, unpin, list) and savour, at the top level
    app.add_typer(practice_top)  # ritual, intention, practice and feed, at the top level
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")
    app.add_typer(portability_app)  # export, backup, restore, at the top level
    assemble(app)  # any other group an app registered


_register_groups()


def command_names(group: typer.Typer = app) -> set[str]:
    """Every command and group name at the top level (hidden ones too)."""
    from typer.main import get_command_name

    names: set[str] = set()
    for command in group.registered_commands:
        if command.name:
            names.add(command.name)
        elif command.callback is not None:
            names.add(get_command_name(command.callback.__name__))
    for sub in group.registered_groups:
        name = sub.name if isinstance(sub.name, str) else None
        if name:
            names.add(name)
        elif sub.typer_instance is not None:
            names |= command_names(sub.typer_instance)
    return names


def with_quick_capture(args: list[str]) -> list[str]:
    """`glimmers "text"` is `glimmers add "text"` whenever the first word is not a command or an
    option (DESIGN §5). A lone "-" is text too: it reads the glimmer from standard input.
    (glimmers.console has asked first about captures that look like a mistyped command.)"""
    return ["add", *args] if commands.is_quick_capture(args) else args


def main() -> None:
    try:
        app(args=with_quick_capture(sys.argv[1:]), prog_name="glimmers")
    except Exception as error:
        # Wherever a command meets a database older than this Glimmers (an upgrade before
        # `glimmers migrate`), say what to do instead of showing a traceback.
        if type(error).__name__ in ("OperationalError", "ProgrammingError") and schema_is_behind(str(error)):
            typer.echo(messages.NO_DATA_YET, err=True)
            raise SystemExit(1) from None
        raise
