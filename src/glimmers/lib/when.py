"""Times in words ("this morning", "yesterday 6pm") and in ISO form, read in a given time zone.

A journal looks back, and never guesses. The rules (issue 11):
- parts of the day: morning 05–12 (said alone, 09:00), afternoon 12–17 (15:00), evening 17–21 (19:00),
  night 21–05 (21:00); "this X" once X has begun but before its usual time means now, to the minute;
  "this X" before X has begun is refused kindly, except that from 00:00 to 05:00 "tonight", "this evening"
  and "last night" are the evening that began yesterday; "in the morning" is "this morning";
- a time of day later than now today ("6pm" at 14:00), "in 2 hours", "tomorrow": refused, kindly;
- every word must be understood: parsedatetime reads what it can and skips the rest ("2 hours agoo" was two
  hours *ahead*), so the words are checked against a small vocabulary, parsedatetime must have read all of
  them, and the day, month and time it found must be the ones written ("yesterday 25pm", "30 February").
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

EXAMPLES = "“now”, “this morning”, “yesterday 6pm”, “2 hours ago”, “last Sunday at noon” or “2026-03-14 08:30”"
UNREADABLE = "I couldn't read “{words}” as a time. Try something like {examples}."
PART_NOT_YET = "It isn't {part} yet — did you mean {instead}?"
TIME_NOT_YET = "It isn't {time} yet — did you mean yesterday at {time}?"
STILL_TO_COME = "“{words}” is still to come. Glimmers keeps moments that have happened — when did you notice it?"
IN_SOME_TIME = "“{words}” is still to come. Glimmers keeps moments that have happened — did you mean “{ago}”?"


class Part(NamedTuple):
    start: int  # the hour it begins (inclusive)
    end: int  # the hour it ends (exclusive; night wraps past midnight)
    usual: int  # the hour it means when said alone


PARTS = {
    "morning": Part(5, 12, 9),
    "afternoon": Part(12, 17, 15),
    "lunchtime": Part(12, 14, 12),
    "evening": Part(17, 21, 19),
    "night": Part(21, 5, 21),
}


def _listed(words: str) -> tuple[str, ...]:
    return tuple(words.split())


_WEEKDAYS = _listed("monday tuesday wednesday thursday friday saturday sunday")
_WEEKDAY_SHORT = _listed("mon tue tues wed thu thur thurs fri sat sun")
_MONTHS = _listed("january february march april may june july august september october november december")
_MONTH_SHORT = _listed("jan feb mar apr jun jul aug sep sept oct nov dec")
_NUMBERS = _listed("a an one two three four five six seven eight nine ten eleven twelve")
_UNITS = _listed("minute minutes min mins hour hours hr hrs day days week weeks month months year years")
_WORDS = {"ago", "at", "on", "the", "of", "in", "this", "last", "next", "today", "yesterday", "tomorrow", "now"}
_WORDS |= {"noon", "midday", "midnight", "am", "pm", "from", "tonight", "half", *PARTS}
_WORDS |= {*_WEEKDAYS, *_WEEKDAY_SHORT, *_MONTHS, *_MONTH_SHORT, *_NUMBERS, *_UNITS}
_FILLER = {"at", "on", "the", "of", "in"}
_TOKEN = re.compile(r"\d+|\d+(st|nd|rd|th)|\d{1,2}(:\d{2})?(am|pm)|\d{1,2}:\d{2}|\d+(h|hr|hrs|min|mins)")
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b|\b(\d{1,2}):(\d{2})\b")
_MONTH = "|".join(sorted(_MONTHS + _MONTH_SHORT, key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b|\b({_MONTH})\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?::|am|pm))"
)
_UNIT = re.compile(rf"{'|'.join(_UNITS)}|\d+(h|hr|hrs|min|mins)")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_IN_SOME_TIME = re.compile(rf"\bin\s+(\d+|{'|'.join(_NUMBERS)})\s+({'|'.join(_UNITS)})\b")
_FROM_NOW = re.compile(r"\bfrom\s+now\b")
_AGO = re.compile(rf"^(\d+|{'|'.join(_NUMBERS)})\s*(minutes?|mins?|hours?|hrs?|h)\s+ago$")
_SMALL_NUMBERS = {word: n for n, word in enumerate(_NUMBERS[2:], start=1)} | {"a": 1, "an": 1}


def unreadable(words: str) -> ValidationError:
    return ValidationError(UNREADABLE.format(words=words, examples=EXAMPLES), code="when")


def parse_when(words: str, zone: ZoneInfo, now: datetime) -> datetime:
    """An aware datetime for `words`, read as local time in `zone`, relative to `now`; never later than now
    for words (an ISO time is taken as written: the services decide how far ahead it may be)."""
    words = " ".join(words.strip().split())
    if not words or words.lower() in ("now", "today", "just now", "right now"):
        return now
    try:
        parsed = datetime.fromisoformat(words)
    except ValueError:
        pass
    else:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)

    text = _normalised(words)
    tokens = text.split()
    if not tokens or any(not (token in _WORDS or _TOKEN.fullmatch(token)) for token in tokens):
        raise unreadable(words)
    if any(token == "ago" and (at == 0 or not _UNIT.fullmatch(tokens[at - 1])) for at, token in enumerate(tokens)):
        raise unreadable(words)  # parsedatetime reads "ago 6pm" as 6pm
    if match := _IN_SOME_TIME.search(text):
        raise ValidationError(IN_SOME_TIME.format(words=words, ago=f"{match[1]} {match[2]} ago"), code="future")
    if _FROM_NOW.search(text) or "tomorrow" in text.split():
        raise ValidationError(STILL_TO_COME.format(words=words), code="future")
    local_now = now.astimezone(zone)
    if match := _AGO.match(text.replace("half an hour", "30 minutes")):
        # Minutes and hours ago are counted in real time (in UTC: arithmetic on a local clock would count the
        # hour the clocks skip or repeat).
        count = int(match[1]) if match[1].isdigit() else _SMALL_NUMBERS[match[1]]
        hours = match[2].startswith("h")
        return (now.astimezone(UTC) - (timedelta(hours=count) if hours else timedelta(minutes=count))).astimezone(zone)
    if any(token in PARTS or token == "tonight" for token in text.split()):
        moment = _with_part_of_day(words, text, zone, local_now)
    else:
        moment = _with_parsedatetime(words, text, zone, local_now)
    if moment > now:
        if moment.date() == local_now.date() and not _names_a_day(text):
            raise ValidationError(TIME_NOT_YET.format(time=f"{moment:%H:%M}"), code="future")
        raise ValidationError(STILL_TO_COME.format(words=words), code="future")
    return moment


def _normalised(words: str) -> str:
    text = words.lower().replace(",", " ").replace("a.m.", "am").replace("p.m.", "pm")
    text = re.sub(r"\b(\d{1,2}(?::\d{2})?)\s+(am|pm)\b", r"\1\2", text)
    text = re.sub(r"\bin the (morning|afternoon|evening)\b", r"this \1", text)
    text = re.sub(r"\bat night\b", "tonight", text)
    return " ".join(text.split())


def _names_a_day(text: str) -> bool:
    tokens = set(text.split())
    return bool(tokens & {"yesterday", "last", "next", *_WEEKDAYS, *_WEEKDAY_SHORT, *_MONTHS, *_MONTH_SHORT})


def _calendar() -> Any:
    import parsedatetime  # about 25 ms: only when words need it

    return parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)


def _with_parsedatetime(words: str, text: str, zone: ZoneInfo, local_now: datetime) -> datetime:
    """Words without a part of the day, read by parsedatetime and then checked: it must have read every word,
    and the day, month, year and time it found must be those written."""
    calendar = _calendar()
    naive_now = local_now.replace(tzinfo=None)
    found = calendar.nlp(text, sourceTime=naive_now) or ()
    read: set[int] = set()
    for _moment, _context, start, end, _text in found:
        read.update(range(start, end))
    position = 0
    for token in text.split(" "):
        start = text.index(token, position)
        position = start + len(token)
        if token not in _FILLER and not set(range(start, position)) <= read:
            raise unreadable(words)
    result, context = calendar.parseDT(text, sourceTime=naive_now)
    if not context.hasDateOrTime:
        raise unreadable(words)
    clock = _clock(words, text)
    if clock is not None and (not context.hasTime or (result.hour, result.minute) != clock):
        raise unreadable(words)
    for match in _DAY_OF_MONTH.finditer(text):
        day = int(match[1] or match[4])
        month_name = match[2] or match[3]
        month = 1 + next(i for i, name in enumerate(_MONTHS) if name.startswith(month_name[:3]))
        if not context.hasDate or (result.month, result.day) != (month, day):
            raise unreadable(words)  # "30 February": parsedatetime quietly reads some other day
    years = _YEAR.findall(text)
    if years and result.year != int(years[-1]):
        raise unreadable(words)
    tokens = set(text.split())
    if result > naive_now and "next" not in tokens and result.date() != naive_now.date():
        # A journal looks back: "monday" said on a Thursday was this week's; "14 March" said in November,
        # this year's, not next year's.
        if tokens & {*_WEEKDAYS, *_WEEKDAY_SHORT}:
            result -= timedelta(days=7)
        elif tokens & {*_MONTHS, *_MONTH_SHORT} and not years:
            result = _year_before(result)
    return _on_the_clock(result, zone)


def _clock(words: str, text: str) -> tuple[int, int] | None:
    """The time of day written ("6pm", "18:30", "noon"), checked; None when no time of day is written."""
    match = _CLOCK.search(text)
    if match is None:
        tokens = text.split()
        if "noon" in tokens or "midday" in tokens:
            return (12, 0)
        return (0, 0) if "midnight" in tokens else None
    if match[3]:
        hour, minute = int(match[1]), int(match[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise unreadable(words)
        return (hour % 12 + (12 if match[3] == "pm" else 0), minute)
    hour, minute = int(match[4]), int(match[5])
    if hour > 23 or minute > 59:
        raise unreadable(words)
    return (hour, minute)


def _year_before(moment: datetime) -> datetime:
    try:
        return moment.replace(year=moment.year - 1)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - 1, day=28)


def _on_the_clock(naive: datetime, zone: ZoneInfo) -> datetime:
    return naive.replace(tzinfo=zone)


def _with_part_of_day(words: str, text: str, zone: ZoneInfo, local_now: datetime) -> datetime:
    """ "this morning", "yesterday evening", "tonight", "last night", "friday afternoon", "this morning 8am"."""
    tokens = text.replace("tonight", "this night").split()
    parts = [token for token in tokens if token in PARTS]
    if len(parts) != 1:
        raise unreadable(words)
    name = parts[0]
    part = PARTS[name]
    at = tokens.index(name)
    rest = tokens[:at] + tokens[at + 1 :]
    which = ""
    if at > 0 and tokens[at - 1] in ("this", "last"):
        which = tokens[at - 1]
        rest = tokens[: at - 1] + tokens[at + 1 :]
    clock_words = [t for t in rest if _CLOCK.fullmatch(t) or t in ("noon", "midday", "midnight") or t.isdigit()]
    day_words = [t for t in rest if t not in clock_words and t not in _FILLER]
    today = local_now.date()
    if which == "last":
        if day_words:
            raise unreadable(words)
        day_words = ["yesterday"]
    this_part = not day_words or day_words == ["today"]
    if this_part:
        # "this evening": the one that has begun, or (before 05:00) the evening or night that began yesterday
        begun = today if local_now.hour >= part.start else None
        if local_now.hour < 5 and name in ("evening", "night"):
            begun = today - timedelta(days=1)
        if begun is None:
            instead = "last night" if name == "night" else f"yesterday {name}"
            raise ValidationError(PART_NOT_YET.format(part=name, instead=instead), code="future")
        day = begun
    else:
        day = _day(words, " ".join(day_words), local_now)
    if clock_words:
        at_time = _clock_in_part(words, clock_words, name)
        if name == "night" and at_time.hour < 12:
            day += timedelta(days=1)  # "last night at 2am": the small hours after it began
        return _on_the_clock(datetime.combine(day, at_time), zone)
    usual = _on_the_clock(datetime.combine(day, time(part.usual)), zone)
    if this_part and usual > local_now:
        return local_now.replace(second=0, microsecond=0)  # begun, but its usual hour hasn't come: now
    return usual


def _clock_in_part(words: str, clock_words: list[str], name: str) -> time:
    """A time said with a part of the day: "this evening at 7" is 19:00, "last night at 2am" the small hours."""
    if len(clock_words) != 1:
        raise unreadable(words)
    word = clock_words[0]
    if word.isdigit():
        hour, minute = int(word), 0
        if not 1 <= hour <= 12:
            raise unreadable(words)
        if name in ("afternoon", "evening") or (name == "night" and hour >= 5):
            hour = hour % 12 + 12
    else:
        clock = _clock(words, word)
        if clock is None:
            raise unreadable(words)
        hour, minute = clock
    return time(hour, minute)


def _day(words: str, day_words: str, local_now: datetime) -> date:
    """The day in "yesterday evening", "friday morning", "14 march afternoon": looking back."""
    today = local_now.date()
    if day_words == "yesterday":
        return today - timedelta(days=1)
    if day_words in ("today", "this"):
        return today
    calendar = _calendar()
    naive_now = local_now.replace(tzinfo=None)
    found: Any = calendar.nlp(day_words, sourceTime=naive_now) or ()
    if len(found) != 1 or (found[0][2], found[0][3]) != (0, len(day_words)):
        raise unreadable(words)
    result, context = calendar.parseDT(day_words, sourceTime=naive_now)
    if not context.hasDate or context.hasTime:
        raise unreadable(words)
    for match in _DAY_OF_MONTH.finditer(day_words):
        if result.day != int(match[1] or match[4]):
            raise unreadable(words)
    day: date = result.date()
    tokens = set(day_words.split())
    if day > today and "next" not in tokens:
        if tokens & {*_WEEKDAYS, *_WEEKDAY_SHORT}:
            day -= timedelta(days=7)  # "friday evening" said on a Thursday: last Friday's
        elif not _YEAR.search(day_words):
            day = _year_before(datetime.combine(day, time())).date()
    return day


def in_words(moment: datetime, zone: ZoneInfo, now: datetime) -> str:
    """When something was, as a person says it: "today at 07:00", "yesterday at 18:00", "Sat 14 Mar at 08:30"
    (with the year when it isn't this year's)."""
    local = moment.astimezone(zone)
    day, today = local.date(), now.astimezone(zone).date()
    if day == today:
        said = "today"
    elif day == today - timedelta(days=1):
        said = "yesterday"
    else:
        year = "" if day.year == today.year else f" {day.year}"
        said = f"{day:%a} {day.day} {day:%b}{year}"
    return f"{said} at {local:%H:%M}"
