"""Strict readers for environment variables.

Every setting that varies comes from the environment through one of these helpers, so a
malformed value stops start-up with a message that names the variable instead of
surfacing later as a confusing error. Each name read here must be listed in
docs/configuration.md (a test checks it).
"""

from __future__ import annotations

import os
from pathlib import Path


class ConfigError(Exception):
    """A setting in the environment that Glimmers cannot use."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None:
        return None
    return value.strip()


def env_str(name: str, default: str = "") -> str:
    value = _raw(name)
    return default if value is None or value == "" else value


def env_bool(name: str, default: bool = False) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name} should be 1 or 0 (or true/false, yes/no, on/off), not {value!r}.")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name} should be a whole number, not {value!r}.") from None
    if number < minimum:
        raise ConfigError(f"{name} should be at least {minimum}, not {number}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None or value == "":
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_path(name: str) -> Path | None:
    value = _raw(name)
    if not value:
        return None
    return Path(value).expanduser()


def env_url(name: str, *, schemes: tuple[str, ...]) -> str:
    """A URL whose scheme is one of `schemes`, or "" when unset."""
    from urllib.parse import urlsplit

    value = env_str(name)
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise ConfigError(f"{name} is not a URL that Glimmers can read: {value!r}.") from None
    if parts.scheme not in schemes or not parts.netloc:
        wanted = " or ".join(f"{scheme}://…" for scheme in schemes)
        raise ConfigError(f"{name} should look like {wanted}, not {value!r}.")
    return value
