"""`glimmers feed on|off|url|rotate`: the private calendar feed, thin over practice.reminders (JSON: practice.reading).

The address is a secret: printed alone on the last line, unwrapped (DESIGN §5), on GLIMMERS_BASE_URL — or, when
that isn't set, on this computer's address, with a note on stderr saying so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user
from glimmers.lib.cli import JsonOption, UserOption, fail, kind_errors, print_json, setup_django
from glimmers.practice.cli import practice_top

if TYPE_CHECKING:
    from glimmers.accounts.models import User
    from glimmers.practice.models import Reminders

feed_app = typer.Typer(
    help="Your private calendar feed: rituals (and, if you like, noticing and the evening) in your calendar app.",
    no_args_is_help=True,
)
practice_top.add_typer(feed_app, name="feed")


def _show(owner: User, mine: Reminders, said: str, as_json: bool) -> None:
    from django.conf import settings

    from glimmers.practice import reading, reminders

    base = reminders.base_url()
    if as_json:
        print_json(reading.feed_as_dict(owner, mine, base))
        return
    url = reminders.feed_url(owner, base, mine)
    if url is None:
        typer.echo(said or messages.FEED_IS_OFF)
        return
    extra = [("a few minutes of noticing at " + f"{mine.noticing_at:%H:%M}") if mine.noticing_at else ""]
    extra += ["the evening's glimmers" if mine.evening else "", "a past glimmer" if mine.past_glimmer else ""]
    chosen = [part for part in extra if part]
    typer.echo(messages.FEED_HOLDS.format(extra=(", and " + ", ".join(chosen)) if chosen else ""))
    if not getattr(settings, "BASE_URL", ""):
        typer.echo(messages.FEED_NO_BASE, err=True)
    typer.echo(said)
    typer.echo(url)


@feed_app.command("on")
def feed_on(
    noticing: Annotated[
        str | None, typer.Option("--noticing", metavar="HH:MM", help="A few minutes of noticing, daily at this time.")
    ] = None,
    no_noticing: Annotated[bool, typer.Option("--no-noticing", help="No noticing event.")] = False,
    evening: Annotated[
        bool | None, typer.Option("--evening/--no-evening", help="The evening's glimmers, daily at 18:00.")
    ] = None,
    past_glimmer: Annotated[
        bool | None,
        typer.Option("--past-glimmer/--no-past-glimmer", help="Show a past glimmer's text in your calendar."),
    ] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Turn the feed on (or change what it holds) and print its address."""
    if noticing is not None and no_noticing:
        fail(messages.FEED_NOTICING_BOTH, code=2)
    setup_django()
    from glimmers.practice import reminders

    options: dict[str, object] = {}
    if noticing is not None or no_noticing:
        options["noticing_at"] = None if no_noticing else noticing
    if evening is not None:
        options["evening"] = evening
    if past_glimmer is not None:
        options["past_glimmer"] = past_glimmer
    with kind_errors():
        owner = command_line_user(user)
        if options:
            reminders.set_feed_options(owner, **options)  # type: ignore[arg-type]
        mine = reminders.turn_feed_on(owner)
    _show(owner, mine, messages.FEED_ON, as_json)


@feed_app.command("off")
def feed_off(user: UserOption = None, as_json: JsonOption = False) -> None:
    """Turn the feed off: its address stops working (on again gives a new one)."""
    setup_django()
    from glimmers.practice import reminders

    with kind_errors():
        owner = command_line_user(user)
        mine = reminders.turn_feed_off(owner)
    _show(owner, mine, messages.FEED_OFF, as_json)


@feed_app.command("url")
def feed_url(user: UserOption = None, as_json: JsonOption = False) -> None:
    """Print the feed's address again (alone on the last line)."""
    setup_django()
    from glimmers.practice import reminders

    with kind_errors():
        owner = command_line_user(user)
        mine = reminders.reminders_of(owner, make=False)
    if not mine.feed_on and not as_json:
        fail(messages.FEED_IS_OFF)
    _show(owner, mine, messages.FEED_ON, as_json)


@feed_app.command("rotate")
def feed_rotate(user: UserOption = None, as_json: JsonOption = False) -> None:
    """A new address; the old one stops working at once."""
    setup_django()
    from glimmers.practice import reminders

    with kind_errors():
        owner = command_line_user(user)
        mine = reminders.rotate_feed(owner)
    _show(owner, mine, messages.FEED_ROTATED, as_json)
