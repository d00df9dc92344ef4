"""Export: everything a person owns, in one of three formats, as a stream of bytes.

The one path every adapter takes (the "Your data" page, `glimmers export`, `GET /api/export`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from glimmers.lib.errors import UserError
from glimmers.portability import csv_format, json_format, markdown_format
from glimmers.portability.json_format import Progress

if TYPE_CHECKING:
    from glimmers.accounts.models import User


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    content_type: str


FORMATS = {
    "json": Format("json", "json", "application/json"),
    "csv": Format("csv", "zip", "application/zip"),
    "markdown": Format("markdown", "md", "text/markdown; charset=utf-8"),
}


def export_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UserError(f"“{name}” isn't an export format here: choose json, csv or markdown.") from None


def export(user: User, name: str, progress: Progress | None = None) -> Iterator[bytes]:
    """The person's whole export in format `name`, a piece at a time (memory stays flat at any size)."""
    chosen = export_format(name)
    if chosen.name == "csv":
        yield from csv_format.chunks(user, progress)
        return
    pieces = json_format.chunks(user, progress) if chosen.name == "json" else markdown_format.chunks(user, progress)
    for piece in pieces:
        yield piece.encode()


def file_name(user: User, name: str, today: date | None = None) -> str:
    """A name for the downloaded file: glimmers-alice-2026-11-28.json. Only letters, digits, `-`, `_`
    and `.` from the username, so the name is safe in a header and on any disk."""
    chosen = export_format(name)
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "-" for ch in user.username)
    return f"glimmers-{safe}-{(today or date.today()).isoformat()}.{chosen.suffix}"
