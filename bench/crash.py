"""`make crash`: nothing acknowledged is lost when the server dies mid-write.

For each database (SQLite, and PostgreSQL when GLIMMERS_TEST_DATABASE_URL is set): `glimmers serve`
on a fresh data folder, two API writers (each with the account's read-write token) and one command-
line writer (`glimmers add`, straight into the same journal) keep writing glimmers with unique words,
while the server and all its workers are killed with SIGKILL at random moments (CRASH_KILLS times,
default 50) and started again. Afterwards every glimmer whose write was answered 2xx (or whose
command exited 0) must be in the journal and be found by full-text search, and on SQLite
`PRAGMA integrity_check` and FTS5's own integrity check must both answer ok. Figures go to
bench/results/crash.md; the exit code is 1 when anything acknowledged was lost or a check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.proofs import GLIMMERS, ROOT, Site, databases, fresh_database, write_results


@dataclass
class Tally:
    """What one writer sent and what it was told."""

    acknowledged: list[str] = field(default_factory=list)
    refused: int = 0  # the server was down or answered an error: not acknowledged, may or may not be kept
    lock: threading.Lock = field(default_factory=threading.Lock)


def mark(writer: str, number: int) -> str:
    """A word no other glimmer has, of letters only (search splits "a12" into "a" and "12")."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = chr(ord("a") + digit) + letters
        if number == 0:
            return f"crash{writer}x{letters}"


def api_writer(site: Site, token: str, name: str, tally: Tally, stop: threading.Event) -> None:
    number = 0
    while not stop.is_set():
        number += 1
        word = mark(name, number)
        body = json.dumps({"text": f"The kettle sang {word}"}).encode()
        request = urllib.request.Request(
            f"{site.url}/api/glimmers",
            data=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                if 200 <= answer.status < 300:
                    with tally.lock:
                        tally.acknowledged.append(word)
                    continue
        except (OSError, urllib.error.HTTPError):
            pass
        with tally.lock:
            tally.refused += 1
        time.sleep(0.05)  # the server is restarting: try again shortly


def cli_writer(site: Site, tally: Tally, stop: threading.Event) -> None:
    number = 0
    while not stop.is_set():
        number += 1
        word = mark("cli", number)
        done = subprocess.run(
            [GLIMMERS, "add", f"Birdsong at the window {word}"], env=site.env, capture_output=True, check=False
        )
        with tally.lock:
            if done.returncode == 0:
                tally.acknowledged.append(word)
            else:
                tally.refused += 1


def stored_words(site: Site, acknowledged: set[str]) -> tuple[set[str], set[str], list[str]]:
    """The crash words in the journal, the acknowledged ones full-text search finds, and the checks' answers."""
    query = "SELECT text FROM journal_glimmer WHERE deleted_at IS NULL"
    if site.database_url is None:
        with sqlite3.connect(site.data_dir / "glimmers.sqlite3") as db:
            texts = [row[0] for row in db.execute(query)]
            match = "SELECT 1 FROM journal_glimmer_fts WHERE journal_glimmer_fts MATCH ?"
            indexed = {word for word in acknowledged if db.execute(match, (f'"{word}"',)).fetchone()}
            checks = ["PRAGMA integrity_check: " + ", ".join(row[0] for row in db.execute("PRAGMA integrity_check"))]
            try:  # with rank 1, FTS5 also compares the index with the glimmers' own text
                db.execute("INSERT INTO journal_glimmer_fts(journal_glimmer_fts, rank) VALUES ('integrity-check', 1)")
                checks.append("FTS5 integrity-check: ok")
            except sqlite3.DatabaseError as error:
                checks.append(f"FTS5 integrity-check: {error}")
    else:
        import psycopg

        with psycopg.connect(site.database_url) as db:
            texts = [row[0] for row in db.execute(query)]
            match = "SELECT 1 FROM journal_glimmer WHERE search_vector @@ to_tsquery('simple', %s)"
            indexed = {word for word in acknowledged if db.execute(match, (word,)).fetchone()}
            checks = []  # PostgreSQL checks its own pages; the rows and the search index are checked above
    return {text.rsplit(" ", 1)[-1] for text in texts}, indexed, checks


def crash(kind: str, kills: int, seed: int, workdir: Path) -> tuple[str, bool]:
    chance = random.Random(seed)
    with fresh_database(kind, "crash") as database_url:
        site = Site(workdir / kind.lower(), database_url)
        site.migrate()
        token = site.account("crash", "kettle song at dawn")
        log = workdir / f"serve-{kind.lower()}.log"
        site.start(log=log)
        tally, stop = Tally(), threading.Event()
        writers = [
            threading.Thread(target=api_writer, args=(site, token, name, tally, stop), daemon=True)
            for name in ("a", "b")
        ]
        writers.append(threading.Thread(target=cli_writer, args=(site, tally, stop), daemon=True))
        started = time.monotonic()
        for writer in writers:
            writer.start()
        for number in range(1, kills + 1):
            time.sleep(chance.uniform(0.5, 4.0))  # after the server answers again
            site.kill()
            print(f"{kind}: kill {number}/{kills}, {len(tally.acknowledged)} writes acknowledged so far", flush=True)
            site.start(log=log)
        time.sleep(1)
        stop.set()
        for writer in writers:
            writer.join(timeout=60)
        site.stop()
        took = time.monotonic() - started
        acknowledged = set(tally.acknowledged)
        words, indexed, checks = stored_words(site, acknowledged)
    lost = sorted(acknowledged - words)
    unsearchable = sorted(acknowledged - indexed)
    unacknowledged_kept = len(words - acknowledged)
    ok = not lost and not unsearchable and all(check.endswith(": ok") for check in checks)
    lines = [
        f"## {kind}",
        "",
        "| | |",
        "|---|---|",
        f"| kills (SIGKILL to serve and its workers) | {kills} in {took:.0f} s |",
        f"| writes acknowledged (API 2xx, CLI exit 0) | {len(acknowledged):,} "
        f"({sum(not word.startswith('crashcli') for word in acknowledged):,} through the API) |",
        f"| acknowledged and lost | **{len(lost)}** |",
        f"| acknowledged but not found by search | **{len(unsearchable)}** |",
        f"| attempts refused or cut off (server down or restarting) | {tally.refused:,} |",
        f"| writes kept whose answer was lost with the server | {unacknowledged_kept:,} |",
        *[f"| {check.split(': ', 1)[0]} | {check.split(': ', 1)[1]} |" for check in checks],
    ]
    if lost or unsearchable:
        lines += ["", f"Lost: {lost[:20]}", f"Not searchable: {unsearchable[:20]}"]
    print("\n".join(lines), flush=True)
    return "\n".join(lines), ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=int(os.environ.get("CRASH_KILLS", "50")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("CRASH_SEED", "13")))
    args = parser.parse_args()
    sections, ok = [], True
    with tempfile.TemporaryDirectory(prefix="glimmers-crash-") as folder:
        for kind in databases():
            section, fine = crash(kind, args.kills, args.seed, Path(folder))
            sections.append(section)
            ok = ok and fine
    path = write_results(
        "crash",
        "Writes through `kill -9`: nothing acknowledged is lost",
        f"CRASH_KILLS={args.kills} CRASH_SEED={args.seed} make crash",
        sections,
    )
    print(f"Figures written to {path.relative_to(ROOT)}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
