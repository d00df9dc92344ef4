"""The calendar feed's text: an iCalendar (RFC 5545) made with the `icalendar` library. Pure: it is handed what
to say (practice.reminders reads it) and returns bytes.

- each active ritual with a schedule and a time of day: a recurring event (its RRULE, at its time on the person's
  clock with their VTIMEZONE, 15 minutes, free time) with a gentle alarm at the time itself;
- "a few minutes of noticing", daily at the time the person chose, if they chose one;
- "the evening's glimmers", daily at the evening hour, if they asked for it;
- one past glimmer's text, as today's all-day event, only if they ticked "show a past glimmer in my calendar".

**Stable**: everything in it, DTSTAMP included, comes from what is stored (a ritual's `updated_at`, the settings'
`updated_at`, today's date), never from the moment of the request, so while nothing changes the bytes are the
same and the ETag holds; calendar apps then poll cheaply.

**Days, not hours**: a ritual's DTSTART is its first due day (iCalendar counts DTSTART as an occurrence even when
the rule wouldn't, dateutil doesn't; starting on a due day makes them agree), at its wall time with the person's
TZID, so a calendar app keeps it at 07:30 on both sides of a daylight-saving change. An UNTIL in the rule (kept as a
local day) is written as the UTC moment of the last occurrence, as RFC 5545 requires beside a TZID. One difference
stays, documented in docs/practice.md: on the day the clocks skip a ritual's time, Glimmers says the next minute
that exists (02:30 → 03:00) while calendar apps move it on by the length of the jump (03:30).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vRecur

from glimmers.practice import schedules
from glimmers.practice.hooks import EVENING_FROM
from glimmers.practice.models import Reminders, Ritual

EVENT_LENGTH = timedelta(minutes=15)
EVENING_AT = time(EVENING_FROM)  # the hour Today starts looking back on the day
REFRESH = timedelta(hours=4)  # a hint to calendar apps; most choose for themselves
PRODID = "-//Glimmers//Reminders//EN"

NOTICING_SUMMARY = "A few minutes of noticing"
NOTICING_TEXT = "If there is room for it: a few quiet minutes, one sense at a time. Whatever you notice is enough."
EVENING_SUMMARY = "The evening's glimmers"
EVENING_TEXT = "A quiet look back, if you like: was there a small good moment today?"
RITUAL_TEXT = "A small pleasure, if today has room for it."
PAST_SUMMARY = "A glimmer from before"


@dataclass(frozen=True)
class Content:
    zone: ZoneInfo
    person: str  # the person's public id (hex): event UIDs, so calendar apps recognise them between fetches
    rituals: list[Ritual]  # active, with a schedule and a time of day
    reminders: Reminders
    today: date  # the person's local day
    past: Any = None  # a Glimmer whose text may appear, or None
    base: str = ""  # GLIMMERS_BASE_URL, for links back (none when unset)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def _wall(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` as a wall time in `zone` (TZID), as calendar apps read a recurring event's start."""
    return datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None)).replace(tzinfo=zone)


def _rule(ritual: Ritual, zone: ZoneInfo) -> vRecur:
    """The ritual's RRULE for the feed: an UNTIL (a local day) becomes the UTC moment of its last occurrence."""
    rule: vRecur = vRecur.from_ical(ritual.schedule)
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        last_day = until.date() if isinstance(until, datetime) else until
        assert ritual.time_of_day is not None
        rule["UNTIL"] = [_utc(schedules.local_time_on(last_day, ritual.time_of_day, zone))]
    return rule


def _ritual_event(ritual: Ritual, content: Content) -> Event | None:
    assert ritual.time_of_day is not None
    first = schedules.next_due(ritual.schedule, ritual.starts_on, ritual.starts_on)
    if first is None:  # a rule that has come to its end
        return None
    event = Event()
    event.add("uid", f"ritual-{ritual.uuid.hex}@glimmers")
    event.add("dtstamp", _utc(ritual.updated_at))
    event.add("last-modified", _utc(ritual.updated_at))
    event.add("summary", ritual.name)
    event.add("description", ritual.about or RITUAL_TEXT)
    event.add("dtstart", _wall(first, ritual.time_of_day, content.zone))
    event.add("duration", EVENT_LENGTH)
    event.add("rrule", _rule(ritual, content.zone))
    event.add("transp", "TRANSPARENT")
    if content.base:
        event.add("url", f"{content.base}/practice/rituals/{ritual.uuid}/")
    event.add_component(_alarm(ritual.name))
    return event


def _alarm(words: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))  # at the time itself: no countdown
    alarm.add("description", words)
    return alarm


def _daily_event(uid: str, summary: str, text: str, at: time, content: Content, link: str) -> Event:
    reminders = content.reminders
    event = Event()
    event.add("uid", f"{uid}-{content.person}@glimmers")
    event.add("dtstamp", _utc(reminders.updated_at))
    event.add("summary", summary)
    event.add("description", text)
    event.add("dtstart", _wall(reminders.created_at.astimezone(content.zone).date(), at, content.zone))
    event.add("duration", EVENT_LENGTH)
    event.add("rrule", vRecur.from_ical("FREQ=DAILY"))
    event.add("transp", "TRANSPARENT")
    if content.base:
        event.add("url", content.base + link)
    event.add_component(_alarm(summary))
    return event


def _past_event(content: Content) -> Event:
    glimmer = content.past
    event = Event()
    event.add("uid", f"past-{content.today:%Y%m%d}-{content.person}@glimmers")
    event.add("dtstamp", datetime.combine(content.today, time(0), tzinfo=UTC))
    event.add("summary", PAST_SUMMARY)
    noticed = glimmer.noticed_at.astimezone(ZoneInfo(glimmer.time_zone or content.zone.key))
    event.add("description", f"{glimmer.text}\n\n(You noticed this on {noticed.day} {noticed:%B %Y}.)")
    event.add("dtstart", content.today)
    event.add("dtend", content.today + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if content.base:
        event.add("url", f"{content.base}/glimmers/{glimmer.uuid}/")
    return event


FORMAT = "1"  # change it whenever build() would write other bytes for the same content


def fingerprint(content: Content) -> str:
    """Everything build() reads, hashed: the same fingerprint is the same bytes, in any process, so a built feed
    can be kept and served again without building it (practice.reminders). A field build() starts to read must
    be added here."""
    reminders = content.reminders
    parts: list[object] = [
        FORMAT, content.zone.key, content.person, content.today, content.base,
        reminders.noticing_at, reminders.evening, reminders.created_at, reminders.updated_at,
    ]  # fmt: skip
    for ritual in content.rituals:
        parts += [ritual.uuid, ritual.name, ritual.about, ritual.schedule, ritual.starts_on, ritual.time_of_day]
        parts.append(ritual.updated_at)
    past = content.past
    if past is not None:
        parts += [past.uuid, past.text, past.noticed_at, past.time_zone]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def build(content: Content) -> bytes:
    """The whole calendar, the same bytes for the same content."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", "Glimmers")
    cal.add("x-wr-calname", "Glimmers")
    cal.add("x-wr-timezone", content.zone.key)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    firsts = [content.today]
    for ritual in content.rituals:
        event = _ritual_event(ritual, content)
        if event is not None:
            cal.add_component(event)
            firsts.append(event.DTSTART.date())
    reminders = content.reminders
    if reminders.noticing_at is not None:
        at = reminders.noticing_at
        cal.add_component(_daily_event("noticing", NOTICING_SUMMARY, NOTICING_TEXT, at, content, "/practice/noticing/"))
    if reminders.evening:
        cal.add_component(_daily_event("evening", EVENING_SUMMARY, EVENING_TEXT, EVENING_AT, content, "/"))
    if reminders.noticing_at is not None or reminders.evening:
        firsts.append(reminders.created_at.astimezone(content.zone).date())
    if content.past is not None:
        cal.add_component(_past_event(content))
    # The zone's rules from the first event to the start of the year after next: the same all year long.
    cal.add_missing_timezones(first_date=min(firsts) - timedelta(days=1), last_date=date(content.today.year + 3, 1, 1))
    return bytes(cal.to_ical())
