"""`glimmers serve` and the command line as real processes, the way people run them."""

from __future__ import annotations

import signal
import socket
import stat
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from glimmers import server
from tests.helpers import clean_env, fresh_database_url, run_cli, serving


def test_serve_starts_on_a_new_data_folder_and_stops_on_sigterm(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    with serving(data) as running:
        with urllib.request.urlopen(f"{running.url}/healthz") as response:
            assert response.read() == b"ok\n"
        assert running.first_run_link.startswith(f"{running.url}/welcome/")
        assert stat.S_IMODE((data / "secret_key").stat().st_mode) == 0o600
        with urllib.request.urlopen(f"{running.url}/static/glimmers/app.css") as response:
            assert response.status == 200  # whitenoise serves static files
        started = time.monotonic()
        running.process.send_signal(signal.SIGTERM)
        assert running.process.wait(timeout=15) == 0
        assert time.monotonic() - started < 12
        token = running.first_run_link.rstrip("/").rsplit("/", 1)[1]
        assert running.output().count(token) == 1  # printed once, in the link, and never logged


def test_serve_explains_a_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli(["serve", "--port", str(port)], clean_env(tmp_path))
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr


def test_no_migrate_skips_migrations(tmp_path: Path) -> None:
    with fresh_database_url() as database_url:
        env = clean_env(tmp_path, **({"DATABASE_URL": database_url} if database_url else {}))
        assert run_cli(["migrate"], env).returncode == 0
        with (
            serving(tmp_path, "--no-migrate", database_url=database_url) as running,
            urllib.request.urlopen(f"{running.url}/healthz") as response,
        ):
            assert response.status == 200


def test_a_spent_welcome_link_is_answered_kindly(tmp_path: Path) -> None:
    with serving(tmp_path) as running:
        link = running.first_run_link
        with urllib.request.urlopen(link) as response:
            assert b"Welcome to Glimmers" in response.read()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{running.url}/welcome/not-a-real-token/")
        assert refused.value.code == 410
        assert b"no longer works" in refused.value.read()
    assert "Gone" not in running.output()  # a 4xx is the visitor's business: not logged at all
    assert "not-a-real-token" not in running.output()


def test_non_loopback_addresses_are_recognised() -> None:
    assert server.is_loopback("127.0.0.1") and server.is_loopback("::1") and server.is_loopback("localhost")
    assert not server.is_loopback("0.0.0.0") and not server.is_loopback("192.0.2.1")
    assert server.url_for("::1", 8000) == "http://[::1]:8000"


def test_the_cli_works_before_serve_has_ever_run(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    created = run_cli(["user", "create", "sam", "--password-stdin"], env, stdin="kettle song at dawn\n")
    assert created.returncode == 0, created.stderr
    listed = run_cli(["user", "list"], env)
    assert listed.returncode == 0 and listed.stdout.startswith("sam\t")


def test_usage_errors_exit_2_and_user_errors_exit_1(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create"], env).returncode == 2
    missing = run_cli(["token", "create"], env)
    assert missing.returncode == 1
    assert "no account yet" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_ctrl_c_stops_serve_cleanly(tmp_path: Path) -> None:
    with serving(tmp_path) as running:
        running.process.send_signal(signal.SIGINT)
        assert running.process.wait(timeout=15) == 0
        assert "Traceback" not in running.output()


def test_make_run_serves_on_the_port_and_host_asked_for() -> None:
    root = Path(__file__).resolve().parents[1]

    def serve_line(*variables: str) -> str:
        done = subprocess.run(
            ["make", "-n", "run", *variables], cwd=root, capture_output=True, text=True, timeout=60, check=True
        )
        return next(line for line in done.stdout.splitlines() if "glimmers serve" in line)

    assert serve_line().endswith("glimmers serve --host 127.0.0.1 --port 8000")
    assert serve_line("PORT=8001").endswith("glimmers serve --host 127.0.0.1 --port 8001")
    assert serve_line("HOST=0.0.0.0", "PORT=9000").endswith("glimmers serve --host 0.0.0.0 --port 9000")
    quick_start = (root / "README.md").read_text()
    assert "make run PORT=8001" in next(line for line in quick_start.splitlines() if line.startswith("make run "))
