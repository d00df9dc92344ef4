"""`glimmers add`, `list`, `show`, `edit`, `delete` and `bin …`: in-process for the details, and as the
real console script for quick capture, exit codes and running beside `glimmers serve`."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.cli import with_quick_capture
from glimmers.journal import services
from glimmers.journal.models import Glimmer
from tests.helpers import GLIMMERS, clean_env, fresh_database_url, invoke, run_cli, serving

JSON_KEYS = {
    "id",
    "text",
    "noticed_at",
    "time_zone",
    "senses",
    "people",
    "place",
    "tags",
    "glow",
    "why",
    "state_before",
    "state_after",
    "photos",
    "resurface",
    "source",
    "created_at",
    "updated_at",
}
PASSWORD = "kettle song at dawn"


def keep(user: User, text: str = "the sun on my face", **fields: object) -> Glimmer:
    return services.create_glimmer(user, text=text, source="cli", **fields)  # type: ignore[arg-type]


def unchanged(glimmer: Glimmer) -> bool:
    return services.as_dict(Glimmer.objects.with_details().get(pk=glimmer.pk)) == services.as_dict(glimmer)


# --- quick capture ----------------------------------------------------------------------------------


def test_quick_capture_adds_when_the_first_word_is_not_a_command() -> None:
    assert with_quick_capture(["the", "sun", "on", "my", "face"]) == ["add", "the", "sun", "on", "my", "face"]
    assert with_quick_capture(["birdsong at dawn", "--glow", "4"]) == ["add", "birdsong at dawn", "--glow", "4"]
    assert with_quick_capture(["-"]) == ["add", "-"]
    for args in (["list"], ["bin", "list"], ["user", "list"], ["serve"], ["manage"], ["--help"], []):
        assert with_quick_capture(args) == args


def test_quick_capture_keeps_a_glimmer_through_the_real_command(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    kept = run_cli(["the", "sun", "on", "my", "face", "--glow", "4"], env)
    assert kept.returncode == 0, kept.stderr
    assert "Kept for today at " in kept.stdout and ": “the sun on my face”" in kept.stdout
    named = run_cli(["add", "list"], env)  # a command's name, captured on purpose
    assert named.returncode == 0, named.stderr
    listed = json.loads(run_cli(["list", "--json"], env).stdout)
    assert [(row["text"], row["glow"], row["source"]) for row in listed] == [
        ("list", None, "cli"),
        ("the sun on my face", 4, "cli"),
    ]


def test_exit_codes_scripts_can_trust(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
    empty = run_cli(["   "], env)
    assert empty.returncode == 1
    assert "Please write a few words" in empty.stderr
    assert run_cli(["show", "abcdef"], env).returncode == 1
    assert run_cli(["list", "-n", "0"], env).returncode == 2
    assert run_cli(["add", "birdsong", "--glow", "bright"], env).returncode == 2
    assert run_cli(["list", "--json"], env).stdout.strip() == "[]"


def test_the_command_line_works_while_serve_runs_on_the_same_data(tmp_path: Path) -> None:
    with fresh_database_url() as database_url:
        env = clean_env(tmp_path, **({"DATABASE_URL": database_url} if database_url else {}))
        assert run_cli(["migrate"], env).returncode == 0  # PostgreSQL is migrated once, by the operator
        assert run_cli(["user", "create", "sam", "--password-stdin"], env, stdin=PASSWORD + "\n").returncode == 0
        old = json.loads(run_cli(["add", "an old glimmer", "--json"], env).stdout)
        assert run_cli(["delete", old["id"]], env).returncode == 0
        forty_days_ago = (timezone.now() - timedelta(days=40)).isoformat()
        aged = run_cli(
            [
                "manage",
                "shell",
                "-c",
                "from glimmers.journal.models import Glimmer; from datetime import datetime; "
                f"Glimmer.objects.filter(uuid='{old['id']}').update(deleted_at=datetime.fromisoformat('{forty_days_ago}'))",
            ],
            env,
        )
        assert aged.returncode == 0, aged.stderr
        with serving(tmp_path, database_url=database_url) as running:
            writers = [
                subprocess.Popen(
                    [*GLIMMERS, "add", f"birdsong {n}"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
                )
                for n in range(4)
            ]
            with urllib.request.urlopen(f"{running.url}/healthz") as response:
                assert response.status == 200
            for writer in writers:
                _out, err = writer.communicate(timeout=60)
                assert writer.returncode == 0, err.decode()
            listed = json.loads(run_cli(["list", "--json"], env).stdout)
            binned = json.loads(run_cli(["bin", "list", "--json"], env).stdout)
        assert sorted(row["text"] for row in listed) == [f"birdsong {n}" for n in range(4)]
        assert binned == []  # serve erased what had been in the bin more than 30 days
        assert "Erased 1 glimmer that had been in the bin" in running.output()


# --- add ------------------------------------------------------------------------------------------


def test_add_with_every_option_prints_the_json_shape(alice: User) -> None:
    result = invoke(
        "add",
        "birdsong with my #morning coffee",
        "--when",
        "yesterday 6pm",
        "--sense",
        "sound",
        "--sense",
        "taste",
        "--glow",
        "4",
        "--tag",
        "garden",
        "--person",
        "Sam",
        "--person",
        "Biscuit the dog",
        "--place",
        "the back step",
        "--why",
        "it felt like spring",
        "--json",
    )
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert set(shape) == JSON_KEYS
    london = ZoneInfo("Europe/London")
    noticed = datetime.fromisoformat(shape["noticed_at"])
    yesterday = timezone.now().astimezone(london).date() - timedelta(days=1)
    assert (noticed.astimezone(london).date(), noticed.hour, noticed.minute) == (yesterday, 18, 0)
    assert shape["time_zone"] == "Europe/London"
    assert shape["text"] == "birdsong with my #morning coffee"
    assert shape["senses"] == ["sound", "taste"]
    assert sorted(shape["people"]) == ["Biscuit the dog", "Sam"]
    assert shape["place"] == "the back step"
    assert sorted(shape["tags"]) == ["garden", "morning"]
    assert (shape["glow"], shape["why"], shape["source"]) == (4, "it felt like spring", "cli")
    assert shape["photos"] == [] and shape["resurface"] is True
    assert Glimmer.objects.get(owner=alice).uuid.hex == shape["id"].replace("-", "")


def test_add_joins_several_words_and_says_what_it_kept(alice: User) -> None:
    result = invoke("add", "the", "sun", "on", "my", "face", "--glow", "3")
    assert result.exit_code == 0, result.output
    glimmer = Glimmer.objects.get(owner=alice)
    assert glimmer.text == "the sun on my face" and glimmer.glow == 3
    assert (
        f"Kept for today at {glimmer.noticed_at.astimezone(ZoneInfo('Europe/London')):%H:%M}: “the sun on my face”"
        in (result.stdout)
    )
    assert glimmer.short_id in result.stdout


def test_add_reads_stdin_and_strips_control_characters(alice: User) -> None:
    result = invoke("add", "-", stdin="  the sun\x00 on my\x07 face\r\nand\tthe warmth\x1b  \n")
    assert result.exit_code == 0, result.output
    assert Glimmer.objects.get(owner=alice).text == "the sun on my face\nand\tthe warmth"


def test_add_strips_control_characters_from_arguments_too(alice: User) -> None:
    assert invoke("add", "a cool\x00 breeze\x08").exit_code == 0
    assert Glimmer.objects.get(owner=alice).text == "a cool breeze"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["   "], "Please write a few words for the glimmer"),
        (["x", "--when", "when pigs fly"], "I couldn't read “when pigs fly” as a time. Try something like"),
        (["x", "--when", "2999-01-01 09:00"], "more than a day ahead"),
        (["x", "--glow", "9"], "Glow is a number from 1 (a flicker) to 5 (shining)."),
        (["x", "--glow", "0"], "Glow is a number from 1"),
        (["x", "--sense", "colour"], "“colour” isn't one of the senses Glimmers knows: sight, sound, touch"),
        (["x", "--time-zone", "Moon/Base"], "isn't a time zone Glimmers knows"),
        (["x", "--person", "P" * 101], "100 characters at most"),
    ],
)
def test_add_explains_what_to_change_and_keeps_nothing(alice: User, args: list[str], says: str) -> None:
    result = invoke("add", *args)
    assert result.exit_code == 1
    assert says in result.stderr
    assert result.stdout == ""
    assert not Glimmer.objects.exists()


def test_the_examples_in_a_when_message_are_ones_that_work(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    afternoon = datetime(2026, 11, 26, 14, 0, tzinfo=ZoneInfo("Europe/London"))  # "this morning" has begun
    monkeypatch.setattr(timezone, "now", lambda: afternoon)
    result = invoke("add", "x", "--when", "sometime")
    assert "yesterday 6pm" in result.stderr and "this morning" in result.stderr
    for words in ("this morning", "yesterday 6pm", "2 hours ago", "last Sunday at noon", "2026-03-14 08:30"):
        assert invoke("add", words, "--when", words).exit_code == 0, words


def test_a_time_less_than_a_day_ahead_is_kept(alice: User) -> None:
    soon = (timezone.now() + timedelta(hours=2)).astimezone(ZoneInfo("Europe/London"))
    assert invoke("add", "x", "--when", f"{soon:%Y-%m-%d %H:%M}").exit_code == 0


# --- which account --------------------------------------------------------------------------------


def test_with_several_accounts_the_command_asks_whose(alice: User, bob: User, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke("add", "x")
    assert result.exit_code == 1
    assert "--user NAME" in result.stderr
    assert invoke("add", "for bob", "--user", "bob").exit_code == 0
    monkeypatch.setenv("GLIMMERS_USER", "alice")
    assert invoke("add", "for alice").exit_code == 0
    assert [g.text for g in Glimmer.objects.filter(owner=bob)] == ["for bob"]
    assert [g.text for g in Glimmer.objects.filter(owner=alice)] == ["for alice"]
    assert Glimmer.objects.get(owner=bob).time_zone == "America/New_York"  # each person's own zone


# --- list and show --------------------------------------------------------------------------------


def test_list_is_newest_first_ten_by_default(alice: User) -> None:
    start = timezone.now() - timedelta(days=2)
    for n in range(12):
        keep(alice, f"glimmer {n}", when=start + timedelta(hours=n))
    result = invoke("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split("  ")[-1] for line in lines[:10]] == [f"glimmer {n}" for n in range(11, 1, -1)]
    assert "glimmers list -n 20" in lines[-1]
    two = json.loads(invoke("list", "-n", "2", "--json").stdout)
    assert [row["text"] for row in two] == ["glimmer 11", "glimmer 10"]
    assert set(two[0]) == JSON_KEYS


def test_list_pages_past_two_hundred(alice: User) -> None:
    start = timezone.now() - timedelta(days=30)
    Glimmer.objects.bulk_create(
        Glimmer(owner=alice, text=f"g{n}", noticed_at=start + timedelta(minutes=n), time_zone="UTC", local_date=start)
        for n in range(230)
    )
    rows = json.loads(invoke("list", "-n", "225", "--json").stdout)
    assert [row["text"] for row in rows] == [f"g{n}" for n in range(229, 4, -1)]


def test_list_shows_the_small_details_calmly(alice: User) -> None:
    glimmer = keep(
        alice, "a friendly smile\nat the bakery", senses=["sight"], people=["Ana"], place="the bakery", glow=5
    )
    keep(alice, "a cool breeze", when=timezone.now() - timedelta(hours=1))
    lines = invoke("list").stdout.splitlines()
    assert lines[0].startswith(f"{glimmer.short_id}  ")
    assert lines[0].endswith("a friendly smile …")
    assert lines[1].split() == ["sight", "·", "with", "Ana", "·", "at", "the", "bakery", "·", "glow", "5"]
    assert lines[2].endswith("a cool breeze") and len(lines) == 3  # nothing to add: no second line
    assert "\x1b[" not in invoke("list").stdout


def test_list_shortens_long_text_at_a_word(alice: User) -> None:
    keep(alice, "the light " * 40)
    line = invoke("list").stdout.splitlines()[0]
    assert line.endswith(" …") and len(line) <= 100
    assert line.removesuffix(" …").split()[-1] in ("the", "light")  # never half a word


def test_list_shows_the_zone_when_it_is_not_yours(alice: User) -> None:
    keep(alice, "cherry blossom", time_zone="Asia/Tokyo")
    assert " JST  cherry blossom" in invoke("list").stdout


def test_an_empty_journal_is_answered_gently(alice: User) -> None:
    result = invoke("list")
    assert result.exit_code == 0
    assert "No glimmers yet" in result.stdout


def test_list_costs_the_same_few_queries_however_many_there_are(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    # The in-memory test database has no file, so setup_django would "migrate" it on every command.
    monkeypatch.setattr("glimmers.lib.cli._migrate_new_sqlite_database", lambda: None)
    for n in range(3):
        keep(alice, f"g{n}", people=["Sam", f"P{n}"], tags=["t"], place="home")
    with CaptureQueriesContext(connection) as few:
        assert invoke("list", "-n", "10").exit_code == 0
    for n in range(12):
        keep(alice, f"h{n}", people=["Sam", f"Q{n}"], tags=["t"], place=f"place {n}")
    with CaptureQueriesContext(connection) as many:
        assert invoke("list", "-n", "10", "--json").exit_code == 0
    assert len(many) == len(few) == 3  # the account, the glimmers, the names of their people and tags


def test_show_finds_a_glimmer_by_six_characters(alice: User) -> None:
    glimmer = keep(alice, "birdsong", senses=["sound"], people=["Sam"], place="the park", glow=4, why="spring")
    result = invoke("show", glimmer.uuid.hex[:6])
    assert result.exit_code == 0, result.output
    for words in ("birdsong", "Senses:", "sound", "With:", "Sam", "the park", "4 of 5", "spring", str(glimmer.uuid)):
        assert words in result.stdout
    assert "Before" not in result.stdout  # empty things are left out
    shape = json.loads(invoke("show", str(glimmer.uuid), "--json").stdout)
    assert shape == services.as_dict(glimmer)


@pytest.mark.parametrize(
    "args",
    [
        ["show", "abc123"],
        ["edit", "abc123", "--glow", "2"],
        ["delete", "abc123"],
        ["bin", "restore", "abc123"],
        ["bin", "erase", "abc123"],
    ],
)
def test_an_unknown_id_gets_a_kind_message(alice: User, args: list[str]) -> None:
    keep(alice)
    result = invoke(*args)
    assert result.exit_code == 1
    assert "starts with abc123" in result.stderr and "list` shows" in result.stderr


def test_a_too_short_id_asks_for_six_characters(alice: User) -> None:
    glimmer = keep(alice)
    result = invoke("show", glimmer.uuid.hex[:5])
    assert result.exit_code == 1
    assert "at least 6 characters" in result.stderr


# --- edit -----------------------------------------------------------------------------------------


def test_edit_changes_only_what_is_given(alice: User) -> None:
    glimmer = keep(alice, "birdsong", senses=["sound"], people=["Sam", "Jo"], place="the park", glow=4, why="spring")
    result = invoke("edit", glimmer.uuid.hex[:6], "--text", "birdsong at #dawn", "--person", "Ana", "--json")
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert shape["text"] == "birdsong at #dawn" and shape["people"] == ["Ana"] and shape["tags"] == ["dawn"]
    assert (shape["senses"], shape["place"], shape["glow"], shape["why"]) == (["sound"], "the park", 4, "spring")
    assert shape["noticed_at"] == services.as_dict(glimmer)["noticed_at"]


def test_edit_can_clear_things(alice: User) -> None:
    glimmer = keep(alice, "birdsong", senses=["sound"], people=["Sam"], place="the park", glow=4, why="spring")
    result = invoke("edit", glimmer.short_id, "--no-glow", "--person", "", "--place", "", "--sense", "", "--why", "")
    assert result.exit_code == 0, result.output
    assert "Saved, kept for " in result.stdout and "“birdsong”" in result.stdout
    shape = services.as_dict(services.get_glimmer(alice, glimmer.uuid))
    assert (shape["glow"], shape["people"], shape["place"], shape["senses"], shape["why"]) == (None, [], None, [], "")


def test_edit_moves_the_time(alice: User) -> None:
    glimmer = keep(alice)
    shape = json.loads(invoke("edit", glimmer.short_id, "--when", "2026-03-14 08:30", "--json").stdout)
    assert shape["noticed_at"] == "2026-03-14T08:30:00+00:00"


@pytest.mark.parametrize(
    "bad",
    [
        ["--glow", "7"],
        ["--person", "P" * 101],
        ["--tag", "T" * 101],
        ["--sense", "colour"],
        ["--when", "when pigs fly"],
        ["--text", " \x00 "],
    ],
)
def test_an_edit_that_fails_changes_nothing(alice: User, bad: list[str]) -> None:
    glimmer = keep(alice, "birdsong", senses=["sound"], people=["Sam"], place="the park", glow=4)
    result = invoke(
        "edit", glimmer.short_id, "--text", "changed #words", "--place", "elsewhere", "--person", "Ana", *bad
    )
    assert result.exit_code == 1
    assert result.stderr.strip()
    assert unchanged(glimmer)


# --- delete and the bin ---------------------------------------------------------------------------


def test_delete_moves_to_the_bin_and_says_how_to_bring_it_back(alice: User) -> None:
    glimmer = keep(alice)
    result = invoke("delete", glimmer.uuid.hex[:6])
    assert result.exit_code == 0, result.output
    assert "30 days" in result.stdout and f"glimmers bin restore {glimmer.short_id}" in result.stdout
    assert json.loads(invoke("list", "--json").stdout) == []
    binned = json.loads(invoke("bin", "list", "--json").stdout)
    assert [row["id"] for row in binned] == [str(glimmer.uuid)]
    assert binned[0]["erased_after"] == (timezone.now() + timedelta(days=30)).date().isoformat()
    assert "erased after" in invoke("bin", "list").stdout
    assert invoke("bin", "restore", glimmer.uuid.hex[:6]).exit_code == 0
    assert [row["id"] for row in json.loads(invoke("list", "--json").stdout)] == [str(glimmer.uuid)]
    assert "The bin is empty." in invoke("bin", "list").stdout


def test_bin_erase_erases_one_glimmer_now(alice: User) -> None:
    gone, stays = keep(alice, "gone"), keep(alice, "stays")
    services.delete_glimmer(alice, gone.uuid)
    services.delete_glimmer(alice, stays.uuid)
    result = invoke("bin", "erase", gone.uuid.hex[:6])
    assert result.exit_code == 0, result.output
    assert "“gone” is erased for good." in result.stdout
    assert list(Glimmer.objects.values_list("text", flat=True)) == ["stays"]


@pytest.mark.parametrize("verb", ["restore", "erase"])
def test_a_glimmer_outside_the_bin_is_not_found_there(alice: User, verb: str) -> None:
    glimmer = keep(alice)
    result = invoke("bin", verb, glimmer.short_id)
    assert result.exit_code == 1
    assert "Nothing in the bin starts with" in result.stderr
    assert unchanged(glimmer)


def test_bin_purge_erases_only_what_is_older_than_thirty_days_for_everyone(alice: User, bob: User) -> None:
    old, recent = keep(alice, "old"), keep(alice, "recent")
    keep(alice, "kept")
    bobs = keep(bob, "bob's old")
    for glimmer, days in ((old, 31), (recent, 10), (bobs, 45)):
        services.delete_glimmer(glimmer.owner, glimmer.uuid)
        Glimmer.objects.filter(pk=glimmer.pk).update(deleted_at=timezone.now() - timedelta(days=days))
    result = invoke("bin", "purge")
    assert result.exit_code == 0
    assert "Erased 2 glimmers" in result.stdout
    assert set(Glimmer.objects.values_list("text", flat=True)) == {"recent", "kept"}
    assert json.loads(invoke("bin", "purge", "--json").stdout) == {"erased": 0}
    assert "nothing was erased" in invoke("bin", "purge").stdout


# --- someone else's glimmer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["show"], ["edit", "--text", "mine now", "--glow", "1"], ["delete"], ["bin", "restore"], ["bin", "erase"]],
)
def test_bob_gets_no_glimmer_for_alices_id(alice: User, bob: User, command: list[str]) -> None:
    glimmer = keep(alice, "alice's birdsong", glow=4)
    if command[0] == "bin":
        services.delete_glimmer(alice, glimmer.uuid)
        glimmer = services.get_glimmer(alice, glimmer.uuid, binned=True)
    for glimmer_id in (glimmer.uuid.hex[:6], str(glimmer.uuid)):
        args = [*command, glimmer_id] if command[0] == "bin" else [command[0], glimmer_id, *command[1:]]
        result = invoke(*args, "--user", "bob")
        assert result.exit_code == 1
        assert f"starts with {glimmer_id}" in result.stderr
        assert "alice's birdsong" not in result.output
        assert unchanged(glimmer)


def test_bob_sees_only_his_own_lists(alice: User, bob: User) -> None:
    services.delete_glimmer(alice, keep(alice, "alice binned").uuid)
    keep(alice, "alice's")
    assert json.loads(invoke("list", "--json", "--user", "bob").stdout) == []
    assert json.loads(invoke("bin", "list", "--json", "--user", "bob").stdout) == []


# --- wrong usage ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["add"],
        ["add", "x", "--glow", "bright"],
        ["add", "x", "--no-such-option"],
        ["list", "-n", "0"],
        ["list", "extra"],
        ["show"],
        ["edit", "abcdef"],
        ["edit", "abcdef", "--glow", "3", "--no-glow"],
        ["bin"],
        ["bin", "restore"],
    ],
)
def test_wrong_usage_exits_2(alice: User, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
