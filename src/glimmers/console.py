"""The `glimmers` console script's entry point, kept apart from glimmers.cli so that the first
thing a command does is switch off the cyclic garbage collector: start-up creates many objects
that live until the process ends, and collecting among them while importing Django and Typer
is wasted time (about 20 ms of every command). glimmers.cli.setup_django switches it back on."""

import gc


def main() -> None:
    gc.disable()
    from glimmers.lib.datadir import keep_files_private

    keep_files_private()  # before anything can create a file: see glimmers.lib.datadir
    from glimmers.cli import main as run

    run()
