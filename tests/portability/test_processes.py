"""Your data as real processes: erasing the last account while `glimmers serve` runs, a download the browser
cuts off halfway, and `glimmers export` on a terminal (a progress bar) and in a pipe (quiet)."""

from __future__ import annotations

import http.cookiejar
import json
import re
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import GLIMMERS, Server, clean_env, fresh_database_url, run_cli, serving

PASSWORD = "kettle song at dawn"


@contextmanager
def served_with(data: Path, name: str) -> Iterator[tuple[Server, dict[str, str]]]:
    """A running server with one account, and the environment a command line beside it needs."""
    with fresh_database_url() as database_url:
        env = clean_env(data, **({"DATABASE_URL": database_url} if database_url else {}))
        for args, stdin in ((["migrate"], ""), (["user", "create", name, "--password-stdin"], PASSWORD + "\n")):
            result = run_cli(args, env, stdin=stdin)
            assert result.returncode == 0, result.stderr
        with serving(data, database_url=database_url) as running:
            yield running, env


def signed_in(url: str, name: str) -> tuple[urllib.request.OpenerDirector, http.cookiejar.CookieJar]:
    """A browser and its cookie jar, signed in through the sign-in form."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = browser.open(f"{url}/sign-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "username": name, "password": PASSWORD})
    browser.open(f"{url}/sign-in/", data=body.encode())
    return browser, jar


def test_after_user_delete_on_a_running_server_the_next_visit_says_how_to_make_an_account(tmp_path: Path) -> None:
    with served_with(tmp_path, "sam") as (running, env):
        browser, _jar = signed_in(running.url, "sam")
        today = browser.open(f"{running.url}/").read().decode()
        assert "no account here yet" not in today and "Sign out" in today

        result = run_cli(["user", "delete", "sam", "--yes"], env)
        assert result.returncode == 0, result.stderr

        with browser.open(f"{running.url}/") as next_visit:  # the same browser, its session gone with the account
            page = next_visit.read().decode()
            assert next_visit.url.startswith(f"{running.url}/sign-in/")
        assert "no account here yet" in page and "glimmers user create" in page
    assert "Traceback" not in running.output()


def test_a_download_cut_off_halfway_leaves_the_server_serving_whole_exports(tmp_path: Path) -> None:
    with served_with(tmp_path, "sam") as (running, env):
        fill = [sys.executable, "-m", "bench.fill", "--data-dir", str(tmp_path), "--user", "sam", "--count", "3000"]
        filled = subprocess.run([*fill, "--years", "1"], env=env, capture_output=True, text=True, check=False)
        assert filled.returncode == 0, filled.stderr
        browser, jar = signed_in(running.url, "sam")
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
        parts = urllib.parse.urlsplit(running.url)
        request = (
            f"GET /settings/data/export/?format=json HTTP/1.1\r\nHost: {parts.netloc}\r\nCookie: {cookies}\r\n\r\n"
        )
        for _ in range(2):  # the browser gives up after the first few kilobytes, twice
            with socket.socket() as cut:
                # A small window, so the server can't hand the whole export to the kernel before the cut.
                cut.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                cut.settimeout(30)
                cut.connect((parts.hostname or "", parts.port or 80))
                cut.sendall(request.encode())
                first = cut.recv(4096)
                assert first.startswith(b"HTTP/1.1 200"), first[:200]

        with browser.open(f"{running.url}/settings/data/export/?format=json") as whole:
            export = json.loads(whole.read())
        assert len(export["glimmers"]) == 3000
        with browser.open(f"{running.url}/healthz") as health:
            assert health.status == 200
    assert "Traceback" not in running.output()


def test_export_shows_progress_on_a_terminal_and_nothing_in_a_pipe(tmp_path: Path) -> None:
    import os
    import pty

    env = clean_env(tmp_path / "data")
    for args, stdin in ((["user", "create", "sam", "--password-stdin"], PASSWORD + "\n"), (["add", "the kettle"], "")):
        assert run_cli(args, env, stdin=stdin).returncode == 0
    command = [*GLIMMERS, "export", "-o", str(tmp_path / "on-a-terminal.json")]
    controller, terminal = pty.openpty()
    process = subprocess.Popen(command, env={**env, "COLUMNS": "100"}, stdin=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            piece = os.read(controller, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not piece:
            break
        shown += piece
    assert process.wait(timeout=60) == 0
    os.close(controller)
    assert b"Exporting glimmers" in shown and b"1/1" in shown

    piped = run_cli(["export", "-o", str(tmp_path / "in-a-pipe.json")], env)
    assert piped.returncode == 0 and piped.stderr == f"Exported to {tmp_path / 'in-a-pipe.json'}.\n"
    assert json.loads((tmp_path / "in-a-pipe.json").read_text())["glimmers"][0]["text"] == "the kettle"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device that is always full")
def test_export_into_a_full_disk_through_the_shell_says_so_without_a_traceback(tmp_path: Path) -> None:
    env = clean_env(tmp_path / "data")
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    for format_name in ("json", "markdown"):
        with open("/dev/full", "wb") as full:  # `glimmers export > file` on a disk with no room left
            result = subprocess.run(
                [*GLIMMERS, "export", "-f", format_name], env=env, stdout=full, stderr=subprocess.PIPE, check=False
            )
        message = result.stderr.decode()
        assert result.returncode == 1 and "Traceback" not in message, message
        assert message.startswith("The export stopped partway (the disk is full)") and message.count("\n") == 1
