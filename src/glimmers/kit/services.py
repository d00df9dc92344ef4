"""Every operation on the kit: settings, anchors (pin, unpin, order, notes), bringing a glimmer back, answering
a surfacing, savouring, and "how do you feel now?".

Views, the API and the CLI all come here. Reads go through `owned_by(user)`; a function never takes an id
without the user, and someone else's thing is NotFound, the same as a missing one. How a glimmer is chosen
is in glimmers.kit.choosing (pure); what the kit has learnt, and the JSON shapes, in glimmers.kit.reading.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer

# The anchors' operations are the kit's services too (explicitly re-exported).
from glimmers.kit.anchors import anchor_for as anchor_for
from glimmers.kit.anchors import anchors_of as anchors_of
from glimmers.kit.anchors import count_resting as count_resting
from glimmers.kit.anchors import delete_anchor as delete_anchor
from glimmers.kit.anchors import find_pinnable as find_pinnable
from glimmers.kit.anchors import follow_merge as follow_merge
from glimmers.kit.anchors import get_anchor as get_anchor
from glimmers.kit.anchors import list_anchors as list_anchors
from glimmers.kit.anchors import move_anchor as move_anchor
from glimmers.kit.anchors import pin as pin
from glimmers.kit.anchors import pinned_glimmer_ids as pinned_glimmer_ids
from glimmers.kit.anchors import thing as thing
from glimmers.kit.anchors import unpin as unpin
from glimmers.kit.anchors import update_anchor as update_anchor
from glimmers.kit.choosing import choose
from glimmers.kit.gathering import gather as gather
from glimmers.kit.ideas import IDEAS, STARTER_UNTIL, Idea
from glimmers.kit.models import (
    SAVOUR_MAX,
    SAVOUR_MIN,
    KitSettings,
    Savouring,
    Surfacing,
)
from glimmers.lib.errors import NotFound
from glimmers.lib.errors import full_uuid as _full_uuid
from glimmers.lib.errors import on_field as _field
from glimmers.lib.owned import OwnedQuerySet
from glimmers.states import services as states
from glimmers.states.ladder import Ladder
from glimmers.states.models import CheckIn

LINK_RECENT = timedelta(minutes=30)  # a savouring this soon after the kit brought that glimmer back belongs to it
LONGEST_SAVOURING = 3600  # seconds; "I'm done" may come long after the timer
UNSET: Any = object()  # "leave this as it is" in an edit

SAVOUR_RANGE = "Savouring can last from {low} to {high} seconds; “{value}” isn't in between. 15 is a gentle start."


# --- settings -------------------------------------------------------------------------------------


def settings_for(user: User) -> KitSettings:
    """The person's kit settings (the defaults, unsaved, until they change one). One query."""
    found = KitSettings.objects.owned_by(user).first() or KitSettings(owner=user)
    found.owner = user  # the same person: low_energy reads their profile without asking again
    return found


def _savour_seconds(value: Any) -> int:
    try:
        seconds = int(str(value).strip()) if not isinstance(value, bool) else None
    except ValueError:
        seconds = None
    if seconds is None or not SAVOUR_MIN <= seconds <= SAVOUR_MAX:
        raise ValidationError(SAVOUR_RANGE.format(low=SAVOUR_MIN, high=SAVOUR_MAX, value=value), code="range")
    return seconds


def update_settings(user: User, *, savour_seconds: Any = UNSET, low_energy: bool = UNSET) -> KitSettings:
    """Change only what is given; an out-of-range length changes nothing and says the range kindly."""
    seconds = _field("savour_seconds", _savour_seconds, savour_seconds) if savour_seconds is not UNSET else None
    with transaction.atomic():
        found, _created = KitSettings.objects.select_for_update().get_or_create(owner=user)
        if seconds is not None:
            found.savour_seconds = seconds
            found.save()
        if low_energy is not UNSET:
            accounts.set_low_energy(user, bool(low_energy))
    found.owner = user
    return found


# --- "I need a glimmer" ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Brought:
    """What the kit brought back: a surfacing of one glimmer, or none and why (`empty`: nothing may be
    brought back; `just_shown`: only what was shown this minute is left; `no_glimmers`: none kept yet),
    with starter ideas while the journal is young."""

    surfacing: Surfacing | None
    state: str = ""
    reason: str = ""
    ideas: tuple[Idea, ...] = field(default=())

    @property
    def glimmer(self) -> Glimmer | None:
        return self.surfacing.glimmer if self.surfacing else None


def need(
    user: User,
    *,
    state: str | None = None,
    rng: random.Random | None = None,
    now: datetime | None = None,
    ladder: Ladder | None = None,
) -> Brought:
    """Bring one glimmer back, chosen for the state the person is in (their own words or the standard
    names; optional), and record the surfacing. Never an error for an empty or all-marked journal."""
    chosen_state = states.state_named(user, state, ladder) if state and state.strip() else ""
    now = now or timezone.now()
    rng = rng or random.Random()  # noqa: S311 - a little randomness, not a secret
    candidates = gather(user, chosen_state or None, now, rng)
    choice = choose(candidates, state=chosen_state or None, now=now, rng=rng)
    kept = journal.glimmers_of(user).count()
    ideas = IDEAS if kept < STARTER_UNTIL else ()
    if choice.candidate is None:
        reason = "no_glimmers" if kept == 0 else choice.reason
        return Brought(None, chosen_state, reason, ideas)
    glimmer = journal.glimmers_of(user).with_details().get(pk=choice.candidate.key)
    surfacing = Surfacing.objects.create(owner=user, glimmer=glimmer, at=now, state_before=chosen_state)
    return Brought(surfacing, chosen_state, "", ideas)


def surfacings_of(user: User) -> OwnedQuerySet[Surfacing]:
    """The person's surfacings of glimmers outside the bin."""
    return Surfacing.objects.owned_by(user).filter(glimmer__deleted_at__isnull=True)


def get_surfacing(user: User, surfacing_id: str | uuid.UUID) -> Surfacing:
    try:
        found = surfacings_of(user).get(uuid=_full_uuid(surfacing_id))
    except Surfacing.DoesNotExist:
        raise NotFound(str(surfacing_id)) from None
    found.glimmer = journal.glimmers_of(user).with_details().get(pk=found.glimmer_id)
    return found


def answer(
    user: User, surfacing_id: str | uuid.UUID, *, helped: bool | None = UNSET, state_after: str | None = UNSET
) -> Surfacing:
    """ "This helped" (True), "not now" (False) or no answer (None); and where on the ladder after. Saying
    "helped" twice is one yes: a surfacing holds one answer."""
    surfacing = get_surfacing(user, surfacing_id)
    if helped is not UNSET:
        surfacing.helped = None if helped is None else bool(helped)
    if state_after is not UNSET:
        surfacing.state_after = _field("state_after", states.state_named, user, state_after) if state_after else ""
    surfacing.save(update_fields=["helped", "state_after"])
    return surfacing


# --- savouring ------------------------------------------------------------------------------------


def _seconds_spent(value: Any) -> int:
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        seconds = 0
    if isinstance(value, bool) or not 1 <= seconds <= LONGEST_SAVOURING:
        raise ValidationError(
            f"A savouring lasts from 1 second to an hour ({LONGEST_SAVOURING} seconds); “{value}” isn't in between.",
            code="range",
        )
    return seconds


def savour(
    user: User,
    glimmer_id: str | uuid.UUID,
    *,
    seconds: int | None = None,
    surfacing_id: str | uuid.UUID | None = None,
    now: datetime | None = None,
) -> Savouring:
    """Keep a savouring: how long (default: the person's savour length). It belongs to the surfacing given,
    or else to the kit's latest bringing back of this glimmer within the last 30 minutes."""
    now = now or timezone.now()
    glimmer = journal.get_glimmer(user, glimmer_id)
    spent = settings_for(user).savour_seconds if seconds is None else _field("seconds", _seconds_spent, seconds)
    if surfacing_id:
        surfacing: Surfacing | None = get_surfacing(user, surfacing_id)
        if surfacing is not None and surfacing.glimmer_id != glimmer.pk:
            raise NotFound(str(surfacing_id))
    else:
        recent = surfacings_of(user).filter(glimmer=glimmer, at__gte=now - LINK_RECENT, at__lte=now)
        surfacing = recent.order_by("-at", "-id").first()
    return Savouring.objects.create(owner=user, glimmer=glimmer, surfacing=surfacing, at=now, seconds=spent)


def savourings_of(user: User) -> OwnedQuerySet[Savouring]:
    return Savouring.objects.owned_by(user).filter(glimmer__deleted_at__isnull=True)


def get_savouring(user: User, savouring_id: str | uuid.UUID) -> Savouring:
    try:
        return savourings_of(user).select_related("glimmer", "surfacing").get(uuid=_full_uuid(savouring_id))
    except Savouring.DoesNotExist:
        raise NotFound(str(savouring_id)) from None


def feel_now(user: User, savouring_id: str | uuid.UUID, state: str, *, ladder: Ladder | None = None) -> CheckIn:
    """ "How do you feel now?" after savouring: a check-in on the ladder, and the "after" of the surfacing
    the savouring came from (if it came from one)."""
    savouring = get_savouring(user, savouring_id)
    with transaction.atomic():
        checkin = states.check_in(user, state=state, ladder=ladder)
        if savouring.surfacing_id:
            Surfacing.objects.owned_by(user).filter(pk=savouring.surfacing_id).update(state_after=checkin.state)
    return checkin
