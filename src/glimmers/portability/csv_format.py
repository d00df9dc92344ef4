"""CSV: one file per kind of thing, in one zip, streamed as it is made (zipstream-ng), with every text cell
safe to open in a spreadsheet (portability.cells). Lists inside a cell (a glimmer's senses, people, tags; a
cue's glimmers) are JSON arrays, so names with commas or semicolons survive; nested objects (the ladder map)
become one row per state."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from zipstream import ZIP_DEFLATED, ZipStream

from glimmers.portability import reading
from glimmers.portability.cells import neutralise
from glimmers.portability.json_format import Progress, header

if TYPE_CHECKING:
    from glimmers.accounts.models import User

ROWS_PER_CHUNK = 500


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return neutralise(json.dumps(value, ensure_ascii=False))
    if isinstance(value, str):
        return neutralise(value)
    return value


def csv_bytes(rows: Iterable[dict[str, Any]], progress: Progress | None = None) -> Iterator[bytes]:
    """A CSV file (UTF-8 with a byte-order mark, so spreadsheets read the accents right) as bytes, a few
    hundred rows at a time. The header comes from the first row; an empty section is a file with no rows."""
    buffer = io.StringIO()
    writer: Any = None
    count = 0
    yield "\ufeff".encode()
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), lineterminator="\r\n")
            writer.writeheader()
        writer.writerow({key: cell(value) for key, value in row.items()})
        count += 1
        if count % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
            if progress:
                progress(ROWS_PER_CHUNK)
    yield buffer.getvalue().encode()
    if progress and count % ROWS_PER_CHUNK:
        progress(count % ROWS_PER_CHUNK)


def _ladder_rows(user: User) -> Iterator[dict[str, Any]]:
    found = reading.ladder_map(user)
    if found:
        for state in reading.LADDER_STATES:
            yield {"state": state, **found[state]}


def chunks(user: User, progress: Progress | None = None) -> Iterator[bytes]:
    archive = ZipStream(compress_type=ZIP_DEFLATED, sized=False)
    about = {**header(), **reading.account(user), **reading.settings(user)}
    archive.add(csv_bytes([about]), "account.csv")
    archive.add(csv_bytes(_ladder_rows(user)), "ladder_map.csv")
    for name, read_list in reading.LISTS.items():
        archive.add(csv_bytes(read_list(user), progress if name == "glimmers" else None), f"{name}.csv")
    yield from archive
