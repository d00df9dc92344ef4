"""`python -m bench.fill --data-dir D --user NAME --count N`: fill an account with generated glimmers.

Prints one JSON line: how many were written and how long it took.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.django_setup import setup


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fill")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    setup(args.data_dir, web=False)

    from bench.generate import generate
    from glimmers.accounts.models import User

    user = User.objects.get(username=args.user)
    started = time.perf_counter()
    written = generate(user, args.count, seed=args.seed, years=args.years)
    print(json.dumps({"written": written, "seconds": round(time.perf_counter() - started, 2)}))


if __name__ == "__main__":
    main()
