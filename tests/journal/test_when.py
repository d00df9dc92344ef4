"""Times in words, read in the glimmer's zone and looking back, as a journal does."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from glimmers.lib.when import parse_when

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 26, 14, 0, tzinfo=LONDON)  # a Thursday afternoon


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("now", "2026-11-26 14:00"),
        ("", "2026-11-26 14:00"),
        ("this morning", "2026-11-26 09:00"),
        ("yesterday 6pm", "2026-11-25 18:00"),
        ("yesterday evening", "2026-11-25 19:00"),
        ("2 hours ago", "2026-11-26 12:00"),
        ("last sunday at noon", "2026-11-22 12:00"),
        ("6pm", "2026-11-25 18:00"),  # said at 2pm: yesterday's
        ("monday", "2026-11-23 14:00"),  # this week's, not next
        ("friday evening", "2026-11-20 19:00"),  # said on a Thursday: last Friday's
        ("2026-03-14 08:30", "2026-03-14 08:30"),
        ("  Yesterday   6PM ", "2026-11-25 18:00"),
    ],
)
def test_words_become_times_that_look_back(words: str, expected: str) -> None:
    assert parse_when(words, LONDON, NOW).strftime("%Y-%m-%d %H:%M") == expected


def test_times_are_read_on_the_zones_own_clock() -> None:
    tokyo = parse_when("yesterday 6pm", ZoneInfo("Asia/Tokyo"), NOW)
    assert tokyo.isoformat() == "2026-11-25T18:00:00+09:00"  # 23:00 on the 26th in Tokyo: yesterday is the 25th


@pytest.mark.parametrize("words", ["banana", "the twelfth of never", "!!!"])
def test_unreadable_words_get_examples(words: str) -> None:
    with pytest.raises(ValidationError, match="yesterday 6pm"):
        parse_when(words, LONDON, NOW)
