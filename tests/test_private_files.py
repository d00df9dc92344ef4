"""What Glimmers leaves on disk and in its log is for its owner alone, on a real `glimmers serve`."""

from __future__ import annotations

import json
import signal
import stat
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from tests.helpers import clean_env, free_port, run_cli, serving

STRONG_KEY = "k" * 40 + "0123456789"  # 50 characters, 11 different


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_data_folder_glimmers_creates_is_private(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    assert run_cli(["user", "list"], clean_env(data)).returncode == 0
    assert mode(data) == 0o700


def test_the_journal_is_private_in_a_data_folder_open_to_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GLIMMERS_TEST_DATABASE_URL", raising=False)  # SQLite's own files are the point
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)
    env = clean_env(data)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin="kettle song at dawn\n").returncode == 0
    token = run_cli(["token", "create", "--user", "sam"], env).stdout.strip().splitlines()[-1]
    with serving(data) as running:
        request = urllib.request.Request(
            f"{running.url}/api/glimmers",
            data=json.dumps({"text": "Steam over the kettle"}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request) as response:
            assert response.status == 201
        # While the server holds the journal open, with a real write in its WAL:
        files = {name: data / name for name in ("glimmers.sqlite3", "glimmers.sqlite3-wal", "glimmers.sqlite3-shm")}
        assert all(path.exists() for path in files.values()), sorted(p.name for p in data.iterdir())
        modes = {name: oct(mode(path)) for name, path in files.items()}
        assert modes == dict.fromkeys(files, oct(0o600))
        assert mode(data / "secret_key") == 0o600


def test_uploaded_files_and_their_folders_are_private(tmp_path: Path) -> None:
    storage = FileSystemStorage(location=tmp_path / "media")
    name = storage.save("photos/2026/steam.jpg", ContentFile(b"not really a photo"))
    assert mode(Path(storage.path(name))) == 0o600
    assert mode(tmp_path / "media" / "photos") == 0o700


@pytest.mark.parametrize("key", ["too-short", "a" * 60, "django-insecure-" + STRONG_KEY])
def test_serve_refuses_a_weak_secret_key(tmp_path: Path, key: str) -> None:
    env = clean_env(tmp_path, GLIMMERS_SECRET_KEY=key)
    result = run_cli(["serve", "--port", str(free_port())], env)
    assert result.returncode == 1
    assert "needs at least 50" in result.stderr and "GLIMMERS_DEBUG=1" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_strong_key_serves_and_debugging_allows_a_short_one(tmp_path: Path) -> None:
    for extra in ({"GLIMMERS_SECRET_KEY": STRONG_KEY}, {"GLIMMERS_SECRET_KEY": "short", "GLIMMERS_DEBUG": "1"}):
        with serving(tmp_path, env_extra=extra) as running, urllib.request.urlopen(f"{running.url}/healthz") as answer:
            assert answer.status == 200


def test_refused_requests_leave_no_path_in_the_log(tmp_path: Path) -> None:
    with serving(tmp_path) as running:
        for path in ("/rosemary-and-thyme/", "/api/rosemary-and-thyme", "/glimmers/rosemary/"):
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(f"{running.url}{path}")
        # A form posted without its CSRF cookie: the operator may need to know (a proxy set up wrong).
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{running.url}/sign-in/?next=/rosemary/", data=b"username=x&password=y")
        assert refused.value.code == 403
        running.process.send_signal(signal.SIGTERM)
        running.process.wait(timeout=15)
    logged = running.output()
    assert "rosemary" not in logged
    assert "Not Found" not in logged
    assert "Forbidden (CSRF cookie not set.): (path withheld)" in logged
