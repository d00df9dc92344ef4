"""Practice as JSON, one shape per thing for the API and the CLI's --json alike (keys are only ever added), and
the pages of lists (glimmers.lib.paging: each page costs the same at any depth)."""

from __future__ import annotations

from datetime import date
from typing import Any

from glimmers.accounts.models import User
from glimmers.lib.paging import Page, keyset_page
from glimmers.practice import reminders, schedules
from glimmers.practice.intentions import IntentionToday
from glimmers.practice.models import NoticingSession, Occasion, Prompt, Reminders, Ritual
from glimmers.practice.prompts import LibraryPrompt
from glimmers.practice.services import history_of, prompts_of, rituals_of, sessions_of

PAGE_SIZE = 20


def _moment(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def ritual_as_dict(ritual: Ritual) -> dict[str, Any]:
    return {
        "id": str(ritual.uuid),
        "name": ritual.name,
        "about": ritual.about,
        "sense": ritual.sense or None,
        "schedule": ritual.schedule,
        "schedule_in_words": schedules.describe(ritual.schedule),
        "starts_on": ritual.starts_on.isoformat(),
        "time_of_day": ritual.time_of_day.strftime("%H:%M") if ritual.time_of_day else None,
        "reminder": ritual.reminder,
        "retired": ritual.retired_at is not None,
        "retired_at": _moment(ritual.retired_at),
        "created_at": _moment(ritual.created_at),
        "updated_at": _moment(ritual.updated_at),
    }


def occasion_as_dict(occasion: Occasion) -> dict[str, Any]:
    return {
        "id": str(occasion.uuid),
        "ritual": str(occasion.ritual.uuid),
        "day": occasion.local_date.isoformat(),
        "done_at": _moment(occasion.done_at),
        "time_zone": occasion.time_zone,
        "note": occasion.note,
        "glimmered": occasion.glimmered,
        "glimmer": str(occasion.glimmer.uuid) if occasion.glimmer else None,
    }


def intention_as_dict(intention: IntentionToday) -> dict[str, Any]:
    return {
        "text": intention.text or None,
        "just_today": intention.just_today,
        "default": intention.default or None,
        "noticed_today": intention.noticed,
        "so_far": intention.so_far or None,
    }


def session_as_dict(session: NoticingSession) -> dict[str, Any]:
    return {
        "id": str(session.uuid),
        "started_at": _moment(session.started_at),
        "time_zone": session.time_zone,
        "minutes": session.minutes,
        "seconds": session.seconds,
        "senses": session.senses,
        "low_energy": session.low_energy,
        "source": session.source,
        "kept": [str(glimmer.uuid) for glimmer in session.kept.all() if glimmer.deleted_at is None],
        "checkin": str(session.checkin.uuid) if session.checkin else None,
    }


def prompt_as_dict(prompt: Prompt | LibraryPrompt) -> dict[str, Any]:
    if isinstance(prompt, LibraryPrompt):
        return {"id": prompt.key, "sense": prompt.sense, "text": prompt.text, "hidden": False, "own": False}
    return {
        "id": str(prompt.uuid),
        "sense": prompt.sense,
        "text": prompt.text,
        "hidden": prompt.hidden,
        "own": True,
        "created_at": _moment(prompt.created_at),
    }


# --- pages ------------------------------------------------------------------------------------------------


def feed_as_dict(user: User, mine: Reminders, base: str) -> dict[str, Any]:
    """The calendar feed's settings; `url` (a secret: null while the feed is off) on `base`."""
    return {
        "on": mine.feed_on,
        "url": reminders.feed_url(user, base, mine),
        "noticing_at": mine.noticing_at.strftime("%H:%M") if mine.noticing_at else None,
        "evening": mine.evening,
        "past_glimmer": mine.past_glimmer,
    }


def ritual_page(
    user: User, *, retired: bool | None = False, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page[Ritual]:
    """Oldest first, as on the practice page."""
    found = rituals_of(user, retired=retired)
    return keyset_page(found, cursor=cursor, limit=limit, key="created_at", newest_first=False)


def occasion_page(user: User, ritual: Ritual, *, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[Occasion]:
    """Newest day first."""
    found = history_of(user, ritual).select_related("ritual", "glimmer")
    return keyset_page(found, cursor=cursor, limit=limit, key="local_date", read_key=date.fromisoformat)


def session_page(user: User, *, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[NoticingSession]:
    found = sessions_of(user).select_related("checkin").prefetch_related("kept")
    return keyset_page(found, cursor=cursor, limit=limit, key="started_at")


def prompt_page(user: User, *, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[Prompt]:
    return keyset_page(prompts_of(user), cursor=cursor, limit=limit, key="created_at", newest_first=False)
