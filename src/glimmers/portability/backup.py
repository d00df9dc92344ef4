"""Backing up the whole instance while it serves and writes: one archive (portability.archive), optionally
encrypted with a passphrase or to an age recipient, written under a temporary name and renamed when whole."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from glimmers.lib.errors import UserError
from glimmers.portability import archive
from glimmers.portability.version import glimmers_version


@dataclass(frozen=True)
class Instance:
    """Where an instance keeps its data: the database (SQLite file or PostgreSQL URL), the data folder, the
    media folder."""

    data_dir: Path
    media_dir: Path
    sqlite_path: Path | None = None
    database_url: str | None = None


@dataclass(frozen=True)
class Encryption:
    passphrase: str | None = None
    recipient: str | None = None


def dated_name(now: datetime | None = None, encrypted: bool = False) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H%M%SZ")
    return f"glimmers-backup-{stamp}.tar.gz" + (".age" if encrypted else "")


def where(path: Path | None, encrypted: bool) -> Path:
    """The file to write: PATH itself, or a dated file inside PATH (or the current folder) when it is one."""
    if path is None:
        path = Path.cwd()
    if path.is_dir():
        return path / dated_name(encrypted=encrypted)
    if not path.parent.is_dir():
        raise UserError(f"There's no folder {path.parent} to put the backup in.")
    return path


def make_backup(instance: Instance, destination: Path, *, encryption: Encryption | None = None) -> Path:
    """Write the archive to `destination` (whole, or not at all). Returns it."""
    recipient = _recipient(encryption.recipient) if encryption and encryption.recipient else None
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".glimmers-backup-") as work:
        folder = Path(work)
        if instance.database_url:
            database, member = folder / "glimmers.pgdump", archive.PG_MEMBER
            pg_dump(instance.database_url, database)
            vendor = "postgresql"
        else:
            assert instance.sqlite_path is not None
            database, member = folder / archive.SQLITE_NAME, archive.SQLITE_MEMBER
            sqlite_copy(instance.sqlite_path, database)
            vendor = "sqlite"
        manifest = {
            "format": archive.FORMAT,
            "version": archive.VERSION,
            "glimmers_version": glimmers_version(),
            "made_at": datetime.now(UTC).isoformat(),
            "database": vendor,
            "migrations": applied_migrations(database if vendor == "sqlite" else None, instance.database_url),
        }
        tarball = folder / "backup.tar.gz"
        with tarfile.open(tarball, "w:gz", compresslevel=6) as out:
            _add_bytes(out, archive.MANIFEST, json.dumps(manifest, indent=2).encode())
            out.add(database, member)
            skip = set(archive.database_files()) if vendor == "sqlite" else set()
            _add_tree(out, instance.data_dir, "data", skip=skip, leave_out=instance.media_dir)
            _add_tree(out, instance.media_dir, "media")
        final = tarball
        if encryption and (encryption.passphrase or recipient):
            final = folder / "backup.age"
            _encrypt(tarball, final, encryption.passphrase, recipient)
        partial = destination.with_name(f".{destination.name}.partial")
        shutil.move(final, partial)  # same folder as the destination: the rename below is atomic
        try:
            os.chmod(partial, 0o600)
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, destination)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
    return destination


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API: one read transaction (WAL lets writers go on),
    so the copy holds exactly what was committed when it began. Checked before it goes in the archive."""
    if not source.exists():
        raise UserError(f"There's no database at {source} to back up.")
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.execute("PRAGMA busy_timeout=30000")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if result != "ok":
        raise UserError(f"The copy of the database failed its integrity check ({result}); no backup was written.")


def pg_dump(url: str, target: Path) -> None:
    program = shutil.which("pg_dump")
    if program is None:
        raise UserError(
            "Backing up PostgreSQL needs pg_dump, which isn't installed here. Install the PostgreSQL client tools "
            "(on Debian or Ubuntu: apt install postgresql-client, the same major version as the server) and run "
            "glimmers backup again; or back the database up with your usual PostgreSQL tools and copy the data "
            "folder (its secret_key) and the media folder beside it."
        )
    done = subprocess.run(
        [program, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", f"--dbname={url}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise UserError(f"pg_dump couldn't back up the database: {done.stderr.strip()}")


def applied_migrations(sqlite_file: Path | None, database_url: str | None) -> dict[str, list[str]]:
    """The migrations the copied database has (read from the copy itself on SQLite)."""
    rows: list[tuple[str, str]]
    if sqlite_file is not None:
        connection = sqlite3.connect(sqlite_file)
        try:
            rows = connection.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
        finally:
            connection.close()
    else:
        from django.db import connection as django_connection

        with django_connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
            rows = cursor.fetchall()
    found: dict[str, list[str]] = {}
    for app, name in rows:
        found.setdefault(app, []).append(name)
    return found


def _add_bytes(out: tarfile.TarFile, name: str, data: bytes) -> None:
    import io

    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    info.mode = 0o600
    out.addfile(info, io.BytesIO(data))


def _add_tree(
    out: tarfile.TarFile, folder: Path, prefix: str, *, skip: set[str] | None = None, leave_out: Path | None = None
) -> None:
    """Every regular file under `folder` (links are left out: a restore must never write through one)."""
    if not folder.is_dir():
        return
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink() and (here / d) != leave_out)
        for name in sorted(files):
            path = here / name
            relative = path.relative_to(folder)
            if path.is_symlink() or not path.is_file() or name.startswith(".glimmers-"):
                continue
            if here == folder and skip and name in skip:
                continue
            out.add(path, f"{prefix}/{relative.as_posix()}", recursive=False)


def _recipient(text: str):  # type: ignore[no-untyped-def]
    from pyrage import x25519

    try:
        return x25519.Recipient.from_str(text.strip())
    except Exception:  # pyrage raises its own RecipientError, a plain Exception subclass
        raise UserError(
            f"“{text}” isn't an age recipient. It looks like age1… (made with age-keygen; the public key it prints)."
        ) from None


def _encrypt(source: Path, target: Path, passphrase: str | None, recipient: object | None) -> None:
    import pyrage

    if recipient is not None:
        with open(source, "rb") as reader, open(target, "wb") as writer:
            pyrage.encrypt_io(reader, writer, [recipient])
        return
    assert passphrase
    # pyrage encrypts with a passphrase in memory only: the archive is held once while it is sealed.
    target.write_bytes(pyrage.passphrase.encrypt(source.read_bytes(), passphrase))
