"""The ladder's JSON at the API's edge. Going out, the shapes are exactly glimmers.states.reading's
`…_as_dict` (the CLI's `--json` too); these classes describe them. Coming in, the rules (limits,
palette, state names) are the services' to check, so every channel answers alike."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from ninja import Schema
from pydantic import Field

from glimmers.journal.models import State
from glimmers.journal.schemas import ZONE_LIMIT, GlimmerOut, Moment, WhenWords
from glimmers.lib.apischemas import Body, Flag, IsoMoment, OneOf, Page
from glimmers.states.palette import (
    CUE_NAME_LIMIT,
    FIELD_LIMIT,
    HARD_MOMENT_LIMIT,
    NAME_LIMIT,
    NOTE_LIMIT,
    PALETTE,
    STORY_LIMIT,
    WORD_LIMIT,
    WORDS_PER_STATE,
)

STATE_WORDS = "ventral, sympathetic or dorsal — or your own name for it (any case)"
COLOURS = ", ".join(PALETTE)
Colour = Annotated[str, OneOf(["", *PALETTE])]
# The zone a body's time is read in; left out: the profile's zone.
ZoneName = Annotated[str | None, Field(max_length=ZONE_LIMIT, description="IANA name. Left out: your profile's zone.")]


# --- the ladder map -------------------------------------------------------------------------------


class StoryOut(Schema):
    what: str = Field(description="What happened.")
    body: str = Field(description="What my body felt.")
    thoughts: str = Field(description="What thoughts came.")


class StoriesOut(Schema):
    """A landmark story for each state, top to bottom (empty answers until written)."""

    ventral: StoryOut
    sympathetic: StoryOut
    dorsal: StoryOut


class StoryIn(Body):
    """Only the answers given change; "" clears one."""

    what: str | None = Field(None, max_length=STORY_LIMIT, description=f"Up to {STORY_LIMIT} characters.")
    body: str | None = Field(None, max_length=STORY_LIMIT, description=f"Up to {STORY_LIMIT} characters.")
    thoughts: str | None = Field(None, max_length=STORY_LIMIT, description=f"Up to {STORY_LIMIT} characters.")


class StoriesIn(Body):
    """The stories of the states given change (only the answers given); the others stay."""

    ventral: StoryIn | None = None
    sympathetic: StoryIn | None = None
    dorsal: StoryIn | None = None


class RungOut(Schema):
    name: str = Field(description="What Glimmers calls this state for you: your own name, or a plain default.")
    own_name: str = Field(description="Your own name for it, as you wrote it; empty until you do.")
    colour: str = Field(description=f"One of: {COLOURS}.")
    marker: str = Field(description="The shape that marks this state wherever it is shown.")
    body: str = Field(description="How it feels in my body.")
    feel: str = Field(description="What I feel.")
    think: str = Field(description="What I think.")
    do: str = Field(description="What I do.")
    helps: str = Field(description="What helps me climb.")
    words: list[str] = Field(description="My own words for this state, in my order: my check-in choices.")
    story: StoryOut = Field(description="My landmark story for this state: a time I was really there.")


class LadderOut(Schema):
    """The ladder, top to bottom."""

    ventral: RungOut
    sympathetic: RungOut
    dorsal: RungOut


class RungIn(Body):
    name: str = Field("", max_length=NAME_LIMIT, description="Up to 40 characters; empty: the plain default.")
    colour: Colour = Field("", description=f"One of: {COLOURS}; empty: the default.")
    body: str = Field("", max_length=FIELD_LIMIT, description="Up to 500 characters.")
    feel: str = Field("", max_length=FIELD_LIMIT, description="Up to 500 characters.")
    think: str = Field("", max_length=FIELD_LIMIT, description="Up to 500 characters.")
    do: str = Field("", max_length=FIELD_LIMIT, description="Up to 500 characters.")
    helps: str = Field("", max_length=FIELD_LIMIT, description="Up to 500 characters.")


class LadderIn(Body):
    """The whole map: a state or field left out is cleared (back to the plain defaults)."""

    ventral: RungIn | None = None
    sympathetic: RungIn | None = None
    dorsal: RungIn | None = None


# A list as sent may be longer than the limit (repeats and empty words are merged away first); past this
# many it is not a word list at all. The limit that counts, WORDS_PER_STATE, is the services' to say plainly.
WORDS_SENT = 200
WordList = Annotated[
    list[Annotated[str, Field(max_length=WORD_LIMIT * 4)]],
    Field(
        max_length=WORDS_SENT,
        description=f"Up to {WORDS_PER_STATE} words of up to {WORD_LIMIT} characters (empty words and repeats, "
        "ignoring case, are merged away first). A word means one state: not another state's name, nor on its list.",
    ),
]


class WordsOut(Schema):
    """My own words for each state, top to bottom."""

    ventral: list[str]
    sympathetic: list[str]
    dorsal: list[str]


class WordsIn(Body):
    """The word lists of the states given are replaced (an empty list clears one); the others stay."""

    ventral: WordList | None = None
    sympathetic: WordList | None = None
    dorsal: WordList | None = None


class SettingsOut(Schema):
    hard_moments: bool = Field(description="Are hard moments on? Off by default; off hides them and deletes nothing.")


class SettingsIn(Body):
    hard_moments: Flag


# --- check-ins ------------------------------------------------------------------------------------


class CheckInOut(Schema):
    id: UUID
    state: State
    name: str = Field(description="Your name for the state.")
    word: str = Field(description="The word of yours it was chosen by, as it was then; empty when none.")
    note: str
    at: Moment = Field(description="ISO 8601, with the offset of the zone it was made in.")
    time_zone: str
    created_at: Moment


class CheckInIn(Body):
    """Where am I? A `state`, or one of your `word`s (or both: the word is then kept as given, the state is the
    one recorded). Give the time as `at` or in words as `when`, not both (default: now)."""

    state: str = Field("", max_length=NAME_LIMIT, description=f"{STATE_WORDS}, or one of your words.")
    word: str = Field(
        "", max_length=WORD_LIMIT, description="One of your words for a state (alone, it finds its state)."
    )
    note: str = Field("", max_length=NOTE_LIMIT, description="Up to 500 characters.")
    at: IsoMoment | None = Field(None, description="ISO 8601. Without an offset it is read in `time_zone`.")
    when: WhenWords = None
    time_zone: ZoneName = None


class CheckInPage(Page[CheckInOut]):
    pass


# --- hard moments ---------------------------------------------------------------------------------


class HardMomentOut(Schema):
    id: UUID
    text: str
    state: State | None
    cue: str | None = Field(description="The cue's name, or null.")
    at: Moment
    time_zone: str
    created_at: Moment


class HardMomentIn(Body):
    """A short note of a moment that moved you down. Needs hard moments turned on (else 400)."""

    text: str = Field(max_length=HARD_MOMENT_LIMIT, description="Up to 500 characters.")
    state: str | None = Field(None, max_length=NAME_LIMIT, description=f"Where it left you: {STATE_WORDS}.")
    cue: str | None = Field(None, max_length=CUE_NAME_LIMIT, description="A cue's name; a new name makes a new cue.")
    at: IsoMoment | None = Field(None, description="ISO 8601. Left out: now.")
    when: WhenWords = None
    time_zone: ZoneName = None


class HardMomentPage(Page[HardMomentOut]):
    pass


# --- cues -----------------------------------------------------------------------------------------


class CueOut(Schema):
    id: UUID
    name: str
    note: str
    glimmers: int = Field(description="How many glimmers came with it (outside the bin).")
    moved_up: int = Field(description="How many of them came with a move up the ladder (after higher than before).")
    helps_me: bool = Field(description="“This helps me”: true once at least 3 of its glimmers came with a move up.")
    moved_down: int | None = Field(description="Moves down: only when asked for with `?moves=down`, else null.")
    hard_moments: int | None = Field(description="Hard moments with it; null while hard moments are off.")
    created_at: Moment


class CueGlimmerOut(GlimmerOut):
    moved: str | None = Field(description="up, same, down (only with `?moves=down`), or null when unknown.")


class CueStoryOut(CueOut):
    glimmer_list: list[CueGlimmerOut]
    hard_moment_list: list[HardMomentOut] | None = Field(description="Null while hard moments are off.")


class CueIn(Body):
    name: str = Field(
        max_length=CUE_NAME_LIMIT, description="Up to 100 characters; unique among your cues, ignoring case."
    )
    note: str = Field("", max_length=FIELD_LIMIT)


class CuePatch(Body):
    """Only what is given changes: rename a cue, or change its note."""

    name: str | None = Field(None, max_length=CUE_NAME_LIMIT)
    note: str | None = Field(None, max_length=FIELD_LIMIT)


class LinkIn(Body):
    glimmer: UUID = Field(description="The id of one of your glimmers that came with this cue.")


# --- balance --------------------------------------------------------------------------------------


class WeekOut(Schema):
    week_of: date = Field(description="The Monday the week begins (each thing counted on its own local day).")
    glimmers: int
    hard_moments: int | None = Field(description="Null while hard moments are off.")
    checkins: dict[str, int] = Field(description="How many check-ins in each state.")
    checkin_shares: dict[str, int] = Field(description="Each state's share of the week's check-ins, in percent.")


class BalanceOut(Schema):
    """Your own observations, week by week, newest first: no score, no judgement."""

    hard_moments_on: bool
    weeks: list[WeekOut]
