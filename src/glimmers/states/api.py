"""JSON endpoints for the ladder: parse, call one service, answer with the shapes in states.reading.

Services raise ValidationError (400 by the API's handler; hard moments while they are off are one
of these: "…turned off… in Settings") and NotFound: unknown, someone else's and malformed ids all
answer the same 404.
"""

from __future__ import annotations

from typing import Any, Literal

from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from glimmers.journal.schemas import PageQuery
from glimmers.lib.apierrors import ERRORS
from glimmers.lib.apierrors import found as _found
from glimmers.lib.apierrors import path_uuid as _id
from glimmers.lib.http import SignedInRequest
from glimmers.states import reading, services
from glimmers.states.schemas import (
    BalanceOut,
    CheckInIn,
    CheckInOut,
    CheckInPage,
    CueIn,
    CueOut,
    CuePatch,
    CueStoryOut,
    HardMomentIn,
    HardMomentOut,
    HardMomentPage,
    LadderIn,
    LadderOut,
    LinkIn,
    SettingsIn,
    SettingsOut,
    StoriesIn,
    StoriesOut,
    WordsIn,
    WordsOut,
)

router = Router()

BOTH_TIMES = "Give the time either as “at” or in words as “when”, not both."


def _when(at: Any, when: str | None) -> Any:
    if at is not None and when is not None:
        raise HttpError(400, BOTH_TIMES)
    return at if at is not None else when


# --- the ladder map -------------------------------------------------------------------------------


@router.get("/ladder", response={200: LadderOut, **ERRORS}, tags=["ladder"], summary="My ladder")
def get_ladder(request: SignedInRequest) -> dict[str, Any]:
    """Top to bottom, in your own words where you have written them and plain defaults elsewhere."""
    return reading.ladder_as_dict(services.ladder_for(request.user))


@router.put("/ladder", response={200: LadderOut, **ERRORS}, tags=["ladder"], summary="Write my ladder")
def put_ladder(request: SignedInRequest, body: LadderIn) -> dict[str, Any]:
    """The whole map at once: what is left out is cleared. Nothing changes if anything is refused."""
    ladder = services.update_ladder(request.user, body.model_dump(exclude_none=True), replace=True)
    return reading.ladder_as_dict(ladder)


@router.get("/ladder/words", response={200: WordsOut, **ERRORS}, tags=["ladder"], summary="My words for each state")
def get_words(request: SignedInRequest) -> dict[str, Any]:
    """Each state's own word list, in your order: your check-in choices."""
    return reading.words_as_dict(services.ladder_for(request.user))


@router.patch(
    "/ladder/words", response={200: WordsOut, **ERRORS}, tags=["ladder"], summary="Change my words for states"
)
def patch_words(request: SignedInRequest, body: WordsIn) -> dict[str, Any]:
    """The lists given replace those states' lists; the others stay. Nothing changes if anything is refused."""
    return reading.words_as_dict(services.set_words(request.user, body.model_dump(exclude_none=True)))


@router.get("/ladder/stories", response={200: StoriesOut, **ERRORS}, tags=["ladder"], summary="My landmark stories")
def get_stories(request: SignedInRequest) -> dict[str, Any]:
    """For each state, a time I was really there: what happened, what my body felt, what thoughts came."""
    return reading.stories_as_dict(services.ladder_for(request.user))


@router.patch(
    "/ladder/stories", response={200: StoriesOut, **ERRORS}, tags=["ladder"], summary="Write my landmark stories"
)
def patch_stories(request: SignedInRequest, body: StoriesIn) -> dict[str, Any]:
    """Only the states and answers given change ("" clears one). Nothing changes if anything is refused."""
    given = {state: story.model_dump(exclude_none=True) for state, story in body if story is not None}
    return reading.stories_as_dict(services.set_stories(request.user, given))


@router.get("/ladder/settings", response={200: SettingsOut, **ERRORS}, tags=["ladder"], summary="My ladder settings")
def get_settings(request: SignedInRequest) -> dict[str, Any]:
    return {"hard_moments": services.hard_moments_on(request.user)}


@router.patch(
    "/ladder/settings", response={200: SettingsOut, **ERRORS}, tags=["ladder"], summary="Turn hard moments on or off"
)
def patch_settings(request: SignedInRequest, body: SettingsIn) -> dict[str, Any]:
    """Turning hard moments off hides them everywhere and deletes nothing."""
    return {"hard_moments": services.set_hard_moments(request.user, body.hard_moments)}


# --- check-ins ------------------------------------------------------------------------------------


@router.get("/checkins", response={200: CheckInPage, **ERRORS}, tags=["check-ins"], summary="List my check-ins")
def list_checkins(request: SignedInRequest, page: Query[PageQuery]) -> dict[str, Any]:
    """Newest first. Follow `next` (as `?cursor=`) for older ones until it is null."""
    found = services.list_checkins(request.user, cursor=page.cursor, limit=page.limit)
    ladder = services.ladder_for(request.user)
    return {"items": [reading.checkin_as_dict(c, ladder) for c in found.items], "next": found.next_cursor}


@router.post("/checkins", response={201: CheckInOut, **ERRORS}, tags=["check-ins"], summary="Check in")
def create_checkin(request: SignedInRequest, body: CheckInIn) -> Status[dict[str, Any]]:
    """Where am I on my ladder? Nothing else happens because of the state you choose."""
    ladder = services.ladder_for(request.user)
    checkin = services.check_in(
        request.user,
        state=body.state,
        word=body.word,
        note=body.note,
        when=_when(body.at, body.when),
        time_zone=body.time_zone,
        ladder=ladder,
    )
    return Status(201, reading.checkin_as_dict(checkin, ladder))


@router.delete(
    "/checkins/{checkin_id}", response={204: None, **ERRORS}, tags=["check-ins"], summary="Remove a check-in"
)
def delete_checkin(request: SignedInRequest, checkin_id: str) -> Status[None]:
    with _found("check-in"):
        services.delete_checkin(request.user, _id(checkin_id, "check-in"))
    return Status(204, None)


# --- hard moments ---------------------------------------------------------------------------------


@router.get(
    "/hard-moments", response={200: HardMomentPage, **ERRORS}, tags=["hard moments"], summary="List my hard moments"
)
def list_hard_moments(request: SignedInRequest, page: Query[PageQuery]) -> dict[str, Any]:
    """Newest first. While hard moments are off in Settings this answers 400 (they are kept, unseen)."""
    found = services.list_hard_moments(request.user, cursor=page.cursor, limit=page.limit)
    return {"items": [reading.hard_moment_as_dict(m) for m in found.items], "next": found.next_cursor}


@router.post(
    "/hard-moments", response={201: HardMomentOut, **ERRORS}, tags=["hard moments"], summary="Note a hard moment"
)
def create_hard_moment(request: SignedInRequest, body: HardMomentIn) -> Status[dict[str, Any]]:
    """Only while hard moments are on in Settings (else 400, saying so)."""
    moment = services.add_hard_moment(
        request.user,
        text=body.text,
        state=body.state,
        cue=body.cue,
        when=_when(body.at, body.when),
        time_zone=body.time_zone,
    )
    return Status(201, reading.hard_moment_as_dict(moment))


@router.delete(
    "/hard-moments/{moment_id}", response={204: None, **ERRORS}, tags=["hard moments"], summary="Remove a hard moment"
)
def delete_hard_moment(request: SignedInRequest, moment_id: str) -> Status[None]:
    with _found("hard moment"):
        services.delete_hard_moment(request.user, _id(moment_id, "hard moment"))
    return Status(204, None)


# --- cues -----------------------------------------------------------------------------------------


class CueQuery(Schema):
    moves: Literal["up", "down"] | None = Field(
        None, description="`down` to show moves down as well (`up`, the default, shows moves up only)."
    )


@router.get("/cues", response={200: list[CueOut], **ERRORS}, tags=["cues"], summary="List my cues")
def list_cues(request: SignedInRequest, query: Query[CueQuery]) -> list[dict[str, Any]]:
    """Every cue, by name, with how often its glimmers came with a move up."""
    down = query.moves == "down"
    return [reading.cue_as_dict(summary, moves_down=down) for summary in reading.cue_summaries(request.user)]


@router.post("/cues", response={201: CueOut, **ERRORS}, tags=["cues"], summary="Add a cue")
def create_cue(request: SignedInRequest, body: CueIn) -> Status[dict[str, Any]]:
    cue = services.create_cue(request.user, name=body.name, note=body.note)
    return Status(201, reading.cue_as_dict(reading.cue_story(request.user, cue)))


@router.get("/cues/{cue_id}", response={200: CueStoryOut, **ERRORS}, tags=["cues"], summary="One cue and its glimmers")
def get_cue(request: SignedInRequest, cue_id: str, query: Query[CueQuery]) -> dict[str, Any]:
    with _found("cue"):
        story = reading.cue_story(request.user, _id(cue_id, "cue"))
    return reading.cue_story_as_dict(story, moves_down=query.moves == "down")


@router.patch("/cues/{cue_id}", response={200: CueOut, **ERRORS}, tags=["cues"], summary="Rename a cue")
def update_cue(request: SignedInRequest, cue_id: str, body: CuePatch) -> dict[str, Any]:
    fields = body.model_dump(exclude_none=True)
    with _found("cue"):
        cue = services.update_cue(request.user, _id(cue_id, "cue"), **fields)
    return reading.cue_as_dict(reading.cue_story(request.user, cue))


@router.delete("/cues/{cue_id}", response={204: None, **ERRORS}, tags=["cues"], summary="Remove a cue")
def delete_cue(request: SignedInRequest, cue_id: str) -> Status[None]:
    """Its glimmers and hard moments stay, without it."""
    with _found("cue"):
        services.delete_cue(request.user, _id(cue_id, "cue"))
    return Status(204, None)


@router.post(
    "/cues/{cue_id}/glimmers", response={200: CueOut, **ERRORS}, tags=["cues"], summary="Link a glimmer to a cue"
)
def link_glimmer(request: SignedInRequest, cue_id: str, body: LinkIn) -> dict[str, Any]:
    with _found("cue"):
        cue = services.get_cue(request.user, _id(cue_id, "cue"))
    with _found("glimmer"):
        services.link_glimmer(request.user, cue.uuid, body.glimmer)
    return reading.cue_as_dict(reading.cue_story(request.user, cue))


@router.delete(
    "/cues/{cue_id}/glimmers/{glimmer_id}",
    response={204: None, **ERRORS},
    tags=["cues"],
    summary="Unlink a glimmer from a cue",
)
def unlink_glimmer(request: SignedInRequest, cue_id: str, glimmer_id: str) -> Status[None]:
    """The glimmer stays in your journal; only the link goes."""
    with _found("cue"):
        cue = services.get_cue(request.user, _id(cue_id, "cue"))
    with _found("glimmer"):
        services.unlink_glimmer(request.user, cue.uuid, _id(glimmer_id, "glimmer"))
    return Status(204, None)


# --- balance --------------------------------------------------------------------------------------


class BalanceQuery(Schema):
    weeks: int = Field(8, ge=1, le=reading.MAX_WEEKS, description="How many weeks, ending with this one.")


@router.get("/balance", response={200: BalanceOut, **ERRORS}, tags=["balance"], summary="My balance, week by week")
def get_balance(request: SignedInRequest, query: Query[BalanceQuery]) -> dict[str, Any]:
    """Glimmers, hard moments (while they are on) and check-ins in each state, per week, newest first."""
    found = reading.balance(request.user, weeks=query.weeks)
    return {"hard_moments_on": found.hard_moments_on, "weeks": [reading.week_as_dict(w) for w in found.weeks]}
