"""JSON endpoints for practice: rituals and their occasions, the intention, noticing sessions and prompts. Thin:
parse, call one service, answer with the shapes in practice.reading.

Services raise ValidationError (400 by the API's handler) and NotFound: unknown, someone else's and malformed ids
all answer the same 404.
"""

from __future__ import annotations

from typing import Any

from ninja import Query, Router, Status

from glimmers.journal.schemas import PageQuery
from glimmers.lib.apierrors import ERRORS
from glimmers.lib.apierrors import found as _found
from glimmers.lib.apierrors import path_uuid as _id
from glimmers.lib.http import SignedInRequest
from glimmers.practice import reading, reminders, services
from glimmers.practice.prompts import LIBRARY
from glimmers.practice.schemas import (
    DoneIn,
    FeedOut,
    FeedPatch,
    IntentionClear,
    IntentionIn,
    IntentionOut,
    KeepIn,
    OccasionOut,
    OccasionPage,
    OccasionPatch,
    PromptIn,
    PromptOut,
    PromptPage,
    PromptPatch,
    RitualIn,
    RitualOut,
    RitualPage,
    RitualPatch,
    RitualsQuery,
    SessionIn,
    SessionOut,
    SessionPage,
)

router = Router(tags=["practice"])


# --- rituals ----------------------------------------------------------------------------------------------


@router.get("/rituals", response={200: RitualPage, **ERRORS}, summary="List my rituals")
def list_rituals(request: SignedInRequest, query: Query[RitualsQuery]) -> dict[str, Any]:
    """The active ones, oldest first (`retired=true`: the retired ones)."""
    page = reading.ritual_page(request.user, retired=query.retired, cursor=query.cursor, limit=query.limit)
    return {"items": [reading.ritual_as_dict(r) for r in page.items], "next": page.next_cursor}


@router.post("/rituals", response={201: RitualOut, **ERRORS}, summary="Add a ritual")
def create_ritual(request: SignedInRequest, body: RitualIn) -> Status[dict[str, Any]]:
    ritual = services.create_ritual(request.user, **body.model_dump())
    return Status(201, reading.ritual_as_dict(ritual))


@router.get("/rituals/{ritual_id}", response={200: RitualOut, **ERRORS}, summary="One ritual")
def get_ritual(request: SignedInRequest, ritual_id: str) -> dict[str, Any]:
    with _found("ritual"):
        return reading.ritual_as_dict(services.get_ritual(request.user, _id(ritual_id, "ritual")))


@router.patch(
    "/rituals/{ritual_id}", response={200: RitualOut, **ERRORS}, summary="Change, retire or bring back a ritual"
)
def update_ritual(request: SignedInRequest, ritual_id: str, body: RitualPatch) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True)
    retired = changes.pop("retired", None)
    with _found("ritual"):
        key = _id(ritual_id, "ritual")
        ritual = (
            services.update_ritual(request.user, key, **changes) if changes else services.get_ritual(request.user, key)
        )
        if retired is True:
            ritual = services.retire_ritual(request.user, key)
        elif retired is False:
            ritual = services.unretire_ritual(request.user, key)
    return reading.ritual_as_dict(ritual)


@router.delete("/rituals/{ritual_id}", response={204: None, **ERRORS}, summary="Delete a ritual")
def delete_ritual(request: SignedInRequest, ritual_id: str) -> Status[None]:
    """With its occasions; the glimmers they brought stay in your journal. (To keep the history: retire it.)"""
    with _found("ritual"):
        services.delete_ritual(request.user, _id(ritual_id, "ritual"))
    return Status(204, None)


@router.get("/rituals/{ritual_id}/occasions", response={200: OccasionPage, **ERRORS}, summary="A ritual's occasions")
def list_occasions(request: SignedInRequest, ritual_id: str, page: Query[PageQuery]) -> dict[str, Any]:
    with _found("ritual"):
        ritual = services.get_ritual(request.user, _id(ritual_id, "ritual"))
    found = reading.occasion_page(request.user, ritual, cursor=page.cursor, limit=page.limit)
    return {"items": [reading.occasion_as_dict(o) for o in found.items], "next": found.next_cursor}


@router.post(
    "/rituals/{ritual_id}/occasions",
    response={200: OccasionOut, 201: OccasionOut, **ERRORS},
    summary="Mark a ritual done",
)
def mark_done(request: SignedInRequest, ritual_id: str, body: DoneIn) -> Status[dict[str, Any]]:
    """201 for a new occasion; 200 when it was already done today (one occasion per local day). A retired
    ritual answers 404."""
    with _found("ritual"):
        done = services.mark_done(request.user, _id(ritual_id, "ritual"), note=body.note, glimmered=body.glimmered)
    return Status(201 if done.new else 200, reading.occasion_as_dict(done.occasion))


@router.patch("/occasions/{occasion_id}", response={200: OccasionOut, **ERRORS}, summary="Did it glimmer?")
def update_occasion(request: SignedInRequest, occasion_id: str, body: OccasionPatch) -> dict[str, Any]:
    given = body.model_dump(exclude_unset=True)
    with _found("occasion or glimmer"):
        key = _id(occasion_id, "occasion")
        if given.get("glimmer"):
            services.link_glimmer(request.user, key, given["glimmer"])
        if "glimmered" in given:
            services.answer_glimmered(request.user, key, given["glimmered"])
        return reading.occasion_as_dict(services.get_occasion(request.user, key))


# --- the intention ----------------------------------------------------------------------------------------


@router.get("/intention", response={200: IntentionOut, **ERRORS}, summary="Today's intention")
def get_intention(request: SignedInRequest) -> dict[str, Any]:
    return reading.intention_as_dict(services.intention_today(request.user))


@router.put("/intention", response={200: IntentionOut, **ERRORS}, summary="Set my intention")
def set_intention(request: SignedInRequest, body: IntentionIn) -> dict[str, Any]:
    services.set_intention(request.user, body.text, just_today=body.just_today)
    return reading.intention_as_dict(services.intention_today(request.user))


@router.delete("/intention", response={200: IntentionOut, **ERRORS}, summary="No intention")
def clear_intention(request: SignedInRequest, query: Query[IntentionClear]) -> dict[str, Any]:
    services.clear_intention(request.user, just_today=query.just_today)
    return reading.intention_as_dict(services.intention_today(request.user))


# --- the noticing practice --------------------------------------------------------------------------------


@router.get("/practice/sessions", response={200: SessionPage, **ERRORS}, summary="My noticing sessions")
def list_sessions(request: SignedInRequest, page: Query[PageQuery]) -> dict[str, Any]:
    found = reading.session_page(request.user, cursor=page.cursor, limit=page.limit)
    return {"items": [reading.session_as_dict(s) for s in found.items], "next": found.next_cursor}


@router.post("/practice/sessions", response={201: SessionOut, **ERRORS}, summary="Record a noticing session")
def create_session(request: SignedInRequest, body: SessionIn) -> Status[dict[str, Any]]:
    session = services.record_session(
        request.user, minutes=body.minutes, senses=body.senses, seconds=body.seconds, started_at=body.started_at,
        low=services.low_energy(request.user), source="api",
    )  # fmt: skip
    return Status(201, reading.session_as_dict(session))


@router.get("/practice/sessions/{session_id}", response={200: SessionOut, **ERRORS}, summary="One noticing session")
def get_session(request: SignedInRequest, session_id: str) -> dict[str, Any]:
    with _found("session"):
        return reading.session_as_dict(services.get_session(request.user, _id(session_id, "session")))


@router.post(
    "/practice/sessions/{session_id}/glimmers",
    response={201: SessionOut, **ERRORS},
    summary="Keep a glimmer from a session",
)
def keep(request: SignedInRequest, session_id: str, body: KeepIn) -> Status[dict[str, Any]]:
    """Up to three per session, each linked back to it (a fourth answers 400)."""
    with _found("session"):
        key = _id(session_id, "session")
        services.keep_from_session(request.user, key, text=body.text, sense=body.sense, source="api")
        return Status(201, reading.session_as_dict(services.get_session(request.user, key)))


@router.get("/practice/prompts", response={200: PromptPage, **ERRORS}, summary="My own prompts")
def list_prompts(request: SignedInRequest, page: Query[PageQuery]) -> dict[str, Any]:
    found = reading.prompt_page(request.user, cursor=page.cursor, limit=page.limit)
    return {"items": [reading.prompt_as_dict(p) for p in found.items], "next": found.next_cursor}


@router.get("/practice/prompts/library", response={200: list[PromptOut], **ERRORS}, summary="The library of prompts")
def library(request: SignedInRequest) -> list[dict[str, Any]]:
    """Glimmers' own prompts, at least six for each sense."""
    return [reading.prompt_as_dict(prompt) for prompt in LIBRARY]


@router.post("/practice/prompts", response={201: PromptOut, **ERRORS}, summary="Add a prompt of my own")
def add_prompt(request: SignedInRequest, body: PromptIn) -> Status[dict[str, Any]]:
    return Status(201, reading.prompt_as_dict(services.add_prompt(request.user, sense=body.sense, text=body.text)))


@router.patch("/practice/prompts/{prompt_id}", response={200: PromptOut, **ERRORS}, summary="Edit or hide a prompt")
def update_prompt(request: SignedInRequest, prompt_id: str, body: PromptPatch) -> dict[str, Any]:
    given = body.model_dump(exclude_unset=True)
    hidden = given.pop("hidden", None)
    with _found("prompt"):
        key = _id(prompt_id, "prompt")
        prompt = services.edit_prompt(request.user, key, **given)
        if hidden is not None:
            prompt = services.hide_prompt(request.user, key, hidden=hidden)
    return reading.prompt_as_dict(prompt)


# --- reminders: the calendar feed -------------------------------------------------------------------------


def _feed(request: SignedInRequest) -> dict[str, Any]:
    user = request.user
    return reading.feed_as_dict(user, reminders.reminders_of(user, make=False), _base(request))


def _base(request: SignedInRequest) -> str:
    return reminders.base_url(request.build_absolute_uri("/"))


@router.get("/feed", response={200: FeedOut, **ERRORS}, summary="My calendar feed")
def get_feed(request: SignedInRequest) -> dict[str, Any]:
    return _feed(request)


@router.patch("/feed", response={200: FeedOut, **ERRORS}, summary="Turn my calendar feed on or off, or change it")
def update_feed(request: SignedInRequest, body: FeedPatch) -> dict[str, Any]:
    """`on` false revokes the address (404 from then on); true again gives a new address. `noticing_at`
    empty or null removes the noticing event."""
    given = body.model_dump(exclude_unset=True)
    on = given.pop("on", None)
    if given:
        reminders.set_feed_options(request.user, **given)
    if on is True:
        reminders.turn_feed_on(request.user)
    elif on is False:
        reminders.turn_feed_off(request.user)
    return _feed(request)


@router.post("/feed/rotate", response={200: FeedOut, **ERRORS}, summary="A new address for my calendar feed")
def rotate_feed(request: SignedInRequest) -> dict[str, Any]:
    """The old address answers 404 from now on (and the feed is on)."""
    reminders.rotate_feed(request.user)
    return _feed(request)
