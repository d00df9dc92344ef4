"""`python -m bench.fill --data-dir D --user NAME [NAME …] --count N`: fill accounts with generated glimmers.

Each account gets `--count` glimmers; the first account the seed given, the next one seed + 1, and so on, so
several accounts hold different journals. `--until` (ISO 8601) fixes the newest moment, so the bench can write
the same entries for jrnl. The database is the one the environment names (DATABASE_URL, else SQLite in the
data folder). Prints one JSON line: how many were written and how long it took.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime
from pathlib import Path

from bench.django_setup import setup


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fill")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--user", nargs="+", required=True, help="the accounts to fill, each with --count glimmers")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--until", type=datetime.fromisoformat, default=None, help="the newest moment (default: now)")
    args = parser.parse_args()
    setup(args.data_dir, web=False)

    from bench.generate import generate
    from glimmers.accounts.models import User

    started = time.perf_counter()
    written = 0
    for index, name in enumerate(args.user):
        user = User.objects.get(username=name)
        written += generate(user, args.count, seed=args.seed + index, until=args.until, years=args.years)
    print(json.dumps({"written": written, "seconds": round(time.perf_counter() - started, 2)}))


if __name__ == "__main__":
    main()
