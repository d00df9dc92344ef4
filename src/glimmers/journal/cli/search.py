"""`glimmers search WORDS`: a thin adapter over journal.search. Nothing heavy is imported until it runs."""

from __future__ import annotations

from typing import Annotated

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user
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
    make_filters,
)
from glimmers.journal.cli.output import print_found
from glimmers.lib.cli import JsonOption, UserOption, kind_errors, print_json, setup_django

search_app = typer.Typer()


@search_app.command("search")
def search_(
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
    setup_django()
    from glimmers.journal import reading, search

    with kind_errors():
        owner = command_line_user(user)
        filters = make_filters(
            owner,
            since=since,
            until=until,
            sense=sense,
            person=person,
            place=place,
            tag=tag,
            glow=glow,
            before=before,
            after=after,
        )
        found, more = search.gather(
            owner, count, words=" ".join(words), filters=filters, order="relevance" if best else "newest"
        )
    if found.words_ignored:
        typer.echo(messages.SEARCH_NO_WORDS, err=True)
    if as_json:
        print_json([reading.glimmer_as_dict(glimmer) for glimmer in found.items])
        return
    print_found(found, owner, more=more, count=count)
