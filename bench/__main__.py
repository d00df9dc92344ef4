"""`make bench`: how quickly Glimmers answers as journals grow, on SQLite and PostgreSQL, beside jrnl.

For each database and size, a fresh data folder (and, on PostgreSQL, a throwaway database) is migrated,
the accounts made and filled by the seeded generator; then, for the first account, Django's handling of
the pages that matter is timed in a child process (settings are read at import, so each data folder
needs its own process), and the real `glimmers` command is timed as whole processes. jrnl, installed
from PyPI into .bench/jrnl-venv, is timed on the same entries as that account, written into its own
plain-text journal. One table per database is printed and written to bench/results/latest.md.
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
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import catalogue, jrnl

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.md"
PYTHON = sys.executable
GLIMMERS = str(Path(sys.executable).parent / "glimmers")  # the console script a person runs
SIZES = ("1000", "100000", "10x100000")
JRNL_SIZES = (1_000, 100_000)  # jrnl's own journal sizes: one person's entries
CLI_RUNS = 15
MIN_RUNS = 3  # a slow command stops after this many once its time budget is spent
CLI_BUDGET = 30.0  # seconds of timed runs per command, after which a slow one stops at MIN_RUNS
SLOW = 5.0  # a warm-up run slower than this counts as the first timed run (the cache is warm by then)
REQUESTS = 50
FILL_JOBS = 2  # fill processes side by side on PostgreSQL, one per core here
PER_DAY = 10  # a keen person's glimmers a day: the journal spans as many years as that takes (5 at least)
USER, PASSWORD, HOME_ZONE = "bench", "a long and quiet bench password", "Europe/London"
SQLITE, POSTGRESQL = "SQLite", "PostgreSQL"
NO_JRNL_KIN = {"cli_export_csv", "cli_export_markdown", "cli_backup"}  # jrnl has nothing like these to time


@dataclass(frozen=True)
class Size:
    accounts: int
    per_account: int

    @classmethod
    def parse(cls, text: str) -> Size:
        """ "100000" is one account of 100,000; "10x100000" ten accounts of 100,000 each."""
        accounts, _, per_account = text.lower().replace("×", "x").rpartition("x")
        try:
            size = cls(int(accounts or 1), int(per_account.replace("_", "").replace(",", "")))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r}: give N or ACCOUNTSxN, e.g. 1000 or 10x100000") from None
        if size.accounts < 1 or size.per_account < 1:
            raise argparse.ArgumentTypeError(f"{text!r}: sizes are at least 1")
        return size

    @property
    def total(self) -> int:
        return self.accounts * self.per_account

    @property
    def label(self) -> str:
        return f"{self.per_account:,}" if self.accounts == 1 else f"{self.accounts} × {self.per_account:,}"

    @property
    def years(self) -> int:
        return max(5, math.ceil(self.per_account / PER_DAY / 365))


@dataclass
class Row:
    key: str  # which figure: cli_add, cli_list, cli_search, cli_export, capture, today, journal, search_common, …
    what: str
    times_ms: list[float] = field(default_factory=list)
    problem: str = ""  # why there is no figure ("not built yet", a failure)
    server: bool = False  # server times show a p95


@dataclass
class Section:
    database: str
    size: Size
    rows: list[Row] = field(default_factory=list)
    fill: str = ""


class Failed(Exception):
    """A step of the bench failed: its section records why and the bench goes on."""


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Time Glimmers on SQLite (and PostgreSQL) beside jrnl."
    )
    parser.add_argument(
        "--sizes",
        type=Size.parse,
        nargs="+",
        default=[Size.parse(size) for size in SIZES],
        help="journal sizes: N (one account) or ACCOUNTSxN (default: 1000 100000 10x100000)",
    )
    parser.add_argument(
        "--databases",
        nargs="+",
        choices=("sqlite", "postgresql"),
        default=["sqlite", "postgresql"] if os.environ.get("GLIMMERS_TEST_DATABASE_URL") else ["sqlite"],
        help="default: SQLite, and PostgreSQL when GLIMMERS_TEST_DATABASE_URL is set (a throwaway database "
        "is made beside it for each size)",
    )
    parser.add_argument("--no-jrnl", action="store_true", help="leave jrnl out")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the tables")
    args = parser.parse_args()
    if "postgresql" in args.databases and not os.environ.get("GLIMMERS_TEST_DATABASE_URL"):
        parser.error("PostgreSQL needs GLIMMERS_TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/glimmers)")

    started = time.monotonic()
    load = _load_average()
    until = datetime.now(UTC).replace(second=0, microsecond=0)  # the newest glimmer: the same for jrnl
    sections: list[Section] = []
    jrnl_rows: dict[int, list[Row]] = {}
    for database in (SQLITE if name == "sqlite" else POSTGRESQL for name in args.databases):
        for size in args.sizes:
            section = Section(database, size)
            sections.append(section)
            try:
                _measure(section, until)
            except Failed as error:
                section.rows.append(Row("failed", "the bench for this size", problem=str(error)))
                _say(f"{database}, {size.label}: {error}")
            if not args.no_jrnl and size.per_account in JRNL_SIZES and size.per_account not in jrnl_rows:
                jrnl_rows[size.per_account] = _jrnl_rows(size, until)
    report = _report(sections, jrnl_rows, load, time.monotonic() - started, args.databases, until)
    print(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report)
    _say(f"written to {args.output} ({time.monotonic() - started:.0f} s in all)")


def _say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _load_average() -> str:
    path = Path("/proc/loadavg")
    return " ".join(path.read_text().split()[:3]) if path.exists() else "unknown"


def _env(data_dir: Path, database_url: str | None) -> dict[str, str]:
    """A fresh user's environment: none of the developer's Glimmers settings; this data folder and database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLIMMERS_") and k != "DATABASE_URL"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["GLIMMERS_DATA_DIR"] = str(data_dir)
    env["GLIMMERS_USER"] = USER  # the measured account, when there are several
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _run(args: list[str], env: dict[str, str], stdin: str = "", timeout: float = 600) -> str:
    try:
        done = subprocess.run(args, env=env, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failed(f"`{' '.join(args[1:4])}` took over {timeout:.0f} s") from None
    if done.returncode != 0:
        raise Failed(f"`{' '.join(args[1:4])}` failed ({done.returncode}): {_last_line(done.stderr)}")
    return done.stdout


def _last_line(text: str) -> str:
    lines = [line.strip(" │╭╮╰╯─┃┏┓┗┛━") for line in text.strip().splitlines()]
    return next((line for line in reversed(lines) if line), "no message")


@contextmanager
def _database(database: str) -> Iterator[str | None]:
    """A throwaway PostgreSQL database beside GLIMMERS_TEST_DATABASE_URL's, dropped afterwards; None for SQLite."""
    if database == SQLITE:
        yield None
        return
    import psycopg

    base = os.environ["GLIMMERS_TEST_DATABASE_URL"].rsplit("/", 1)[0]
    name = f"glimmers_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base + "/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(base + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _analyze(url: str) -> None:
    """What autovacuum does soon after a bulk load: without fresh statistics PostgreSQL's planner takes an
    account of 100,000 glimmers for a handful and reads all of them for the journal's first page."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")


def _measure(section: Section, until: datetime) -> None:
    size = section.size
    where = f"{section.database}, {size.label}"
    with tempfile.TemporaryDirectory(prefix="glimmers-bench-") as folder, _database(section.database) as url:
        data_dir = Path(folder)
        env = _env(data_dir, url)
        _say(f"{where}: preparing a fresh data folder{' and database' if url else ''}")
        _run([PYTHON, "-m", "glimmers", "migrate"], env)
        users = [USER] + [f"{USER}{number}" for number in range(2, size.accounts + 1)]
        for name in users:
            create = [PYTHON, "-m", "glimmers", "user", "create", name, "--password-stdin", "--time-zone", HOME_ZONE]
            _run(create, env, stdin=PASSWORD + "\n")
        started = time.monotonic()
        written = _fill(users, size, until, data_dir, env, jobs=FILL_JOBS if url else 1)
        if url:
            _analyze(url)
        section.fill = (
            f"{section.database}, {size.label}: {written:,} glimmers over {size.years} years "
            f"written in {time.monotonic() - started:.1f} s{', then ANALYZE' if url else ''}"
        )
        _say(section.fill)
        # Server first: its captures are removed again, while `glimmers add` keeps what it adds.
        section.rows += _server_rows(where, data_dir, env)
        section.rows += _cli_rows(where, env)


def _fill(users: list[str], size: Size, until: datetime, data_dir: Path, env: dict[str, str], *, jobs: int) -> int:
    """Fill every account with the generator, the i-th with seed i; in `jobs` processes at once (PostgreSQL
    takes writers side by side; SQLite would only make them queue)."""
    per_job = math.ceil(len(users) / jobs)
    processes = []
    for first in range(0, len(users), per_job):
        fill = [PYTHON, "-m", "bench.fill", "--data-dir", str(data_dir), "--user", *users[first : first + per_job]]
        fill += ["--count", str(size.per_account), "--seed", str(first), "--years", str(size.years)]
        fill += ["--until", until.isoformat()]
        processes.append(
            subprocess.Popen(fill, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        )
    answers = [(process, *process.communicate(timeout=3600)) for process in processes]
    for process, _out, err in answers:
        if process.returncode != 0:
            raise Failed(f"`bench.fill` failed ({process.returncode}): {_last_line(err)}")
    return sum(int(json.loads(out)["written"]) for _process, out, _err in answers)


# --- timing whole processes: our command line and jrnl's ------------------------------------------


def _time_command(
    command: Callable[[int], list[str]], env: dict[str, str], runs: int = CLI_RUNS, budget: float = CLI_BUDGET
) -> Row:
    """Run `command(i)` for i = 0, 1, …: the first run warms the disk cache (untimed, unless it took over
    SLOW seconds); then up to `runs` timed runs, fewer (MIN_RUNS at least) once `budget` seconds are spent."""
    row = Row("", "")
    index = 0
    while len(row.times_ms) < runs and (sum(row.times_ms) < budget * 1000 or len(row.times_ms) < MIN_RUNS):
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command(index),
                env=env,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                timeout=600,
            )
        except subprocess.TimeoutExpired:
            row.problem = "a run took over 600 s"
            return row
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            row.problem = f"failed (exit {done.returncode}): {_last_line(done.stderr)}"
            return row
        if index or elapsed > SLOW:
            row.times_ms.append(elapsed * 1000)
        index += 1
    return row


def _add_texts() -> list[str]:
    return [
        m.phrase[0].upper() + m.phrase[1:] + (" #morning" if i % 3 == 0 else ".")
        for i, m in enumerate(catalogue.MOMENTS)
    ]


def _commands(env: dict[str, str]) -> tuple[set[str], str]:
    """The top-level commands `glimmers` has (a word that isn't one is quick capture, so never probe by running it)."""
    probe = [PYTHON, "-c", "from glimmers.cli import command_names; print(*sorted(command_names()))"]
    done = subprocess.run(probe, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        return set(), f"the command line doesn't load: {_last_line(done.stderr)}"
    return set(done.stdout.split()), ""


def _cli_rows(where: str, env: dict[str, str]) -> list[Row]:
    """`list`, `search`, `export` and `backup` first; `add` last, since it keeps what it adds."""
    texts = _add_texts()
    names, broken = _commands(env)
    export = _export_args(env) if "export" in names else []
    out = Path(env["GLIMMERS_DATA_DIR"]).parent / f"{Path(env['GLIMMERS_DATA_DIR']).name}-out"
    out.mkdir(exist_ok=True)
    wanted: list[tuple[str, str, str, Callable[[int], list[str]]]] = [
        ("cli_list", "list", "CLI: `glimmers list -n 10`", lambda i: [GLIMMERS, "list", "-n", "10"]),
        (
            "cli_search",
            "search",
            f"CLI: `glimmers search {catalogue.COMMON_WORD}`",
            lambda i: [GLIMMERS, "search", catalogue.COMMON_WORD],
        ),
        ("cli_export", "export", "CLI: `glimmers export` (JSON)", lambda i: [GLIMMERS, *export]),
        (
            "cli_export_csv",
            "export",
            "CLI: `glimmers export --format csv -o FILE` (a zip)",
            lambda i: [GLIMMERS, "export", "--format", "csv", "-o", str(out / "export.zip")],
        ),
        (
            "cli_export_markdown",
            "export",
            "CLI: `glimmers export --format markdown`",
            lambda i: [GLIMMERS, "export", "--format", "markdown"],
        ),
        ("cli_backup", "backup", "CLI: `glimmers backup FILE`", lambda i: [GLIMMERS, "backup", str(out / "b.tar.gz")]),
        ("cli_add", "add", 'CLI: `glimmers add "…"`', lambda i: [GLIMMERS, "add", texts[i % len(texts)]]),
    ]
    rows = []
    for key, name, what, command in wanted:
        if not Path(GLIMMERS).exists():
            row = Row(key, what, problem=f"skipped: no console script at {GLIMMERS} (run `make setup-dev`)")
        elif broken:
            row = Row(key, what, problem=broken)
        elif name not in names:
            row = Row(key, what, problem="not built yet")
        else:
            _say(f"{where}: timing {what}")
            row = _time_command(command, env)
            row.key, row.what = key, what
            if key == "cli_export" and not row.problem:
                row.what += f", peak memory {_peak_memory_mb(command(0), env):.0f} MB"
        rows.append(row)
    return rows


def _peak_memory_mb(command: list[str], env: dict[str, str]) -> float:
    """The most memory (resident set) one run of `command` held, as `/usr/bin/time -v` reports it."""
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=sink, stderr=sink)
        _pid, _status, usage = os.wait4(process.pid, 0)
        process.returncode = 0
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def _export_args(env: dict[str, str]) -> list[str]:
    """`glimmers export` as JSON to standard output, in whichever form the command takes."""
    done = subprocess.run([GLIMMERS, "export", "--help"], env=env, capture_output=True, text=True, timeout=60)
    if "--format" in done.stdout:
        return ["export", "--format", "json"]
    if "--json" in done.stdout:
        return ["export", "--json"]
    return ["export"]


def _jrnl_rows(size: Size, until: datetime) -> list[Row]:
    """jrnl on the entries the generator made for the first account, in a sealed temporary HOME."""
    count = size.per_account
    what = {
        "cli_list": "`jrnl -n 10`",
        "cli_search": f"`jrnl -contains {catalogue.COMMON_WORD}`",
        "cli_export": "`jrnl --export json`",
        "cli_add": '`jrnl "…"`',
    }
    if not jrnl.installed():
        problem = f"skipped: jrnl isn't installed at {jrnl.JRNL} (`make bench` installs it)"
        return [Row(key, label, problem=problem) for key, label in what.items()]
    texts = _add_texts()
    commands: dict[str, Callable[[jrnl.JrnlHome, int], list[str]]] = {
        "cli_list": lambda home, i: home.command("-n", "10"),
        "cli_search": lambda home, i: home.command("-contains", catalogue.COMMON_WORD),
        "cli_export": lambda home, i: home.command("--export", "json"),
        "cli_add": lambda home, i: home.command(texts[i % len(texts)]),
    }
    rows = []
    with tempfile.TemporaryDirectory(prefix="glimmers-bench-jrnl-") as folder:
        home = jrnl.JrnlHome(Path(folder))
        try:
            home.configure()
            write = [PYTHON, "-m", "bench.jrnl", "--file", str(home.journal), "--count", str(count)]
            _run([*write, "--years", str(size.years), "--until", until.isoformat()], _env(Path(folder), None))
        except (Failed, subprocess.CalledProcessError) as error:
            return [Row(key, label, problem=f"couldn't prepare jrnl: {error}") for key, label in what.items()]
        for key, label in what.items():
            _say(f"jrnl, {count:,} entries: timing {label}")
            row = _time_command(lambda i, key=key: commands[key](home, i), home.env)  # type: ignore[misc]
            row.key, row.what = key, label
            rows.append(row)
    return rows


# --- the server: Django's handling of one request, in a child process on this data folder ---------

SERVER_FIGURES = (
    "capture",
    "capture_htmx",
    "today",
    "today_rituals",
    "journal",
    "journal_filtered",
    "search_common",
    "search_rare",
)


def _server_rows(where: str, data_dir: Path, env: dict[str, str]) -> list[Row]:
    _say(f"{where}: timing the server (capture, Today, the journal, filters, search)")
    args = [PYTHON, "-m", "bench.serverside", "--data-dir", str(data_dir), "--user", USER]
    try:
        measured = json.loads(_run([*args, "--requests", str(REQUESTS)], env, timeout=1800))
    except Failed as error:
        return [Row("server", "server times", problem=str(error), server=True)]
    return [
        Row(key, value["label"], value.get("ms", []), value.get("missing") or value.get("error", ""), server=True)
        for key in SERVER_FIGURES
        if (value := measured.get(key))
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


def _target(key: str, database: str, size: Size) -> tuple[float, bool] | None:
    """(milliseconds, set by an issue for exactly this case) or None when no issue names one.

    Issue 3 sets its targets with 1,000 and 100,000 glimmers in one account on SQLite; issue 4 sets its own
    at 100,000 (one account) and 1,000,000 (ten accounts) on both databases. Elsewhere the nearest target is
    shown in brackets, as a guide.
    """
    sqlite_one = database == SQLITE and size.accounts == 1 and size.total in (1_000, 100_000)
    issue4 = size.total in (100_000, 1_000_000)
    targets: dict[str, tuple[float, bool]] = {
        "cli_add": (300, sqlite_one),
        "cli_list": (300, sqlite_one),
        "cli_search": (400, size.total == 100_000),
        "cli_export": (5000, size.accounts == 1 and size.total == 100_000),  # issue 14, with ≤ 150 MB peak memory
        "capture": (20, sqlite_one),
        "capture_htmx": (20, sqlite_one),
        "today": (50, sqlite_one),
        "today_rituals": (50, size.accounts == 1 and size.total == 100_000),  # issue 15, on both databases
        "journal": (50, False),  # issue 4's filtered journal page, applied to the plain one
        "journal_filtered": (50, issue4),
        "search_common": (100 if size.total >= 1_000_000 else 30, issue4),
        "search_rare": (100 if size.total >= 1_000_000 else 30, issue4),
    }
    return targets.get(key)


def _ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def _cells(row: Row, target: tuple[float, bool] | None) -> list[str]:
    goal = "–" if target is None else (f"≤ {target[0]:.0f} ms" if target[1] else f"(≤ {target[0]:.0f} ms)")
    if row.problem and not row.times_ms:
        return ["–", "–", "–", goal, row.problem]
    median, p95 = _median(row.times_ms), _p95(row.times_ms)
    if row.problem:
        met = row.problem
    elif target is None:
        met = "–"
    elif median > target[0]:
        met = "**no**"
    else:
        met = "yes" if not row.server or p95 <= target[0] else "yes (p95 over)"
    return [str(len(row.times_ms)), _ms(median), _ms(p95), goal, met]


def _report(
    sections: list[Section],
    jrnl_rows: dict[int, list[Row]],
    load: str,
    seconds: float,
    databases: list[str],
    until: datetime,
) -> str:
    versions = f"Python {platform.python_version()} on {platform.system()} {platform.release()}, SQLite {_sqlite()}"
    if "postgresql" in databases:
        versions += f", PostgreSQL {_postgresql()}"
    if jrnl_rows and jrnl.installed():
        versions += f", {jrnl.version()} (bench/jrnl-requirements.txt)"
    lines = [
        "# Benchmark results",
        "",
        f"- When: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; the bench took {seconds / 60:.1f} minutes",
        f"- Command: {_command(databases)}",
        f"- Machine: {len(os.sched_getaffinity(0))} CPUs (nproc), {_cpu_model()}; load average at start {load}, "
        f"at the end {_load_average()}",
        f"- {versions}",
        f"- Data: the seeded generator (bench/generate.py, seed 0 for the measured account, the newest glimmer "
        f"at {until:%Y-%m-%d %H:%M} UTC); search words: “{catalogue.COMMON_WORD}” (common, about 1 glimmer in 10) "
        f"and “{catalogue.RARE_WORD}” (rare, 1 in {catalogue.RARE_EVERY:,})",
        *(f"  - {section.fill}" for section in sections if section.fill),
        "- Targets from issues 3 and 4; one in brackets is applied beyond the case its issue names, as a guide. "
        "“met” judges the median; for server times it says when the p95 is over.",
        "- jrnl: the same entries as the measured account, in jrnl's own plain-text journal, each command a whole "
        "process like ours.",
    ]
    jrnl_median = {
        (count, row.key): (_ms(_median(row.times_ms)) if row.times_ms else row.problem)
        for count, rows in jrnl_rows.items()
        for row in rows
    }
    for database in dict.fromkeys(section.database for section in sections):
        lines += [
            "",
            f"## {database}",
            "",
            "| journal | what | runs | median | p95 | target | met | jrnl, same entries (median) |",
            "|---:|---|---:|---:|---:|---:|---|---:|",
        ]
        for section in (s for s in sections if s.database == database):
            for row in section.rows:
                cells = _cells(row, _target(row.key, database, section.size))
                beside = jrnl_median.get((section.size.per_account, row.key), "–" if row.server else "not measured")
                if not row.key.startswith("cli_") or row.key in NO_JRNL_KIN:
                    beside = "–"
                lines.append(f"| {section.size.label} | {row.what} | {' | '.join(cells)} | {beside} |")
    if jrnl_rows:
        lines += ["", "## jrnl", "", "| entries | what | runs | median | p95 |", "|---:|---|---:|---:|---:|"]
        for count, rows in jrnl_rows.items():
            for row in rows:
                if row.times_ms:
                    figures = f"{len(row.times_ms)} | {_ms(_median(row.times_ms))} | {_ms(_p95(row.times_ms))}"
                else:
                    figures = f"– | {row.problem} | –"
                lines.append(f"| {count:,} | {row.what} | {figures} |")
    lines += ["", "How to read this and repeat it: docs/benchmarks.md.", ""]
    return "\n".join(lines)


def _command(databases: list[str]) -> str:
    if len(sys.argv) > 1:
        return f"`.venv/bin/python -m bench {' '.join(sys.argv[1:])}`"
    with_postgresql = " with GLIMMERS_TEST_DATABASE_URL set (PostgreSQL too)" if "postgresql" in databases else ""
    return f"`make bench`{with_postgresql}"


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


def _postgresql() -> str:
    try:
        import psycopg

        base = os.environ["GLIMMERS_TEST_DATABASE_URL"].rsplit("/", 1)[0]
        with psycopg.connect(base + "/postgres") as connection:
            row = connection.execute("SHOW server_version").fetchone()
        return str(row[0]) if row else "unknown"
    except Exception as error:  # a version line is not worth failing the bench for
        return f"unknown ({error})"


if __name__ == "__main__":
    main()
