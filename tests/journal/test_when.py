"""Times in words, read in the glimmer's zone and looking back, as a journal does — and never guessed at."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from glimmers.lib.when import in_words, parse_when

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 26, 14, 0, tzinfo=LONDON)  # a Thursday afternoon
EARLY = datetime(2026, 11, 26, 7, 24, tzinfo=LONDON)  # before the morning's usual 09:00
AFTER_MIDNIGHT = datetime(2026, 11, 26, 0, 20, tzinfo=LONDON)
LATE = datetime(2026, 11, 26, 22, 30, tzinfo=LONDON)
SPRING_FORWARD = datetime(2026, 3, 29, 0, 20, tzinfo=LONDON)  # clocks go forward at 01:00 GMT tonight
SPRING_AFTER = datetime(2026, 3, 29, 3, 30, tzinfo=LONDON)  # 03:30 BST, 02:30 UTC
FALL_BACK = datetime(2026, 10, 25, 0, 20, tzinfo=LONDON)  # BST; clocks go back at 02:00 BST
FALL_REPEATED = datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)  # the second 01:30, in GMT
TIMES = {
    "early": EARLY,
    "afternoon": NOW,
    "after midnight": AFTER_MIDNIGHT,
    "late": LATE,
    "spring forward": SPRING_FORWARD,
    "spring after": SPRING_AFTER,
    "fall back": FALL_BACK,
    "fall repeated": FALL_REPEATED,
}
NOT_YET = "not yet"
TO_COME = "still to come"

# phrase × time of day: the moment in UTC, or the kind of refusal
TABLE = {
    "this morning": {
        "early": "2026-11-26 07:24",  # begun, but before 09:00: now, to the minute
        "afternoon": "2026-11-26 09:00",
        "after midnight": NOT_YET,
        "late": "2026-11-26 09:00",
        "spring after": NOT_YET,
        "fall repeated": NOT_YET,
    },
    "in the morning": {"early": "2026-11-26 07:24", "afternoon": "2026-11-26 09:00", "after midnight": NOT_YET},
    "this afternoon": {"early": NOT_YET, "afternoon": "2026-11-26 14:00", "late": "2026-11-26 15:00"},
    "this evening": {
        "early": NOT_YET,
        "afternoon": NOT_YET,
        "after midnight": "2026-11-25 19:00",  # the evening that began yesterday
        "late": "2026-11-26 19:00",
        "spring forward": "2026-03-28 19:00",
        "spring after": "2026-03-28 19:00",
        "fall back": "2026-10-24 18:00",  # 19:00 BST
        "fall repeated": "2026-10-24 18:00",
    },
    "in the evening": {"afternoon": NOT_YET, "after midnight": "2026-11-25 19:00", "late": "2026-11-26 19:00"},
    "tonight": {
        "early": NOT_YET,
        "afternoon": NOT_YET,
        "after midnight": "2026-11-25 21:00",
        "late": "2026-11-26 21:00",
        "spring after": "2026-03-28 21:00",
        "fall repeated": "2026-10-24 20:00",  # 21:00 BST
    },
    "last night": {
        "early": "2026-11-25 21:00",
        "afternoon": "2026-11-25 21:00",
        "after midnight": "2026-11-25 21:00",
        "late": "2026-11-25 21:00",
        "spring forward": "2026-03-28 21:00",
        "fall back": "2026-10-24 20:00",
    },
    "yesterday evening": {"afternoon": "2026-11-25 19:00", "after midnight": "2026-11-25 19:00"},
    "friday evening": {"afternoon": "2026-11-20 19:00"},  # said on a Thursday: last Friday's
    "6pm": {"afternoon": NOT_YET, "late": "2026-11-26 18:00", "after midnight": NOT_YET},
    "this morning 8am": {"early": NOT_YET, "afternoon": "2026-11-26 08:00"},
    "yesterday evening at 7": {"afternoon": "2026-11-25 19:00"},
    "last night at 2am": {"afternoon": "2026-11-26 02:00", "after midnight": TO_COME},
    "yesterday 6pm": {
        "afternoon": "2026-11-25 18:00",
        "after midnight": "2026-11-25 18:00",
        "spring after": "2026-03-28 18:00",
        "fall back": "2026-10-24 17:00",
    },
    "2 hours ago": {
        "afternoon": "2026-11-26 12:00",
        "after midnight": "2026-11-25 22:20",
        "spring after": "2026-03-29 00:30",  # two real hours, across the hour that was skipped
        "fall repeated": "2026-10-24 23:30",  # and across the hour that came twice
    },
    "10 minutes ago": {"afternoon": "2026-11-26 13:50", "after midnight": "2026-11-26 00:10"},
    "half an hour ago": {"afternoon": "2026-11-26 13:30"},
    "an hour ago": {"afternoon": "2026-11-26 13:00"},
    "1h ago": {"afternoon": "2026-11-26 13:00"},
    "3 days ago": {"afternoon": "2026-11-23 14:00"},
    "last sunday at noon": {"afternoon": "2026-11-22 12:00"},
    "sunday at noon": {"afternoon": "2026-11-22 12:00"},
    "noon": {"early": NOT_YET, "afternoon": "2026-11-26 12:00"},
    "monday": {"afternoon": "2026-11-23 14:00"},  # this week's, not next
    "march 14 8:30": {"afternoon": "2026-03-14 08:30"},  # this year's, not next year's
    "noon on 28 february": {"afternoon": "2026-02-28 12:00"},
    "  Yesterday   6PM ": {"afternoon": "2026-11-25 18:00"},
    "yesterday at 6:30 p.m.": {"afternoon": "2026-11-25 18:30"},
    "now": {"afternoon": "2026-11-26 14:00", "fall repeated": "2026-10-25 01:30"},
    "": {"afternoon": "2026-11-26 14:00"},
    "today": {"early": "2026-11-26 07:24"},
    "2026-03-14 08:30": {"afternoon": "2026-03-14 08:30"},
    "in 2 hours": {"afternoon": TO_COME, "early": TO_COME},
    "in 10 minutes": {"afternoon": TO_COME},
    "in 3 days": {"afternoon": TO_COME},
    "tomorrow": {"afternoon": TO_COME},
    "next monday": {"afternoon": TO_COME},
    "2 hours from now": {"afternoon": TO_COME},
}
CASES = [(words, when, expected) for words, row in TABLE.items() for when, expected in row.items()]


@pytest.mark.parametrize(("words", "when", "expected"), CASES)
def test_words_at_each_time_of_day(words: str, when: str, expected: str) -> None:
    now = TIMES[when]
    if expected == NOT_YET:
        with pytest.raises(ValidationError, match=r"isn't .* yet — did you mean (yesterday|last night)"):
            parse_when(words, LONDON, now)
    elif expected == TO_COME:
        with pytest.raises(ValidationError, match="still to come"):
            parse_when(words, LONDON, now)
    else:
        moment = parse_when(words, LONDON, now)
        assert moment <= now
        assert moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M") == expected


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("this evening", "It isn't evening yet — did you mean yesterday evening?"),
        ("tonight", "It isn't night yet — did you mean last night?"),
        ("6pm", "It isn't 18:00 yet — did you mean yesterday at 18:00?"),
        (
            "in 2 hours",
            "“in 2 hours” is still to come. Glimmers keeps moments that have happened — did you mean “2 hours ago”?",
        ),
    ],
)
def test_refusals_say_kindly_what_was_probably_meant(words: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_when(words, LONDON, NOW)
    assert refused.value.messages == [message]


@pytest.mark.parametrize(
    "words",
    [
        "2 hours agoo",
        "blorp 6pm",
        "yesterday 25pm",
        "yesterday 18:75",
        "noon on 30 February",
        "30th of february",
        "banana",
        "the twelfth of never",
        "!!!",
        "14/03/2026",
        "this morning and evening",
        "yesterday morning at 8 and 9",
        "evening blorp",
        "ago 6pm",
    ],
)
@pytest.mark.parametrize("when", ["early", "afternoon", "after midnight", "spring after"])
def test_words_it_does_not_fully_understand_are_refused_with_examples(words: str, when: str) -> None:
    with pytest.raises(ValidationError, match=r"couldn't read .* Try something like .*yesterday 6pm"):
        parse_when(words, LONDON, TIMES[when])


def test_times_are_read_on_the_zones_own_clock() -> None:
    tokyo = parse_when("yesterday 6pm", ZoneInfo("Asia/Tokyo"), NOW)
    assert tokyo.isoformat() == "2026-11-25T18:00:00+09:00"  # 23:00 on the 26th in Tokyo: yesterday is the 25th


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (datetime(2026, 11, 26, 7, 0, tzinfo=LONDON), "today at 07:00"),
        (datetime(2026, 11, 25, 18, 0, tzinfo=LONDON), "yesterday at 18:00"),
        (datetime(2026, 11, 22, 12, 0, tzinfo=LONDON), "Sun 22 Nov at 12:00"),
        (datetime(2025, 3, 14, 8, 30, tzinfo=LONDON), "Fri 14 Mar 2025 at 08:30"),
        (datetime(2026, 11, 26, 4, 0, tzinfo=UTC), "today at 13:00"),  # on the zone's own clock (Tokyo)
    ],
)
def test_a_moment_in_words(moment: datetime, said: str) -> None:
    zone = ZoneInfo("Asia/Tokyo") if said == "today at 13:00" else LONDON
    assert in_words(moment, zone, NOW) == said
