"""Low-energy mode moved from the kit's settings to the profile: each person's choice comes along."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0001_initial"), ("kit", "0001_initial")]
AFTER = [("accounts", "0002_low_energy_on_the_profile"), ("kit", "0002_low_energy_moves_to_the_profile")]


@pytest.mark.django_db(transaction=True)
def test_each_persons_low_energy_choice_moves_to_their_profile_and_back() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldUser, OldSettings = old.get_model("accounts", "User"), old.get_model("kit", "KitSettings")
    tired = OldUser.objects.create(username="tired")
    fine = OldUser.objects.create(username="fine")
    OldUser.objects.create(username="never-chose")
    OldSettings.objects.create(owner=tired, low_energy=True)
    OldSettings.objects.create(owner=fine, low_energy=False, savour_seconds=30)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    User, Settings = new.get_model("accounts", "User"), new.get_model("kit", "KitSettings")
    assert dict(User.objects.values_list("username", "low_energy")) == {
        "tired": True,
        "fine": False,
        "never-chose": False,
    }
    assert Settings.objects.get(owner__username="fine").savour_seconds == 30

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    back = old.get_model("kit", "KitSettings").objects.filter(low_energy=True)
    assert [row.owner.username for row in back] == ["tired"]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # leave the database as the other tests expect
