"""`make bench`: how quickly Glimmers answers with a small and a large journal.

For each size, a fresh data folder is migrated, an account made and filled by the generator;
then the real `glimmers` command is timed as whole processes, and Django's handling of the capture
POST and the Today page is timed in a child process (settings are read at import, so each data
folder needs its own process). The table is printed and written to bench/results/latest.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench import catalogue

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.md"
PYTHON = sys.executable
GLIMMERS = str(Path(sys.executable).parent / "glimmers")  # the console script a person runs
SIZES = (1_000, 100_000)
CLI_RUNS = 15
REQUESTS = 50
PER_DAY = 10  # a keen person's glimmers a day: the journal spans as many years as that takes (5 at least)
USER, PASSWORD = "bench", "a long and quiet bench password"


@dataclass
class Row:
    size: int
    what: str
    target_ms: float
    times_ms: list[float]
    problem: str = ""  # why there is no figure, or what went wrong


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Time Glimmers with a small and a large journal."
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="journal sizes (default: 1000 100000)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the table")
    args = parser.parse_args()
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    rows: list[Row] = []
    fills: list[str] = []
    started = time.monotonic()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="glimmers-bench-") as folder:
            data_dir = Path(folder)
            env = _env(data_dir)
            years = max(5, math.ceil(size / PER_DAY / 365))
            _say(f"{size:,} glimmers: preparing a fresh data folder")
            _run([PYTHON, "-m", "glimmers", "migrate"], env)
            create = [PYTHON, "-m", "glimmers", "user", "create", USER, "--password-stdin", "--time-zone"]
            _run([*create, "Europe/London"], env, stdin=PASSWORD + "\n")
            fill = [PYTHON, "-m", "bench.fill", "--data-dir", folder, "--user", USER, "--count", str(size)]
            filled = json.loads(_run([*fill, "--years", str(years)], env).stdout)
            fills.append(f"{size:,} glimmers over {years} years written in {filled['seconds']} s")
            _say(fills[-1])
            # Server first: its captures are removed again, while `glimmers add` keeps what it adds.
            server = _server_rows(size, data_dir, env)
            rows += _cli_rows(size, env) + server
    report = _report(rows, fills, load, time.monotonic() - started)
    print(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report)
    _say(f"written to {args.output}")


def _say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _env(data_dir: Path) -> dict[str, str]:
    """A fresh user's environment: none of the developer's Glimmers settings, this data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLIMMERS_") and k != "DATABASE_URL"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["GLIMMERS_DATA_DIR"] = str(data_dir)
    return env


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=env, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(args[1:4])} failed ({done.returncode}):\n{done.stderr}")
    return done


# --- the command line: whole processes, as a person or a script runs them -------------------------


def _cli_rows(size: int, env: dict[str, str]) -> list[Row]:
    texts = [
        m.phrase[0].upper() + m.phrase[1:] + (" #morning" if i % 3 == 0 else ".")
        for i, m in enumerate(catalogue.MOMENTS)
    ]
    add = [[GLIMMERS, "add", texts[i % len(texts)]] for i in range(CLI_RUNS + 1)]
    listing = [[GLIMMERS, "list", "-n", "10"]] * (CLI_RUNS + 1)
    return [
        _cli_row(size, 'CLI: `glimmers add "…"`, whole process', add, env),
        _cli_row(size, "CLI: `glimmers list -n 10`, whole process", listing, env),
    ]


def _cli_row(size: int, what: str, commands: list[list[str]], env: dict[str, str]) -> Row:
    row = Row(size, what, 300, [])
    if not Path(GLIMMERS).exists():
        row.problem = f"skipped: no console script at {GLIMMERS} (run `make setup-dev`)"
        return row
    probe = subprocess.run([*commands[0][:2], "--help"], env=env, capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        row.problem = f"skipped: `glimmers {commands[0][1]}` isn't there yet ({_last_line(probe.stderr)})"
        _say(row.problem)
        return row
    _say(f"{size:,}: timing {what}")
    for index, command in enumerate(commands):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        elapsed = (time.perf_counter() - started) * 1000
        if done.returncode != 0:
            row.problem = f"failed (exit {done.returncode}): {_last_line(done.stderr)}"
            return row
        if index:  # the first run only warms the disk cache
            row.times_ms.append(elapsed)
    return row


def _last_line(text: str) -> str:
    lines = [line.strip(" │╭╮╰╯─") for line in text.strip().splitlines()]
    return next((line for line in reversed(lines) if line), "no message")


# --- the server: Django's handling of one request, in a child process on this data folder ---------


def _server_rows(size: int, data_dir: Path, env: dict[str, str]) -> list[Row]:
    _say(f"{size:,}: timing the capture POST and the Today page")
    args = [PYTHON, "-m", "bench.serverside", "--data-dir", str(data_dir), "--user", USER]
    measured = json.loads(_run([*args, "--requests", str(REQUESTS)], env).stdout)
    targets = {"capture": 20, "capture_htmx": 20, "today": 50}
    return [
        Row(size, measured[key]["label"], target, measured[key]["ms"], measured[key]["error"])
        for key, target in targets.items()
        if key in measured
    ]


# --- the report -----------------------------------------------------------------------------------


def _median(times: list[float]) -> float:
    ordered = sorted(times)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _p95(times: list[float]) -> float:
    """Nearest rank: the smallest time that at least 95% of the runs were within."""
    ordered = sorted(times)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _note(row: Row) -> str:
    if row.problem:
        return row.problem
    median, p95 = _median(row.times_ms), _p95(row.times_ms)
    if p95 <= row.target_ms:
        return "meets target"
    if median <= row.target_ms:
        return "median meets target; p95 over"
    return "**over target**"


def _report(rows: list[Row], fills: list[str], load: list[str], seconds: float) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"- When: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (the bench took {seconds:.0f} s)",
        f"- Machine: {len(os.sched_getaffinity(0))} CPUs (nproc), {_cpu_model()}, load average at start "
        + (" ".join(load) or "unknown"),
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}, SQLite {_sqlite()}",
        f"- Data: {'; '.join(fills)} (bench/generate.py, seed 0)",
        "",
        "| glimmers | what | runs | median | p95 | target | note |",
        "|---:|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if row.times_ms:
            figures = f"{len(row.times_ms)} | {_median(row.times_ms):.1f} ms | {_p95(row.times_ms):.1f} ms"
        else:
            figures = "– | – | –"
        lines.append(f"| {row.size:,} | {row.what} | {figures} | ≤ {row.target_ms:.0f} ms | {_note(row)} |")
    lines += ["", "How to read this: docs/benchmarks.md.", ""]
    return "\n".join(lines)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _sqlite() -> str:
    import sqlite3

    return sqlite3.sqlite_version


if __name__ == "__main__":
    main()
