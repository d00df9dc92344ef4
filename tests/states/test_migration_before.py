"""The repair of issue 11, item 3: states migration 0003 clears a "before" that the old capture form guessed
for another moment — and only that. Run through Django's migration executor: back to the previous states
migration, rows for every case, then forward (on SQLite, and on PostgreSQL with GLIMMERS_TEST_DATABASE_URL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("states", "0002_plain_state_words")
REPAIR = ("states", "0003_clear_guessed_before")
T = datetime(2026, 3, 14, 9, 0, tzinfo=ZoneInfo("UTC"))  # when each glimmer below was kept (created_at)
MINUTE = timedelta(minutes=1)


@pytest.fixture
def old_apps() -> Iterator[Any]:
    """The models as they were before the repair, with the database migrated back to match; forward after."""
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    executor.loader.build_graph()
    targets = [BEFORE, *(node for node in executor.loader.graph.leaf_nodes() if node[0] != "states")]
    yield executor.loader.project_state(targets).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # every app at its latest again


def test_only_a_before_guessed_by_the_old_web_form_is_cleared(
    old_apps: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    user_model = old_apps.get_model("accounts", "User")
    glimmer_model = old_apps.get_model("journal", "Glimmer")
    checkin_model = old_apps.get_model("states", "CheckIn")
    alice = user_model.objects.create(username="alice", time_zone="UTC")
    bob = user_model.objects.create(username="bob", time_zone="UTC")

    def check_in(owner: Any, state: str, at: datetime) -> None:
        checkin_model.objects.create(owner=owner, state=state, at=at, time_zone="UTC", local_date=at.date())

    def glimmer(
        name: str, noticed: datetime, *, before: str = "dorsal", source: str = "web", owner: Any = alice
    ) -> None:
        kept = glimmer_model.objects.create(
            owner=owner,
            text=name,
            noticed_at=noticed,
            time_zone="UTC",
            local_date=noticed.date(),
            state_before=before,
            source=source,
        )
        glimmer_model.objects.filter(pk=kept.pk).update(created_at=T)  # auto_now_add: set it afterwards

    check_in(alice, "dorsal", T - 10 * MINUTE)  # the check-in the old form used for everything kept at T
    check_in(bob, "dorsal", T - 10 * MINUTE)
    check_in(bob, "ventral", T - 8 * 24 * 60 * MINUTE + 5 * MINUTE)  # bob checked in a week and a bit ago

    glimmer("a week earlier", T - 7 * 24 * 60 * MINUTE)  # cleared: nothing near its own moment
    glimmer("twenty minutes before the check-in", T - 30 * MINUTE)  # cleared: the check-in came after it
    glimmer("kept at its moment", T - MINUTE)  # kept: the check-in is in the 30 minutes before its moment
    glimmer("chosen, not the check-in's state", T - 7 * 24 * 60 * MINUTE, before="ventral")  # kept: (b) fails
    glimmer("no before", T - 7 * 24 * 60 * MINUTE, before="")  # nothing to clear
    glimmer("from the cli", T - 7 * 24 * 60 * MINUTE, source="cli")  # kept: people chose those
    glimmer("from the api", T - 7 * 24 * 60 * MINUTE, source="api")
    glimmer("from an import", T - 7 * 24 * 60 * MINUTE, source="import:jrnl")
    glimmer("bob, near his own check-in", T - 8 * 24 * 60 * MINUTE + 20 * MINUTE, owner=bob)  # kept: (c) fails
    glimmer("bob, a day earlier", T - 24 * 60 * MINUTE, owner=bob)  # cleared
    check_in(alice, "dorsal", T - 3 * 24 * 60 * MINUTE)  # someone else's moment doesn't count...
    glimmer("alice, near a check-in", T - 3 * 24 * 60 * MINUTE + 29 * MINUTE, before="dorsal")  # ...this one is kept

    executor = MigrationExecutor(connection)
    executor.migrate([REPAIR])

    after = dict(glimmer_model.objects.values_list("text", "state_before"))
    assert after == {
        "a week earlier": "",
        "twenty minutes before the check-in": "",
        "kept at its moment": "dorsal",
        "chosen, not the check-in's state": "ventral",
        "no before": "",
        "from the cli": "dorsal",
        "from the api": "dorsal",
        "from an import": "dorsal",
        "bob, near his own check-in": "dorsal",
        "bob, a day earlier": "",
        "alice, near a check-in": "dorsal",
    }
    assert "cleared on 3 glimmers" in capsys.readouterr().err
