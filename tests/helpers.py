"""Small helpers shared by tests that run Glimmers as a real process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

GLIMMERS = [sys.executable, "-m", "glimmers"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment a fresh user would have: none of the developer's Glimmers settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLIMMERS_") and k != "DATABASE_URL"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["GLIMMERS_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def run_cli(
    args: list[str], env: dict[str, str], stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*GLIMMERS, *args], env=env, input=stdin, capture_output=True, text=True, timeout=timeout, check=False
    )


@contextmanager
def fresh_database_url() -> Iterator[str | None]:
    """A new, empty PostgreSQL database for a process under test when the suite runs on
    PostgreSQL; None (SQLite in the data folder) otherwise."""
    base = os.environ.get("GLIMMERS_TEST_DATABASE_URL")
    if not base:
        yield None
        return
    import psycopg

    name = f"glimmers_proc_{uuid.uuid4().hex[:12]}"
    admin = base.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Server:
    """`glimmers serve` running in a child process; a thread keeps reading what it prints."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process, self.url = process, url
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def output(self) -> str:
        self._reader.join(timeout=10)
        return "\n".join(self.lines)

    @property
    def first_run_link(self) -> str:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if "/welcome/" in line:
                    return line.strip()
            time.sleep(0.05)
        raise AssertionError("glimmers serve printed no welcome link:\n" + "\n".join(self.lines))


@contextmanager
def serving(
    data_dir: Path, *args: str, env_extra: dict[str, str] | None = None, database_url: str | None = None
) -> Iterator[Server]:
    """Serve a new data folder; on PostgreSQL, a new database too (or `database_url`, when given)."""
    port = free_port()
    with nullcontext(database_url) if database_url else fresh_database_url() as database_url:
        extra = dict(env_extra or {})
        if database_url:
            extra["DATABASE_URL"] = database_url
        env = clean_env(data_dir, **extra)
        process = subprocess.Popen(
            [*GLIMMERS, "serve", "--port", str(port), "--workers", "1", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        running = Server(process, f"http://127.0.0.1:{port}")
        try:
            wait_for(f"{running.url}/healthz", running)
            yield running
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_for(url: str, running: Server, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise AssertionError(f"glimmers serve stopped early ({running.process.returncode}):\n{running.output()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {timeout} s")


@contextmanager
def serving_with_account(
    data_dir: Path, name: str, password: str, env_extra: dict[str, str] | None = None
) -> Iterator[Server]:
    """`glimmers serve` on a data folder (and database) that already has one account."""
    with fresh_database_url() as database_url:
        env = clean_env(data_dir, **({"DATABASE_URL": database_url} if database_url else {}), **(env_extra or {}))
        for args, stdin in ((["migrate"], ""), (["user", "create", name, "--password-stdin"], password + "\n")):
            result = run_cli(args, env, stdin=stdin)
            assert result.returncode == 0, result.stderr
        with serving(data_dir, database_url=database_url, env_extra=env_extra) as running:
            yield running
