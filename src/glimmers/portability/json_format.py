"""Glimmers JSON: the full-fidelity export, written as a stream of text.

The shape is described by `schema/glimmers-export-1.schema.json` and docs/export.md. Version 1:
an object with `format`, `version`, `exported_at`, `glimmers_version`, then one key per section
(portability.reading.SECTIONS). Keys are only ever added within a version.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from glimmers.portability import glimmer_rows, reading
from glimmers.portability.version import glimmers_version

if TYPE_CHECKING:
    from glimmers.accounts.models import User

FORMAT = "glimmers-export"
VERSION = 1
ITEMS_PER_CHUNK = 200  # glimmers joined into one piece of text before it is handed on

Progress = Callable[[int], None]


# One encoder for the whole export: json.dumps with options would build a new one for every row.
_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def header() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "glimmers_version": glimmers_version(),
    }


def _texts(user: User, name: str, read_list: Callable[[User], Iterator[reading.Row]]) -> Iterator[list[str]]:
    """A section's items as JSON texts, a few hundred at a time. Glimmers are most of an export: their text is
    written directly (portability.glimmer_rows), a thousand at a time."""
    if name == "glimmers":
        yield from glimmer_rows.json_batches(user, reading.BATCH)
        return
    pending: list[str] = []
    for row in read_list(user):
        pending.append(_dump(row))
        if len(pending) == ITEMS_PER_CHUNK:
            yield pending
            pending = []
    if pending:
        yield pending


def chunks(user: User, progress: Progress | None = None) -> Iterator[str]:
    """The export as pieces of text that join into one JSON document. `progress(n)` hears each time
    another n glimmers are written."""
    yield _dump(header())[:-1]  # the object stays open: the sections follow
    for name, read_one in reading.SINGLE.items():
        yield f",\n{_dump(name)}:{_dump(read_one(user))}"
    for name, read_list in reading.LISTS.items():
        yield f",\n{_dump(name)}:["
        first = True
        for texts in _texts(user, name, read_list):
            yield ("\n" if first else ",\n") + ",\n".join(texts)
            first = False
            if progress and name == "glimmers":
                progress(len(texts))
        yield "]"
    yield "}\n"
