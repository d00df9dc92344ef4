"""Practice's JSON at the API's edge. Going out, the shapes are exactly practice.reading's `…_as_dict` (the CLI's
`--json` too); these classes describe them. Coming in, the limits are here (422); the rules — a schedule that
parses and comes round, names, lengths — are the services' (400), so every channel answers alike."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

from glimmers.journal.models import Sense
from glimmers.journal.schemas import Moment
from glimmers.journal.text import TEXT_LIMIT
from glimmers.lib.apischemas import Body, Flag, IsoMoment, Page, Whole
from glimmers.practice.models import (
    ABOUT_LIMIT,
    INTENTION_LIMIT,
    MINUTES_MAX,
    MINUTES_MIN,
    NAME_LIMIT,
    NOTE_LIMIT,
    PROMPT_LIMIT,
)
from glimmers.practice.schedules import RULE_LIMIT

SENSE = Literal["sight", "sound", "touch", "smell", "taste", "movement", "body"]
assert set(SENSE.__args__) == set(Sense.values)  # type: ignore[attr-defined]
SCHEDULE = (
    "An iCalendar RRULE, daily or coarser, counted in days on your own calendar: FREQ=DAILY, "
    "FREQ=WEEKLY;BYDAY=MO,WE, FREQ=DAILY;INTERVAL=3. Empty: whenever (no schedule)."
)
TIME = (
    "A local time of day, HH:MM (a time the clocks skip on a daylight-saving day is kept at the next minute that "
    "exists)."
)


class RitualOut(Schema):
    id: UUID
    name: str
    about: str
    sense: SENSE | None
    schedule: str = Field(description=SCHEDULE)
    schedule_in_words: str = Field(description="The schedule in a few plain words: “every day”, “on Mondays”.")
    starts_on: str = Field(description="The first local day the schedule counts from (YYYY-MM-DD).")
    time_of_day: str | None = Field(description=TIME)
    reminder: bool
    retired: bool
    retired_at: Moment | None
    created_at: Moment
    updated_at: Moment


class RitualPage(Page[RitualOut]):
    pass


class RitualIn(Body):
    name: str = Field(min_length=1, max_length=NAME_LIMIT, description="“Morning coffee”.")
    about: str = Field("", max_length=ABOUT_LIMIT, description=f"A few words on what it is (up to {ABOUT_LIMIT}).")
    sense: SENSE | None = None
    schedule: str = Field("", max_length=RULE_LIMIT, description=SCHEDULE)
    time_of_day: str | None = Field(None, max_length=8, description=TIME)
    reminder: Flag = False


class RitualPatch(Body):
    """Only what is given changes; `retired` true retires it (its history stays), false brings it back."""

    name: str | None = Field(None, min_length=1, max_length=NAME_LIMIT)
    about: str | None = Field(None, max_length=ABOUT_LIMIT)
    sense: SENSE | Literal[""] | None = Field(None, description="A sense, or empty to clear it.")
    schedule: str | None = Field(
        None, max_length=RULE_LIMIT, description=SCHEDULE + " A new schedule counts from today."
    )
    time_of_day: str | None = Field(None, max_length=8, description=TIME + " Empty clears it.")
    reminder: Flag | None = None
    retired: Flag | None = None


class RitualsQuery(Schema):
    cursor: str | None = Field(None, max_length=400)
    limit: int = Field(20, ge=1, le=200)
    retired: bool = Field(False, description="true: the retired ones instead of the active ones.")


class OccasionOut(Schema):
    id: UUID
    ritual: UUID
    day: str = Field(description="The local day it counts for (YYYY-MM-DD): one occasion per ritual and day.")
    done_at: Moment
    time_zone: str
    note: str
    glimmered: bool | None = Field(description="Did it glimmer? true, false, or null (not said).")
    glimmer: UUID | None = Field(description="The glimmer kept from it, if one was.")


class OccasionPage(Schema):
    items: list[OccasionOut]
    next: str | None


class DoneIn(Body):
    """Mark it done now. Done again the same local day is the same occasion (200, the note or answer added)."""

    note: str = Field("", max_length=NOTE_LIMIT)
    glimmered: Flag | None = None


class OccasionPatch(Body):
    glimmered: Flag | None = Field(None, description="Did it glimmer?")
    glimmer: UUID | None = Field(None, description="Link one of your glimmers to this occasion (glimmered: true).")


class IntentionOut(Schema):
    text: str | None = Field(description="Today's intention, or null when there is none today.")
    just_today: bool = Field(description="True when today's is a change for just today.")
    default: str | None = Field(description="The every-day default, or null (off: the default until one is set).")
    noticed_today: int = Field(description="Glimmers kept so far today (0 when there is no intention).")
    so_far: str | None = Field(description="“2 glimmers so far today”; null before the first.")


class IntentionIn(Body):
    text: str = Field(max_length=INTENTION_LIMIT, description=f"A few words, up to {INTENTION_LIMIT} characters.")
    just_today: Flag = Field(False, description="true: a change for just today; the default stays for the days after.")


class IntentionClear(Schema):
    just_today: bool = Field(False, description="true: none just today; false: no intention every day.")


class SessionOut(Schema):
    id: UUID
    started_at: Moment
    time_zone: str
    minutes: int
    seconds: int = Field(description="How long it lasted (stopped early: fewer than minutes × 60).")
    senses: list[SENSE]
    low_energy: bool
    source: str
    kept: list[UUID] = Field(description="The glimmers kept at its end (up to three).")
    checkin: UUID | None


class SessionPage(Schema):
    items: list[SessionOut]
    next: str | None


class SessionIn(Body):
    minutes: Annotated[int, Whole(MINUTES_MIN, MINUTES_MAX)] = 3
    senses: list[SENSE] = Field(default_factory=list, max_length=7, description="Empty: every sense.")
    seconds: Annotated[int, Whole(0, 3600)] | None = Field(None, description="Seconds it lasted; none: the whole time.")
    started_at: IsoMoment | None = None


class KeepIn(Body):
    text: str = Field(min_length=1, max_length=TEXT_LIMIT)
    sense: SENSE | None = None


class PromptOut(Schema):
    id: str = Field(description="A prompt of your own: its UUID; one of the library's: its key, like “sound-1”.")
    sense: SENSE
    text: str
    hidden: bool
    own: bool
    created_at: Moment | None = None


class PromptPage(Schema):
    items: list[PromptOut]
    next: str | None


class PromptIn(Body):
    sense: SENSE
    text: str = Field(min_length=1, max_length=PROMPT_LIMIT, description=f"Up to {PROMPT_LIMIT} characters.")


class PromptPatch(Body):
    sense: SENSE | None = None
    text: str | None = Field(None, min_length=1, max_length=PROMPT_LIMIT)
    hidden: Flag | None = None


FEED_URL = (
    "The feed's private address (null while it is off): anyone holding it can read the calendar. A new one "
    "(POST /api/feed/rotate) stops the old one at once."
)


class FeedOut(Schema):
    on: bool
    url: str | None = Field(description=FEED_URL)
    noticing_at: str | None = Field(
        description="A daily “few minutes of noticing” event at this local HH:MM; null: none."
    )
    evening: bool = Field(description="A daily “the evening's glimmers” event at the evening hour.")
    past_glimmer: bool = Field(description="May the feed show one past glimmer's text (one that may come back)?")


class FeedPatch(Body):
    """Only what is given changes. `on` false revokes the address; true again gives a new one."""

    on: Flag | None = None
    noticing_at: str | None = Field(None, max_length=8, description="HH:MM, or empty for no noticing event.")
    evening: Flag | None = None
    past_glimmer: Flag | None = None
