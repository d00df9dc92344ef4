"""`glimmers people|places|tags list|show|add|rename|merge|archive|edit`: thin adapters over journal.names.

People, places and tags are named on the command line by their name (any case) or id. Someone else's
and a missing one get the same answer. One factory builds the three groups.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user, signed_in
from glimmers.journal.kinds import ONE
from glimmers.lib.cli import (
    JsonOption,
    UserOption,
    fail,
    given,
    kind_errors,
    not_found,
    plural,
    print_json,
    setup_django,
)
from glimmers.lib.cli import group as named_group

HELP = {
    "people": "People (pets count) who were part of your glimmers.",
    "places": "Places where glimmers found you.",
    "tags": "Tags on your glimmers (#tags in the text, and --tag).",
}
NameArgument = Annotated[str, typer.Argument(metavar="NAME", help="The name (any case) or the id.")]


@contextmanager
def _known(kind: str, name: str) -> Iterator[None]:
    with not_found(messages.NO_SUCH_NAME.format(one=ONE[kind], name=name.strip(), kind=kind)):
        yield


def _counts(row: Any) -> str:
    if not row.glimmers:
        return ""
    words = f"{row.glimmers} {plural(row.glimmers)}"
    if row.lifted:
        words += f" · up the ladder {row.lifted} of {row.noted}"
    return words


def _shown(kind: str, name: str) -> str:
    return f"#{name}" if kind == "tags" else name


def _group(kind: str) -> typer.Typer:
    group = named_group(kind, help=HELP[kind])
    one = ONE[kind]

    @group.command("list", help=f"Your {kind}, by name, with how many glimmers came with each.")
    def list_(
        archived: Annotated[bool, typer.Option("--archived", help="List the archived ones instead.")] = False,
        user: UserOption = None,
        as_json: JsonOption = False,
    ) -> None:
        with signed_in(user) as owner:
            from glimmers.journal import names, reading

            rows, cursor = [], None
            while True:
                page = names.list_names(owner, kind, archived=archived, cursor=cursor, limit=500)
                rows += page.items
                if (cursor := page.next_cursor) is None:
                    break
        if as_json:
            print_json([reading.name_as_dict(row, kind) for row in rows])
            return
        if not rows:
            typer.echo(messages.NAMES_ARCHIVED_EMPTY if archived else messages.NAMES_EMPTY[kind])
            return
        width = min(30, max(len(_shown(kind, row.thing.name)) for row in rows))
        for row in rows:
            counts = _counts(row)
            line = f"{_shown(kind, row.thing.name):<{width}}"
            typer.echo(f"{line}  {typer.style(counts, dim=True)}" if counts else line)

    @group.command("show", help=f"One {one}: what came with them, and their latest glimmers.")
    def show(
        name: NameArgument,
        count: Annotated[int, typer.Option("-n", "--count", metavar="N", min=1, help="How many glimmers.")] = 10,
        user: UserOption = None,
        as_json: JsonOption = False,
    ) -> None:
        setup_django()
        from glimmers.journal import names, reading, search
        from glimmers.journal.cli.output import print_rows

        with kind_errors(), _known(kind, name):
            owner = command_line_user(user)
            row = names.counted(owner, kind, name)
            found = search.find_glimmers(owner, filters=search.about(kind, row.thing), limit=count)
        if as_json:
            print_json(reading.name_as_dict(row, kind) | {"latest": [reading.glimmer_as_dict(g) for g in found.items]})
            return
        thing = row.thing
        typer.echo(typer.style(_shown(kind, thing.name), bold=True))
        if thing.note:
            typer.echo(thing.note)
        typer.echo(_counts(row).split(" · ")[0] if row.glimmers else messages.NAME_NO_GLIMMERS.format(name=thing.name))
        if row.lifted:
            typer.echo(messages.NAME_LIFTED.format(noted=row.noted, lifted=row.lifted))
        if not thing.resurface:
            typer.echo(messages.NAME_NOT_BROUGHT_BACK.format(name=thing.name))
        if kind != "tags" and thing.archived:
            typer.echo(messages.NAME_ARCHIVED.format(name=thing.name))
        if found.items:
            typer.echo("")
            print_rows(found.items, owner.time_zone)

    @group.command("rename", help=f"Give a {one} a new name, on every glimmer.")
    def rename(
        name: NameArgument,
        new_name: Annotated[str, typer.Argument(metavar="NEW_NAME", help="The new name.")],
        user: UserOption = None,
        as_json: JsonOption = False,
    ) -> None:
        setup_django()
        from glimmers.journal import names, reading

        with kind_errors(), _known(kind, name):
            owner = command_line_user(user)
            old = names.get_name(owner, kind, name).name
            try:
                thing = names.rename(owner, kind, name, new_name)
            except names.NameTaken as taken:
                fail(
                    messages.NAME_TAKEN_MERGE.format(
                        other=taken.other.name, kind=kind, source=_quoted(old), target=_quoted(taken.other.name)
                    )
                )
        if as_json:
            print_json(reading.name_as_dict(names.counted(owner, kind, thing.uuid), kind))
            return
        typer.echo(messages.NAME_RENAMED.format(old=old, new=thing.name))

    @group.command("merge", help=f"Make two {kind} one: NAME's glimmers go to INTO, under its name; NAME goes.")
    def merge(
        name: NameArgument,
        into: Annotated[str, typer.Argument(metavar="INTO", help="The one to keep (name or id).")],
        user: UserOption = None,
        as_json: JsonOption = False,
    ) -> None:
        setup_django()
        from glimmers.journal import names, reading

        with kind_errors(), _known(kind, name):
            owner = command_line_user(user)
            source = names.get_name(owner, kind, name).name
            with _known(kind, into):
                kept = names.merge(owner, kind, name, into)
            row = names.counted(owner, kind, kept.uuid)
        if as_json:
            print_json(reading.name_as_dict(row, kind))
            return
        typer.echo(
            messages.NAMES_MERGED.format(
                source=source, into=kept.name, count=row.glimmers, glimmers=plural(row.glimmers)
            )
        )

    @group.command("edit", help=f"Change a {one}'s note, or whether Glimmers may bring them back unasked.")
    def edit(
        name: NameArgument,
        note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A new note (“” clears it).")] = None,
        resurface: Annotated[
            bool | None,
            typer.Option(
                "--resurface/--no-resurface", help="May the kit, “on this day” and e-mails bring them back unasked?"
            ),
        ] = None,
        user: UserOption = None,
        as_json: JsonOption = False,
    ) -> None:
        changes = given(note=note, resurface=resurface)
        if not changes:
            fail(messages.NAME_NOTHING_TO_CHANGE, code=2)
        setup_django()
        from glimmers.journal import names, reading

        with kind_errors(), _known(kind, name):
            owner = command_line_user(user)
            thing = names.update_name(owner, kind, name, **changes)
        if as_json:
            print_json(reading.name_as_dict(names.counted(owner, kind, thing.uuid), kind))
            return
        typer.echo(messages.NAME_SAVED.format(name=thing.name))

    if kind == "tags":
        return group

    @group.command("add", help=f"Add a {one} before any glimmer names them.")
    def add(
        name: Annotated[str, typer.Argument(metavar="NAME", help="The name.")],
        note: Annotated[str, typer.Option("--note", metavar="TEXT", help="A note of your own.")] = "",
        no_resurface: Annotated[
            bool, typer.Option("--no-resurface", help="Never bring them back unasked (kit, “on this day”, e-mails).")
        ] = False,
        user: UserOption = None,
        as_json: JsonOption = False,
    ) -> None:
        with signed_in(user) as owner:
            from glimmers.journal import names, reading

            try:
                thing = names.add_name(owner, kind, name, note=note, resurface=not no_resurface)
            except names.NameTaken as taken:
                fail(messages.NAME_TAKEN.format(name=taken.other.name))
        if as_json:
            print_json(reading.name_as_dict(names.counted(owner, kind, thing.uuid), kind))
            return
        typer.echo(messages.NAME_ADDED.format(name=thing.name))

    @group.command("archive", help=f"Keep a {one} on past glimmers but out of lists and pickers.")
    def archive(
        name: NameArgument,
        undo: Annotated[bool, typer.Option("--undo", help="Bring them back into the lists.")] = False,
        user: UserOption = None,
    ) -> None:
        setup_django()
        from glimmers.journal import names

        with kind_errors(), _known(kind, name):
            thing = names.update_name(command_line_user(user), kind, name, archived=not undo)
        template = messages.NAME_UNARCHIVED if undo else messages.NAME_ARCHIVED
        typer.echo(template.format(name=thing.name))

    return group


def _quoted(name: str) -> str:
    import shlex

    return shlex.quote(name)


people_app = _group("people")
places_app = _group("places")
tags_app = _group("tags")
