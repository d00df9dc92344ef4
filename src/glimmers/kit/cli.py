"""`glimmers kit [--state S]`, `kit pin|unpin|list`, and `glimmers savour ID`: thin adapters over kit.services
and kit.reading.

Like every command, these load Django (without the web-only apps) only once they run, and import nothing
heavy at module level. States are taken by their standard names or the person's own, ignoring case.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user, signed_in
from glimmers.lib.cli import JsonOption, UserOption, count_down, fail, kind_errors, not_found, print_json, setup_django

if TYPE_CHECKING:
    from glimmers.kit.models import Anchor

kit_top = typer.Typer(no_args_is_help=True)  # `savour`, and the `kit` group: added at the top level
kit_app = typer.Typer(help="My kit: bring a glimmer back, and keep what helps pinned.", invoke_without_command=True)
kit_top.add_typer(kit_app, name="kit")

MIN_PREFIX = 6
SAVOUR_MIN, SAVOUR_MAX = 10, 60  # as glimmers.kit.models, kept here so a wrong length is answered before Django loads

GlimmerArgument = Annotated[
    str | None, typer.Argument(metavar="[GLIMMER]", help="A glimmer's id, or its first 6+ characters.")
]
PersonOption = Annotated[str | None, typer.Option("--person", metavar="NAME", help="Someone (by name or id).")]
PlaceOption = Annotated[str | None, typer.Option("--place", metavar="NAME", help="A place (by name or id).")]
CueOption = Annotated[str | None, typer.Option("--cue", metavar="NAME", help="A cue (by name or id).")]
LISTINGS = {"person": "people list", "place": "places list", "cue": "cues list"}


def _which(glimmer: str | None, person: str | None, place: str | None, cue: str | None) -> tuple[str, str]:
    given = [(kind, key) for kind, key in (("glimmer", glimmer), ("person", person), ("place", place), ("cue", cue))]
    chosen = [(kind, key) for kind, key in given if key is not None and key.strip()]
    if len(chosen) != 1:
        fail(messages.KIT_PIN_WHICH, code=2)
    kind, key = chosen[0]
    return kind, str(key).strip()


@contextmanager
def _looking_for(kind: str, key: str) -> Iterator[None]:
    if kind == "glimmer":
        message = messages.NO_SUCH_GLIMMER.format(glimmer_id=key)
    else:
        message = messages.KIT_NOT_FOUND.format(kind=kind, key=key, listing=LISTINGS[kind])
    with not_found(message):
        yield


# --- bring one back -------------------------------------------------------------------------------


@kit_app.callback()
def kit(
    ctx: typer.Context,
    state: Annotated[
        str | None,
        typer.Option(
            "--state", metavar="STATE", help="Where you are, in your ladder's words (your own name or the plain one)."
        ),
    ] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Bring one of your glimmers back, chosen for where you are (--state, if you like).

    Never one marked “don't bring this back”. `glimmers kit pin|unpin|list` keep the kit itself."""
    if ctx.invoked_subcommand is not None:
        return
    with signed_in(user) as owner:
        from glimmers.kit import reading, services

        brought = services.need(owner, state=state)
    if as_json:
        print_json(reading.brought_as_dict(brought, owner.time_zone))
        return
    glimmer = brought.glimmer
    if glimmer is not None:
        typer.echo(messages.KIT_BROUGHT_BACK.format(when=f"{glimmer.local_noticed_at:%d %B %Y}".lstrip("0")))
        typer.echo("")
        typer.echo("  " + glimmer.text.replace("\n", "\n  "))
        typer.echo("")
        typer.echo(typer.style(messages.KIT_HELPED_HINT.format(short_id=glimmer.short_id), dim=True))
    else:
        typer.echo(reading.REASONS[brought.reason])
    if brought.ideas:
        typer.echo("")
        typer.echo(messages.KIT_IDEAS)
        for idea in brought.ideas:
            typer.echo(f"  · {idea.text} ({idea.sense}) — {idea.invitation}")


# --- the kit itself -------------------------------------------------------------------------------


def _line(anchor: Anchor, number: int) -> str:
    from glimmers.kit.reading import label_of

    words = f"{number}. {label_of(anchor.thing)}  " + typer.style(f"({anchor.get_kind_display().lower()})", dim=True)
    if anchor.note:
        words += f" — {anchor.note}"
    if getattr(anchor, "resting", False):
        words += "  " + typer.style(messages.KIT_RESTING, dim=True)
    return words


@kit_app.command("list")
def kit_list(user: UserOption = None, as_json: JsonOption = False) -> None:
    """What is pinned in my kit, in my order."""
    with signed_in(user) as owner:
        from glimmers.kit import reading, services

        anchors, cursor = [], None
        while True:  # a kit is small; every page of it
            page = services.list_anchors(owner, cursor=cursor, limit=200)
            anchors += page.items
            if not (cursor := page.next_cursor):
                break
    if as_json:
        print_json([reading.anchor_as_dict(anchor) for anchor in anchors])
        return
    if not anchors:
        typer.echo(messages.KIT_EMPTY_LIST)
        return
    for number, anchor in enumerate(anchors, start=1):
        typer.echo(_line(anchor, number))


@kit_app.command("pin")
def kit_pin(
    glimmer: GlimmerArgument = None,
    person: PersonOption = None,
    place: PlaceOption = None,
    cue: CueOption = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A few words of your own.")] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Pin a glimmer (by id), or --person, --place or --cue (by name), into my kit."""
    kind, key = _which(glimmer, person, place, cue)
    setup_django()
    from glimmers.kit import reading, services

    with kind_errors(), _looking_for(kind, key):
        anchor, new = services.pin(command_line_user(user), kind, key, note=note)
    if as_json:
        print_json(reading.anchor_as_dict(anchor))
        return
    template = messages.KIT_PINNED if new else messages.KIT_ALREADY_PINNED
    typer.echo(template.format(label=reading.label_of(anchor.thing)))


@kit_app.command("unpin")
def kit_unpin(
    glimmer: GlimmerArgument = None,
    person: PersonOption = None,
    place: PlaceOption = None,
    cue: CueOption = None,
    user: UserOption = None,
) -> None:
    """Take a glimmer, person, place or cue out of my kit (it stays in the journal)."""
    kind, key = _which(glimmer, person, place, cue)
    setup_django()
    from glimmers.kit import reading, services

    with kind_errors(), _looking_for(kind, key):
        owner = command_line_user(user)
        found = services.thing(owner, kind, key)
        was_pinned = services.unpin(owner, kind, key)
    template = messages.KIT_UNPINNED if was_pinned else messages.KIT_NOT_PINNED
    typer.echo(template.format(label=reading.label_of(found)))


# --- savouring ------------------------------------------------------------------------------------


@kit_top.command("savour")
def savour(
    glimmer_id: Annotated[str, typer.Argument(metavar="ID", help="The glimmer's id, or its first 6+ characters.")],
    seconds: Annotated[
        int | None, typer.Option("--seconds", metavar="N", help="How long, 10–60 (default: your savour length).")
    ] = None,
    no_wait: Annotated[
        bool, typer.Option("--no-wait", help="Don't wait (for scripts): keep the savouring now.")
    ] = False,
    after: Annotated[
        str | None,
        typer.Option("--after", metavar="STATE", help="How you feel now: a check-in (your own name or the plain one)."),
    ] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Savour a glimmer: its words, a quiet countdown, then “how do you feel now?”."""
    if seconds is not None and not SAVOUR_MIN <= seconds <= SAVOUR_MAX:
        fail(messages.SAVOUR_SECONDS_RANGE.format(seconds=seconds))
    if len(glimmer_id.strip().replace("-", "")) < MIN_PREFIX:
        fail(messages.ID_TOO_SHORT.format(glimmer_id=glimmer_id))
    setup_django()
    from glimmers.journal import services as journal
    from glimmers.kit import reading, services
    from glimmers.states import reading as states_reading
    from glimmers.states import services as states

    with kind_errors(), _looking_for("glimmer", glimmer_id):
        owner = command_line_user(user)
        glimmer = journal.get_glimmer(owner, glimmer_id)
        length = seconds or services.settings_for(owner).savour_seconds
    if not as_json:
        typer.echo("  " + glimmer.text.replace("\n", "\n  "))
        typer.echo("")
        typer.echo(messages.SAVOUR_BEGIN.format(seconds=length))
    if not no_wait:
        count_down(length)
        if not as_json:
            typer.echo(messages.SAVOUR_END.format(seconds=length))
    with kind_errors():
        savouring = services.savour(owner, glimmer.uuid, seconds=length)
        ladder = states.ladder_for(owner)
        if after is None and not (no_wait or as_json) and sys.stdin.isatty():
            words = ", ".join(rung.name for rung in ladder.top_to_bottom)
            after = typer.prompt(messages.FEEL_NOW.format(words=words), default="", show_default=False) or None
        checkin = services.feel_now(owner, savouring.uuid, after, ladder=ladder) if after else None
    if as_json:
        shape = reading.savouring_as_dict(savouring, owner.time_zone)
        print_json(shape | {"checkin": states_reading.checkin_as_dict(checkin, ladder) if checkin else None})
        return
    typer.echo(messages.SAVOUR_KEPT.format(seconds=length))
    if checkin is not None:
        typer.echo(messages.CHECKED_IN.format(name=ladder.name(checkin.state), time=f"{checkin.local_at:%H:%M}"))
