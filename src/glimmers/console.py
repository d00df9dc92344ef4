"""The `glimmers` console script's entry point, kept apart from glimmers.cli so that the first
thing a command does is switch off the cyclic garbage collector: start-up creates many objects
that live until the process ends, and collecting among them while importing Django and Typer
is wasted time (about 20 ms of every command). glimmers.cli.setup_django switches it back on."""

import gc
import sys


def main() -> None:
    gc.disable()
    from glimmers.lib.datadir import keep_files_private

    keep_files_private()  # before anything can create a file: see glimmers.lib.datadir
    ask_before_keeping_a_typo(sys.argv[1:])
    from glimmers.cli import main as run

    run()


def ask_before_keeping_a_typo(args: list[str]) -> None:
    """A quick capture that looks like a mistyped or not-yet-built command is asked about, not
    kept (glimmers.lib.commands has the rule). Before Typer and Django load: it answers at once."""
    from glimmers.lib import commands

    asked = commands.question(args)
    if asked is None:
        return
    from glimmers import messages

    if asked.reserved:
        first = messages.NEAR_NOT_BUILT_YET if asked.typo else messages.NOT_BUILT_YET
    else:
        first = messages.DID_YOU_MEAN
    words = f"{first} {messages.KEEP_IT_INSTEAD}".format(
        command=asked.command, text=commands.as_shell_words(asked.text)
    )
    print(words, file=sys.stderr)
    raise SystemExit(2)
