"""The backup archive: what it holds and how it is named, shared by backup and restore.

A backup is one tar file, gzip-compressed, optionally encrypted as a whole in the age format:

- `glimmers-backup.json` — the manifest (first): format and version, the Glimmers version that made it, when,
  which database, and the migrations its database had, so a newer archive can be refused by name;
- `database/glimmers.sqlite3` (a consistent copy) or `database/glimmers.pgdump` (pg_dump's custom format);
- `data/…` — every other file of the data folder: the secret key and any keys kept there;
- `media/…` — the media folder (photos and uploads), wherever GLIMMERS_MEDIA_DIR puts it.
"""

from __future__ import annotations

import importlib.resources
from pathlib import PurePosixPath

from glimmers.lib.errors import UserError

MANIFEST = "glimmers-backup.json"
FORMAT = "glimmers-backup"
VERSION = 1
SQLITE_MEMBER = "database/glimmers.sqlite3"
PG_MEMBER = "database/glimmers.pgdump"
SQLITE_NAME = "glimmers.sqlite3"  # in the data folder (settings.DATABASES)
AGE_MAGIC = b"age-encryption.org/v1\n"
# The apps whose migrations this code knows: an archive with one it doesn't know comes from a newer Glimmers.
OWN_APPS = ("accounts", "journal", "states", "kit", "portability")


def database_files(name: str = SQLITE_NAME) -> tuple[str, ...]:
    """The SQLite database and the files SQLite keeps beside it: never copied as plain files."""
    return (name, f"{name}-wal", f"{name}-shm", f"{name}-journal")


def known_migrations() -> dict[str, set[str]]:
    """This Glimmers' own migrations, app by app, read from the package (without starting Django)."""
    known: dict[str, set[str]] = {}
    for app in OWN_APPS:
        try:
            folder = importlib.resources.files(f"glimmers.{app}.migrations")
        except ModuleNotFoundError:
            continue
        known[app] = {
            entry.name.removesuffix(".py")
            for entry in folder.iterdir()
            if entry.name.endswith(".py") and entry.name != "__init__.py"
        }
    return known


def safe_member(name: str) -> PurePosixPath:
    """A member's path, only if it stays inside the archive's own folders (no `..`, nothing absolute)."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise UserError(f"This backup holds a file with an unsafe name ({name!r}), so it wasn't restored.")
    if path.parts[0] not in ("database", "data", "media") and name != MANIFEST:
        raise UserError(f"This backup holds something Glimmers doesn't know ({name!r}), so it wasn't restored.")
    return path
