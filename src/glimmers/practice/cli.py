"""`glimmers ritual add|list|show|edit|delete|retire|unretire|done` and `glimmers intention`: thin adapters over
practice.services, with practice.reading's JSON for --json. (The noticing practice: practice.noticing_cli.)

Like every command these load Django (without the web-only apps) only once they run. A ritual is named by its id
or its first 6+ characters. Nothing asks a question when standard input is not a terminal, or with --json.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user
from glimmers.lib.cli import JsonOption, UserOption, fail, given, kind_errors, not_found, print_json, setup_django

if TYPE_CHECKING:
    from glimmers.practice.models import Ritual

practice_top = typer.Typer(no_args_is_help=True)  # `ritual`, `intention` and `practice`: added at the top level
ritual_app = typer.Typer(help="Rituals: small pleasures woven into your days, with a schedule.", no_args_is_help=True)
practice_top.add_typer(ritual_app, name="ritual")

RitualArgument = Annotated[str, typer.Argument(metavar="ID", help="The ritual's id, or its first 6+ characters.")]
DailyOption = Annotated[bool, typer.Option("--daily", help="Every day.")]
OnOption = Annotated[str | None, typer.Option("--on", metavar="DAYS", help="On these days of the week: mon,wed,fri.")]
EveryOption = Annotated[int | None, typer.Option("--every", metavar="N", help="Every N days (1–366).")]
AtOption = Annotated[str | None, typer.Option("--at", metavar="HH:MM", help="A time of day, on your own clock.")]
SenseOption = Annotated[
    str | None, typer.Option("--sense", metavar="S", help="sight, sound, touch, smell, taste, movement or body.")
]
AboutOption = Annotated[str | None, typer.Option("--about", metavar="TEXT", help="A few words on what it is.")]


@contextmanager
def _ritual(ritual_id: str) -> Iterator[None]:
    with kind_errors(), not_found(messages.NO_SUCH_RITUAL.format(ritual_id=ritual_id)):
        yield


def _schedule(daily: bool, on: str | None, every: int | None) -> str:
    from glimmers.practice import services

    if sum([daily, on is not None, every is not None]) > 1:
        fail(messages.RITUAL_ONE_SCHEDULE, code=2)
    return services.schedule_from(daily=daily, weekdays=on, every=every)


def _said(ritual: Ritual) -> tuple[str, str]:
    from glimmers.practice import schedules

    at = f" at {ritual.time_of_day:%H:%M}" if ritual.time_of_day else ""
    return schedules.describe(ritual.schedule), at


def _line(ritual: Ritual) -> str:
    schedule, at = _said(ritual)
    retired = typer.style(" (retired)", dim=True) if ritual.retired_at else ""
    return f"{typer.style(ritual.short_id, dim=True)}  {ritual.name}{retired} — {schedule}{at}"


@ritual_app.command("add")
def ritual_add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="What it is called: “Morning coffee”.")],
    daily: DailyOption = False,
    on: OnOption = None,
    every: EveryOption = None,
    at: AtOption = None,
    sense: SenseOption = None,
    about: AboutOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a ritual: --daily, --on DAYS or --every N (none of them: whenever you like)."""
    setup_django()
    from glimmers.practice import reading, services

    with kind_errors():
        rule = _schedule(daily, on, every)
        ritual = services.create_ritual(
            command_line_user(user), name=name, about=about or "", sense=sense, schedule=rule, time_of_day=at
        )
    if as_json:
        print_json(reading.ritual_as_dict(ritual))
        return
    schedule, said_at = _said(ritual)
    typer.echo(messages.RITUAL_ADDED.format(name=ritual.name, schedule=schedule, at=said_at, short_id=ritual.short_id))


@ritual_app.command("list")
def ritual_list(
    retired: Annotated[bool, typer.Option("--retired", help="The retired ones instead.")] = False,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """My rituals, oldest first."""
    setup_django()
    from glimmers.practice import reading, services

    with kind_errors():
        rituals = list(services.rituals_of(command_line_user(user), retired=retired))
    if as_json:
        print_json([reading.ritual_as_dict(ritual) for ritual in rituals])
        return
    if not rituals:
        typer.echo(messages.RITUAL_NONE_RETIRED if retired else messages.RITUAL_NONE)
    for ritual in rituals:
        typer.echo(_line(ritual))


@ritual_app.command("show")
def ritual_show(ritual_id: RitualArgument, user: UserOption = None, as_json: JsonOption = False) -> None:
    """One ritual: its schedule, this month in words, and its history."""
    setup_django()
    from glimmers.practice import reading, services

    with _ritual(ritual_id):
        owner = command_line_user(user)
        ritual = services.get_ritual(owner, ritual_id)
        history = services.history(owner, ritual)
        counts = services.month_counts(owner, ritual)
    if as_json:
        print_json(reading.ritual_as_dict(ritual) | {"occasions": [reading.occasion_as_dict(o) for o in history]})
        return
    typer.echo(_line(ritual))
    if ritual.about:
        typer.echo(f"  {ritual.about}")
    if counts:
        typer.echo(f"  {counts[0].upper()}{counts[1:]}.")
    for occasion in history:
        glimmer = (
            f" — {occasion.glimmer.text}" if occasion.glimmer else (" — it glimmered" if occasion.glimmered else "")
        )
        typer.echo(f"  {occasion.local_date:%a %d %b %Y}{glimmer}")


@ritual_app.command("edit")
def ritual_edit(
    ritual_id: RitualArgument,
    name: Annotated[str | None, typer.Option("--name", metavar="NAME", help="A new name.")] = None,
    daily: DailyOption = False,
    on: OnOption = None,
    every: EveryOption = None,
    whenever: Annotated[bool, typer.Option("--whenever", help="No schedule: whenever you like.")] = False,
    at: AtOption = None,
    no_time: Annotated[bool, typer.Option("--no-time", help="No time of day.")] = False,
    sense: SenseOption = None,
    about: AboutOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change what is given; a new schedule counts from today."""
    setup_django()
    from glimmers.practice import reading, services

    changes = given(name=name, sense=sense, about=about)
    with _ritual(ritual_id):
        if whenever or daily or on is not None or every is not None:
            if whenever and (daily or on is not None or every is not None):
                fail(messages.RITUAL_ONE_SCHEDULE, code=2)
            changes["schedule"] = "" if whenever else _schedule(daily, on, every)
        if at is not None or no_time:
            changes["time_of_day"] = None if no_time else at
        ritual = services.update_ritual(command_line_user(user), ritual_id, **changes)
    if as_json:
        print_json(reading.ritual_as_dict(ritual))
        return
    schedule, said_at = _said(ritual)
    typer.echo(messages.RITUAL_SAVED.format(name=ritual.name, schedule=schedule, at=said_at))


@ritual_app.command("delete")
def ritual_delete(
    ritual_id: RitualArgument,
    yes: Annotated[bool, typer.Option("--yes", help="Don't ask first.")] = False,
    user: UserOption = None,
) -> None:
    """Delete a ritual and its history (the glimmers it brought stay). Asks first, on a terminal."""
    setup_django()
    from glimmers.practice import services

    with _ritual(ritual_id):
        owner = command_line_user(user)
        ritual = services.get_ritual(owner, ritual_id)
        if not yes:
            if not sys.stdin.isatty():
                fail(messages.RITUAL_DELETE_NEEDS_YES.format(name=ritual.name))
            if not typer.confirm(messages.RITUAL_DELETE_ASK.format(name=ritual.name), default=False):
                typer.echo(messages.RITUAL_KEPT)
                return
        services.delete_ritual(owner, ritual.uuid)
    typer.echo(messages.RITUAL_DELETED.format(name=ritual.name))


@ritual_app.command("retire")
def ritual_retire(ritual_id: RitualArgument, user: UserOption = None) -> None:
    """Retire a ritual: out of Today and the list; its history stays."""
    setup_django()
    from glimmers.practice import services

    with _ritual(ritual_id):
        ritual = services.retire_ritual(command_line_user(user), ritual_id)
    typer.echo(messages.RITUAL_RETIRED.format(name=ritual.name, short_id=ritual.short_id))


@ritual_app.command("unretire")
def ritual_unretire(ritual_id: RitualArgument, user: UserOption = None) -> None:
    """Bring a retired ritual back, as it was."""
    setup_django()
    from glimmers.practice import services

    with _ritual(ritual_id):
        ritual = services.unretire_ritual(command_line_user(user), ritual_id)
    typer.echo(messages.RITUAL_UNRETIRED.format(name=ritual.name))


@ritual_app.command("done")
def ritual_done(
    ritual_id: RitualArgument,
    glimmer: Annotated[
        str | None,
        typer.Option("--glimmer", metavar="TEXT", help="It glimmered: keep this, linked to today's occasion."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A note on today's occasion.")] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Mark a ritual done today (one occasion a day). On a terminal, asks if it glimmered."""
    setup_django()
    from glimmers.practice import reading, services

    with _ritual(ritual_id):
        owner = command_line_user(user)
        done = services.mark_done(owner, ritual_id, note=note or "")
        ritual = done.occasion.ritual
        if glimmer is None and not as_json and sys.stdin.isatty():
            glimmer = typer.prompt(messages.RITUAL_ASK_GLIMMER, default="", show_default=False) or None
        kept = services.keep_glimmer(owner, done.occasion.uuid, text=glimmer, source="cli") if glimmer else None
    if as_json:
        print_json(reading.occasion_as_dict(services.get_occasion(owner, done.occasion.uuid)))
        return
    day = f"{done.occasion.local_date:%A %d %B}"
    typer.echo((messages.RITUAL_DONE if done.new else messages.RITUAL_DONE_AGAIN).format(name=ritual.name, day=day))
    if kept is not None:
        typer.echo(messages.RITUAL_GLIMMER_KEPT.format(text=kept.text))


@practice_top.command("intention")
def intention(
    text: Annotated[str | None, typer.Argument(metavar="[TEXT]", help="A few words: “notice 3 glimmers”.")] = None,
    today: Annotated[
        bool, typer.Option("--today", help="For just today (the default stays for the days after).")
    ] = False,
    clear: Annotated[bool, typer.Option("--clear", help="No intention (with --today: none just today).")] = False,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Today's intention, with what you noticed so far; TEXT sets it (every day, or --today), --clear removes it."""
    if text is not None and clear:
        fail(messages.INTENTION_NONE, code=2)
    setup_django()
    from glimmers.practice import reading, services

    with kind_errors():
        owner = command_line_user(user)
        if clear:
            services.clear_intention(owner, just_today=today)
        elif text is not None:
            services.set_intention(owner, text, just_today=today)
        now = services.intention_today(owner)
    if as_json:
        print_json(reading.intention_as_dict(now))
        return
    scope = " for today" if today else ""
    if clear:
        typer.echo(messages.INTENTION_CLEARED.format(scope=" today" if today else ""))
    elif not now.text:
        typer.echo(messages.INTENTION_NONE)
    else:
        shown = messages.INTENTION_SET.format(scope=scope if text is not None else "", text=now.text)
        typer.echo(shown + (f" · {now.so_far}" if now.so_far else ""))
