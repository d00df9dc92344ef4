"""Reminders: the private calendar feed (the daily e-mail joins it later). Every operation on a person's
reminder settings, for the web, the API and the CLI alike.

The feed's secret is **derived, never stored**: an HMAC (Django's salted_hmac, keyed by SECRET_KEY) of the row's
opaque `feed_key`, the person's public id and their `feed_version`. The address is `/feeds/<key><mac>.ics` — 32
hex characters to find the row by, then 32 of the HMAC — so Settings and `glimmers feed url` can show it again,
rotating (version + 1) makes the old address a 404, turning the feed off revokes it, and a new server key changes
every address. Looking one up costs one query and one HMAC whether the row exists or not, so an old secret and
one that never existed get the same answer in the same time.

What the feed says is built in practice.calendar (pure; imported only where a feed is made: the `icalendar` library
costs some 150 ms to import, which no command line start should pay); here are its queries.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer
from glimmers.lib.errors import NotFound
from glimmers.lib.errors import on_field as _field
from glimmers.practice.models import Reminders, Ritual
from glimmers.practice.services import parse_time_of_day

if TYPE_CHECKING:
    from glimmers.practice import calendar

UNSET: Any = object()  # "leave this as it is" in a change
_SALT = "glimmers.practice.feed"
_NOBODY = "0" * 32  # what the HMAC is computed over when no row matched: the same work either way
FEED_PATH = "/feeds/{secret}.ics"


# --- the settings row -------------------------------------------------------------------------------------


def reminders_of(user: User, *, make: bool = True) -> Reminders:
    """The person's reminder settings, made (all off) the first time they are changed; `make=False` (a page
    that only shows them): unsaved defaults instead, so reading never writes."""
    found = Reminders.objects.owned_by(user).first()
    if found is None:
        found = Reminders.objects.get_or_create(owner=user)[0] if make else Reminders(owner=user)
    return found


def _mac(key: str, person: str, version: int) -> str:
    return salted_hmac(_SALT, f"{key}:{person}:{version}", algorithm="sha256").hexdigest()[:32]


def feed_secret(reminders: Reminders, user: User) -> str:
    key = reminders.feed_key.hex
    return key + _mac(key, user.public_id.hex, reminders.feed_version)


def feed_path(user: User, reminders: Reminders | None = None) -> str | None:
    """The feed's path (`/feeds/….ics`), or None while it is off."""
    reminders = reminders or reminders_of(user)
    return FEED_PATH.format(secret=feed_secret(reminders, user)) if reminders.feed_on else None


def feed_url(user: User, base: str, reminders: Reminders | None = None) -> str | None:
    """The whole address, on `base` (GLIMMERS_BASE_URL, or the address the request came to)."""
    path = feed_path(user, reminders)
    return base.rstrip("/") + path if path else None


def base_url(fallback: str = "http://127.0.0.1:8000") -> str:
    """The public address for feed and e-mail links: GLIMMERS_BASE_URL, else `fallback`."""
    return str(getattr(settings, "BASE_URL", "") or fallback).rstrip("/")


def turn_feed_on(user: User) -> Reminders:
    """On with the same address it had (a rotated one stays rotated)."""
    reminders = reminders_of(user)
    if not reminders.feed_on:
        reminders.feed_on = True
        reminders.save(update_fields=["feed_on", "updated_at"])
    return reminders


def turn_feed_off(user: User) -> Reminders:
    """Off: the address answers 404 from now on. Turning it on again brings a new address, so an address
    that was shared by mistake is not revived."""
    reminders = reminders_of(user)
    if reminders.feed_on:
        Reminders.objects.filter(pk=reminders.pk).update(
            feed_on=False, feed_version=F("feed_version") + 1, updated_at=timezone.now()
        )
        reminders.refresh_from_db()
    return reminders


def rotate_feed(user: User) -> Reminders:
    """A new address (and on, if it was off); the old one answers 404 from now on."""
    reminders = reminders_of(user)
    Reminders.objects.filter(pk=reminders.pk).update(
        feed_on=True, feed_version=F("feed_version") + 1, updated_at=timezone.now()
    )
    reminders.refresh_from_db()
    return reminders


def set_feed_options(
    user: User, *, noticing_at: time | str | None = UNSET, evening: bool = UNSET, past_glimmer: bool = UNSET
) -> Reminders:
    """What the feed holds besides rituals: a daily noticing time (None: no such event), the evening's
    glimmers, and whether one past glimmer's text may appear. Only what is given changes."""
    reminders = reminders_of(user)
    if noticing_at is not UNSET:
        reminders.noticing_at = _field("noticing_at", parse_time_of_day, noticing_at)
    if evening is not UNSET:
        reminders.evening = bool(evening)
    if past_glimmer is not UNSET:
        reminders.past_glimmer = bool(past_glimmer)
    reminders.save()
    return reminders


# --- serving the feed -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feed:
    body: bytes
    etag: str  # quoted, as the header carries it
    last_modified: datetime


def _by_secret(secret: str) -> Reminders:
    """The feed's row for a secret, or NotFound: one query and one HMAC whether a row matches or not."""
    text = secret.strip().lower()
    if len(text) != 64 or any(ch not in "0123456789abcdef" for ch in text):
        raise NotFound("feed")  # not the shape of any address Glimmers makes: nothing to look up
    key, given = text[:32], text[32:]
    found = Reminders.objects.filter(feed_key=uuid.UUID(key), feed_on=True).select_related("owner").first()
    person, version = (found.owner.public_id.hex, found.feed_version) if found else (_NOBODY, 0)
    expected = _mac(key, person, version)
    if found is None or not hmac.compare_digest(expected, given):
        raise NotFound("feed")
    return found


def _past_glimmer(user: User, today: date, zone: ZoneInfo) -> Glimmer | None:
    """One glimmer from before today that may come back (the journal's one rule): the same all day, another
    tomorrow."""
    before = datetime.combine(today, time(0), tzinfo=zone)
    allowed = Glimmer.objects.resurfaceable(user).filter(noticed_at__lt=before).order_by("noticed_at", "id")
    count = allowed.count()
    if not count:
        return None
    seed = hashlib.sha256(f"{user.public_id.hex}:{today.isoformat()}".encode()).digest()
    return allowed[int.from_bytes(seed[:8], "big") % count]


_BUILT: OrderedDict[str, bytes] = OrderedDict()
_BUILT_LOCK = threading.Lock()
_KEEP = 256  # feeds kept built in this process, the least recently served dropped first


def _built(content: calendar.Content) -> bytes:
    """The feed's bytes, built once per content in each process: most fetches find nothing changed, and the
    reading costs a fraction of the building. Only a saving: another process builds the same bytes."""
    from glimmers.practice import calendar

    key = calendar.fingerprint(content)
    with _BUILT_LOCK:
        body = _BUILT.get(key)
    if body is None:
        body = calendar.build(content)
    with _BUILT_LOCK:  # threaded servers: one change to the order at a time
        _BUILT[key] = body
        _BUILT.move_to_end(key)
        while len(_BUILT) > _KEEP:
            _BUILT.popitem(last=False)
    return body


def feed_for(secret: str, *, now: datetime | None = None) -> Feed:
    """The calendar behind a secret address (NotFound for an old, revoked or made-up one). Its text and
    DTSTAMPs stay the same between requests while nothing changes, so the ETag does; Last-Modified is when
    the ETag last changed."""
    from glimmers.practice import calendar  # icalendar: only where the feed is made, never on a CLI start

    reminders = _by_secret(secret)
    user = reminders.owner
    moment = now or timezone.now()
    zone = journal.profile_zone(user)
    today = moment.astimezone(zone).date()
    rituals = list(
        Ritual.objects.owned_by(user)
        .filter(retired_at__isnull=True, time_of_day__isnull=False)
        .exclude(schedule="")
        .order_by("created_at", "id")
    )
    content = calendar.Content(
        zone=zone,
        person=user.public_id.hex,
        rituals=rituals,
        reminders=reminders,
        today=today,
        past=_past_glimmer(user, today, zone) if reminders.past_glimmer else None,
        base=base_url(""),
    )
    body = _built(content)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag != f'"{reminders.feed_etag}"' or reminders.feed_changed_at is None:
        reminders.feed_etag, reminders.feed_changed_at = etag.strip('"'), moment.replace(microsecond=0)
        # Only these two: a settings change made meanwhile is not written over.
        Reminders.objects.filter(pk=reminders.pk).update(
            feed_etag=reminders.feed_etag, feed_changed_at=reminders.feed_changed_at
        )
    assert reminders.feed_changed_at is not None
    return Feed(body, etag, reminders.feed_changed_at)


def forget_built() -> None:
    """Drop every feed kept built in this process (the benchmark's "built afresh" figure)."""
    with _BUILT_LOCK:
        _BUILT.clear()
