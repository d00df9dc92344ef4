"""The private calendar feed: its secret address (derived, rotated, revoked), what it holds, that it stays the same
between requests (ETag, Last-Modified, 304), and that its events fall at the right local times across
daylight-saving changes — read by `icalendar` and, as a second reader, by python-dateutil expanding each RRULE
from the feed's own text."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.practice import reminders, schedules, services
from glimmers.practice.models import Reminders

MARCH = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # before both zones' spring changes (8 and 29 March 2026)


def feed_path(user: User) -> str:
    reminders.turn_feed_on(user)
    path = reminders.feed_path(user)
    assert path is not None
    return path


def read(client: Client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(cal: Calendar) -> dict[str, object]:
    return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


# --- the address --------------------------------------------------------------------------------------------


def test_the_feed_is_off_until_turned_on_and_its_address_carries_no_name(alice: User) -> None:
    assert reminders.feed_path(alice) is None
    path = feed_path(alice)
    assert re.fullmatch(r"/feeds/[0-9a-f]{64}\.ics", path)
    assert "alice" not in path and alice.public_id.hex not in path
    assert reminders.feed_path(alice) == path  # derived again, the same: Settings and `feed url` can show it


def test_the_secret_is_never_stored(alice: User) -> None:
    path = feed_path(alice)
    secret = path.removeprefix("/feeds/").removesuffix(".ics")
    row = Reminders.objects.get(owner=alice)
    stored = " ".join(str(getattr(row, field.attname)) for field in Reminders._meta.fields)
    assert secret[32:] not in stored.replace("-", "")


def test_rotating_makes_the_old_address_404_the_same_as_one_that_never_existed(alice: User, client: Client) -> None:
    old = feed_path(alice)
    assert client.get(old).status_code == 200
    reminders.rotate_feed(alice)
    new = reminders.feed_path(alice)
    assert new != old and client.get(new).status_code == 200
    gone, never = client.get(old), client.get("/feeds/" + "ab" * 32 + ".ics")
    assert gone.status_code == never.status_code == 404
    nonce = re.compile(rb'nonce="[^"]*"|"X-CSRFToken": "[^"]*"')  # new on every page
    assert nonce.sub(b"", gone.content) == nonce.sub(b"", never.content)
    assert gone["Content-Type"] == never["Content-Type"]


def test_an_old_and_a_made_up_secret_cost_the_same_one_query(alice: User, client: Client) -> None:
    old = feed_path(alice)
    reminders.rotate_feed(alice)
    made_up = "/feeds/" + old[7:39][::-1] + old[39:]  # a key that finds nothing, the same shape
    for path in (old, made_up):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 404
        assert len([q for q in queries if "practice_reminders" in q["sql"]]) == 1


def test_turning_the_feed_off_revokes_it_and_on_again_is_a_new_address(alice: User, client: Client) -> None:
    first = feed_path(alice)
    reminders.turn_feed_off(alice)
    assert client.get(first).status_code == 404 and reminders.feed_path(alice) is None
    second = feed_path(alice)
    assert second != first and client.get(first).status_code == 404 and client.get(second).status_code == 200


def test_a_new_server_key_changes_every_address(alice: User) -> None:
    before = feed_path(alice)
    with override_settings(SECRET_KEY="another key, long enough to be a real one " * 2):
        after = reminders.feed_path(alice)
    assert after != before and after is not None and after[:39] == before[:39]  # the same row, another HMAC


def test_bobs_secret_is_not_alices(alice: User, bob: User, client: Client) -> None:
    services.create_ritual(alice, name="Alice's tea", schedule="FREQ=DAILY", time_of_day="16:00")
    body = client.get(feed_path(bob)).content.decode()
    assert "Alice's tea" not in body


@pytest.mark.parametrize("secret", ["short", "g" * 64, "A" * 64 + "x", "ab" * 33])
def test_addresses_of_the_wrong_shape_are_404(client: Client, secret: str) -> None:
    assert client.get(f"/feeds/{secret}.ics").status_code == 404


# --- what it holds ------------------------------------------------------------------------------------------


def test_it_holds_active_rituals_with_a_time_each_with_a_gentle_alarm(alice: User, client: Client) -> None:
    services.create_ritual(alice, name="Morning coffee", schedule="FREQ=DAILY", time_of_day="07:30")
    services.create_ritual(alice, name="Stretch", schedule="FREQ=DAILY")  # no time: not an event
    services.create_ritual(alice, name="Whenever tea", time_of_day="15:00")  # whenever: no schedule
    retired = services.create_ritual(alice, name="Old walk", schedule="FREQ=DAILY", time_of_day="09:00")
    services.retire_ritual(alice, retired.uuid)
    found = events(read(client, feed_path(alice)))
    assert list(found) == ["Morning coffee"]
    coffee = found["Morning coffee"]
    assert str(coffee["DTSTART"].params["TZID"]) == "Europe/London"
    assert coffee.decoded("DTSTART").time() == time(7, 30)
    assert str(coffee["RRULE"].to_ical().decode()) == "FREQ=DAILY"
    (alarm,) = coffee.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(0) and str(alarm["DESCRIPTION"]) == "Morning coffee"


def test_noticing_and_the_evening_come_only_when_chosen(alice: User, client: Client) -> None:
    path = feed_path(alice)
    assert not events(read(client, path))
    reminders.set_feed_options(alice, noticing_at="12:15", evening=True)
    found = events(read(client, path))
    assert found["A few minutes of noticing"].decoded("DTSTART").time() == time(12, 15)
    assert found["The evening's glimmers"].decoded("DTSTART").time() == time(18, 0)
    assert all(str(event["RRULE"].to_ical().decode()) == "FREQ=DAILY" for event in found.values())


def test_glimmer_text_appears_only_when_asked_and_only_what_may_come_back(alice: User, client: Client) -> None:
    journal.create_glimmer(alice, text="Sun on the kitchen floor", when=MARCH)
    names.add_name(alice, "people", "Grandad", resurface=False)  # someone not to be brought back unasked
    journal.create_glimmer(alice, text="Grandad's laugh", when=MARCH, people=["Grandad"])
    path = feed_path(alice)
    assert "Sun on the kitchen floor" not in client.get(path).content.decode()
    reminders.set_feed_options(alice, past_glimmer=True)
    body = client.get(path).content.decode()
    assert "Sun on the kitchen floor" in body and "Grandad" not in body


# --- the same between requests ------------------------------------------------------------------------------


def test_the_same_feed_twice_is_the_same_bytes_and_answers_304_when_asked(alice: User, client: Client) -> None:
    services.create_ritual(alice, name="Morning coffee", schedule="FREQ=DAILY", time_of_day="07:30")
    path = feed_path(alice)
    first, second = client.get(path), client.get(path)
    assert first.content == second.content
    assert first["ETag"] == second["ETag"] and first["Last-Modified"] == second["Last-Modified"]
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    unchanged = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert unchanged.status_code == 304 and unchanged["ETag"] == first["ETag"] and not unchanged.content


def test_a_change_gives_a_new_etag_and_the_whole_feed(alice: User, client: Client) -> None:
    ritual = services.create_ritual(alice, name="Morning coffee", schedule="FREQ=DAILY", time_of_day="07:30")
    path = feed_path(alice)
    etag = client.get(path)["ETag"]
    services.delete_ritual(alice, ritual.uuid)
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag and b"Morning coffee" not in changed.content


# --- two readers, two zones, both daylight-saving changes -------------------------------------------------


def _raw_lines(body: bytes, event_uid: str) -> tuple[str, str]:
    """DTSTART and RRULE of one event, as the feed's text has them (unfolded), for dateutil to read itself."""
    text = body.decode().replace("\r\n ", "")
    block = text.split(f"UID:{event_uid}")[0].rsplit("BEGIN:VEVENT", 1)[1] + text.split(f"UID:{event_uid}")[1]
    block = block.split("END:VEVENT")[0]
    start = next(line for line in block.splitlines() if line.startswith("DTSTART"))
    rule = next(line for line in block.splitlines() if line.startswith("RRULE"))
    return start, rule


@pytest.mark.parametrize(
    ("zone", "schedule", "at"),
    [
        ("Europe/London", "FREQ=DAILY", "07:30"),
        ("Europe/London", "FREQ=WEEKLY;BYDAY=MO,TH", "18:15"),
        ("America/New_York", "FREQ=DAILY;INTERVAL=3", "06:45"),
        ("America/New_York", "FREQ=MONTHLY;BYMONTHDAY=1,15", "21:00"),
    ],
)
def test_events_fall_at_the_same_local_time_across_both_changes_read_by_dateutil(
    alice: User, client: Client, zone: str, schedule: str, at: str
) -> None:
    alice.time_zone = zone
    alice.save()
    ritual = services.create_ritual(alice, name="Ritual", schedule=schedule, time_of_day=at, now=MARCH)
    body = client.get(feed_path(alice)).content
    start, rule = _raw_lines(body, f"ritual-{ritual.uuid.hex}@glimmers")
    moments = list(rrulestr(f"{start}\n{rule}", forceset=True).between(MARCH, MARCH + timedelta(days=270)))
    local = ZoneInfo(zone)
    wanted = time.fromisoformat(at)
    assert moments and all(moment.astimezone(local).time() == wanted for moment in moments)
    # The same days Glimmers itself counts as due (Today, the e-mail), and the clocks really did change between.
    days = [moment.astimezone(local).date() for moment in moments]
    assert days == schedules.due_days(ritual.schedule, ritual.starts_on, days[0], days[-1])
    assert len({moment.astimezone(local).utcoffset() for moment in moments}) == 2
    # icalendar reads the same VTIMEZONE: summer and winter offsets as the zone has them.
    (vtimezone,) = Calendar.from_ical(body).walk("VTIMEZONE")
    tz = vtimezone.to_tz()
    for day in (date(2026, 1, 15), date(2026, 7, 15)):
        noon = datetime.combine(day, time(12))
        assert noon.replace(tzinfo=tz).utcoffset() == noon.replace(tzinfo=local).utcoffset()


def test_an_until_is_written_in_utc_and_ends_on_its_last_local_day(alice: User, client: Client) -> None:
    alice.time_zone = "America/New_York"
    alice.save()
    services.create_ritual(alice, name="Until", schedule="FREQ=DAILY;UNTIL=20260310", time_of_day="23:30", now=MARCH)
    body = client.get(feed_path(alice)).content
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    start, rule = _raw_lines(body, str(event["UID"]))
    assert re.search(r"UNTIL=\d{8}T\d{6}Z", rule)
    moments = list(rrulestr(f"{start}\n{rule}", forceset=True))
    local = [moment.astimezone(ZoneInfo("America/New_York")) for moment in moments]
    assert local[0].date() == date(2026, 3, 1) and local[-1].date() == date(2026, 3, 10)
    assert all(moment.time() == time(23, 30) for moment in local)


def test_a_new_time_zone_moves_every_event_on_the_next_fetch(alice: User, client: Client) -> None:
    services.create_ritual(alice, name="Morning coffee", schedule="FREQ=DAILY", time_of_day="07:30")
    path = feed_path(alice)
    before = client.get(path)
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    after = client.get(path, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    coffee = events(Calendar.from_ical(after.content))["Morning coffee"]
    assert str(coffee["DTSTART"].params["TZID"]) == "Asia/Tokyo" and coffee.decoded("DTSTART").time() == time(7, 30)


def test_what_the_feed_says_is_the_same_whichever_process_builds_it(alice: User, client: Client) -> None:
    services.create_ritual(alice, name="Morning coffee", schedule="FREQ=DAILY", time_of_day="07:30")
    reminders.set_feed_options(alice, noticing_at="12:00", evening=True)
    path = feed_path(alice)
    kept = client.get(path)
    reminders.forget_built()  # as a fresh process would: nothing kept
    built = client.get(path)
    assert built.content == kept.content and built["ETag"] == kept["ETag"]


def test_the_feed_costs_the_same_queries_for_one_ritual_as_for_twenty(alice: User, client: Client) -> None:
    reminders.set_feed_options(alice, noticing_at="12:00", evening=True, past_glimmer=True)
    journal.create_glimmer(alice, text="Sun on the kitchen floor", when=MARCH)
    path = feed_path(alice)
    counts = []
    for many in (1, 20):
        while services.rituals_of(alice).count() < many:
            services.create_ritual(alice, name="Tea", schedule="FREQ=DAILY", time_of_day="16:00")
        client.get(path)  # the first fetch after a change also notes its new ETag
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 5, counts


def test_a_feed_address_never_reaches_the_log() -> None:
    from glimmers.lib.redact import redact

    secret = "ab" * 32
    assert secret not in redact(f"GET /feeds/{secret}.ics took 2 s") and "/feeds/…" in redact(f"/feeds/{secret}.ics")


def test_the_command_line_never_imports_icalendar_to_read_or_set_the_feed() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, django; django.setup(); "
        "import glimmers.practice.reading, glimmers.practice.reminders, glimmers.practice.feed_cli; "
        "print('icalendar' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False", found.stderr
