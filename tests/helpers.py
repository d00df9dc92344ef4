"""Helpers shared by the tests, defined once: the CLI in process (`invoke`), keeping a glimmer (`keep`), a
script on the JSON API (`Api`), and Glimmers run as a real process (`run_cli`, `serving`, …)."""

from __future__ import annotations

import json
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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from click.testing import Result

    from glimmers.accounts.models import User
    from glimmers.journal.models import Glimmer

GLIMMERS = [sys.executable, "-m", "glimmers"]


# --- in process -----------------------------------------------------------------------------------


def invoke(*args: str, stdin: str | None = None) -> Result:
    """Run `glimmers ARGS…` in this process (the test database), standard input from `stdin`."""
    from typer.testing import CliRunner

    from glimmers.cli import app

    return CliRunner().invoke(app, list(args), input=stdin)


def keep(user: User, text: str = "the sun on my face", **fields: Any) -> Glimmer:
    """Keep a glimmer through the journal's one path (fields as `create_glimmer` takes them)."""
    from glimmers.journal import services

    return services.create_glimmer(user, text=text, **fields)


class Api:
    """A script talking to /api/: with a Bearer token of `user`'s (read-only if asked), a given `token`,
    or nothing at all (anonymous)."""

    def __init__(self, user: User | str | None = None, *, read_only: bool = False) -> None:
        from django.test import Client

        from glimmers.accounts import services as accounts

        token = user if isinstance(user, str) or user is None else accounts.create_token(user, read_only=read_only)[1]
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api{path}", params, **self.headers)

    def send(self, method: str, path: str, body: Any = None) -> Any:
        """Any method with a JSON body (bytes or text are sent as they are; None sends nothing)."""
        data = "" if body is None else body if isinstance(body, bytes | str) else json.dumps(body)
        return getattr(self.client, method)(f"/api{path}", data, "application/json", **self.headers)

    def post(self, path: str, body: Any = None) -> Any:
        return self.send("post", path, body)

    def patch(self, path: str, body: Any) -> Any:
        return self.send("patch", path, body)

    def delete(self, path: str) -> Any:
        return self.client.delete(f"/api{path}", **self.headers)


# --- as a real process ----------------------------------------------------------------------------


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
