"""`glimmers add`, `list`, `show`, `random`, `edit`, `delete`: thin adapters over journal.services (and the id
argument `glimmers bin …` shares).

Like every command, these load Django (without the web-only apps) only once they run, and import
nothing heavy at module level, so `glimmers "text"` is quick at any size of journal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user, signed_in
from glimmers.journal.cli.filters import (
    AfterFilter,
    BeforeFilter,
    FromOption,
    GlowFilter,
    PersonFilter,
    PlaceFilter,
    SenseFilter,
    TagFilter,
    ToOption,
    find,
)
from glimmers.journal.cli.output import print_found, print_glimmer, print_rows, summary
from glimmers.lib.cli import JsonOption, UserOption, fail, given, kind_errors, not_found, print_json, setup_django

journal_app = typer.Typer(no_args_is_help=True)

MIN_PREFIX = 6  # the same as journal.services.MIN_PREFIX, kept here so a short id is answered before Django loads
LIST_PAGE = 200  # the most journal.services.list_glimmers gives at once

IdArgument = Annotated[
    str, typer.Argument(metavar="ID", help="The id, or its first characters (at least 6), as `glimmers list` shows it.")
]
WhenOption = Annotated[
    str | None,
    typer.Option(
        "--when",
        metavar="WORDS",
        help="When you noticed it, in words or digits: “this morning”, “yesterday 6pm”, “2 hours ago”, "
        "“last Sunday at noon”, “2026-03-14 08:30”. Words look back: a time still to come (“6pm” at 2pm, "
        "“in 2 hours”) is refused, and “this evening” is now until its usual 19:00 has come.",
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
    list[str] | None,
    typer.Option(
        "--tag",
        metavar="TAG",
        help="A tag (#tags in the text count too). Repeat, or separate with commas, for more (up to 50).",
    ),
]
PersonOption = Annotated[
    list[str] | None,
    typer.Option(
        "--person",
        metavar="NAME",
        help="Someone who was part of it (pets count). Repeat, or separate with commas, for more (up to 50).",
    ),
]
PlaceOption = Annotated[str | None, typer.Option("--place", metavar="PLACE", help="Where it happened.")]
WhyOption = Annotated[str | None, typer.Option("--why", metavar="TEXT", help="Why it mattered.")]
ZoneOption = Annotated[
    str | None,
    typer.Option("--time-zone", metavar="ZONE", help="The zone you noticed it in, e.g. Asia/Tokyo (default: yours)."),
]
BeforeOption = Annotated[
    str | None,
    typer.Option("--before", metavar="STATE", help="How you were before, in your ladder's words (`glimmers ladder`)."),
]
AfterOption = Annotated[
    str | None,
    typer.Option("--after", metavar="STATE", help="How you were after, in your ladder's words (`glimmers ladder`)."),
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


def _state(value: str | None, owner: Any) -> str | None:
    """--before/--after: the person's own name for a state or the method's term, in any case; "" clears it
    (the services check the name). The person's words are read only when a state is given."""
    if value is None or not value.strip():
        return None
    from glimmers.journal.ladder import state_called, state_names

    return state_called(value, state_names(owner))


def check_id(glimmer_id: str) -> None:
    if len(glimmer_id.strip().replace("-", "")) < MIN_PREFIX:
        fail(messages.ID_TOO_SHORT.format(glimmer_id=glimmer_id))


@contextmanager
def looking_for(glimmer_id: str, *, binned: bool = False) -> Iterator[None]:
    """Unknown, ambiguous and someone else's ids all get the same kind answer."""
    template = messages.NO_SUCH_GLIMMER_IN_BIN if binned else messages.NO_SUCH_GLIMMER
    lines = [template.format(glimmer_id=glimmer_id.strip())]
    if len(glimmer_id.strip().replace("-", "")) < 32:
        lines.append(messages.SEVERAL_GLIMMERS_SHARE)
    with not_found("\n".join(lines)):
        yield


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
    before: BeforeOption = None,
    after: AfterOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Keep a glimmer. `glimmers "text"` does the same."""
    words = _text(text)
    with signed_in(user) as owner:
        from glimmers.journal import reading, services

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
            state_before=_state(before, owner),
            state_after=_state(after, owner),
            source="cli",
        )
    if as_json:
        print_json(reading.glimmer_as_dict(glimmer))
        return
    typer.echo(messages.GLIMMER_ADDED.format(**summary(glimmer)))


@journal_app.command("list")
def list_(
    ctx: typer.Context,
    count: Annotated[int, typer.Option("-n", "--count", metavar="N", min=1, help="How many, newest first.")] = 10,
    since: FromOption = None,
    until: ToOption = None,
    sense: SenseFilter = None,
    person: PersonFilter = None,
    place: PlaceFilter = None,
    tag: TagFilter = None,
    glow: GlowFilter = None,
    before: BeforeFilter = None,
    after: AfterFilter = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """The newest glimmers first; the filters narrow them (`glimmers search` finds words too)."""
    owner, found, more = find(ctx, count)
    from glimmers.journal import reading

    if as_json:
        print_json([reading.glimmer_as_dict(glimmer) for glimmer in found.items])
        return
    if not found.items or found.searching:
        print_found(found, owner, more=more, count=count)
        return
    print_rows(found.items, owner.time_zone)
    if more:
        typer.echo(typer.style(messages.MORE_GLIMMERS.format(count=count, more=count * 2), dim=True))


@journal_app.command("show")
def show(glimmer_id: IdArgument, user: UserOption = None, as_json: JsonOption = False) -> None:
    """Everything about one glimmer."""
    check_id(glimmer_id)
    setup_django()
    from glimmers.journal import reading, services
    from glimmers.journal.ladder import state_names

    with kind_errors(), looking_for(glimmer_id):
        owner = command_line_user(user)
        glimmer = services.get_glimmer(owner, glimmer_id)
    if as_json:
        print_json(reading.glimmer_as_dict(glimmer))
        return
    print_glimmer(glimmer, state_names(owner))


@journal_app.command("random")
def random_one(user: UserOption = None, as_json: JsonOption = False) -> None:
    """A glimmer from before: one older glimmer at random, never one you marked “don't bring this back”."""
    setup_django()
    from glimmers.journal import before, reading
    from glimmers.journal.ladder import state_names

    with kind_errors():
        owner = command_line_user(user)
        glimmer = before.a_glimmer_from_before(owner)
    if as_json:
        print_json({"glimmer": reading.glimmer_as_dict(glimmer) if glimmer else None})
        return
    if glimmer is None:
        typer.echo(messages.NOTHING_FROM_BEFORE if owner.from_before else messages.FROM_BEFORE_OFF)
        return
    print_glimmer(glimmer, state_names(owner))


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
    before: BeforeOption = None,
    after: AfterOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change a glimmer: only what you give changes.

    A list you give (senses, tags, people) replaces the old one; an empty value ("") clears it.
    """
    if glow is not None and no_glow:
        fail(messages.GLOW_TWICE, code=2)
    senses = _listed(sense)
    changes = given(
        text=_read_stdin() if text == "-" else text,
        when=when,
        time_zone=time_zone,
        senses=None if senses is None else [name for name in senses if name],
        tags=_listed(tag),
        people=_listed(person),
        place=place,
        why=why,
        state_before=before,
        state_after=after,
    )
    if glow is not None or no_glow:
        changes["glow"] = None if no_glow else glow
    if not changes:
        fail(messages.NOTHING_TO_CHANGE, code=2)
    check_id(glimmer_id)
    setup_django()
    from glimmers.journal import reading, services

    with kind_errors(), looking_for(glimmer_id):
        owner = command_line_user(user)
        for key in ("state_before", "state_after"):
            if key in changes:
                changes[key] = _state(changes[key], owner)
        glimmer = services.update_glimmer(owner, glimmer_id, **changes)
    if as_json:
        print_json(reading.glimmer_as_dict(glimmer))
        return
    typer.echo(messages.GLIMMER_CHANGED.format(**summary(glimmer)))


@journal_app.command("delete")
def delete(glimmer_id: IdArgument, user: UserOption = None) -> None:
    """Move a glimmer to the bin (it can be brought back for 30 days)."""
    check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), looking_for(glimmer_id):
        glimmer = services.delete_glimmer(command_line_user(user), glimmer_id)
    typer.echo(messages.GLIMMER_BINNED.format(**summary(glimmer)))
