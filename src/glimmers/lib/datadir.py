"""The data folder and the secret key kept in it."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from glimmers.lib.env import ConfigError, env_path

# Everything Glimmers writes (the database and its WAL and SHM, media, staging and backup files) is for
# its owner alone, whatever the mode of a folder it is given: a GLIMMERS_DATA_DIR that already exists
# with mode 755 would otherwise get a journal other local users can read.
PRIVATE_UMASK = 0o077


def keep_files_private() -> None:
    """New files 600 and new folders 700 from here on, in this process and every one it starts."""
    os.umask(PRIVATE_UMASK)


def data_dir() -> Path:
    """GLIMMERS_DATA_DIR, else the platform's user data folder (created, private to the user)."""
    path = env_path("GLIMMERS_DATA_DIR")
    if path is None:
        from platformdirs import user_data_path

        path = user_data_path("glimmers", appauthor=False)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"GLIMMERS_DATA_DIR: cannot create the data folder {path}: {error.strerror}.") from None
    return path


def secret_key(folder: Path) -> str:
    """Read the secret key from the data folder, creating it on first run.

    Several workers may start at once: each writes a complete private file under a
    temporary name and links it into place. os.link never replaces an existing file,
    so the first one wins and every worker reads the same key.
    """
    path = folder / "secret_key"
    if not path.exists():
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".secret_key.")
        try:
            with os.fdopen(descriptor, "w") as handle:  # mkstemp creates it with mode 600
                handle.write(secrets.token_urlsafe(50))
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    key = path.read_text().strip()
    if len(key) < 32:
        raise ConfigError(f"The secret key file {path} is damaged (too short). Remove it to create a new one.")
    return key
