"""`glimmers practice [--minutes N] [--sense S]` — a noticing practice in the terminal: prompts one at a time, a
quiet countdown, Ctrl-C ends it kindly and still asks what glimmered — and `glimmers practice prompts
list|add|edit|hide` for the person's own prompts. Thin adapters over practice.services.

Nothing asks a question when standard input is not a terminal, or with --json.
"""

from __future__ import annotations

import sys
import time
from typing import Annotated, Any

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user
from glimmers.lib.cli import JsonOption, UserOption, count_down, kind_errors, not_found, print_json, setup_django
from glimmers.practice.cli import practice_top

practice_app = typer.Typer(
    help="The noticing practice: a few quiet minutes, one sense at a time.", invoke_without_command=True
)
prompts_app = typer.Typer(help="My own noticing prompts.", no_args_is_help=True)
practice_top.add_typer(practice_app, name="practice")
practice_app.add_typer(prompts_app, name="prompts")

PromptArgument = Annotated[str, typer.Argument(metavar="ID", help="The prompt's id, or its first 6+ characters.")]


@practice_app.callback()
def practice(
    ctx: typer.Context,
    minutes: Annotated[int, typer.Option("--minutes", metavar="N", help="How long, 1–5 minutes.")] = 3,
    sense: Annotated[
        list[str] | None,
        typer.Option("--sense", metavar="S", help="Only these senses (repeat, or mon,… style: sound,sight)."),
    ] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """A noticing practice, here in the terminal (low-energy mode: one sense, one minute)."""
    if ctx.invoked_subcommand is not None:
        return
    setup_django()
    from django.utils import timezone

    from glimmers.practice import reading, services

    chosen = [part for given in sense or [] for part in given.split(",") if part.strip()]
    with kind_errors():
        owner = command_line_user(user)
        plan = services.plan_session(owner, minutes=minutes, senses=chosen or None)
    began, started_at = time.monotonic(), timezone.now()
    if not as_json:
        typer.echo(messages.PRACTICE_BEGIN.format(minutes=plan.minutes, s="" if plan.minutes == 1 else "s"))
    try:
        for step in plan.steps:
            if not as_json:
                typer.echo("")
                typer.echo(typer.style(step.sense.capitalize(), bold=True) + f"  {step.prompt}")
            count_down(step.seconds, width=3)  # up to 300 seconds
        if not as_json:
            typer.echo("")
            typer.echo(messages.PRACTICE_END)
    except KeyboardInterrupt:
        if not as_json:
            typer.echo("")
            typer.echo(messages.PRACTICE_STOPPED)
    spent = min(round(time.monotonic() - began), 3600)
    with kind_errors():
        session = services.record_session(
            owner, minutes=plan.minutes, senses=plan.senses, seconds=spent, started_at=started_at,
            low=plan.low_energy, source="cli",
        )  # fmt: skip
        kept = 0
        while not as_json and not plan.low_energy and sys.stdin.isatty() and kept < 3:
            text = typer.prompt(messages.PRACTICE_ASK.format(room=3 - kept), default="", show_default=False)
            if not text.strip():
                break
            glimmer = services.keep_from_session(owner, session.uuid, text=text, sense=plan.senses[0], source="cli")
            typer.echo(messages.PRACTICE_KEPT.format(text=glimmer.text))
            kept += 1
    if as_json:
        print_json(reading.session_as_dict(session))
        return
    said = f", with {kept} glimmer{'' if kept == 1 else 's'}" if kept else ""
    typer.echo(messages.PRACTICE_RECORDED.format(minutes=plan.minutes, kept=said))


@prompts_app.command("list")
def prompts_list(
    library: Annotated[bool, typer.Option("--library", help="Glimmers' own library of prompts instead.")] = False,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """My own prompts (hidden ones marked), or --library."""
    setup_django()
    from glimmers.practice import reading, services
    from glimmers.practice.prompts import LIBRARY

    with kind_errors():
        found: list[Any] = list(LIBRARY) if library else list(services.prompts_of(command_line_user(user)))
    if as_json:
        print_json([reading.prompt_as_dict(prompt) for prompt in found])
        return
    if not found:
        typer.echo(messages.PROMPT_NONE)
    for prompt in found:
        shown = reading.prompt_as_dict(prompt)
        key = shown["id"][:8] if shown["own"] else shown["id"]
        hidden = typer.style(" (hidden)", dim=True) if shown["hidden"] else ""
        typer.echo(f"{typer.style(key, dim=True)}  {shown['sense']}: {shown['text']}{hidden}")


@prompts_app.command("add")
def prompts_add(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="A short invitation, up to 200 characters.")],
    sense: Annotated[str, typer.Option("--sense", metavar="S", help="Its sense.")],
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a prompt of my own."""
    setup_django()
    from glimmers.practice import reading, services

    with kind_errors():
        prompt = services.add_prompt(command_line_user(user), sense=sense, text=text)
    if as_json:
        print_json(reading.prompt_as_dict(prompt))
        return
    typer.echo(messages.PROMPT_ADDED.format(sense=prompt.sense, text=prompt.text, short_id=prompt.short_id))


@prompts_app.command("edit")
def prompts_edit(
    prompt_id: PromptArgument,
    text: Annotated[str | None, typer.Option("--text", metavar="TEXT", help="New words.")] = None,
    sense: Annotated[str | None, typer.Option("--sense", metavar="S", help="Another sense.")] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change a prompt of my own."""
    setup_django()
    from glimmers.practice import reading, services

    with kind_errors(), not_found(messages.NO_SUCH_PROMPT.format(prompt_id=prompt_id)):
        prompt = services.edit_prompt(command_line_user(user), prompt_id, text=text, sense=sense)
    if as_json:
        print_json(reading.prompt_as_dict(prompt))
        return
    typer.echo(messages.PROMPT_SAVED.format(sense=prompt.sense, text=prompt.text))


@prompts_app.command("hide")
def prompts_hide(
    prompt_id: PromptArgument,
    undo: Annotated[bool, typer.Option("--undo", help="Offer it again.")] = False,
    user: UserOption = None,
) -> None:
    """Hide a prompt of my own: kept, never offered (--undo offers it again)."""
    setup_django()
    from glimmers.practice import services

    with kind_errors(), not_found(messages.NO_SUCH_PROMPT.format(prompt_id=prompt_id)):
        prompt = services.hide_prompt(command_line_user(user), prompt_id, hidden=not undo)
    typer.echo((messages.PROMPT_SHOWN if undo else messages.PROMPT_HIDDEN).format(short_id=prompt.short_id))
