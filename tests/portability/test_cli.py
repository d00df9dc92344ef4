"""`glimmers export` in-process: stdout or a file, whole or not at all; and `user delete` erasing everything."""

from __future__ import annotations

import errno
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from glimmers.accounts.models import User
from glimmers.cli import app
from glimmers.journal.models import Glimmer
from glimmers.portability import services

runner = CliRunner()


def test_export_writes_json_to_stdout(alice: User, alices_journal: dict[str, Any]) -> None:
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["glimmers"][0]["id"] == str(alices_journal["glimmer"].uuid)


def test_export_writes_a_file_quietly_when_not_on_a_terminal(alice: User, tmp_path: Path) -> None:
    target = tmp_path / "mine.zip"
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert zipfile.ZipFile(target).testzip() is None
    assert result.stderr.strip() == f"Exported to {target}."  # no progress bar in a pipe
    assert [path.name for path in tmp_path.iterdir()] == ["mine.zip"]


def test_export_into_a_folder_names_the_file(alice: User, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "markdown", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    [made] = tmp_path.iterdir()
    assert made.name.startswith("glimmers-alice-") and made.suffix == ".md"


def _failing_after_a_piece(error: BaseException):  # type: ignore[no-untyped-def]
    def export(user: User, name: str, progress: Any = None) -> Iterator[bytes]:
        yield b'{"format":'
        raise error

    return export


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")])
def test_an_interrupted_export_leaves_no_half_file(
    alice: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    monkeypatch.setattr(services, "export", _failing_after_a_piece(error))
    target = tmp_path / "mine.json"
    result = runner.invoke(app, ["export", "-o", str(target)])
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []
    if isinstance(error, OSError):
        assert result.exit_code == 1 and "disk is full" in result.stderr


def test_an_unknown_format_is_a_kind_error(alice: User) -> None:
    result = runner.invoke(app, ["export", "--format", "xml"])
    assert result.exit_code == 1 and "json, csv or markdown" in result.stderr


def test_user_delete_erases_everything_of_that_person(
    alice: User, bob: User, alices_journal: dict[str, Any], bobs_journal: dict[str, Any]
) -> None:
    result = runner.invoke(app, ["user", "delete", "alice", "--yes"])
    assert result.exit_code == 0, result.output
    assert not User.objects.filter(username="alice").exists()
    assert not Glimmer.objects.filter(text__contains="MARKER-alice").exists()
    assert Glimmer.objects.filter(owner=bob).count() == 3  # bob's (one kept in a practice), the bin too, untouched


def test_the_progress_bar_shows_on_a_terminal_and_counts_glimmers(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from glimmers.portability import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with cli._progress(3) as advance:
        assert advance is not None
        advance(3)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with cli._progress(3) as quiet:
        assert quiet is None


def test_a_full_disk_during_a_backup_is_said_plainly(
    alice: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glimmers.portability import backup

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "make_backup", full)
    result = runner.invoke(app, ["backup", str(tmp_path / "b.tar.gz")])
    assert result.exit_code == 1 and "disk is full" in result.stderr and "Traceback" not in result.stderr
