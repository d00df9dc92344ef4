"""`glimmers search WORDS`: a thin adapter over journal.search. Nothing heavy is imported until it runs."""

from __future__ import annotations

from typing import Annotated

import typer

from glimmers import messages
from glimmers.journal.cli.filters import (
    AfterFilter,
    BeforeFilter,
    CountOption,
    FromOption,
    GlowFilter,
    PersonFilter,
    PlaceFilter,
    SenseFilter,
    TagFilter,
    ToOption,
    find,
)
from glimmers.journal.cli.output import print_found
from glimmers.lib.cli import JsonOption, UserOption, print_json

search_app = typer.Typer()


@search_app.command("search")
def search_(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS",
            help="Words to find (“sun” finds “sunset” too); quote a phrase: '\"sun on my face\"'.",
        ),
    ],
    since: FromOption = None,
    until: ToOption = None,
    sense: SenseFilter = None,
    person: PersonFilter = None,
    place: PlaceFilter = None,
    tag: TagFilter = None,
    glow: GlowFilter = None,
    before: BeforeFilter = None,
    after: AfterFilter = None,
    best: Annotated[bool, typer.Option("--best", help="Best match first (default: newest first).")] = False,
    count: CountOption = 10,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find glimmers by their words, why they mattered, and their people, places and tags."""
    owner, found, more = find(ctx, count, words=" ".join(words), best=best)
    from glimmers.journal import reading

    if found.words_ignored:
        typer.echo(messages.SEARCH_NO_WORDS, err=True)
    if as_json:
        print_json([reading.glimmer_as_dict(glimmer) for glimmer in found.items])
        return
    print_found(found, owner, more=more, count=count)
    from glimmers.lib import hooks

    # What else holds the words, from apps above the journal (the ladder's landmark stories), by name.
    elsewhere = hooks.ask("search_elsewhere", owner, sorted(found.query.words)) or []
    if elsewhere:
        typer.echo(typer.style(messages.SEARCH_ELSEWHERE.format(names=", ".join(elsewhere)), dim=True))
