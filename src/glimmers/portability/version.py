"""The installed Glimmers' version, written into exports and backups (light: no Django needed)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def glimmers_version() -> str:
    try:
        return version("glimmers")
    except PackageNotFoundError:  # running from a source tree that isn't installed
        return "unknown"
