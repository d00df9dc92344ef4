"""JSON endpoints for the kit: parse, call one service, answer with the shapes in kit.reading.

Services raise ValidationError (400 by the API's handler) and NotFound: unknown, someone else's and
malformed ids all answer the same 404.
"""

from __future__ import annotations

from typing import Any

from ninja import Query, Router, Status

from glimmers.journal.schemas import PageQuery
from glimmers.kit import reading, services
from glimmers.kit.schemas import (
    AnchorIn,
    AnchorOut,
    AnchorPage,
    AnchorPatch,
    KitSettingsOut,
    KitSettingsPatch,
    LearningOut,
    NeedIn,
    NeedOut,
    SavouringIn,
    SavouringOut,
    SurfacingOut,
    SurfacingPatch,
)
from glimmers.lib.apierrors import ERRORS
from glimmers.lib.apierrors import found as _found
from glimmers.lib.apierrors import path_uuid as _id
from glimmers.lib.http import SignedInRequest
from glimmers.states import services as states

router = Router(tags=["kit"])


# --- anchors --------------------------------------------------------------------------------------


@router.get("/kit/anchors", response={200: AnchorPage, **ERRORS}, summary="List my kit")
def list_anchors(request: SignedInRequest, page: Query[PageQuery]) -> dict[str, Any]:
    """In your order. Those on something marked “don't bring this back” are listed with `resting: true`."""
    found = services.list_anchors(request.user, cursor=page.cursor, limit=page.limit)
    return {"items": [reading.anchor_as_dict(a) for a in found.items], "next": found.next_cursor}


@router.post("/kit/anchors", response={200: AnchorOut, 201: AnchorOut, **ERRORS}, summary="Pin something")
def create_anchor(request: SignedInRequest, body: AnchorIn) -> Status[dict[str, Any]]:
    """201 when it is new; 200 when it was already pinned (a note given replaces its note)."""
    with _found(body.kind):
        anchor, new = services.pin(request.user, body.kind, body.id, note=body.note)
    return Status(201 if new else 200, reading.anchor_as_dict(anchor))


@router.patch("/kit/anchors/{anchor_id}", response={200: AnchorOut, **ERRORS}, summary="Change a note or the order")
def update_anchor(request: SignedInRequest, anchor_id: str, body: AnchorPatch) -> dict[str, Any]:
    with _found("anchor"):
        anchor = services.update_anchor(request.user, _id(anchor_id, "anchor"), **body.model_dump(exclude_none=True))
    return reading.anchor_as_dict(anchor)


@router.delete("/kit/anchors/{anchor_id}", response={204: None, **ERRORS}, summary="Unpin")
def delete_anchor(request: SignedInRequest, anchor_id: str) -> Status[None]:
    """Only the anchor goes; the glimmer, person, place or cue stays where it was."""
    with _found("anchor"):
        services.delete_anchor(request.user, _id(anchor_id, "anchor"))
    return Status(204, None)


# --- "I need a glimmer" ---------------------------------------------------------------------------


@router.post("/kit/need", response={200: NeedOut, **ERRORS}, summary="I need a glimmer")
def need(request: SignedInRequest, body: NeedIn) -> dict[str, Any]:
    """Brings one of your glimmers back, chosen for where you are (optional), and records it as a surfacing.
    Never one marked “don't bring this back”. With none to bring: `surfacing` is null and `message` says why."""
    brought = services.need(request.user, state=body.state)
    return reading.brought_as_dict(brought, request.user.time_zone)


@router.patch("/kit/surfacings/{surfacing_id}", response={200: SurfacingOut, **ERRORS}, summary="Did it help?")
def answer(request: SignedInRequest, surfacing_id: str, body: SurfacingPatch) -> dict[str, Any]:
    given = body.model_dump(exclude_unset=True)
    with _found("surfacing"):
        found = services.answer(request.user, _id(surfacing_id, "surfacing"), **given)
    return reading.surfacing_as_dict(found, request.user.time_zone)


@router.get("/kit/learning", response={200: list[LearningOut], **ERRORS}, summary="What has helped me")
def learning(request: SignedInRequest) -> list[dict[str, Any]]:
    """For each state: what helped you most often when the kit brought it back from there (counted once a
    glimmer has come back at least 3 times). Your own observations, never a promise."""
    return reading.learning_as_dict(reading.learning(request.user, states.ladder_for(request.user)))


# --- savouring and settings -----------------------------------------------------------------------


@router.post("/kit/savourings", response={201: SavouringOut, **ERRORS}, summary="Keep a savouring")
def create_savouring(request: SignedInRequest, body: SavouringIn) -> Status[dict[str, Any]]:
    with _found("glimmer or surfacing"):
        savouring = services.savour(request.user, body.glimmer, seconds=body.seconds, surfacing_id=body.surfacing)
    return Status(201, reading.savouring_as_dict(savouring, request.user.time_zone))


@router.get("/kit/settings", response={200: KitSettingsOut, **ERRORS}, summary="My kit settings")
def get_settings(request: SignedInRequest) -> dict[str, Any]:
    return reading.settings_as_dict(services.settings_for(request.user))


@router.patch("/kit/settings", response={200: KitSettingsOut, **ERRORS}, summary="Change my kit settings")
def patch_settings(request: SignedInRequest, body: KitSettingsPatch) -> dict[str, Any]:
    return reading.settings_as_dict(services.update_settings(request.user, **body.model_dump(exclude_none=True)))
