"""`glimmers user …` and `glimmers token …` in-process, plus the exit codes scripts rely on."""

from __future__ import annotations

import json

import pytest

from glimmers.accounts import services
from glimmers.accounts.models import ApiToken, User
from tests.helpers import invoke

NEW_PASSWORD = "rain on the window at night"


@pytest.mark.django_db
def test_user_create_reads_the_password_from_stdin() -> None:
    result = invoke(
        "user", "create", "sam", "--password-stdin", "--time-zone", "Europe/Paris", stdin=NEW_PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "“sam” is ready" in result.output
    sam = User.objects.get(username="sam")
    assert sam.check_password(NEW_PASSWORD)
    assert sam.time_zone == "Europe/Paris"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        (["user", "create", "sam", "--password-stdin"], "short\n", "at least 10 characters"),
        (["user", "create", "sam", "--password-stdin"], "\n", "password was empty"),
        (["user", "create", "sam", "--password-stdin", "--time-zone", "Moon/Base"], NEW_PASSWORD + "\n", "time zone"),
        (["user", "create", "two words", "--password-stdin"], NEW_PASSWORD + "\n", "no spaces"),
        (["user", "create", "sam"], "", "--password-stdin"),
    ],
)
def test_user_create_explains_what_to_change(args: list[str], stdin: str, says: str) -> None:
    result = invoke(*args, stdin=stdin)
    assert result.exit_code == 1
    assert says in result.output
    assert not User.objects.exists()


def test_a_taken_name_is_refused_kindly(alice: User) -> None:
    result = invoke("user", "create", "Alice", "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert result.exit_code == 1
    assert "already uses the name" in result.output


def test_user_list_prints_json(alice: User, bob: User) -> None:
    result = invoke("user", "list", "--json")
    assert result.exit_code == 0
    assert [row["name"] for row in json.loads(result.output)] == ["alice", "bob"]


def test_set_password_changes_it(alice: User) -> None:
    result = invoke("user", "set-password", "alice", "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_set_password_for_nobody_says_so(db: None) -> None:
    result = invoke("user", "set-password", "nobody", "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert result.exit_code == 1
    assert "no account called “nobody”" in result.output


def test_user_delete_asks_a_script_for_yes(alice: User) -> None:
    result = invoke("user", "delete", "alice")
    assert result.exit_code == 1
    assert User.objects.filter(username="alice").exists()
    result = invoke("user", "delete", "alice", "--yes")
    assert result.exit_code == 0
    assert not User.objects.filter(username="alice").exists()


def test_token_create_prints_the_token_alone_on_the_last_line(alice: User) -> None:
    result = invoke("token", "create", "--read-only", "--name", "phone")
    assert result.exit_code == 0, result.output
    plain = result.stdout.strip().splitlines()[-1]
    token = services.authenticate_token(plain)
    assert token is not None and token.read_only and token.user == alice


def test_token_commands_need_a_user_when_several_exist(alice: User, bob: User, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke("token", "create")
    assert result.exit_code == 1
    assert "--user NAME" in result.output
    assert invoke("token", "create", "--user", "bob").exit_code == 0
    monkeypatch.setenv("GLIMMERS_USER", "alice")
    assert invoke("token", "create").exit_code == 0
    assert ApiToken.objects.filter(user=alice).count() == ApiToken.objects.filter(user=bob).count() == 1


def test_token_list_and_revoke(alice: User) -> None:
    token, _plain = services.create_token(alice, name="backup script")
    listed = json.loads(invoke("token", "list", "--json").output)
    assert listed[0]["id"] == token.key_id and listed[0]["name"] == "backup script"
    assert "digest" not in listed[0] and "token" not in listed[0]
    result = invoke("token", "revoke", token.key_id)
    assert result.exit_code == 0
    assert not ApiToken.objects.exists()
    again = invoke("token", "revoke", token.key_id)
    assert again.exit_code == 1
    assert "no token" in again.output


def test_bob_cannot_revoke_alices_token(alice: User, bob: User) -> None:
    token, _plain = services.create_token(alice)
    result = invoke("token", "revoke", token.key_id, "--user", "bob")
    assert result.exit_code == 1
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_wrong_usage_exits_2(db: None) -> None:
    assert invoke("user", "create").exit_code == 2
    assert invoke("no-such-command").exit_code == 2
