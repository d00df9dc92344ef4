"""The journal's JSON at the API's edge: a glimmer going out (DESIGN §5), and what may come in.

Going out, the shape is exactly `reading.glimmer_as_dict` (the CLI's `--json` too); these classes only
describe it, so the OpenAPI document tells the truth. Coming in, fields are typed but the rules
(text, time, senses, glow, names) are the services' to check, so every channel answers alike.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field, WithJsonSchema

from glimmers.journal.models import Sense, State
from glimmers.journal.text import NAME_LIMIT, NAMES_LIMIT, TEXT_LIMIT
from glimmers.lib.apischemas import Body, Flag, IsoMoment, OneOf, Page, Whole, left_out
from glimmers.lib.when import EXAMPLES

WHEN_LIMIT = 200  # "yesterday at 6pm" is short; a longer string is not a time, and slow to read as one
ZONE_LIMIT = 64  # the longest IANA name is 32 characters
WORD_LIMIT = 40  # a sense's or a state's name (a state may be called by the person's own name for it)
CURSOR_LIMIT = 500  # the page markers Glimmers makes are far shorter
LOOKUP_LIMIT = NAME_LIMIT  # a person, place or tag by id (36) or by name

Name = Annotated[str, Field(max_length=NAME_LIMIT)]
# A body's time in words (`when`, beside an ISO `at` or `noticed_at`); left out: the other, or now.
WhenWords = Annotated[str | None, Field(max_length=WHEN_LIMIT, description=f"The time in words: {EXAMPLES}.")]
# Exactly as the document lists them (the CLI and the forms also take any case).
SenseName = Annotated[str, OneOf(Sense.values)]
StateName = Annotated[str, OneOf(State.values)]
Glow = Annotated[int, Whole(1, 5)]

# Times go out as `glimmer_as_dict` writes them (the glimmer's own offset, every digit), not re-rendered.
Moment = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]

SENSES = ", ".join(Sense.values)
STATES = ", ".join(State.values)


# --- going out ------------------------------------------------------------------------------------


class PhotoOut(Schema):
    id: UUID
    url: str
    thumbnail_url: str


class GlimmerOut(Schema):
    """A glimmer, as the API and `glimmers … --json` both give it."""

    id: UUID
    text: str
    noticed_at: Moment = Field(description="ISO 8601, with the offset of the zone it was noticed in.")
    time_zone: str = Field(description="The IANA time zone it was noticed in, e.g. Europe/London.")
    senses: list[Sense]
    people: list[str]
    place: str | None
    tags: list[str]
    glow: int | None = Field(description="1 (a flicker) to 5 (shining), or null.")
    why: str = Field(description="Why it mattered; empty when not written.")
    state_before: State | None
    state_after: State | None
    photos: list[PhotoOut]
    resurface: bool = Field(description="May the kit, “on this day” and e-mails bring it back?")
    source: str = Field(description="Where it came from: web, cli, api, import:…")
    created_at: Moment
    updated_at: Moment


class BinnedGlimmerOut(GlimmerOut):
    """A glimmer in the bin, and the day after which it is erased for good."""

    erase_after: date


class GlimmerPage(Page[GlimmerOut]):
    pass


class FromBeforeOut(Schema):
    glimmer: GlimmerOut | None = Field(
        description="One older glimmer at random that may come back; null when there is none or the setting is off."
    )


class BinPage(Page[BinnedGlimmerOut]):
    pass


# --- coming in ------------------------------------------------------------------------------------


class PageQuery(Schema):
    cursor: str | None = Field(
        None, max_length=CURSOR_LIMIT, description="The `next` of the page before; leave out for the first page."
    )
    limit: int = Field(20, ge=1, le=200, description="How many to answer with (1–200).")


class GlimmerIn(Body):
    """A new glimmer. Only `text` is needed; give the time as `noticed_at` or in words as `when`, not both."""

    text: str = Field(
        min_length=1,
        max_length=TEXT_LIMIT,
        description="What happened. Up to 2,000 characters; `#tags` in it are picked up.",
    )
    noticed_at: IsoMoment | None = Field(
        None, description="ISO 8601. Without an offset it is read in `time_zone`. Left out: now."
    )
    when: WhenWords = None
    time_zone: str | None = Field(
        None, max_length=ZONE_LIMIT, description="IANA name, e.g. Europe/London. Left out: your profile's zone."
    )
    senses: list[SenseName] = Field(
        default_factory=list, max_length=len(Sense.values), description=f"Any of: {SENSES}."
    )
    people: list[Name] = Field(
        default_factory=list,
        max_length=NAMES_LIMIT,
        description=f"Names (up to {NAMES_LIMIT}, with any @names in the text); new ones are added for you.",
    )
    place: Name | None = Field(None, description="A name; a new one is added for you.")
    tags: list[Name] = Field(
        default_factory=list, max_length=NAMES_LIMIT, description=f"Up to {NAMES_LIMIT}, with any #tags in the text."
    )
    glow: Glow | None = Field(None, description="1 (a flicker) to 5 (shining).")
    why: str | None = Field(None, max_length=TEXT_LIMIT, description="Why it mattered.")
    state_before: StateName | None = Field(None, description=f"One of: {STATES}.")
    state_after: StateName | None = Field(None, description=f"One of: {STATES}.")
    resurface: Flag = Field(True, description="May the kit, “on this day” and e-mails bring it back?")


class GlimmerPatch(Body):
    """Only the fields given change. null clears `place`, `glow`, `why` and the states."""

    text: Annotated[str, Field(default_factory=left_out, min_length=1, max_length=TEXT_LIMIT)]
    noticed_at: Annotated[IsoMoment, Field(default_factory=left_out, description="ISO 8601.")]
    when: Annotated[
        str, Field(default_factory=left_out, max_length=WHEN_LIMIT, description=f"The time in words: {EXAMPLES}.")
    ]
    time_zone: Annotated[
        str, Field(default_factory=left_out, max_length=ZONE_LIMIT, description="IANA name, e.g. Europe/London.")
    ]
    senses: Annotated[
        list[SenseName],
        Field(default_factory=left_out, max_length=len(Sense.values), description=f"Any of: {SENSES}."),
    ]
    people: Annotated[list[Name], Field(default_factory=left_out, max_length=NAMES_LIMIT)]
    place: Name | None = None
    tags: Annotated[list[Name], Field(default_factory=left_out, max_length=NAMES_LIMIT)]
    glow: Glow | None = Field(None, description="1 (a flicker) to 5 (shining), or null.")
    why: str | None = Field(None, max_length=TEXT_LIMIT)
    state_before: StateName | None = Field(None, description=f"One of: {STATES}, or null.")
    state_after: StateName | None = Field(None, description=f"One of: {STATES}, or null.")
    resurface: Annotated[Flag, Field(default_factory=left_out)]


# --- finding: filters and search ------------------------------------------------------------------


DAY = "2026-03-14, or words read as `when` is (“yesterday”, “last monday”, “3 days ago”)."


class FilterQuery(PageQuery):
    """Narrow the journal; every filter combines with the others. People, places and tags by id or name:
    one that isn't yours matches nothing, as a name you don't have would."""

    since: str | None = Field(
        None, alias="from", max_length=WHEN_LIMIT, description=f"Noticed on or after this local day: {DAY}"
    )
    until: str | None = Field(
        None, alias="to", max_length=WHEN_LIMIT, description=f"Noticed on or before this local day: {DAY}"
    )
    sense: SenseName | None = Field(None, description=f"Came through this sense: one of {SENSES}.")
    person: str | None = Field(None, max_length=LOOKUP_LIMIT, description="With this person (id or name).")
    place: str | None = Field(None, max_length=LOOKUP_LIMIT, description="At this place (id or name).")
    tag: str | None = Field(None, max_length=LOOKUP_LIMIT, description="With this tag (id or name).")
    glow: int | None = Field(None, ge=1, le=5, description="Glowing at least this much (1–5).")
    state_before: StateName | None = Field(None, description=f"How you were before: one of {STATES}.")
    state_after: StateName | None = Field(None, description=f"How you were after: one of {STATES}.")

    def filters(self) -> dict[str, Any]:
        return self.model_dump(exclude={"cursor", "limit", "q", "order"})


class SearchQuery(FilterQuery):
    q: str = Field(
        "",
        max_length=TEXT_LIMIT,
        description="Words (each also finds words it begins: “sun” finds “sunset”) and “quoted phrases”. "
        "Anything else typed is ignored, never an error. No words: the journal, filtered.",
    )
    order: Literal["newest", "relevance"] = Field(
        "newest",
        description="`newest` first (pages by cursor) or `relevance`: best match first.",
    )


# --- people, places and tags ----------------------------------------------------------------------


class TagOut(Schema):
    """A tag, and what came with it."""

    id: UUID
    name: str
    note: str
    glimmers: int = Field(description="Glimmers with it, outside the bin.")
    noted: int = Field(description="Of those, how many have a state noted before and after.")
    lifted: int = Field(description="Of those, how many came with a move up the ladder.")
    resurface: bool = Field(description="May the kit, “on this day” and e-mails bring their glimmers back?")


class NameOut(TagOut):
    """A person or a place, and what came with them."""

    archived: bool = Field(description="Kept on past glimmers, left out of lists and pickers.")


class NamePage(Page[NameOut]):
    pass


class TagPage(Page[TagOut]):
    pass


class NameListQuery(PageQuery):
    limit: int = Field(100, ge=1, le=500, description="How many to answer with (1–500).")
    archived: bool = Field(False, description="List the archived ones instead (people and places).")


class NameIn(Body):
    name: Name
    note: str = Field("", max_length=TEXT_LIMIT)
    resurface: Flag = True


class NamePatch(Body):
    """Only the fields given change. A `name` another of yours has is refused: merge them instead."""

    name: Annotated[str, Field(default_factory=left_out, max_length=NAME_LIMIT)]
    note: Annotated[str, Field(default_factory=left_out, max_length=TEXT_LIMIT)]
    archived: Annotated[Flag, Field(default_factory=left_out, description="People and places only.")]
    resurface: Annotated[
        Flag, Field(default_factory=left_out, description="May the kit, “on this day” and e-mails bring them back?")
    ]


class MergeIn(Body):
    into: str = Field(
        max_length=LOOKUP_LIMIT,
        description="The id (or name) of the one to keep; this one's glimmers go to it, and it goes.",
    )
