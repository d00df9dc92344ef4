"""`python -m bench.feed`: the calendar feed's server time with 20 rituals (issue 20's figure: at most 30 ms).

A throwaway database (the test settings: SQLite, or PostgreSQL when GLIMMERS_TEST_DATABASE_URL is set) holds one
person with 20 rituals of four shapes, 200 glimmers, and every option of the feed on (noticing, the evening, a past
glimmer). Each request goes through Django's test client, so every middleware and the view run; only the call is
timed. Three figures, 200 requests each after a warm-up: a full answer (200) as calendar apps see it most of the
time (the feed built once and kept), a conditional request answered 304, and a full answer built afresh every time
(the first fetch after a change). Prints medians and 95th percentiles in milliseconds.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

REQUESTS = 200
WARM_UP = 20
SHAPES = ("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=DAILY;INTERVAL=3", "FREQ=MONTHLY;BYMONTHDAY=1,15")


def _times(call: Callable[[], Any], before: Callable[[], None] = lambda: None) -> list[float]:
    found = []
    for _ in range(REQUESTS):
        before()
        start = time.perf_counter()
        call()
        found.append((time.perf_counter() - start) * 1000)
    return sorted(found)


def _said(label: str, times: list[float]) -> str:
    p95 = times[int(len(times) * 0.95) - 1]
    return f"{label}: median {statistics.median(times):.1f} ms, 95th percentile {p95:.1f} ms"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.test.runner import DiscoverRunner
    from django.test.utils import setup_test_environment

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    try:
        from django.test import Client

        from glimmers.accounts.models import User
        from glimmers.journal import services as journal
        from glimmers.practice import reminders, services

        user = User.objects.create_user("alice", password="a quiet morning by the sea", time_zone="Europe/London")
        for n in range(20):
            at = f"{6 + n % 14:02d}:30"
            services.create_ritual(
                user, name=f"Ritual {n}", about="A small pleasure", schedule=SHAPES[n % 4], time_of_day=at
            )
        for n in range(200):
            journal.create_glimmer(user, text=f"A small good moment, number {n}")
        reminders.turn_feed_on(user)
        reminders.set_feed_options(user, noticing_at="12:00", evening=True, past_glimmer=True)
        path = reminders.feed_path(user)
        assert path is not None
        client = Client()
        first = client.get(path)
        assert first.status_code == 200
        for _ in range(WARM_UP):
            client.get(path)
        assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        print(f"{len(first.content)} bytes, 20 rituals, noticing, evening and a past glimmer")
        print(_said("200, kept", _times(lambda: client.get(path))))
        print(_said("304", _times(lambda: client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]))))
        print(_said("200, built afresh", _times(lambda: client.get(path), before=reminders.forget_built)))
    finally:
        runner.teardown_databases(databases)


if __name__ == "__main__":
    main()
