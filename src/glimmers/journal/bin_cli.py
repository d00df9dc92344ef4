"""`glimmers bin list|restore|erase|purge`: recently deleted glimmers. Thin adapters over journal.services."""

from __future__ import annotations

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user
from glimmers.journal.cli import LIST_PAGE, IdArgument, _check_id, _looking_for
from glimmers.journal.cli_output import print_rows, summary
from glimmers.lib.cli import JsonOption, UserOption, group, kind_errors, plural, print_json, setup_django

bin_app = group("bin", help="Recently deleted glimmers: each stays 30 days, then it is erased.")


@bin_app.command("list")
def bin_list(user: UserOption = None, as_json: JsonOption = False) -> None:
    """What is in the bin, most recently deleted first, and when each will be erased."""
    setup_django()
    from glimmers.journal import services

    with kind_errors():
        owner = command_line_user(user)
        glimmers = services.list_glimmers(owner, binned=True, limit=LIST_PAGE).items
    if as_json:
        rows = []
        for glimmer in glimmers:
            assert glimmer.deleted_at is not None
            row = services.as_dict(glimmer)
            row["deleted_at"] = glimmer.deleted_at.isoformat()
            row["erased_after"] = services.bin_expires_on(glimmer).isoformat()
            rows.append(row)
        print_json(rows)
        return
    if not glimmers:
        typer.echo(messages.BIN_EMPTY)
        return
    typer.echo(messages.BIN_HEADER)
    print_rows(glimmers, owner.time_zone, binned=True)
    if len(glimmers) == LIST_PAGE:
        typer.echo(typer.style(messages.BIN_SHOWS_NEWEST.format(count=LIST_PAGE), dim=True))


@bin_app.command("restore")
def bin_restore(glimmer_id: IdArgument, user: UserOption = None) -> None:
    """Bring a glimmer back from the bin."""
    _check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), _looking_for(glimmer_id, binned=True):
        glimmer = services.restore_glimmer(command_line_user(user), glimmer_id)
    typer.echo(messages.GLIMMER_RESTORED.format(**summary(glimmer)))


@bin_app.command("erase")
def bin_erase(glimmer_id: IdArgument, user: UserOption = None) -> None:
    """Erase one glimmer from the bin now, for good."""
    _check_id(glimmer_id)
    setup_django()
    from glimmers.journal import services

    with kind_errors(), _looking_for(glimmer_id, binned=True):
        owner = command_line_user(user)
        erased = summary(services.get_glimmer(owner, glimmer_id, binned=True))
        services.delete_forever(owner, glimmer_id)
    typer.echo(messages.GLIMMER_ERASED.format(**erased))


@bin_app.command("purge")
def bin_purge(as_json: JsonOption = False) -> None:
    """Erase, for every account, what has been in the bin for more than 30 days (`serve` does it at start)."""
    setup_django()
    from glimmers.journal import services

    with kind_errors():
        count = services.purge_bin()
    if as_json:
        print_json({"erased": count})
        return
    if count:
        typer.echo(messages.BIN_PURGED.format(count=count, glimmers=plural(count)))
    else:
        typer.echo(messages.BIN_NOTHING_TO_PURGE)
