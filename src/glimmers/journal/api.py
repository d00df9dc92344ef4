"""JSON endpoints for glimmers and the bin: parse, call one service, answer with `reading.glimmer_as_dict`.

Services raise ValidationError (answered 400 by the API's handler) and NotFound, which here
always means a glimmer: unknown, someone else's and malformed ids all answer the same 404.
"""

from __future__ import annotations

from typing import Any

from ninja import Query, Router, Status
from ninja.errors import HttpError

from glimmers.journal import before, reading, search, services
from glimmers.journal.models import Glimmer
from glimmers.journal.schemas import (
    BinnedGlimmerOut,
    BinPage,
    FilterQuery,
    FromBeforeOut,
    GlimmerIn,
    GlimmerOut,
    GlimmerPage,
    GlimmerPatch,
    PageQuery,
    SearchQuery,
)
from glimmers.lib.apierrors import ERRORS, path_uuid
from glimmers.lib.apierrors import found as _found
from glimmers.lib.http import SignedInRequest

router = Router()

BOTH_TIMES = "Give the time either as “noticed_at” or in words as “when”, not both."


def _binned(glimmer: Glimmer) -> dict[str, Any]:
    return {**reading.glimmer_as_dict(glimmer), "erase_after": services.bin_expires_on(glimmer)}


def _when(fields: dict[str, Any]) -> dict[str, Any]:
    """`noticed_at` and `when` are two ways to say one thing; the service takes either as `when`."""
    if "noticed_at" in fields and "when" in fields:
        raise HttpError(400, BOTH_TIMES)
    if "noticed_at" in fields:
        fields["when"] = fields.pop("noticed_at")
    return fields


# --- glimmers -------------------------------------------------------------------------------------


@router.get("/glimmers", response={200: GlimmerPage, **ERRORS}, tags=["glimmers"], summary="List my glimmers")
def list_glimmers(request: SignedInRequest, page: Query[FilterQuery]) -> dict[str, Any]:
    """Newest first, narrowed by any filters given. Follow `next` (as `?cursor=`) for older ones until it is null."""
    found = search.find_glimmers(
        request.user,
        filters=search.make_filters(page.filters(), zone=services.profile_zone(request.user)),
        cursor=page.cursor,
        limit=page.limit,
    )
    return {"items": [reading.glimmer_as_dict(g) for g in found.items], "next": found.next_cursor}


@router.get("/search", response={200: GlimmerPage, **ERRORS}, tags=["glimmers"], summary="Search my glimmers")
def search_glimmers(request: SignedInRequest, page: Query[SearchQuery]) -> dict[str, Any]:
    """Glimmers with every word and phrase in `q` (in the text, why it mattered, or the names of their
    people, place and tags), narrowed by any filters. Newest first, or `order=relevance`."""
    found = search.find_glimmers(
        request.user,
        words=page.q,
        filters=search.make_filters(page.filters(), zone=services.profile_zone(request.user)),
        order=page.order,
        cursor=page.cursor,
        limit=page.limit,
    )
    return {"items": [reading.glimmer_as_dict(g) for g in found.items], "next": found.next_cursor}


@router.get("/from-before", response={200: FromBeforeOut, **ERRORS}, tags=["glimmers"], summary="A glimmer from before")
def from_before(request: SignedInRequest) -> dict[str, Any]:
    """One older glimmer at random; never one marked “don't bring this back”, nor one with a person, place or
    tag marked so."""
    glimmer = before.a_glimmer_from_before(request.user)
    return {"glimmer": reading.glimmer_as_dict(glimmer) if glimmer else None}


@router.post("/glimmers", response={201: GlimmerOut, **ERRORS}, tags=["glimmers"], summary="Keep a glimmer")
def create_glimmer(request: SignedInRequest, body: GlimmerIn) -> Status[dict[str, Any]]:
    if body.noticed_at is not None and body.when is not None:
        raise HttpError(400, BOTH_TIMES)
    glimmer = services.create_glimmer(
        request.user,
        text=body.text,
        when=body.noticed_at or body.when,
        time_zone=body.time_zone,
        senses=body.senses,
        people=body.people,
        place=body.place,
        tags=body.tags,
        glow=body.glow,
        why=body.why or "",
        state_before=body.state_before,
        state_after=body.state_after,
        resurface=body.resurface,
        source="api",
    )
    return Status(201, reading.glimmer_as_dict(glimmer))


@router.get("/glimmers/{glimmer_id}", response={200: GlimmerOut, **ERRORS}, tags=["glimmers"], summary="One glimmer")
def get_glimmer(request: SignedInRequest, glimmer_id: str) -> dict[str, Any]:
    with _found("glimmer"):
        return reading.glimmer_as_dict(services.get_glimmer(request.user, path_uuid(glimmer_id, "glimmer")))


@router.patch(
    "/glimmers/{glimmer_id}", response={200: GlimmerOut, **ERRORS}, tags=["glimmers"], summary="Change a glimmer"
)
def update_glimmer(request: SignedInRequest, glimmer_id: str, body: GlimmerPatch) -> dict[str, Any]:
    """Only the fields you send change; nothing changes if any of them is refused."""
    fields = _when(body.model_dump(exclude_unset=True))
    with _found("glimmer"):
        return reading.glimmer_as_dict(
            services.update_glimmer(request.user, path_uuid(glimmer_id, "glimmer"), **fields)
        )


@router.delete(
    "/glimmers/{glimmer_id}",
    response={200: BinnedGlimmerOut, **ERRORS},
    tags=["glimmers"],
    summary="Move a glimmer to the bin",
)
def delete_glimmer(request: SignedInRequest, glimmer_id: str) -> dict[str, Any]:
    """It stays in the bin for 30 days (until `erase_after`) and can be restored until then."""
    with _found("glimmer"):
        return _binned(services.delete_glimmer(request.user, path_uuid(glimmer_id, "glimmer")))


# --- the bin --------------------------------------------------------------------------------------


@router.get("/bin", response={200: BinPage, **ERRORS}, tags=["bin"], summary="List the bin")
def list_bin(request: SignedInRequest, page: Query[PageQuery]) -> dict[str, Any]:
    """Recently deleted glimmers, most recently deleted first, each with the day after which it is erased."""
    found = services.list_glimmers(request.user, cursor=page.cursor, limit=page.limit, binned=True)
    return {"items": [_binned(g) for g in found.items], "next": found.next_cursor}


@router.post(
    "/bin/{glimmer_id}/restore", response={200: GlimmerOut, **ERRORS}, tags=["bin"], summary="Bring a glimmer back"
)
def restore_glimmer(request: SignedInRequest, glimmer_id: str) -> dict[str, Any]:
    with _found("glimmer"):
        return reading.glimmer_as_dict(services.restore_glimmer(request.user, path_uuid(glimmer_id, "glimmer")))


@router.delete("/bin/{glimmer_id}", response={204: None, **ERRORS}, tags=["bin"], summary="Erase a glimmer for good")
def erase_glimmer(request: SignedInRequest, glimmer_id: str) -> Status[None]:
    """Only a glimmer already in the bin can be erased. This cannot be undone."""
    with _found("glimmer"):
        services.delete_forever(request.user, path_uuid(glimmer_id, "glimmer"))
    return Status(204, None)
