"""`glimmers search WORDS`, and the filters it shares with `glimmers list`: thin adapters over
journal.search.find_glimmers. Nothing heavy is imported until a command runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user
from glimmers.lib.cli import JsonOption, UserOption, kind_errors, print_json, setup_django

if TYPE_CHECKING:
    from glimmers.accounts.models import User
    from glimmers.journal.models import Glimmer
    from glimmers.journal.search import Filters, Found, Query

search_app = typer.Typer()

PAGE = 200  # the most journal.search.find_glimmers gives at once

FILTERS = "Filters"
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DAY",
        help="Noticed on or after this day: 2026-03-01, or words (“yesterday”, “last monday”, “3 days ago”).",
        rich_help_panel=FILTERS,
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", metavar="DAY", help="Noticed on or before this day.", rich_help_panel=FILTERS),
]
SenseFilter = Annotated[
    str | None,
    typer.Option(
        "--sense",
        metavar="SENSE",
        help="Came through this sense (sight, sound, touch, smell, taste, movement, body).",
        rich_help_panel=FILTERS,
    ),
]
PersonFilter = Annotated[
    str | None, typer.Option("--person", metavar="NAME", help="With this person.", rich_help_panel=FILTERS)
]
PlaceFilter = Annotated[
    str | None, typer.Option("--place", metavar="PLACE", help="At this place.", rich_help_panel=FILTERS)
]
TagFilter = Annotated[str | None, typer.Option("--tag", metavar="TAG", help="With this tag.", rich_help_panel=FILTERS)]
GlowFilter = Annotated[
    int | None, typer.Option("--glow", metavar="N", help="Glowing at least this much (1–5).", rich_help_panel=FILTERS)
]
BeforeFilter = Annotated[
    str | None,
    typer.Option(
        "--before",
        metavar="STATE",
        help="How you were before, in your ladder's words.",
        rich_help_panel=FILTERS,
    ),
]
AfterFilter = Annotated[
    str | None,
    typer.Option(
        "--after", metavar="STATE", help="How you were after, in your ladder's words.", rich_help_panel=FILTERS
    ),
]
CountOption = Annotated[int, typer.Option("-n", "--count", metavar="N", min=1, help="How many to show.")]


def make_filters(owner: User, **options: Any) -> Filters:
    """The filter options as journal.search's Filters (it checks them, and reads days in words, as for
    every channel)."""
    from glimmers.journal import search, services

    values = dict(options)
    before, after = values.pop("before", None), values.pop("after", None)
    if (before or "").strip() or (after or "").strip():  # the person's words are read only when asked by them
        from glimmers.journal.ladder import state_called, state_names

        names = state_names(owner)
        values["state_before"], values["state_after"] = state_called(before, names), state_called(after, names)
    return search.make_filters(values, zone=services.profile_zone(owner))


def gather(owner: User, count: int, *, words: str = "", filters: Filters, best: bool = False) -> tuple[Found, bool]:
    """Up to `count` glimmers, page after page; and whether there are more."""
    from glimmers.journal import search

    items: list[Glimmer] = []
    cursor: str | None = None
    order = "relevance" if best else "newest"
    while True:
        found = search.find_glimmers(
            owner, words=words, filters=filters, order=order, cursor=cursor, limit=min(count - len(items), PAGE)
        )
        items.extend(found.items)
        cursor = found.next_cursor
        if cursor is None or len(items) >= count:
            break
    return search.Found(items, cursor, found.query, found.narrowed, found.words_ignored), cursor is not None


def print_found(found: Found, owner: User, *, more: bool, count: int) -> None:
    from glimmers.journal.cli_output import print_rows

    if not found.items:
        typer.echo(messages.NO_MATCHES if found.searching else messages.NO_GLIMMERS)
        return
    print_rows(found.items, owner.time_zone, marked=found.query)
    if more:
        typer.echo(typer.style(messages.MORE_MATCHES.format(more=count * 2), dim=True))


def marked(line: str, query: Query | None) -> str:
    """The words of a printed line that a query word begins, in bold (plain when not on a terminal)."""
    if not query:
        return line
    from glimmers.journal.highlight import split_marked

    return "".join(typer.style(piece, bold=True) if hit else piece for piece, hit in split_marked(line, query))


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
    from glimmers.journal import services

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
        found, more = gather(owner, count, words=" ".join(words), filters=filters, best=best)
    if found.words_ignored:
        typer.echo(messages.SEARCH_NO_WORDS, err=True)
    if as_json:
        print_json([services.as_dict(glimmer) for glimmer in found.items])
        return
    print_found(found, owner, more=more, count=count)
