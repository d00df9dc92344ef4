"""`make load`: Locust, headless, against `glimmers serve` with its default workers.

For each database (SQLite, and PostgreSQL when GLIMMERS_TEST_DATABASE_URL is set): a fresh data folder,
one account per simulated person made with the command line (`user create`, `token create`), then
Locust with LOAD_PEOPLE people (default 50; bench/locustfile.py says what they do) for LOAD_MINUTES
(default 5); then the same again with one more person sending a glimmer that names 50 new people every
second. Per route: requests, errors, p50/p95/p99; beside them the CPU that Locust itself and the server
used (they share the machine's cores). Figures go to bench/results/load.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

from bench.proofs import ROOT, Site, databases, fresh_database, write_results

LOCUST = str(Path(sys.executable).parent / "locust")
LOCUSTFILE = ROOT / "bench" / "locustfile.py"


def user_classes(heavy: bool) -> list[str]:
    """The people of bench/locustfile.py this run simulates."""
    return ["WebPerson", "ApiPerson", *(["HeavyWriter"] if heavy else [])]


def make_accounts(site: Site, count: int) -> list[dict[str, str]]:
    """One account and token per person (and one for the heavy writer), made with the command line."""

    def one(number: int) -> dict[str, str]:
        name, password = f"person{number}", f"a quiet morning number {number}"
        return {"name": name, "password": password, "token": site.account(name, password)}

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, range(1, count + 2)))


def server_cpu(site: Site) -> float:
    """CPU seconds used so far by `glimmers serve` and its workers."""
    assert site.process is not None
    parent = psutil.Process(site.process.pid)
    total = 0.0
    for process in [parent, *parent.children(recursive=True)]:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def run_locust(site: Site, people: int, minutes: float, heavy: bool, accounts: Path, prefix: Path) -> dict[str, object]:
    """One headless Locust run; its per-route figures and the CPU each side used."""
    users = people + (1 if heavy else 0)
    command = [
        LOCUST,
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        site.url,
        "--users",
        str(users),
        "--spawn-rate",
        str(max(1, people // 10)),
        "--run-time",
        f"{max(1, round(minutes * 60))}s",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        *user_classes(heavy),
    ]
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_before = server_cpu(site)
    started = time.monotonic()
    done = subprocess.run(
        command, env={**os.environ, "LOAD_ACCOUNTS": str(accounts)}, capture_output=True, text=True, check=False
    )
    wall = time.monotonic() - started
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    locust_cpu = (after_children.ru_utime - before_children.ru_utime) + (
        after_children.ru_stime - before_children.ru_stime
    )
    (prefix.parent / f"{prefix.name}-output.txt").write_text(done.stdout + done.stderr)
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))  # noqa: SIM115 - read at once
    return {
        "rows": rows,
        "wall": wall,
        "locust_cpu": locust_cpu,
        "server_cpu": server_cpu(site) - server_before,
        "exit": done.returncode,
    }


def table(title: str, figures: dict[str, object], people: int, heavy: bool) -> str:
    rows = figures["rows"]
    assert isinstance(rows, list)
    wall = float(figures["wall"])  # type: ignore[arg-type]
    locust = float(figures["locust_cpu"])  # type: ignore[arg-type]
    served = float(figures["server_cpu"])  # type: ignore[arg-type]
    lines = [
        f"### {title}",
        "",
        f"{people} people{' and the heavy writer' if heavy else ''} for {wall / 60:.1f} minutes. "
        f"CPU over the run: Locust {locust:.0f} s "
        f"({locust / wall:.0%} of one core), `glimmers serve` and its workers {served:.0f} s "
        f"({served / wall:.0%} of one core), on {os.cpu_count()} cores shared with other work.",
        "",
        "| route | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "**all**"
        lines.append(
            f"| {name} | {int(row['Request Count']):,} | {int(row['Failure Count']):,} | {row['50%']} | "
            f"{row['95%']} | {row['99%']} | {float(row['Max Response Time']):.0f} |"
        )
    return "\n".join(lines)


def load(kind: str, people: int, minutes: float, workdir: Path) -> str:
    sections = [f"## {kind}"]
    with fresh_database(kind, "load") as database_url:
        site = Site(workdir / kind.lower(), database_url)
        accounts = workdir / f"accounts-{kind.lower()}.json"
        site.migrate()
        accounts.write_text(json.dumps(make_accounts(site, people)))
        site.start(log=workdir / f"serve-{kind.lower()}.log")  # its default workers
        try:
            for heavy in (False, True):
                title = "with one person sending a 50-name glimmer every second" if heavy else "everyday use"
                figures = run_locust(
                    site, people, minutes, heavy, accounts, workdir / f"{kind.lower()}-{'heavy' if heavy else 'plain'}"
                )
                section = table(title, figures, people, heavy)
                print(section, flush=True)
                sections.append(section)
        finally:
            site.stop()
    return "\n\n".join(sections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=int(os.environ.get("LOAD_PEOPLE", "50")))
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("LOAD_MINUTES", "5")))
    parser.add_argument("--results", default="load", help="name of the results file in bench/results/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="glimmers-load-") as folder:
        sections = [load(kind, args.people, args.minutes, Path(folder)) for kind in databases()]
        keep = ROOT / ".bench" / "load"
        keep.mkdir(parents=True, exist_ok=True)
        for output in Path(folder).glob("*.*"):
            if output.is_file() and not output.name.startswith("accounts"):  # never keep the tokens
                (keep / output.name).write_bytes(output.read_bytes())
    path = write_results(
        args.results,
        "Locust against `glimmers serve`: everyday use, then beside a heavy writer",
        f"LOAD_PEOPLE={args.people} LOAD_MINUTES={args.minutes:g} make load",
        sections,
    )
    print(f"Figures written to {path.relative_to(ROOT)}; Locust's output in .bench/load/")


if __name__ == "__main__":
    main()
