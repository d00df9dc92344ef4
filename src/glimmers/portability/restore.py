"""Restoring a backup into an empty (or new) data folder. Everything is read and checked before anything is
written: a wrong passphrase, a damaged archive or one made by a newer Glimmers leaves the folder as it was.
Django is not started until the files are in place (starting it would make a new secret key), and then the
caller migrates an older schema forward and checks integrity (portability.cli)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from glimmers.lib.errors import UserError
from glimmers.portability import archive
from glimmers.portability.backup import Instance
from glimmers.portability.version import glimmers_version

DAMAGED = "This file isn't a Glimmers backup, or it is damaged ({why}). Nothing was restored."


@dataclass(frozen=True)
class Restored:
    manifest: dict[str, Any]


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(archive.AGE_MAGIC)) == archive.AGE_MAGIC


def _decrypted(path: Path, passphrase: str | None, identity: str | None, folder: Path) -> Path:
    import pyrage

    if not passphrase and not identity:
        raise UserError(
            "This backup is encrypted. Give its passphrase with --passphrase-stdin, or the age identity "
            "(secret key) file with --identity FILE."
        )
    target = folder / "backup.tar.gz"
    try:
        if identity:
            from pyrage import x25519

            try:
                key = x25519.Identity.from_str(_identity_line(identity))
            except Exception:  # pyrage's IdentityError
                raise UserError("That identity file doesn't hold an age secret key (AGE-SECRET-KEY-1…).") from None
            with open(path, "rb") as reader, open(target, "wb") as writer:
                pyrage.decrypt_io(reader, writer, [key])
        else:
            assert passphrase
            target.write_bytes(pyrage.passphrase.decrypt(path.read_bytes(), passphrase))
    except pyrage.DecryptError:
        raise UserError(
            "That passphrase or key doesn't open this backup (or the file is damaged). Nothing was restored."
        ) from None
    return target


def _identity_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip().startswith("AGE-SECRET-KEY-"):
            return line.strip()
    return text.strip()


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.getmember(archive.MANIFEST)
        handle = tar.extractfile(member)
        assert handle is not None
        manifest = json.loads(handle.read())
    except (KeyError, AssertionError, ValueError):
        raise UserError(DAMAGED.format(why="it has no Glimmers manifest")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != archive.FORMAT:
        raise UserError(DAMAGED.format(why="it has no Glimmers manifest"))
    return manifest


def check_version(manifest: dict[str, Any]) -> None:
    """Refuse an archive this Glimmers can't read: a newer format, or a database with migrations it lacks."""
    made_by = manifest.get("glimmers_version", "an unknown version")
    newer = (
        f"This backup was made by Glimmers {made_by}, which is newer than this one ({glimmers_version()}). "
        "Upgrade Glimmers, then restore it. Nothing was restored."
    )
    if not isinstance(manifest.get("version"), int) or manifest["version"] > archive.VERSION:
        raise UserError(newer)
    known = archive.known_migrations()
    for app, names in (manifest.get("migrations") or {}).items():
        if app in known and set(names) - known[app]:
            raise UserError(newer)


def folder_is_empty(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


def restore(
    path: Path,
    instance: Instance,
    *,
    force: bool = False,
    passphrase: str | None = None,
    identity: str | None = None,
) -> Restored:
    if not path.is_file():
        raise UserError(f"There's no backup file at {path}.")
    if not force and not folder_is_empty(instance.data_dir):
        raise UserError(
            f"The data folder {instance.data_dir} already holds a Glimmers (or other files). Restore into an empty "
            "or new folder (set GLIMMERS_DATA_DIR), or add --force to replace what is there."
        )
    instance.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=instance.data_dir, prefix=".glimmers-restore-") as work:
        folder = Path(work)
        source = _decrypted(path, passphrase, identity, folder) if is_encrypted(path) else path
        staged = folder / "staged"
        manifest = _unpack(source, staged)
        check_version(manifest)
        vendor = manifest.get("database")
        if vendor == "sqlite":
            if instance.database_url:
                raise UserError(
                    "This backup holds a SQLite database, but DATABASE_URL points at PostgreSQL. Unset DATABASE_URL "
                    "to restore it as SQLite. Nothing was restored."
                )
            _check_sqlite(staged / archive.SQLITE_MEMBER)
        elif vendor == "postgresql":
            if not instance.database_url:
                raise UserError(
                    "This backup holds a PostgreSQL database: set DATABASE_URL to an empty PostgreSQL database "
                    "to restore it into. Nothing was restored."
                )
        else:
            raise UserError(DAMAGED.format(why=f"it names an unknown database {vendor!r}"))
        # Everything is read and checked: from here on, write.
        if vendor == "postgresql":
            assert instance.database_url
            pg_restore(instance.database_url, staged / archive.PG_MEMBER, force=force)
        _move_tree(staged / "data", instance.data_dir)
        _move_tree(staged / "media", instance.media_dir)
        if vendor == "sqlite":
            for name in archive.database_files():
                (instance.data_dir / name).unlink(missing_ok=True)
            target = instance.data_dir / archive.SQLITE_NAME
            os.replace(staged / archive.SQLITE_MEMBER, target)
            os.chmod(target, 0o600)
    return Restored(manifest)


def _unpack(source: Path, staged: Path) -> dict[str, Any]:
    """Every member checked and written under `staged`; a damaged archive raises before it is used."""
    try:
        with tarfile.open(source, "r:*") as tar:
            manifest = read_manifest(tar)
            for member in tar.getmembers():
                relative = archive.safe_member(member.name)
                if member.name == archive.MANIFEST or member.isdir():
                    continue
                if not member.isfile():
                    raise UserError(f"This backup holds a link or device ({member.name!r}), so it wasn't restored.")
                target = staged / Path(*relative.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                handle: IO[bytes] | None = tar.extractfile(member)
                assert handle is not None
                with open(target, "wb") as out:
                    shutil.copyfileobj(handle, out)
                os.chmod(target, 0o600)
    except tarfile.ReadError:
        raise UserError(DAMAGED.format(why="it can't be read as a backup archive")) from None
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise UserError(DAMAGED.format(why=f"it ends early or is corrupt: {error}")) from None
    return manifest


def _check_sqlite(path: Path) -> None:
    if not path.is_file():
        raise UserError(DAMAGED.format(why="its database is missing"))
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise UserError(DAMAGED.format(why=f"its database can't be read: {error}")) from None
    if result != "ok":
        raise UserError(DAMAGED.format(why=f"its database failed the integrity check: {result}"))


def pg_restore(url: str, dump: Path, *, force: bool) -> None:
    program = shutil.which("pg_restore")
    if program is None:
        raise UserError(
            "Restoring PostgreSQL needs pg_restore, which isn't installed here (on Debian or Ubuntu: apt install "
            "postgresql-client). Nothing was restored."
        )
    if not force and _pg_has_tables(url):
        raise UserError(
            "The PostgreSQL database at DATABASE_URL already holds tables. Restore into an empty database, or add "
            "--force to replace what is there. Nothing was restored."
        )
    command = [program, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", f"--dbname={url}"]
    if force:
        command += ["--clean", "--if-exists"]
    done = subprocess.run([*command, str(dump)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise UserError(f"pg_restore couldn't restore the database: {done.stderr.strip()}")


def _pg_has_tables(url: str) -> bool:
    import psycopg

    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchone()
    return bool(row and row[0])


def _move_tree(source: Path, target: Path) -> None:
    if not source.is_dir():
        return
    for root, _dirs, files in os.walk(source):
        here = Path(root)
        destination = target / here.relative_to(source)
        destination.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name in files:
            shutil.move(here / name, destination / name)  # a rename when on one disk
