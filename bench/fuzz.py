"""`make fuzz`: Schemathesis against a real `glimmers serve`, on SQLite (and PostgreSQL when
GLIMMERS_TEST_DATABASE_URL is set), for FUZZ_MINUTES per database (default 10).

For each database: a fresh data folder (and database), one account and its read-write token made
with the command line, `glimmers serve` with its default workers, then `schemathesis run` on
/api/openapi.json with every check and every phase (examples, coverage, fuzzing, and stateful
through the links it finds) until the time is spent, with bench/fuzz/schemathesis.toml (the token,
and the few operations allowed a 400, each with its reason). FUZZ_SEED makes a run repeatable.
The figures (requests, failures by operation and check) go to bench/results/fuzz.md; the exit
code is 1 when anything was found.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.proofs import ROOT, Site, databases, fresh_database, write_results

CONFIG = ROOT / "bench" / "fuzz" / "schemathesis.toml"
SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")


def fuzz(kind: str, minutes: float, seed: str | None, workdir: Path) -> tuple[str, int]:
    """One database's run: its section of the results and how many failures it found."""
    with fresh_database(kind, "fuzz") as database_url:
        site = Site(workdir / kind.lower(), database_url)
        site.migrate()
        token = site.account("fuzz", "fuzzing through the night")
        site.start(log=workdir / f"serve-{kind.lower()}.log")
        report = workdir / f"report-{kind.lower()}.ndjson"
        command = [
            SCHEMATHESIS,
            "--config-file",
            str(CONFIG),
            "--no-color",
            "run",
            f"{site.url}/api/openapi.json",
            "--checks",
            "all",
            "--max-time",
            str(max(1, round(minutes * 60))),
            "--continue-on-failure",
            "--report",
            "ndjson",
            "--report-ndjson-path",
            str(report),
            "--warnings",
            "off",
        ]
        if seed:
            command += ["--seed", seed]
        if os.environ.get("FUZZ_EXAMPLES"):  # a fixed number of cases per operation: the same run on any machine
            command += ["--max-examples", os.environ["FUZZ_EXAMPLES"]]
        started = time.monotonic()
        try:
            run = subprocess.run(
                command,
                env={**os.environ, "GLIMMERS_FUZZ_TOKEN": token, "PYTHONPATH": str(ROOT)},
                cwd=workdir,  # its example database (.schemathesis/) stays with the run, not in the work tree
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            site.stop()
        took = time.monotonic() - started
    (workdir / f"schemathesis-{kind.lower()}.txt").write_text(run.stdout + run.stderr)
    requests, failures = read_report(report)
    lines = [
        f"## {kind}",
        "",
        f"{requests:,} test cases sent in {took / 60:.1f} minutes (schemathesis exit code {run.returncode}); "
        f"failures in {len(failures)} (operation, check) pairs.",
    ]
    if failures:
        lines += ["", "| operation | check | cases | for example, Glimmers answered |", "|---|---|---|---|"]
        lines += [
            f"| `{op}` | {check} ({found.title}) | {found.count} | {found.example} |"
            for (op, check), found in sorted(failures.items())
        ]
    summary = [line for line in run.stdout.splitlines() if line.strip()][-12:]
    lines += ["", "Schemathesis's own summary:", "", "```", *summary, "```"]
    print("\n".join(lines), flush=True)
    return "\n".join(lines), len(failures) or (1 if run.returncode != 0 else 0)


def read_report(path: Path) -> tuple[int, dict[tuple[str, str], Found]]:
    """Requests sent, and failures by (operation, check) with one example each, from Schemathesis's events."""
    requests = 0
    failures: dict[tuple[str, str], Found] = {}
    if not path.exists():
        return 0, failures
    for line in path.read_text().splitlines():
        scenario = json.loads(line).get("ScenarioFinished")
        if not scenario:
            continue
        recorder = scenario.get("recorder") or {}
        interactions = recorder.get("interactions") or {}
        requests += len(interactions)
        for case_id, checks in (recorder.get("checks") or {}).items():
            for check in checks:
                if check.get("status") != "failure":
                    continue
                info = (check.get("failure_info") or {}).get("failure") or {}
                key = (recorder.get("label", "?"), check.get("name", "?"))
                found = failures.setdefault(key, Found(title=str(info.get("title", ""))))
                found.count += 1
                if not found.example:  # our own check says what the probe was answered; others, the case's answer
                    message = str(info.get("message", ""))
                    ours = check.get("name") == "bad_credentials_answer_401"
                    found.example = (
                        _flat(message.split("; ", 1)[-1]) if ours else _answer(interactions.get(case_id) or {})
                    )
    return requests, failures


@dataclass
class Found:
    title: str
    count: int = 0
    example: str = ""


def _answer(interaction: dict[str, Any]) -> str:
    """The status and the start of the body Glimmers answered, for the results table."""
    response = interaction.get("response") or {}
    content = (response.get("content") or {}).get("$base64", "")
    body = base64.b64decode(content).decode("utf-8", "replace") if content else ""
    return f"{response.get('status_code', '?')} {_flat(body)}".strip()


def _flat(text: str) -> str:
    """One short line that a markdown table can hold."""
    return " ".join(text.split())[:160].replace("|", "\\|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("FUZZ_MINUTES", "10")))
    parser.add_argument("--seed", default=os.environ.get("FUZZ_SEED") or None)
    parser.add_argument("--results", default="fuzz", help="name of the results file in bench/results/")
    args = parser.parse_args()
    sections, found = [], 0
    with tempfile.TemporaryDirectory(prefix="glimmers-fuzz-") as folder:
        for kind in databases():
            section, failed = fuzz(kind, args.minutes, args.seed, Path(folder))
            sections.append(section)
            found += failed
        keep = ROOT / ".bench" / "fuzz"
        keep.mkdir(parents=True, exist_ok=True)
        for log in Path(folder).glob("*.*"):  # Schemathesis's output and the server's log, for reading later
            if log.is_file():
                (keep / log.name).write_bytes(log.read_bytes())
    seed = f" FUZZ_SEED={args.seed}" if args.seed else ""
    path = write_results(
        args.results,
        "Schemathesis against a real `glimmers serve`",
        f"FUZZ_MINUTES={args.minutes:g}{seed} make fuzz",
        sections,
    )
    print(f"Figures written to {path.relative_to(ROOT)}; full output in .bench/fuzz/")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
