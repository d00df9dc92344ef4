"""Personas shared by every test: alice and bob each have an account; bob must never see alice's things."""

from __future__ import annotations

import pytest
from django.test import Client

from glimmers.accounts.models import User

PASSWORD = "a quiet morning by the sea"


def make_user(name: str, time_zone: str = "Europe/London") -> User:
    user = User(username=name, time_zone=time_zone)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def alice(db: None) -> User:
    return make_user("alice")


@pytest.fixture
def bob(db: None) -> User:
    return make_user("bob", time_zone="America/New_York")


@pytest.fixture
def alice_client(alice: User) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob: User) -> Client:
    client = Client()
    client.force_login(bob)
    return client
