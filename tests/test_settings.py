"""Settings come from the environment, strictly, and every variable is documented."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from glimmers.lib import env
from glimmers.lib.datadir import secret_key
from tests.helpers import clean_env, run_cli

ROOT = Path(__file__).resolve().parent.parent


def test_a_malformed_boolean_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLIMMERS_HTTPS", "maybe")
    with pytest.raises(env.ConfigError, match="GLIMMERS_HTTPS"):
        env.env_bool("GLIMMERS_HTTPS")


def test_a_malformed_number_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLIMMERS_HSTS_SECONDS", "a year")
    with pytest.raises(env.ConfigError, match="GLIMMERS_HSTS_SECONDS"):
        env.env_int("GLIMMERS_HSTS_SECONDS", 1)


@pytest.mark.parametrize("value", ["mysql://x/y", "postgresql:///", "not a url", "postgresql://h:port/db"])
def test_a_malformed_database_url_names_the_variable(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("DATABASE_URL", value)
    with pytest.raises(env.ConfigError, match="DATABASE_URL"):
        env.env_url("DATABASE_URL", schemes=("postgres", "postgresql"))


def test_booleans_accept_the_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    for text, expected in [("1", True), ("Yes", True), ("on", True), ("0", False), ("false", False), ("", False)]:
        monkeypatch.setenv("GLIMMERS_DEBUG", text)
        assert env.env_bool("GLIMMERS_DEBUG", default=True) is expected


def test_start_up_stops_with_a_message_naming_the_variable(tmp_path: Path) -> None:
    result = run_cli(["user", "list"], clean_env(tmp_path, GLIMMERS_TRUST_PROXY="perhaps"))
    assert result.returncode == 1
    assert "GLIMMERS_TRUST_PROXY" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_secret_key_is_made_once_private_and_shared(tmp_path: Path) -> None:
    keys: list[str] = []
    threads = [threading.Thread(target=lambda: keys.append(secret_key(tmp_path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1
    assert len(keys[0]) >= 50
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600
    assert secret_key(tmp_path) == keys[0]
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary files left behind


def _names_read_in_source() -> set[str]:
    pattern = re.compile(r"""["'](GLIMMERS_[A-Z_]+|DATABASE_URL)["']""")
    names: set[str] = set()
    for path in (ROOT / "src" / "glimmers").rglob("*.py"):
        names.update(pattern.findall(path.read_text()))
    return names


def test_every_variable_the_code_reads_is_documented() -> None:
    documented = (ROOT / "docs" / "configuration.md").read_text()
    names = _names_read_in_source()
    assert "GLIMMERS_DATA_DIR" in names  # the pattern finds what it should
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert not missing, f"Add these to docs/configuration.md: {missing}"


@pytest.mark.parametrize("prepared", ["", "0"], ids=["default", "off"])
def test_postgresql_statements_are_prepared_unless_turned_off(tmp_path: Path, prepared: str) -> None:
    """Prepared, and always planned for the values at hand (a generic plan searched common words slowly)."""
    extra = {"DATABASE_URL": "postgresql://someone@db.example:5432/glimmers"}
    if prepared:
        extra["GLIMMERS_PG_PREPARED"] = prepared
    shown = subprocess.run(
        [sys.executable, "-c", "import json; from glimmers import settings; print(json.dumps(settings.DATABASES))"],
        env=clean_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    options = json.loads(shown.stdout)["default"].get("OPTIONS", {})
    if prepared == "0":
        assert options == {}
    else:
        assert options == {
            "server_side_binding": True,
            "prepare_threshold": 2,
            "options": "-c plan_cache_mode=force_custom_plan",
        }
