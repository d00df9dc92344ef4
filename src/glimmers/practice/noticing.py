"""Every operation on the noticing practice: the person's own prompts (add, edit, hide), planning a session,
recording it, the glimmers kept at its end (up to three, linked back to it) and the check-in after.

Views, the API and the CLI all come here (re-exported by practice.services). Reads go through `owned_by(user)`.
How a session unfolds is in practice.planning (pure); the library of prompts in practice.prompts (data).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer, Sense, bits_from_senses
from glimmers.journal.text import clean_text
from glimmers.lib.errors import on_field as _field
from glimmers.lib.owned import OwnedQuerySet
from glimmers.practice import planning
from glimmers.practice.finding import one
from glimmers.practice.models import (
    KEEP_MOST,
    MINUTES_DEFAULT,
    MINUTES_MAX,
    MINUTES_MIN,
    PROMPT_LIMIT,
    NoticingSession,
    Prompt,
)
from glimmers.practice.prompts import LIBRARY
from glimmers.states import services as states
from glimmers.states.models import CheckIn

LONGEST_SESSION = 3600  # seconds: a practice left open still records at most an hour


def low_energy(user: User) -> bool:
    """Is low-energy mode on? (A setting of the person's profile, honoured everywhere.)"""
    return bool(user.low_energy)


# --- prompts ----------------------------------------------------------------------------------------------


def _sense(value: str) -> str:
    name = (value or "").strip().lower()
    if name not in Sense.values:
        raise ValidationError(
            f"“{value}” isn't one of the senses Glimmers knows: {', '.join(Sense.values)}.", code="sense"
        )
    return name


def _prompt_text(value: str) -> str:
    cleaned = " ".join(clean_text(value or "", label="prompt", limit=PROMPT_LIMIT * 4).split())
    if not cleaned:
        raise ValidationError(
            "Write a few words for the prompt, like “What is the quietest sound you can hear?”", code="required"
        )
    if len(cleaned) > PROMPT_LIMIT:
        raise ValidationError(
            f"A prompt can be {PROMPT_LIMIT} characters at most; a short invitation is best.", code="too_long"
        )
    return cleaned


def prompts_of(user: User, *, sense: str | None = None, hidden: bool | None = None) -> OwnedQuerySet[Prompt]:
    """The person's own prompts (all, or one sense's; shown, hidden or both)."""
    found = Prompt.objects.owned_by(user)
    if sense:
        found = found.filter(sense=_field("sense", _sense, sense))
    return found if hidden is None else found.filter(hidden=hidden)


def get_prompt(user: User, prompt_id: str | uuid.UUID) -> Prompt:
    return one(Prompt.objects.owned_by(user), prompt_id)  # type: ignore[no-any-return]


def add_prompt(user: User, *, sense: str, text: str) -> Prompt:
    return Prompt.objects.create(
        owner=user, sense=_field("sense", _sense, sense), text=_field("text", _prompt_text, text)
    )


def edit_prompt(user: User, prompt_id: str | uuid.UUID, *, sense: str | None = None, text: str | None = None) -> Prompt:
    prompt = get_prompt(user, prompt_id)
    if sense is not None:
        prompt.sense = _field("sense", _sense, sense)
    if text is not None:
        prompt.text = _field("text", _prompt_text, text)
    prompt.save()
    return prompt


def hide_prompt(user: User, prompt_id: str | uuid.UUID, *, hidden: bool = True) -> Prompt:
    """Hidden: kept, never offered. Shown again with hidden=False."""
    prompt = get_prompt(user, prompt_id)
    prompt.hidden = hidden
    prompt.save(update_fields=["hidden"])
    return prompt


# --- a session --------------------------------------------------------------------------------------------


def clean_minutes(value: Any) -> int:
    try:
        minutes = int(str(value).strip()) if not isinstance(value, bool) else 0
    except ValueError:
        minutes = 0
    if not MINUTES_MIN <= minutes <= MINUTES_MAX:
        raise ValidationError(
            f"A noticing practice lasts from {MINUTES_MIN} to {MINUTES_MAX} minutes; “{value}” isn't in between. "
            f"{MINUTES_DEFAULT} is a gentle start.",
            code="minutes",
        )
    return minutes


def clean_senses(values: Any) -> list[str]:
    """Senses in their usual order, each once; none given is all of them. Any may be left out, the body too."""
    if values is None or values == "" or values == []:
        return list(Sense.values)
    given = values.split(",") if isinstance(values, str) else list(values)
    chosen = {_sense(value) for value in given if str(value).strip()}
    if not chosen:
        return list(Sense.values)
    return [sense for sense in Sense.values if sense in chosen]


@dataclass(frozen=True)
class Plan:
    minutes: int
    senses: list[str]
    steps: list[planning.Step]
    low_energy: bool


def plan_session(
    user: User,
    *,
    minutes: Any = MINUTES_DEFAULT,
    senses: Any = None,
    low: bool | None = None,
    rng: random.Random | None = None,
) -> Plan:
    """A session's steps: one sense at a time, each with a prompt from the library and the person's own (not
    hidden). Low-energy mode: one sense, one minute (the first chosen, or one at random among them)."""
    rng = rng or random.Random()  # noqa: S311 - which prompt to offer, not a secret
    low = low_energy(user) if low is None else low
    length = _field("minutes", clean_minutes, minutes)
    chosen = _field("senses", clean_senses, senses)
    if low:
        length, chosen = 1, [rng.choice(chosen)] if senses in (None, "", []) else chosen[:1]
    pool: dict[str, list[tuple[str, str]]] = {}
    for prompt in LIBRARY:
        pool.setdefault(prompt.sense, []).append((prompt.key, prompt.text))
    for own in prompts_of(user, hidden=False).filter(sense__in=chosen):
        pool.setdefault(own.sense, []).append((str(own.uuid), own.text))
    return Plan(length, chosen, planning.plan(length, chosen, pool, rng), low)


def record_session(
    user: User,
    *,
    minutes: Any,
    senses: Any,
    seconds: Any = None,
    started_at: datetime | None = None,
    low: bool = False,
    source: str = "web",
) -> NoticingSession:
    """Keep a session: when, how long it was meant to last and did (stopped early: fewer seconds), which senses."""
    length = _field("minutes", clean_minutes, minutes)
    chosen = _field("senses", clean_senses, senses)
    try:
        spent = length * 60 if seconds is None or seconds == "" else int(seconds)
    except (TypeError, ValueError):
        spent = -1
    if not 0 <= spent <= LONGEST_SESSION:
        raise ValidationError(
            {"seconds": [f"A session lasts from 0 to {LONGEST_SESSION} seconds; “{seconds}” isn't in between."]}
        )
    return NoticingSession.objects.create(
        owner=user,
        started_at=started_at or timezone.now(),
        time_zone=user.time_zone,
        minutes=length,
        seconds=spent,
        sense_bits=bits_from_senses(chosen),
        low_energy=bool(low),
        source=source,
    )


def sessions_of(user: User) -> OwnedQuerySet[NoticingSession]:
    return NoticingSession.objects.owned_by(user)


def get_session(user: User, session_id: str | uuid.UUID) -> NoticingSession:
    return one(sessions_of(user), session_id)  # type: ignore[no-any-return]


def recent_sessions(user: User, *, limit: int = 5) -> list[NoticingSession]:
    """The latest sessions, each with the number of glimmers kept (two queries)."""
    from django.db.models import Count

    return list(sessions_of(user).annotate(kept_count=Count("kept")).order_by("-started_at", "-id")[:limit])


def keep_from_session(
    user: User, session_id: str | uuid.UUID, *, text: str, sense: str | None = None, source: str = "web"
) -> Glimmer:
    """ "Did anything glimmer?": a glimmer kept through the journal's rules (its sense pre-set), linked back to
    the session; at most three per session."""
    session = get_session(user, session_id)
    with transaction.atomic():
        NoticingSession.objects.select_for_update().filter(pk=session.pk).first()  # one keeper at a time
        if session.kept.count() >= KEEP_MOST:
            raise ValidationError(
                f"A practice keeps up to {KEEP_MOST} glimmers; the journal's capture box is always there for more.",
                code="keep_most",
            )
        glimmer = journal.create_glimmer(user, text=text, senses=[sense] if sense else [], source=source)
        session.kept.add(glimmer)
    return glimmer


def check_in_after(user: User, session_id: str | uuid.UUID, state: str) -> CheckIn:
    """The optional check-in at the end, on the ladder in the person's words, linked to the session."""
    session = get_session(user, session_id)
    with transaction.atomic():
        checkin = states.check_in(user, state=state)
        session.checkin = checkin
        session.save(update_fields=["checkin"])
    return checkin


def kept_of(user: User, session: NoticingSession) -> list[Glimmer]:
    """The glimmers kept from a session that are still outside the bin."""
    return list(journal.glimmers_of(user).filter(pk__in=session.kept.values("pk")).order_by("noticed_at"))
