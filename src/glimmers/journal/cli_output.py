"""How glimmers look on the command line: one-line rows for lists, everything for `show`, JSON.
Shared by the journal's commands (add, list, show, edit, delete, bin, search, people …)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from glimmers.journal.search_cli import marked as mark_words

if TYPE_CHECKING:
    from glimmers.journal.models import Glimmer
    from glimmers.journal.search import Query


# --- presenting -----------------------------------------------------------------------------------


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _one_line(text: str, room: int) -> str:
    """The first line of the text, cut at a word if it is longer than `room` columns."""
    first, _, rest = text.partition("\n")
    line = " ".join(first.split())
    more = bool(rest.strip())
    if _width(line) <= room and not more:
        return line
    cut = line
    while cut and _width(cut) > room - 2:
        cut = cut[:-1]
    if cut != line:
        space = cut.rfind(" ")
        if space > room // 2:
            cut = cut[:space]
    return (cut.rstrip(" ,;:.-–—") or cut) + " …"


def _room(used: int) -> int:
    import shutil

    return max(24, shutil.get_terminal_size((100, 24)).columns - used)


def _local(glimmer: Glimmer):  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    return glimmer.noticed_at.astimezone(ZoneInfo(glimmer.time_zone))


def _moment(glimmer: Glimmer) -> str:
    """When it was noticed, in the words a person would use: "today at 08:30", "Sat 14 Mar at 18:00"."""
    from glimmers.journal.moments import said

    return said(glimmer)


def _stamp(glimmer: Glimmer, home_zone: str) -> str:
    """A fixed-width local date and time for lists; the zone's short name when it isn't the person's own."""
    local = _local(glimmer)
    stamp = f"{local:%a %d %b %Y %H:%M}"
    if glimmer.time_zone != home_zone:
        stamp += f" {local:%Z}"
    return stamp


def _details(glimmer: Glimmer) -> str:
    parts = []
    if glimmer.senses:
        parts.append(", ".join(glimmer.senses))
    people = glimmer.people_names
    if people:
        parts.append("with " + ", ".join(people))
    if glimmer.place:
        parts.append(f"at {glimmer.place.name}")
    if glimmer.glow:
        parts.append(f"glow {glimmer.glow}")
    return "  ·  ".join(parts)


def print_rows(glimmers: list[Glimmer], home_zone: str, *, binned: bool = False, marked: Query | None = None) -> None:
    from glimmers.journal import services

    for glimmer in glimmers:
        head = f"{glimmer.short_id}  {_stamp(glimmer, home_zone)}  "
        typer.echo(head + mark_words(_one_line(glimmer.text, _room(_width(head))), marked))
        details = _details(glimmer)
        if binned and glimmer.deleted_at is not None:
            deleted = glimmer.deleted_at.astimezone(_local(glimmer).tzinfo)
            expires = services.bin_expires_on(glimmer)
            binned_words = f"deleted {deleted.day} {deleted:%b} · erased after {expires.day} {expires:%b}"
            details = f"{binned_words}  ·  {details}" if details else binned_words
        if details:
            typer.echo(" " * (len(glimmer.short_id) + 2) + typer.style(details, dim=True))


def print_glimmer(glimmer: Glimmer, state_names: dict[str, str]) -> None:
    """Everything about one glimmer; empty things are left out rather than shown as nothing. States are
    named in the person's own words (journal.ladder.state_names)."""
    local = _local(glimmer)
    typer.echo(f"{local:%A} {local.day} {local:%B %Y, %H:%M} · {glimmer.time_zone}")
    typer.echo("")
    typer.echo(glimmer.text)
    typer.echo("")
    rows: list[tuple[str, str]] = []
    if glimmer.senses:
        rows.append(("Senses", ", ".join(glimmer.senses)))
    people = glimmer.people_names
    if people:
        rows.append(("With", ", ".join(people)))
    if glimmer.place:
        rows.append(("Where", glimmer.place.name))
    tags = glimmer.tag_names
    if tags:
        rows.append(("Tags", " ".join(f"#{tag}" for tag in tags)))
    if glimmer.glow:
        rows.append(("Glow", f"{glimmer.glow} of 5"))
    if glimmer.why:
        rows.append(("Why it mattered", glimmer.why.replace("\n", "\n" + " " * 18)))
    if glimmer.state_before or glimmer.state_after:
        before = state_names.get(glimmer.state_before, "?")
        after = state_names.get(glimmer.state_after, "?")
        rows.append(("Before → after", f"{before} → {after}"))
    if not glimmer.resurface:
        rows.append(("Brought back", "only when you ask"))
    rows.append(("Id", str(glimmer.uuid)))
    for label, value in rows:
        typer.echo(typer.style(f"{label + ':':<18}", dim=True) + value)


def summary(glimmer: Glimmer) -> dict[str, str]:
    return {"text": _one_line(glimmer.text, 60), "when": _moment(glimmer), "short_id": glimmer.short_id}
