"""Signing in and out, throttling, and changing a password."""

from __future__ import annotations

import pytest
from django.test import Client

from glimmers.accounts.models import User
from tests.conftest import PASSWORD

SAME_MESSAGE = "That name and password don&#x27;t go together"


def _sign_in(client: Client, name: str, password: str) -> object:
    return client.post("/sign-in/", {"username": name, "password": password})


def test_alice_signs_in_and_lands_on_today(client: Client, alice: User) -> None:
    response = _sign_in(client, "alice", PASSWORD)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == "/"  # type: ignore[index]
    assert "Keep this glimmer" in client.get("/").content.decode()


def test_an_unknown_name_and_a_wrong_password_get_the_same_message(client: Client, alice: User) -> None:
    wrong_password = _sign_in(client, "alice", "not the password").content.decode()  # type: ignore[attr-defined]
    unknown_name = _sign_in(client, "nobody", "not the password").content.decode()  # type: ignore[attr-defined]
    assert SAME_MESSAGE in wrong_password
    assert SAME_MESSAGE in unknown_name


def test_five_misses_rest_the_name_for_a_while_with_a_link_to_support(client: Client, alice: User) -> None:
    for _ in range(5):
        _sign_in(client, "alice", "not the password")
    response = _sign_in(client, "alice", PASSWORD)  # even the right password waits
    assert response.status_code == 429  # type: ignore[attr-defined]
    text = response.content.decode()  # type: ignore[attr-defined]
    assert "15 minutes" in text
    assert 'href="/support/"' in text
    assert client.get("/settings/").status_code == 302


def test_the_rest_is_for_that_name_and_address_only(client: Client, alice: User, bob: User) -> None:
    for _ in range(5):
        _sign_in(client, "alice", "not the password")
    assert _sign_in(Client(), "bob", PASSWORD).status_code == 302  # type: ignore[attr-defined]
    other_address = Client(REMOTE_ADDR="10.9.8.7")
    assert _sign_in(other_address, "alice", PASSWORD).status_code == 302  # type: ignore[attr-defined]


def test_sign_out_needs_a_post_and_clears_the_browser(alice_client: Client) -> None:
    assert alice_client.get("/sign-out/").status_code == 405
    response = alice_client.post("/sign-out/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert alice_client.get("/settings/").status_code == 302


def test_passwords_are_hashed_with_argon2(db: None) -> None:
    from django.contrib.auth.hashers import make_password

    from glimmers import settings  # the real settings; the test run puts a fast hasher first

    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert make_password("x", hasher="argon2").startswith("argon2$")


def test_a_password_change_needs_the_current_one(alice_client: Client) -> None:
    response = alice_client.post(
        "/settings/password/",
        {
            "old_password": "wrong",
            "new_password1": "lanterns over the river",
            "new_password2": "lanterns over the river",
        },
    )
    assert response.status_code == 200
    assert "That isn&#x27;t the password you use now" in response.content.decode()


@pytest.mark.parametrize(
    ("new", "says"),
    [
        ("short", "at least 10 characters"),
        ("password123", "Many people use that password"),
        ("12345678901234", "only numbers"),
    ],
)
def test_a_weak_new_password_gets_a_kind_reason(alice_client: Client, new: str, says: str) -> None:
    response = alice_client.post(
        "/settings/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 200
    assert says in response.content.decode()


def test_a_changed_password_keeps_you_signed_in(alice_client: Client, alice: User) -> None:
    new = "lanterns over the river"
    response = alice_client.post(
        "/settings/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert alice_client.get("/settings/").status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(new)


def test_settings_say_what_the_operator_can_read(alice_client: Client) -> None:
    text = alice_client.get("/settings/").content.decode()
    assert "Whoever runs that server can read everything stored" in text


def test_the_time_zone_is_saved_and_checked(alice_client: Client, alice: User) -> None:
    assert alice_client.post("/settings/", {"time_zone": "Asia/Tokyo"}).status_code == 302
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Tokyo"
    response = alice_client.post("/settings/", {"time_zone": "Mars/Olympus"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "time zone" in response.content.decode()
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Tokyo"


def test_the_password_page_speaks_plainly_and_shows_every_problem_beside_its_box(alice_client: Client) -> None:
    page = alice_client.get("/settings/password/").content.decode()
    for words in ("The password you use now", "A new password", "The new password again", "a few words in a row"):
        assert words in page
    for django_words in ("Old password", "New password confirmation", "for verification", "<ul><li>"):
        assert django_words not in page
    response = alice_client.post(
        "/settings/password/", {"old_password": "", "new_password1": "short", "new_password2": "shorter"}
    )
    text = response.content.decode()
    assert "Please type the password you use now." in text
    assert "The two new passwords are different" in text
    # a weak password's reason sits beside the box where it was chosen, not under "again"
    first = text.index('id="id_new_password1_errors"')
    assert "at least 10 characters" in text[first : text.index("</ul>", first)]


def test_forgotten_passwords_are_for_the_person_who_runs_glimmers_and_the_command_is_in_the_operator_docs(
    client: Client, db: None
) -> None:
    from pathlib import Path

    page = client.get("/sign-in/").content.decode()
    assert "Ask the person who runs your Glimmers" in page
    assert "set-password" not in page
    operator_docs = (Path(__file__).parents[2] / "docs" / "self-hosting.md").read_text()
    assert "glimmers user set-password" in operator_docs
    assert "Forgotten passwords" in operator_docs


def test_the_web_changes_a_password_through_the_same_service_as_the_cli(
    alice_client: Client, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glimmers.accounts import services

    saved: list[str] = []
    real = services.set_password
    monkeypatch.setattr(services, "set_password", lambda user, password: (saved.append(password), real(user, password)))
    new = "lanterns over the river"
    response = alice_client.post(
        "/settings/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert saved == [new]
    alice.refresh_from_db()
    assert alice.check_password(new)
    assert alice_client.get("/settings/").status_code == 200  # still signed in here
