"""jrnl beside us: the same entries in jrnl's own plain-text journal, and a sealed place to run jrnl in.

jrnl (https://jrnl.sh, installed by `make bench` into .bench/jrnl-venv from bench/jrnl-requirements.txt, pinned
with hashes) keeps a journal as one text file, an entry per block::

    [2025-06-01 08:30] The first sip of coffee.
    Body lines, if any.

    [2025-06-01 18:05] Rain on the window.

`python -m bench.jrnl --file F --count N --years Y --until ISO` writes the entries the generator makes for the
first account (seed 0): each glimmer's text at its local time, in its own zone, as a person would have typed
it into jrnl there. `JrnlHome` gives jrnl a config file and a HOME and XDG folders of its own in a temporary
folder, so nothing touches the real home.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".bench" / "jrnl-venv"
JRNL = VENV / "bin" / "jrnl"
TIME_FORMAT = "%Y-%m-%d %H:%M"  # jrnl's `timeformat`: the stamp between the brackets

# Written with jrnl's own defaults (jrnl.config.get_default_config), so jrnl never asks to "upgrade" it.
_CONFIGURE = """
import sys
from jrnl.config import get_default_config, save_config
config = get_default_config()
config["journals"]["default"]["journal"] = sys.argv[2]
config.update(editor="", encrypt=False, highlight=False, timeformat=sys.argv[3])
save_config(config, sys.argv[1])
"""


def write_journal(path: Path, count: int, *, years: int, until: datetime, seed: int = 0) -> int:
    """The generator's glimmers as jrnl entries, oldest first; returns how many were written.

    Needs Django set up (the generator uses the journal's models' constants), not a database.
    """
    from bench.generate import glimmer_values

    written = 0
    with path.open("w", encoding="utf-8") as journal:
        for values in glimmer_values(count, seed=seed, until=until, years=years):
            local = values.noticed_at.astimezone(ZoneInfo(values.time_zone))
            journal.write(f"[{local.strftime(TIME_FORMAT)}] {values.text}\n\n")
            written += 1
    return written


class JrnlHome:
    """A temporary HOME with jrnl's config and journal in it; `command` and `env` run jrnl there."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.home = folder / "home"
        self.config = folder / "jrnl.yaml"
        self.journal = folder / "journal.txt"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",  # jrnl never reaches a real keyring
            "TERM": "dumb",
        }

    def configure(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(VENV / "bin" / "python"), "-c", _CONFIGURE, str(self.config), str(self.journal), TIME_FORMAT],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=60,
        )

    def command(self, *args: str) -> list[str]:
        return [str(JRNL), "--config-file", str(self.config), *args]


def installed() -> bool:
    return JRNL.exists()


def version() -> str:
    with tempfile.TemporaryDirectory(prefix="glimmers-bench-jrnl-") as folder:
        home = JrnlHome(Path(folder))
        done = subprocess.run(
            [str(JRNL), "--version"], env=home.env, capture_output=True, text=True, timeout=60, check=False
        )
    return done.stdout.strip().splitlines()[0] if done.returncode == 0 and done.stdout.strip() else "jrnl"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.jrnl", description="Write the generator's entries for jrnl.")
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--until", type=datetime.fromisoformat, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="glimmers-bench-") as folder:
        from bench.django_setup import setup

        setup(Path(folder), web=False)  # the models' constants, no database
        print(write_journal(args.file, args.count, years=args.years, until=args.until))


if __name__ == "__main__":
    main()
