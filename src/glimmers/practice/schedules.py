"""When a ritual is due: schedules kept as iCalendar RRULEs, read on the person's own calendar. Pure: no database.

A schedule is a recurrence of *local days*, daily or coarser (`FREQ=DAILY`, `WEEKLY`, `MONTHLY`, `YEARLY`;
never by the hour or minute). It is read with python-dateutil on naive dates counted from the ritual's first
local day (`starts_on`, DTSTART), so whether a ritual is due on a day never depends on a daylight-saving change:
a day is a day on the person's calendar, however many hours it has.

Only the optional time of day meets the clock. `local_time_on` puts it on a day in a zone:
- a time that doesn't exist that day (the clocks jump forward over it) becomes **the next minute that does**
  (02:30 on the spring-forward day in Europe/London is 03:00 — not 01:30, not an error);
- a time that happens twice (the clocks go back) is the **first** of the two.

An empty schedule is "whenever": never due, done on any day the person likes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_COARSE = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
_BY_CLOCK = ("BYHOUR", "BYMINUTE", "BYSECOND")
LONGEST_INTERVAL = 366  # "every N days": at most a year apart
RULE_LIMIT = 500

EXAMPLE = "Try FREQ=DAILY, FREQ=WEEKLY;BYDAY=MO,WE,FR or FREQ=DAILY;INTERVAL=3."


@dataclass(frozen=True)
class Schedule:
    """A schedule in the shapes the forms and the command line offer: `daily`, `weekdays` (some of
    mon…sun), `every` N days, or `whenever`; any other RRULE the API was given is `custom`."""

    kind: str
    weekdays: tuple[str, ...] = ()
    every: int = 1
    rule: str = ""


WHENEVER = Schedule("whenever")


def daily() -> str:
    return "FREQ=DAILY"


def on_weekdays(days: list[str] | tuple[str, ...] | str) -> str:
    """FREQ=WEEKLY;BYDAY=… from day names ("mon,wed" or a list; "monday", "Mon" and "mo" are read too)."""
    names = [part.strip().lower() for part in days.split(",")] if isinstance(days, str) else [d.lower() for d in days]
    chosen: set[int] = set()
    for name in filter(None, names):
        found = [index for index, day in enumerate(WEEKDAYS) if name[:3] == day or name == _ICAL_DAYS[index].lower()]
        if not found or (len(name) > 3 and not DAY_NAMES[found[0]].lower().startswith(name)):
            raise ValidationError(
                f"“{name}” isn't a day of the week. Name days like this: mon,wed,fri.", code="weekday"
            )
        chosen.add(found[0])
    if not chosen:
        raise ValidationError("Choose at least one day of the week, like this: mon,wed,fri.", code="weekdays_empty")
    return "FREQ=WEEKLY;BYDAY=" + ",".join(_ICAL_DAYS[index] for index in sorted(chosen))


def every_n_days(every: int | str) -> str:
    try:
        number = int(str(every).strip())
    except ValueError:
        number = 0
    if not 1 <= number <= LONGEST_INTERVAL:
        raise ValidationError(
            f"“Every N days” takes a whole number from 1 to {LONGEST_INTERVAL}; “{every}” isn't one.", code="every"
        )
    return "FREQ=DAILY" if number == 1 else f"FREQ=DAILY;INTERVAL={number}"


def _refuse(reason: str) -> ValidationError:
    return ValidationError(f"{reason} {EXAMPLE}", code="schedule")


def clean_rule(text: str, starts_on: date) -> str:
    """A schedule as given (an RRULE, with or without "RRULE:"), checked and written the standard way; ""
    is whenever. Refused, with an example: what doesn't parse, anything finer than a day, a time inside the
    rule (the time of day is kept apart), DTSTART (the first day is the ritual's), and a rule that never fires."""
    raw = " ".join(text.split()).strip()
    if raw.upper().startswith("RRULE:"):
        raw = raw[len("RRULE:") :].strip()
    if not raw:
        return ""
    if len(raw) > RULE_LIMIT:
        raise _refuse(f"That schedule is {len(raw)} characters long; {RULE_LIMIT} is the most it can be.")
    upper = raw.upper()
    if any(bad in upper for bad in ("DTSTART", "\n", "EXDATE", "RDATE")):
        raise _refuse("A schedule is one RRULE line without DTSTART, EXDATE or RDATE.")
    parts = {part.split("=", 1)[0].strip(): part.partition("=")[2].strip() for part in upper.split(";") if part.strip()}
    if any(part in parts for part in _BY_CLOCK):
        raise _refuse("A ritual's schedule counts days; its time of day is set apart (time_of_day).")
    try:
        rule = _rule(upper, starts_on)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise _refuse(f"“{raw}” isn't a schedule Glimmers can read.") from None
    if parts.get("FREQ") not in _COARSE:
        raise _refuse("A ritual comes at most once a day, so its schedule is daily or coarser.")
    if rule.after(_midnight(starts_on), inc=True) is None:
        raise _refuse(f"“{raw}” would never come round.")
    return str(rule).split("\n")[-1].removeprefix("RRULE:")


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _rule(text: str, starts_on: date) -> rrule:
    found = rrulestr(text, dtstart=_midnight(starts_on))
    if not isinstance(found, rrule):  # an rruleset: more than one line
        raise ValueError(text)
    return found


def read(text: str) -> Schedule:
    """The shape of a stored rule, for forms and words (`custom` when it is none of the simple ones)."""
    if not text:
        return WHENEVER
    parts = dict(part.split("=", 1) for part in text.upper().split(";") if "=" in part)
    freq, interval = parts.pop("FREQ", ""), int(parts.pop("INTERVAL", "1") or 1)
    parts.pop("WKST", None)
    if freq == "DAILY" and not parts:
        return Schedule("daily" if interval == 1 else "every", every=interval, rule=text)
    if freq == "WEEKLY" and interval == 1 and set(parts) == {"BYDAY"}:
        days = parts["BYDAY"].split(",")
        if all(day in _ICAL_DAYS for day in days):
            return Schedule("weekdays", tuple(WEEKDAYS[_ICAL_DAYS.index(day)] for day in days), rule=text)
    return Schedule("custom", rule=text)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(text: str) -> str:
    """The schedule in a few plain words: "every day", "on Mondays and Thursdays", "every 3 days"."""
    schedule = read(text)
    if schedule.kind == "whenever":
        return "whenever you like"
    if schedule.kind == "daily":
        return "every day"
    if schedule.kind == "every":
        return f"every {schedule.every} days"
    if schedule.kind == "weekdays":
        if len(schedule.weekdays) == 7:
            return "every day of the week"
        return "on " + _and([DAY_NAMES[WEEKDAYS.index(day)] for day in schedule.weekdays])
    return "on its own schedule"


def is_due(text: str, starts_on: date, day: date) -> bool:
    """Is a ritual with this schedule, first due on `starts_on`, due on the local day `day`?"""
    if not text or day < starts_on:
        return False
    # The simple shapes by arithmetic: dateutil walks every occurrence from the first day (a daily ritual kept
    # for a year cost 6 ms a call; Today asks once per ritual). Anything else (COUNT, UNTIL, BYMONTHDAY…) by dateutil.
    shape = read(text)
    if shape.kind == "daily":
        return True
    if shape.kind == "every":
        return (day - starts_on).days % shape.every == 0
    if shape.kind == "weekdays":
        return WEEKDAYS[day.weekday()] in shape.weekdays
    start = _midnight(day)
    return bool(_rule(text, starts_on).between(start, start, inc=True))


def due_days(text: str, starts_on: date, first: date, last: date) -> list[date]:
    """The local days from `first` to `last` (both included) on which it is due."""
    if not text or last < first:
        return []
    found = _rule(text, starts_on).between(_midnight(first), _midnight(last), inc=True)
    return [moment.date() for moment in found]


def next_due(text: str, starts_on: date, after: date) -> date | None:
    """The first local day on or after `after` on which it is due (None for whenever, or none left)."""
    if not text:
        return None
    found = _rule(text, starts_on).after(_midnight(max(after, starts_on)), inc=True)
    return found.date() if found else None


def local_time_on(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The moment `at` o'clock happens on `day` in `zone`: a time the clocks skip becomes the next minute that
    exists; a time that happens twice is the first of the two."""
    wall = datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None))
    for minutes in range(24 * 60 + 1):  # a gap is an hour, rarely more; never a whole day and a minute
        candidate = wall + timedelta(minutes=minutes)
        moment = candidate.replace(tzinfo=zone, fold=0)
        if moment.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) == candidate:
            return moment
    raise AssertionError(f"no valid minute after {wall} in {zone}")  # pragma: no cover - no zone skips a day
