"""`glimmers export`, `glimmers backup`, `glimmers restore`: thin adapters over the portability services."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

# The shared command-line helpers (gathered here so they can be re-pointed in one place).
from glimmers.accounts.cli import command_line_user
from glimmers.lib.cli import UserOption, fail, kind_errors, setup_django

if TYPE_CHECKING:
    from glimmers.portability.backup import Instance

portability_app = typer.Typer()

FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="json (everything), csv (a zip of tables) or markdown (to read).")
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (or into this folder); else to stdout.")
]
PassphraseOption = Annotated[
    bool, typer.Option("--passphrase-stdin", help="Read a passphrase from stdin (the first line).")
]


def _read_passphrase() -> str:
    passphrase = sys.stdin.readline().rstrip("\r\n")
    if not passphrase:
        fail("The passphrase is empty: give it on the first line of stdin.")
    return passphrase


@contextlib.contextmanager
def _whole_file(path: Path) -> Iterator[BinaryIO]:
    """A file that appears under `path` only once it is complete: written under a temporary name beside it and
    renamed, so Ctrl-C, a closed pipe or a full disk never leaves half a file under the final name."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@portability_app.command("export")
def export_command(
    format_name: FormatOption = "json",
    output: OutputOption = None,
    user: UserOption = None,
) -> None:
    """Export everything you keep in Glimmers (the bin left out, never a token)."""
    setup_django()
    from glimmers.portability import reading, services

    with kind_errors():
        owner = command_line_user(user)
        chosen = services.export_format(format_name)
        if output is None:
            gc.disable()  # as below
            if chosen.name == "csv" and sys.stdout.isatty():
                fail("A CSV export is a zip file: write it to a file with -o FILE.")
            try:
                for piece in services.export(owner, chosen.name):
                    sys.stdout.buffer.write(piece)
                sys.stdout.buffer.flush()
            except BrokenPipeError:  # the reader stopped early (`| head`): nothing more to say
                _stdout_to_nowhere()
                raise typer.Exit(0) from None
            except OSError as error:  # `> file` on a full disk: the shell made the file, so say it is cut short
                _stdout_to_nowhere()
                problem = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
                fail(
                    f"The export stopped partway ({problem}): what was written is not a whole export, "
                    "so delete it and try again with room to spare."
                )
            return
        # Every row is freed by reference counting as soon as it is written: the cycle collector would only walk
        # hundreds of thousands of short-lived dicts for nothing (about a tenth of the time at 100,000 glimmers).
        gc.disable()
        path = output / services.file_name(owner, chosen.name) if output.is_dir() else output
        if not path.parent.is_dir():
            fail(f"There's no folder {path.parent} to write the export in.")
        try:
            with _whole_file(path) as handle, _progress(reading.glimmer_count(owner)) as advance:
                for piece in services.export(owner, chosen.name, advance):
                    handle.write(piece)
        except OSError as error:
            if error.errno == errno.ENOSPC:
                fail(f"The disk is full, so the export wasn't written (nothing is left at {path}).")
            fail(f"The export couldn't be written to {path}: {error.strerror}.")
    typer.echo(f"Exported to {path}.", err=True)


def _stdout_to_nowhere() -> None:
    """Point stdout at nowhere, so Python's own flush at exit doesn't fail (and complain) a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal (on stderr); silence in a pipe or a script."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("Exporting glimmers"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("export", total=total)
        yield lambda done: bar.advance(task, done)


@portability_app.command("backup")
def backup_command(
    path: Annotated[Path | None, typer.Argument(help="A file, or a folder for a dated file (default: here).")] = None,
    passphrase_stdin: PassphraseOption = False,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Encrypt to this age public key (age1…).", metavar="AGE_KEY")
    ] = None,
) -> None:
    """Back up this whole Glimmers (database, secret key, media) into one archive, while it runs."""
    if passphrase_stdin and recipient:
        fail("Choose one: --passphrase-stdin or --recipient.", 2)
    passphrase = _read_passphrase() if passphrase_stdin else None
    setup_django()
    from glimmers.portability import backup

    with kind_errors():
        encryption = backup.Encryption(passphrase=passphrase, recipient=recipient)
        destination = backup.where(path, encrypted=bool(passphrase or recipient))
        try:
            backup.make_backup(_instance(), destination, encryption=encryption)
        except OSError as error:  # the work folder sits beside the destination and goes with it
            if error.errno == errno.ENOSPC:
                fail(f"The disk is full, so no backup was written (nothing is left at {destination}).")
            fail(f"The backup couldn't be written to {destination}: {error.strerror}.")
    typer.echo(f"Backed up to {destination}.", err=True)
    if not (passphrase or recipient):
        typer.echo(
            "It holds the secret key and everyone's journal unencrypted: keep it somewhere private "
            "(--recipient or --passphrase-stdin encrypt it).",
            err=True,
        )
    typer.echo(str(destination))


def _instance() -> Instance:
    from django.conf import settings

    from glimmers.portability.backup import Instance

    database = settings.DATABASES["default"]
    url = os.environ.get("DATABASE_URL") or None
    sqlite = Path(str(database["NAME"])) if database["ENGINE"].endswith("sqlite3") else None
    return Instance(
        data_dir=settings.DATA_DIR, media_dir=Path(settings.MEDIA_ROOT), sqlite_path=sqlite, database_url=url
    )


@portability_app.command("restore")
def restore_command(
    path: Annotated[Path, typer.Argument(help="The backup file.")],
    force: Annotated[bool, typer.Option("--force", help="Replace what the data folder holds.")] = False,
    passphrase_stdin: PassphraseOption = False,
    identity: Annotated[
        Path | None, typer.Option("--identity", help="An age identity file, for a backup made with --recipient.")
    ] = None,
) -> None:
    """Restore a backup into an empty or new data folder (GLIMMERS_DATA_DIR), then check it."""
    from glimmers.lib.datadir import data_dir
    from glimmers.lib.env import ConfigError, env_path, env_url
    from glimmers.lib.errors import UserError
    from glimmers.portability import restore
    from glimmers.portability.backup import Instance

    passphrase = _read_passphrase() if passphrase_stdin else None
    try:
        # Django isn't started yet: its settings would make a new secret key in the folder being restored.
        folder = data_dir()
        instance = Instance(
            data_dir=folder,
            media_dir=env_path("GLIMMERS_MEDIA_DIR") or folder / "media",
            database_url=env_url("DATABASE_URL", schemes=("postgres", "postgresql")) or None,
        )
        key = identity.read_text() if identity else None
        restored = restore.restore(path, instance, force=force, passphrase=passphrase, identity=key)
    except (UserError, ConfigError) as error:
        fail(str(error))
    except OSError as error:
        fail(f"Couldn't read {error.filename or path}: {error.strerror}. Nothing was restored.")
    setup_django(web=True)
    from glimmers.portability import checks

    with kind_errors():
        summary = checks.after_restore()
    made = restored.manifest.get("made_at", "an unknown time")
    typer.echo(f"Restored the backup made {made}: {summary}. Integrity check: ok. Done.")
