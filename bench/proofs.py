"""What `make fuzz`, `make crash` and `make load` share: a real `glimmers serve` on a fresh data folder.

Each proof starts the server the way a person does (the console script, its own port, a new data
folder and, on PostgreSQL, a new database on the server of GLIMMERS_TEST_DATABASE_URL), makes its
accounts and tokens through the command line, and writes its figures to bench/results/<name>.md.
"""

from __future__ import annotations

import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
GLIMMERS = str(Path(sys.executable).parent / "glimmers")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def databases() -> list[str]:
    """SQLite always, and PostgreSQL too when GLIMMERS_TEST_DATABASE_URL names a server to use;
    PROOF_DATABASES=PostgreSQL (or SQLite) keeps to one of them."""
    kinds = ["SQLite", "PostgreSQL"] if os.environ.get("GLIMMERS_TEST_DATABASE_URL") else ["SQLite"]
    only = os.environ.get("PROOF_DATABASES", "").lower().split(",")
    return [kind for kind in kinds if kind.lower() in only] if any(only) else kinds


@contextmanager
def fresh_database(kind: str, purpose: str) -> Iterator[str | None]:
    """None for SQLite (the data folder holds it); for PostgreSQL a new database, dropped afterwards,
    named after GLIMMERS_TEST_DATABASE_URL's own (glimmers_h6 → glimmers_h6_fuzz_1a2b3c)."""
    if kind == "SQLite":
        yield None
        return
    import psycopg

    base = os.environ["GLIMMERS_TEST_DATABASE_URL"]
    server, own = base.rsplit("/", 1)
    name = f"{own}_{purpose}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Site:
    """One data folder (and database) and the environment every process for it runs with."""

    data_dir: Path
    database_url: str | None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GLIMMERS_") and k != "DATABASE_URL"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env["GLIMMERS_DATA_DIR"] = str(self.data_dir)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def cli(self, *args: str, stdin: str = "") -> str:
        """Run a `glimmers` command for this site; its standard output, or an error naming what failed."""
        result = subprocess.run(
            [GLIMMERS, *args], env=self.env, input=stdin, capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"glimmers {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def migrate(self) -> None:
        """Make the journal ready before anything else runs: the first command on a new SQLite journal
        migrates it, and two first commands at once would both try (PostgreSQL is never migrated by one)."""
        self.cli("migrate")

    def account(self, name: str, password: str, *, token: bool = True) -> str:
        """A new account; its new read-write token (printed alone on the last line) unless token=False."""
        self.cli("user", "create", name, "--password-stdin", stdin=password + "\n")
        return self.cli("token", "create", "--user", name).strip().splitlines()[-1] if token else ""

    def start(self, *args: str, log: Path | None = None) -> None:
        """`glimmers serve` in a new process group (so a kill reaches its workers too); waits for /healthz."""
        output = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - the child keeps it
        self.process = subprocess.Popen(
            [GLIMMERS, "serve", "--port", str(self.port), *args],
            env=self.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"glimmers serve stopped at start ({self.process.returncode}); see {log}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"glimmers serve did not answer within 90 s; see {log}")

    def kill(self) -> None:
        """kill -9 the server and every worker it forked, as a power cut or the OOM killer would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """A graceful stop (SIGTERM), falling back to a kill."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def machine() -> str:
    """One line about where the figures were measured."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, load average {load}"


def write_results(name: str, title: str, command: str, sections: list[str]) -> Path:
    """bench/results/<name>.md: what was run, where and when, then each database's figures."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.md"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = f"# {title}\n\n`{command}` — {stamp}\n\n{machine()}\n"
    path.write_text(head + "\n" + "\n\n".join(sections).rstrip() + "\n")
    return path
