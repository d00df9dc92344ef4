"""The kit's JSON at the API's edge. Going out, the shapes are exactly glimmers.kit.reading's `…_as_dict` (the
CLI's `--json` too); these classes describe them. Coming in, the rules (the savour range, note length, state
names) are the services' to check, so every channel answers alike."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

from glimmers.journal.models import State
from glimmers.journal.schemas import GlimmerOut, Moment
from glimmers.kit.models import NOTE_LIMIT, SAVOUR_MAX, SAVOUR_MIN
from glimmers.lib.apischemas import Body, Flag, Page, Whole, left_out
from glimmers.states.palette import NAME_LIMIT as STATE_NAME_LIMIT

LONGEST_SAVOURING = 3600  # seconds, as glimmers.kit.services
POSITION_LIMIT = 1_000_000

STATE_WORDS = "ventral, sympathetic or dorsal — or your own name for it (any case)"
KIND = Literal["glimmer", "person", "place", "cue"]


class AnchorOut(Schema):
    id: UUID
    kind: KIND
    thing_id: UUID = Field(description="The id of the glimmer, person, place or cue pinned.")
    label: str = Field(description="The glimmer's text, or the person's, place's or cue's name.")
    note: str
    position: int = Field(description="Its place in your order (lower comes first).")
    resting: bool = Field(
        description="True when it is on something marked “don't bring this back”: kept, and not shown on the kit page."
    )
    created_at: Moment


class AnchorPage(Page[AnchorOut]):
    pass


class AnchorIn(Body):
    """Pin something into the kit (at the end of your order). Pinning it again keeps the one anchor."""

    kind: KIND
    id: UUID = Field(description="The id of your glimmer, person, place or cue.")
    note: str | None = Field(
        None, max_length=NOTE_LIMIT, description=f"Up to {NOTE_LIMIT} characters, like “her laugh on the phone”."
    )


class AnchorPatch(Body):
    """Only what is given changes."""

    note: str | None = Field(
        None, max_length=NOTE_LIMIT, description=f"Up to {NOTE_LIMIT} characters; empty clears it."
    )
    position: Annotated[int, Whole(1, POSITION_LIMIT)] | None = Field(
        None, description="Its new place in the order: 1 is the top."
    )


class NeedIn(Body):
    state: str | None = Field(
        None, max_length=STATE_NAME_LIMIT, description=f"Where you are, if you like: {STATE_WORDS}."
    )


class SurfacingOut(Schema):
    id: UUID
    glimmer: GlimmerOut
    at: Moment
    state_before: State | None
    state_after: State | None
    helped: bool | None = Field(description="true: it helped; false: not now; null: not answered.")


class IdeaOut(Schema):
    sense: str
    text: str
    invitation: str


class NeedOut(Schema):
    """One glimmer brought back (recorded as a surfacing), or none and a kind word why; with starter ideas —
    ideas to try noticing, not memories — while you have fewer than 5 glimmers."""

    surfacing: SurfacingOut | None
    state: State | None
    message: str | None
    ideas: list[IdeaOut]


class SurfacingPatch(Body):
    """Answer a surfacing: saying “helped” twice is still one yes."""

    helped: Flag | None = Field(None, description="true: it helped; false: not now.")
    state_after: str | None = Field(None, max_length=STATE_NAME_LIMIT, description=f"Where you are now: {STATE_WORDS}.")


class SavouringIn(Body):
    glimmer: UUID
    seconds: Annotated[int, Whole(1, LONGEST_SAVOURING)] | None = Field(
        None,
        description="How long you stayed with it (1–3600). Left out: your savour length.",
    )
    surfacing: UUID | None = Field(
        None,
        description="The surfacing it came from. Left out: the kit's latest of this glimmer in the last 30 minutes.",
    )


class SavouringOut(Schema):
    id: UUID
    glimmer: UUID
    surfacing: UUID | None
    at: Moment
    seconds: int


class KitSettingsOut(Schema):
    savour_seconds: int = Field(description=f"How long savouring lasts: {SAVOUR_MIN}–{SAVOUR_MAX} seconds.")
    low_energy: bool = Field(description="Low-energy mode: no typing, big targets, very few words.")


class KitSettingsPatch(Body):
    """Only what is given changes (null is not a value either); a length out of range answers 422 and changes
    nothing."""

    savour_seconds: Annotated[int, Whole(SAVOUR_MIN, SAVOUR_MAX), Field(default_factory=left_out)]
    low_energy: Annotated[Flag, Field(default_factory=left_out)]


class HelpedOut(Schema):
    kind: KIND
    id: UUID
    label: str
    helped: int = Field(description="How often you said it helped when it came back from this state.")
    shown: int = Field(description="How often it came back from this state.")
    pinned: bool


class LearningOut(Schema):
    """Your own observations, never a promise: from this state, what helped you most often."""

    state: State
    name: str = Field(description="Your name for the state.")
    helped_most: list[HelpedOut]
