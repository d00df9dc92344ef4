"""`glimmers user …` and `glimmers token …`: thin adapters over accounts.services."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from glimmers import messages
from glimmers.lib.cli import JsonOption, UserOption, fail, group, kind_errors, not_found, print_json, setup_django

user_app = group("user", help="Accounts on this Glimmers.")
token_app = group("token", help="Personal access tokens for scripts and the JSON API.")


def command_line_user(name: str | None):  # type: ignore[no-untyped-def]
    """The account a command acts for: --user NAME, else GLIMMERS_USER, else the only one. Every
    app's commands take their account from here."""
    from glimmers.accounts import services

    return services.user_for_command_line(name or os.environ.get("GLIMMERS_USER"))


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail(messages.PASSWORD_EMPTY)
        return password
    if not sys.stdin.isatty():
        fail(messages.PASSWORD_NEEDS_TERMINAL)
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("The same password again: ") != first:
        fail(messages.PASSWORDS_DIFFER)
    return first


def _named_user(name: str):  # type: ignore[no-untyped-def]
    from glimmers.accounts import services

    with not_found(messages.NO_SUCH_USER.format(name=name)):
        return services.user_by_name(name)


@user_app.command("create")
def user_create(
    name: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
    time_zone: Annotated[str, typer.Option("--time-zone", help="e.g. Europe/London.")] = "UTC",
) -> None:
    """Create an account."""
    setup_django()
    from glimmers.accounts import services

    password = _read_password(password_stdin)
    with kind_errors():
        user = services.create_user(name, password, time_zone=time_zone)
    typer.echo(messages.USER_CREATED.format(name=user.username))


@user_app.command("list")
def user_list(as_json: JsonOption = False) -> None:
    """List the accounts."""
    setup_django()
    from glimmers.accounts import services

    with kind_errors():
        users = services.list_users()
    if as_json:
        rows = [{"name": u.username, "time_zone": u.time_zone, "created_at": u.date_joined.isoformat()} for u in users]
        print_json(rows)
        return
    if not users:
        typer.echo(messages.NO_USERS)
        return
    for user in users:
        typer.echo(f"{user.username}\t{user.time_zone}\tsince {user.date_joined:%Y-%m-%d}")


@user_app.command("set-password")
def user_set_password(
    name: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Choose a new password for an account."""
    setup_django()
    from glimmers.accounts import services

    with kind_errors():
        user = _named_user(name)
        services.set_password(user, _read_password(password_stdin))
    typer.echo(messages.PASSWORD_SET.format(name=user.username))


@user_app.command("delete")
def user_delete(
    name: str,
    yes: Annotated[bool, typer.Option("--yes", help="Don't ask; erase at once.")] = False,
) -> None:
    """Erase an account and everything in it."""
    setup_django()
    from glimmers.accounts import services

    with kind_errors():
        user = _named_user(name)
        if not yes:
            if not sys.stdin.isatty():
                fail("To erase an account from a script, add --yes.")
            typed = typer.prompt(messages.USER_DELETE_CONFIRM.format(name=user.username), default="")
            if typed.strip() != user.username:
                typer.echo(messages.USER_DELETE_KEPT)
                raise typer.Exit(1)
        services.delete_user(user)
    typer.echo(messages.USER_DELETED.format(name=name))


@token_app.command("create")
def token_create(
    user: UserOption = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="The token can read but never change.")] = False,
    name: Annotated[str, typer.Option("--name", help="A label, e.g. the script that uses it.")] = "",
    as_json: JsonOption = False,
) -> None:
    """Make a token. It is printed once, alone on the last line."""
    setup_django()
    from glimmers.accounts import services

    with kind_errors():
        owner = command_line_user(user)
        token, plain = services.create_token(owner, name=name, read_only=read_only)
    if as_json:
        print_json({"id": token.key_id, "name": token.name, "read_only": token.read_only, "token": plain})
        return
    access = "read only" if read_only else "read and write"
    typer.echo(messages.TOKEN_CREATED.format(name=owner.username, access=access), err=True)
    typer.echo(plain)


@token_app.command("list")
def token_list(
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """List tokens (never the tokens themselves: only their short ids)."""
    setup_django()
    from glimmers.accounts import services

    with kind_errors():
        tokens = services.list_tokens(command_line_user(user))
    rows = [
        {
            "id": t.key_id,
            "name": t.name,
            "read_only": t.read_only,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
        }
        for t in tokens
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo(messages.NO_TOKENS)
        return
    for t in tokens:
        access = "read-only " if t.read_only else "read-write"
        used = f"last used {t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "not used yet"
        typer.echo(f"{t.key_id}  {access}  {t.name or '-'}\tmade {t.created_at:%Y-%m-%d}, {used}")


@token_app.command("revoke")
def token_revoke(key_id: Annotated[str, typer.Argument(metavar="ID")], user: UserOption = None) -> None:
    """Revoke a token by the short id `token list` shows."""
    setup_django()
    from glimmers.accounts import services

    with kind_errors():
        owner = command_line_user(user)
        with not_found(messages.NO_SUCH_TOKEN.format(key_id=key_id, name=owner.username)):
            services.revoke_token(owner, key_id)
    typer.echo(messages.TOKEN_REVOKED.format(key_id=key_id))
