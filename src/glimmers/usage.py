"""How the `glimmers` command answers words that a real command can't use."""

from __future__ import annotations

from typing import Any

import click
from click.exceptions import NoSuchCommand
from typer.core import TyperGroup

from glimmers import messages
from glimmers.lib import commands


class RootGroup(TyperGroup):
    """The `glimmers` group. When a command is given words it has no place for (`glimmers list the
    sun`: "Got unexpected extra arguments"; `glimmers people walked`: "No such command"), the person
    may have meant a glimmer, so the usage error also says how to keep one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["glimmers.args"] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            # Only words without a place: a bad or missing option (BadParameter, NoSuchOption) is not.
            if type(error) is click.UsageError or isinstance(error, NoSuchCommand):
                words = commands.leading_words(ctx.meta.get("glimmers.args", []))
                if len(words) > 1:  # the command's name and at least one word more
                    text = commands.as_shell_words(" ".join(words))
                    hint = messages.KEEP_IT_INSTEAD.format(text=text)
                    raise click.UsageError(f"{error.format_message()}\n{hint}", error.ctx) from None
            raise
