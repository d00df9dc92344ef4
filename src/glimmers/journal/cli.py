"""`glimmers add`, `list`, `show`, `edit`, `delete` and `glimmers bin …`: thin adapters over
journal.services.

Like every command, these load Django (without the web-only apps) only once they run, and import
nothing heavy at module level, so `glimmers "text"` is quick at any size of journal.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from glimmers import messages
from glimmers.cli import UserOption, command_line_user, fail, kind_errors, plural, setup_django

if TYPE_CHECKING:
    from datetime import date

    from glimmers.journal.models import Glimmer

journal_app = typer.Typer(no_args_is_help=True)
bin_app = typer.Typer(help="Recently deleted glimmers: each stays 30 days, then it is erased.", no_args_is_help=True)
journal_app.add_typer(bin_app, name="bin")

MIN_PREFIX = 6  # the same as journal.services.MIN_PREFIX, kept here so a short id is answered before Django loads
LIST_PAGE = 200  # the most journal.services.list_glimmers gives at once

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
IdArgument = Annotated[
    str, typer.Argument(metavar="ID", help="The id, or its first characters (at least 6), as `glimmers list` shows it.")
]
WhenOption = Annotated[
    str | None,
    typer.Option(
        "--when",
        metavar="WORDS",
        help="When you noticed it, in words or digits: “this morning”, “yesterday 6pm”, “2 hours ago”, "
        "“last Sunday at noon”, “2026-03-14 08:30”.",
    ),
]
SenseOption = Annotated[
    list[str] | None,
    typer.Option(
        "--sense",
        metavar="SENSE",
        help="Through which sense: sight, sound, touch, smell, taste, movement or body. Repeat for more.",
    ),
]
GlowOption = Annotated[int | None, typer.Option("--glow", metavar="N", help="How brightly: 1 (a flicker) to 5.")]
TagOption = Annotated[
    list[str] | None, typer.Option("--tag", metavar="TAG", help="A tag (#tags in the text count too). Repeat for more.")
]
PersonOption = Annotated[
    list[str] | None,
    typer.Option("--person", metavar="NAME", help="Someone who was part of it (pets count). Repeat for more."),
]
PlaceOption = Annotated[str | None, typer.Option("--place", metavar="PLACE", help="Where it happened.")]
WhyOption = Annotated[str | None, typer.Option("--why", metavar="TEXT", help="Why it mattered.")]
ZoneOption = Annotated[
    str | None,
    typer.Option("--time-zone", metavar="ZONE", help="The zone you noticed it in, e.g. Asia/Tokyo (default: yours)."),
]


# --- reading input --------------------------------------------------------------------------------


def _read_stdin() -> str:
    if sys.stdin.isatty():
        typer.echo(messages.TYPE_THE_GLIMMER, err=True)
    raw = getattr(sys.stdin, "buffer", None)
    if raw is not None:
        # Bytes that aren't UTF-8 become lone surrogates, which the text rules refuse kindly.
        return bytes(raw.read()).decode("utf-8", errors="surrogateescape")
    return sys.stdin.read()


def _text(words: list[str]) -> str:
    """TEXT as given: several words are joined with spaces; "-" reads it from standard input."""
    if words == ["-"]:
        return _read_stdin()
    return " ".join(words)


def _listed(values: list[str] | None) -> list[str] | None:
    """A repeatable option's values (commas separate too), or None when it wasn't given.
    A lone "" stays, so `--person ""` can clear a list."""
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip() or value == ""]


def _check_id(glimmer_id: str) -> None:
    if len(glimmer_id.strip().replace("-", "")) < MIN_PREFIX:
        fail(messages.ID_TOO_SHORT.format(glimmer_id=glimmer_id))


@contextmanager
def _looking_for(glimmer_id: str, *, binned: bool = False) -> Iterator[None]:
    """Unknown, ambiguous and someone else's ids all get the same kind answer."""
    from glimmers.lib.errors import NotFound

    try:
        yield
    except NotFound:
        template = messages.NO_SUCH_GLIMMER_IN_BIN if binned else messages.NO_SUCH_GLIMMER
        lines = [template.format(glimmer_id=glimmer_id.strip())]
        if len(glimmer_id.strip().replace("-", "")) < 32:
            lines.append(messages.SEVERAL_GLIMMERS_SHARE)
        fail("\n".join(lines))


# --- presenting -----------------------------------------------------------------------------------


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False))


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


def _day_words(day: date, today: date) -> str:
    from datetime import timedelta

    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    year = "" if day.year == today.year else f" {day.year}"
    return f"{day:%a} {day.day} {day:%b}{year}"


def _moment(glimmer: Glimmer) -> str:
    """When it was noticed, in the words a person would use: "today at 08:30", "Sat 14 Mar at 18:00"."""
    from django.utils import timezone

    local = _local(glimmer)
    today = timezone.now().astimezone(local.tzinfo).date()
    return f"{_day_words(local.date(), today)} at {local:%H:%M}"


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
    people = [person.name for person in glimmer.people.all()]
    if people:
        parts.append("with " + ", ".join(people))
    if glimmer.place:
        parts.append(f"at {glimmer.place.name}")
    if glimmer.glow:
        parts.append(f"glow {glimmer.glow}")
    return "  ·  ".join(parts)


def _print_rows(glimmers: list[Glimmer], home_zone: str, *, binned: bool = False) -> None:
    from glimmers.journal import services

    for glimmer in glimmers:
        head = f"{glimmer.short_id}  {_stamp(glimmer, home_zone)}  "
        typer.echo(head + _one_line(glimmer.text, _room(_width(head))))
        details = _details(glimmer)
        if binned and glimmer.deleted_at is not None:
            deleted = glimmer.deleted_at.astimezone(_local(glimmer).tzinfo)
            expires = services.bin_expires_on(glimmer)
            binned_words = f"deleted {deleted.day} {deleted:%b} · erased after {expires.day} {expires:%b}"
            details = f"{binned_words}  ·  {details}" if details else binned_words
        if details:
            typer.echo(" " * (len(glimmer.short_id) + 2) + typer.style(details, dim=True))


def _print_glimmer(glimmer: Glimmer) -> None:
    """Everything about one glimmer; empty things are left out rather than shown as nothing."""
    from glimmers.journal.models import State

    local = _local(glimmer)
    typer.echo(f"{local:%A} {local.day} {local:%B %Y, %H:%M} · {glimmer.time_zone}")
    typer.echo("")
    typer.echo(glimmer.text)
    typer.echo("")
    rows: list[tuple[str, str]] = []
    if glimmer.senses:
        rows.append(("Senses", ", ".join(glimmer.senses)))
    people = [person.name for person in glimmer.people.all()]
    if people:
        rows.append(("With", ", ".join(people)))
    if glimmer.place:
        rows.append(("Where", glimmer.place.name))
    tags = [tag.name for tag in glimmer.tags.all()]
    if tags:
        rows.append(("Tags", " ".join(f"#{tag}" for tag in tags)))
    if glimmer.glow:
        rows.append(("Glow", f"{glimmer.glow} of 5"))
    if glimmer.why:
        rows.append(("Why it mattered", glimmer.why.replace("\n", "\n" + " " * 18)))
    if glimmer.state_before or glimmer.state_after:
        before = State(glimmer.state_before).label.lower() if glimmer.state_before else "?"
        after = State(glimmer.state_after).label.lower() if glimmer.state_after else "?"
        rows.append(("Before → after", f"{before} → {after}"))
    if not glimmer.resurface:
        rows.append(("Brought back", "only when you ask"))
    rows.append(("Id", str(glimmer.uuid)))
    for label, value in rows:
        typer.echo(typer.style(f"{label + ':':<18}", dim=True) + value)


def _summary(glimmer: Glimmer) -> dict[str, str]:
    return {"text": _one_line(glimmer.text, 60), "when": _moment(glimmer), "short_id": glimmer.short_id}


# --- the commands ---------------------------------------------------------------------------------


@journal_app.command("add")
def add(
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT", help="What you noticed. Several words are joined; “-” reads it from standard input."
        ),
    ],
    when: WhenOption = None,
    sense: SenseOption = None,
    glow: GlowOption = None,
    tag: TagOption = None,
    person: PersonOption = None,
    place: PlaceOption = None,
    why: WhyOption = None,
    time_zone: ZoneOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Keep a glimmer. `glimmers "text"` does the same."""
    words = _text(text)
    setup_django()
    from glimmers.journal import services

    with kind_errors():
        owner = command_line_user(user)
        glimmer = services.create_glimmer(
            owner,
            text=words,
            when=when,
            time_zone=time_zone,
            senses=[name for name in _listed(sense) or () if name],
            people=_listed(person),
            place=place,
            tags=_listed(tag),
            glow=glow,
            why=why or "",
            source="cli",
        )
    if as_json:
        _print_json(services.as_dict(glimmer))
        return
    typer.echo(messages.GLIMMER_ADDED.format(**_summary(glimmer)))


@journal_app.command("list")
def list_(
    count: Annotated[int, typer.Option("-n", "--count", metavar="N", min=1, help="How many, newest first.")] = 10,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """The newest glimmers first."""
    setup_django()
    from glimmers.journal import services

    with kind_errors():
        owner = command_line_user(user)
        glimmers: list[Glimmer] = []
        cursor: str | None = None
        while len(glimmers) < count:
            page = services.list_glimmers(owner, cursor=cursor, limit=min(count - len(glimmers), LIST_PAGE))
            glimmers.extend(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
    if as_json:
        _print_json([services.as_dict(glimmer) for glimmer in glimmers])
        return
    if not glimmers:
        typer.echo(messages.NO_GLIMMERS)
        return
    _print_rows(glimmers, owner.time_zone)
    if cursor is not None:
        typer.echo(typer.style(messages.MORE_GLIMMERS.format(count=count, more=count * 2), dim=True))


@journal_app.command("show")
def show(glimmer_id: IdArgument, user: UserOption = None, as_json: JsonOption = False) -> None:
    """Everything about one glimmer."""
    _check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), _looking_for(glimmer_id):
        glimmer = services.get_glimmer(command_line_user(user), glimmer_id)
    if as_json:
        _print_json(services.as_dict(glimmer))
        return
    _print_glimmer(glimmer)


@journal_app.command("edit")
def edit(
    glimmer_id: IdArgument,
    text: Annotated[str | None, typer.Option("--text", help="New words for it (“-” reads standard input).")] = None,
    when: WhenOption = None,
    sense: SenseOption = None,
    glow: GlowOption = None,
    no_glow: Annotated[bool, typer.Option("--no-glow", help="Take the glow away.")] = False,
    tag: TagOption = None,
    person: PersonOption = None,
    place: PlaceOption = None,
    why: WhyOption = None,
    time_zone: ZoneOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change a glimmer: only what you give changes.

    A list you give (senses, tags, people) replaces the old one; an empty value ("") clears it.
    """
    if glow is not None and no_glow:
        fail(messages.GLOW_TWICE, code=2)
    changes: dict[str, Any] = {}
    if text is not None:
        changes["text"] = _read_stdin() if text == "-" else text
    if when is not None:
        changes["when"] = when
    if time_zone is not None:
        changes["time_zone"] = time_zone
    if (senses := _listed(sense)) is not None:
        changes["senses"] = [name for name in senses if name]
    if glow is not None or no_glow:
        changes["glow"] = None if no_glow else glow
    if (tags := _listed(tag)) is not None:
        changes["tags"] = tags
    if (people := _listed(person)) is not None:
        changes["people"] = people
    if place is not None:
        changes["place"] = place
    if why is not None:
        changes["why"] = why
    if not changes:
        fail(messages.NOTHING_TO_CHANGE, code=2)
    _check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), _looking_for(glimmer_id):
        glimmer = services.update_glimmer(command_line_user(user), glimmer_id, **changes)
    if as_json:
        _print_json(services.as_dict(glimmer))
        return
    typer.echo(messages.GLIMMER_CHANGED.format(**_summary(glimmer)))


@journal_app.command("delete")
def delete(glimmer_id: IdArgument, user: UserOption = None) -> None:
    """Move a glimmer to the bin (it can be brought back for 30 days)."""
    _check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), _looking_for(glimmer_id):
        glimmer = services.delete_glimmer(command_line_user(user), glimmer_id)
    typer.echo(messages.GLIMMER_BINNED.format(**_summary(glimmer)))


@bin_app.command("list")
def bin_list(user: UserOption = None, as_json: JsonOption = False) -> None:
    """What is in the bin, most recently deleted first, and when each will be erased."""
    setup_django()
    from glimmers.journal import services

    with kind_errors():
        owner = command_line_user(user)
        glimmers = services.list_glimmers(owner, binned=True, limit=LIST_PAGE).items
    if as_json:
        rows = []
        for glimmer in glimmers:
            assert glimmer.deleted_at is not None
            row = services.as_dict(glimmer)
            row["deleted_at"] = glimmer.deleted_at.isoformat()
            row["erased_after"] = services.bin_expires_on(glimmer).isoformat()
            rows.append(row)
        _print_json(rows)
        return
    if not glimmers:
        typer.echo(messages.BIN_EMPTY)
        return
    typer.echo(messages.BIN_HEADER)
    _print_rows(glimmers, owner.time_zone, binned=True)
    if len(glimmers) == LIST_PAGE:
        typer.echo(typer.style(messages.BIN_SHOWS_NEWEST.format(count=LIST_PAGE), dim=True))


@bin_app.command("restore")
def bin_restore(glimmer_id: IdArgument, user: UserOption = None) -> None:
    """Bring a glimmer back from the bin."""
    _check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), _looking_for(glimmer_id, binned=True):
        glimmer = services.restore_glimmer(command_line_user(user), glimmer_id)
    typer.echo(messages.GLIMMER_RESTORED.format(**_summary(glimmer)))


@bin_app.command("erase")
def bin_erase(glimmer_id: IdArgument, user: UserOption = None) -> None:
    """Erase one glimmer from the bin now, for good."""
    _check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), _looking_for(glimmer_id, binned=True):
        owner = command_line_user(user)
        summary = _summary(services.get_glimmer(owner, glimmer_id, binned=True))
        services.delete_forever(owner, glimmer_id)
    typer.echo(messages.GLIMMER_ERASED.format(**summary))


@bin_app.command("purge")
def bin_purge(as_json: JsonOption = False) -> None:
    """Erase, for every account, what has been in the bin for more than 30 days (`serve` does it at start)."""
    setup_django()
    from glimmers.journal import services

    with kind_errors():
        count = services.purge_bin()
    if as_json:
        _print_json({"erased": count})
        return
    if count:
        typer.echo(messages.BIN_PURGED.format(count=count, glimmers=plural(count)))
    else:
        typer.echo(messages.BIN_NOTHING_TO_PURGE)
