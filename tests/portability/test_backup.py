"""Backup and restore as operators run them: real `glimmers` processes on real data folders."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from glimmers.portability import archive
from glimmers.portability.backup import Encryption, Instance, make_backup
from tests.helpers import clean_env, fresh_database_url, run_cli

PASSPHRASE = "a long walk by the river\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with one account and two glimmers, made once (migrating takes a few seconds)."""
    data = tmp_path_factory.mktemp("template") / "data"
    env = clean_env(data)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin="kettle song at dawn\n").returncode == 0
    for text in ("birdsong at the window", "warm bread"):
        assert run_cli(["add", text], env).returncode == 0
    (data / "media").mkdir()
    (data / "media" / "photo.jpg").write_bytes(b"not really a photo")
    return data


@pytest.fixture
def data(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(template, copy)
    return copy


def backup(data: Path, target: Path, *args: str, stdin: str = "") -> Path:
    done = run_cli(["backup", str(target), *args], clean_env(data), stdin=stdin)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


def test_a_backup_restores_into_a_new_folder_with_the_secret_key_and_media(data: Path, tmp_path: Path) -> None:
    made = backup(data, tmp_path)
    assert made.parent == tmp_path and made.name.startswith("glimmers-backup-") and made.suffix == ".gz"
    new = tmp_path / "elsewhere" / "data"
    restored = run_cli(["restore", str(made)], clean_env(new))
    assert restored.returncode == 0, restored.stderr
    assert "1 account, 2 glimmers" in restored.stdout and "Integrity check: ok" in restored.stdout
    assert (new / "secret_key").read_text() == (data / "secret_key").read_text()
    assert (new / "media" / "photo.jpg").read_bytes() == b"not really a photo"
    listed = run_cli(["list"], clean_env(new))
    assert "birdsong at the window" in listed.stdout and "warm bread" in listed.stdout


def test_restore_refuses_a_folder_that_holds_something_unless_forced(data: Path, tmp_path: Path) -> None:
    made = backup(data, tmp_path)
    refused = run_cli(["restore", str(made)], clean_env(data))
    assert refused.returncode == 1 and "--force" in refused.stderr
    run_cli(["add", "after the backup"], clean_env(data))
    forced = run_cli(["restore", str(made), "--force"], clean_env(data))
    assert forced.returncode == 0, forced.stderr
    assert "after the backup" not in run_cli(["list"], clean_env(data)).stdout


def test_a_passphrase_backup_needs_its_passphrase_and_a_wrong_one_writes_nothing(data: Path, tmp_path: Path) -> None:
    made = backup(data, tmp_path / "sealed.tar.gz.age", "--passphrase-stdin", stdin=PASSPHRASE)
    assert made.read_bytes().startswith(archive.AGE_MAGIC)
    new = tmp_path / "new"
    wrong = run_cli(["restore", str(made), "--passphrase-stdin"], clean_env(new), stdin="not it\n")
    assert wrong.returncode == 1 and "doesn't open this backup" in wrong.stderr and "Traceback" not in wrong.stderr
    assert not new.exists() or not any(new.iterdir())
    asked = run_cli(["restore", str(made)], clean_env(new))
    assert asked.returncode == 1 and "--passphrase-stdin" in asked.stderr
    right = run_cli(["restore", str(made), "--passphrase-stdin"], clean_env(new), stdin=PASSPHRASE)
    assert right.returncode == 0, right.stderr


def test_a_refused_restore_with_force_leaves_the_instance_exactly_as_it_was(data: Path, tmp_path: Path) -> None:
    sealed = backup(data, tmp_path / "sealed.tar.gz.age", "--passphrase-stdin", stdin=PASSPHRASE)
    plain = backup(data, tmp_path / "plain.tar.gz")
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(plain.read_bytes()[: plain.stat().st_size // 2])
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    for args, stdin, said in (
        ([str(sealed), "--passphrase-stdin"], "not it\n", "doesn't open this backup"),
        ([str(cut)], "", "damaged"),
    ):
        refused = run_cli(["restore", *args, "--force"], clean_env(data), stdin=stdin)
        assert refused.returncode == 1 and said in refused.stderr and "Traceback" not in refused.stderr
        assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before


def test_a_backup_for_an_age_recipient_opens_with_the_age_tool(data: Path, tmp_path: Path) -> None:
    if not shutil.which("age") or not shutil.which("age-keygen"):
        pytest.skip("the age tool isn't installed (Debian: apt install age; .ci/run installs it)")
    key = tmp_path / "key.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    public = next(line.split(": ")[1] for line in key.read_text().splitlines() if "public key" in line)
    made = backup(data, tmp_path / "for-me.age", "--recipient", public)
    opened = subprocess.run(["age", "--decrypt", "-i", str(key), str(made)], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(opened), mode="r:gz") as tar:
        assert json.load(tar.extractfile(archive.MANIFEST))["format"] == archive.FORMAT  # type: ignore[arg-type]
        assert archive.SQLITE_MEMBER in tar.getnames() and "data/secret_key" in tar.getnames()
    restored = run_cli(["restore", str(made), "--identity", str(key)], clean_env(tmp_path / "new"))
    assert restored.returncode == 0, restored.stderr


def test_a_damaged_archive_is_refused_and_nothing_is_written(data: Path, tmp_path: Path) -> None:
    made = backup(data, tmp_path)
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(made.read_bytes()[: made.stat().st_size // 2])
    for broken in (cut, data / "secret_key"):
        new = tmp_path / f"new-{broken.name}"
        refused = run_cli(["restore", str(broken)], clean_env(new))
        assert refused.returncode == 1 and "damaged" in refused.stderr and "Traceback" not in refused.stderr
        assert not any(new.iterdir())


def _rewritten(made: Path, target: Path, change: dict[str, object]) -> Path:
    with tarfile.open(made, "r:gz") as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            handle = source.extractfile(member)
            data = handle.read() if handle else b""
            if member.name == archive.MANIFEST:
                data = json.dumps({**json.loads(data), **change}).encode()
                member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    return target


def test_an_archive_from_a_newer_glimmers_is_refused_by_name(data: Path, tmp_path: Path) -> None:
    made = backup(data, tmp_path)
    with tarfile.open(made) as tar:
        migrations = json.loads(tar.extractfile(archive.MANIFEST).read())["migrations"]  # type: ignore[union-attr]
    migrations["journal"].append("0099_from_the_future")
    newer = _rewritten(made, tmp_path / "newer.tar.gz", {"glimmers_version": "9.1.0", "migrations": migrations})
    refused = run_cli(["restore", str(newer)], clean_env(tmp_path / "new"))
    assert refused.returncode == 1 and "Glimmers 9.1.0" in refused.stderr and "Upgrade" in refused.stderr
    assert not any((tmp_path / "new").iterdir())


def test_a_backup_of_an_older_schema_is_migrated_on_restore(data: Path, tmp_path: Path) -> None:
    older = run_cli(["manage", "migrate", "kit", "zero", "--verbosity", "0"], clean_env(data))
    assert older.returncode == 0, older.stderr
    made = backup(data, tmp_path)
    new = tmp_path / "new"
    restored = run_cli(["restore", str(made)], clean_env(new))
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(new / archive.SQLITE_NAME) as connection:
        applied = {row[0] for row in connection.execute("SELECT name FROM django_migrations WHERE app = 'kit'")}
    assert "0001_initial" in applied


class Writers:
    """Four threads, each inserting numbered rows and noting each one once its commit has returned."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.acknowledged: list[tuple[int, int]] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.write, args=(n,)) for n in range(4)]

    def write(self, writer: int) -> None:
        connection = sqlite3.connect(self.database, timeout=30)
        connection.execute("PRAGMA busy_timeout=30000")
        seq = 0
        while not self.stop.is_set():
            with connection:
                connection.execute("INSERT INTO writes (writer, seq) VALUES (?, ?)", (writer, seq))
            with self.lock:
                self.acknowledged.append((writer, seq))
            seq += 1
        connection.close()

    def running(self) -> Iterator[None]:
        for thread in self.threads:
            thread.start()
        try:
            yield
        finally:
            self.stop.set()
            for thread in self.threads:
                thread.join()


def test_a_backup_taken_during_four_writers_holds_every_acknowledged_write(data: Path, tmp_path: Path) -> None:
    database = data / archive.SQLITE_NAME
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE writes (writer INTEGER, seq INTEGER, PRIMARY KEY (writer, seq))")
    writers = Writers(database)
    running = writers.running()
    next(running)
    try:
        while len({writer for writer, _seq in writers.acknowledged}) < 4 or len(writers.acknowledged) < 200:
            time.sleep(0.01)
        with writers.lock:
            before = set(writers.acknowledged)
        made = make_backup(
            Instance(data_dir=data, media_dir=data / "media", sqlite_path=database), tmp_path / "during.tar.gz"
        )
        time.sleep(0.2)  # the writers go on after the backup, too
    finally:
        next(running, None)
    assert len(writers.acknowledged) > len(before)
    new = tmp_path / "new"
    restored = run_cli(["restore", str(made)], clean_env(new))
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(new / archive.SQLITE_NAME) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = set(connection.execute("SELECT writer, seq FROM writes"))
    assert before <= kept


def test_the_library_writes_nothing_under_the_final_name_when_it_fails(data: Path, tmp_path: Path) -> None:
    from glimmers.lib.errors import UserError

    target = tmp_path / "never.tar.gz"
    with pytest.raises(UserError, match="age recipient"):
        make_backup(
            Instance(data_dir=data, media_dir=data / "media", sqlite_path=data / archive.SQLITE_NAME),
            target,
            encryption=Encryption(recipient="not-a-key"),
        )
    assert list(tmp_path.iterdir()) == [data]


def test_postgresql_backs_up_with_pg_dump_and_restores_into_an_empty_database(tmp_path: Path) -> None:
    with fresh_database_url() as source:
        if source is None:
            pytest.skip("runs when the suite runs on PostgreSQL (GLIMMERS_TEST_DATABASE_URL)")
        env = clean_env(tmp_path / "data", DATABASE_URL=source)
        assert run_cli(["migrate"], env).returncode == 0
        assert (
            run_cli(["user", "create", "sam", "--password-stdin"], env, stdin="kettle song at dawn\n").returncode == 0
        )
        assert run_cli(["add", "rain on the roof"], env).returncode == 0
        done = run_cli(["backup", str(tmp_path)], env)
        assert done.returncode == 0, done.stderr
        made = Path(done.stdout.strip().splitlines()[-1])
        with fresh_database_url() as target:
            assert target is not None
            new = clean_env(tmp_path / "new", DATABASE_URL=target)
            restored = run_cli(["restore", str(made)], new)
            assert restored.returncode == 0, restored.stderr
            assert "rain on the roof" in run_cli(["list"], new).stdout
            again = run_cli(["restore", str(made)], clean_env(tmp_path / "newer", DATABASE_URL=target))
            assert again.returncode == 1 and "already holds tables" in again.stderr
