"""The filter options `glimmers list` and `glimmers search` share, and the finding they share: whose
journal, the filters read into journal.search's Filters, and up to N glimmers gathered. Nothing heavy is
imported until a command runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from glimmers.accounts.cli import signed_in

if TYPE_CHECKING:
    from glimmers.accounts.models import User
    from glimmers.journal.search import Filters, Found

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
# The filter options' parameter names, the same in every command that offers them (see `find`).
FILTER_NAMES = ("since", "until", "sense", "person", "place", "tag", "glow", "before", "after")
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


def find(ctx: typer.Context, count: int, *, words: str = "", best: bool = False) -> tuple[User, Found, bool]:
    """For `list` and `search`: whose journal (`--user`), the filters given (read from the command's
    parameters by their names, FILTER_NAMES), and up to `count` glimmers; and whether there are more."""
    with signed_in(ctx.params["user"]) as owner:
        from glimmers.journal import search

        filters = make_filters(owner, **{name: ctx.params[name] for name in FILTER_NAMES})
        found, more = search.gather(owner, count, words=words, filters=filters, order="relevance" if best else "newest")
    return owner, found, more
