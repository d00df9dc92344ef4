"""Times in words ("this morning", "yesterday 6pm") and in ISO form, read in a given time zone."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

EXAMPLES = "“now”, “this morning”, “yesterday 6pm”, “2 hours ago”, “last Sunday at noon” or “2026-03-14 08:30”"

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# parsedatetime reads "morning" and friends as these hours.
_PARTS_OF_DAY = {"morning": 9, "afternoon": 15, "evening": 19, "tonight": 21, "night": 21, "lunchtime": 12}


def parse_when(words: str, zone: ZoneInfo, now: datetime) -> datetime:
    """An aware datetime for `words`, read as local time in `zone`, relative to `now`."""
    words = " ".join(words.strip().split())
    if not words or words.lower() == "now":
        return now
    try:
        parsed = datetime.fromisoformat(words)
    except ValueError:
        pass
    else:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)

    import parsedatetime

    calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
    local_now = now.astimezone(zone).replace(tzinfo=None)
    text = words.lower()
    for part, hour in _PARTS_OF_DAY.items():
        # "this morning" / "yesterday evening": a day word and a part of the day.
        if text.endswith(part) and not any(ch.isdigit() for ch in text):
            day_words = text[: -len(part)].strip()
            if day_words in ("this", "", "today"):
                day = local_now
            else:
                day, context = calendar.parseDT(day_words, sourceTime=local_now)
                if not context.hasDate:
                    break
                if day > local_now and "next" not in day_words and any(d in day_words for d in _WEEKDAYS):
                    day -= timedelta(days=7)  # "friday evening" said on a Thursday: last Friday's
            at_hour: datetime = day.replace(hour=hour, minute=0, second=0, microsecond=0, tzinfo=zone)
            return at_hour
    result, context = calendar.parseDT(text, sourceTime=local_now)
    if not context.hasDateOrTime:
        raise ValidationError(f"I couldn't read “{words}” as a time. Try something like {EXAMPLES}.", code="when")
    # A journal looks back: "6pm" said at 2pm was yesterday's, "monday" said on Thursday was this week's.
    if result > local_now and "next" not in text:
        if any(day in text for day in _WEEKDAYS):
            result -= timedelta(days=7)
        elif context.hasTime and not context.hasDate:
            result -= timedelta(days=1)
    moment: datetime = result.replace(tzinfo=zone)
    return moment
