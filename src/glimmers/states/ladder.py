"""The ladder as the person has written it, with defaults where they haven't, and the shift rule.

Pure functions over a LadderMap row (or none): no queries here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from glimmers.journal.folding import words as search_words
from glimmers.journal.models import State
from glimmers.states.palette import (
    DEFAULT_COLOURS,
    DEFAULT_NAMES,
    FIELDS,
    FILL_ORDER,
    LADDER,
    MARKERS,
    PALETTE,
    RANK,
    SHAPE_NAMES,
    STEP_HINTS,
    STORY_FIELDS,
    STORY_HINTS,
)
from glimmers.states.words import Chip, chips_for

if TYPE_CHECKING:
    from glimmers.states.models import LadderMap

HELPS_AT = 3  # "this helps me" needs at least this many glimmers that came with a move up


def shift(before: str | None, after: str | None) -> int | None:
    """How many rungs a glimmer moved: positive up (toward ventral), negative down, None if either is unknown."""
    if not before or not after or before not in RANK or after not in RANK:
        return None
    return RANK[after] - RANK[before]


def moved_up(before: str | None, after: str | None) -> bool:
    return (shift(before, after) or 0) > 0


def moved_down(before: str | None, after: str | None) -> bool:
    return (shift(before, after) or 0) < 0


def helps(moves_up: int) -> bool:
    """The rule for "this helps me": at least HELPS_AT glimmers with a move up; fewer is "not enough yet"."""
    return moves_up >= HELPS_AT


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    text: str


@dataclass(frozen=True)
class Rung:
    state: str
    name: str  # what Glimmers calls it: the person's own name, or the plain default
    own_name: str  # as the person wrote it ("" until they do)
    colour: str
    own_colour: str
    answers: tuple[Answer, ...] = field(default=())
    words: tuple[str, ...] = field(default=())  # the person's own word list for it, in their order
    story: tuple[Answer, ...] = field(default=())  # its landmark story: what happened, the body, the thoughts

    @property
    def marker(self) -> str:
        return MARKERS[self.state]

    @property
    def shape(self) -> str:
        return SHAPE_NAMES[self.state]

    @property
    def colour_name(self) -> str:
        return PALETTE[self.colour]

    @property
    def standard(self) -> str:
        """The standard words for this state (the journal's label), for those who want them."""
        return str(State(self.state).label)

    @property
    def hint(self) -> str:
        return STEP_HINTS[self.state]

    @property
    def written(self) -> bool:
        return bool(self.own_name or self.own_colour or self.words or any(answer.text for answer in self.answers))

    @property
    def story_hint(self) -> str:
        return STORY_HINTS[self.state]

    @property
    def has_story(self) -> bool:
        return any(answer.text for answer in self.story)

    def story_matches(self, wanted: Iterable[str]) -> bool:
        """Does the landmark story hold every word searched for, as search reads words (journal.folding: no
        accents, any case, a word found by its beginning, as the journal's search does)?"""
        held = set(search_words(" ".join(answer.text for answer in self.story)))
        wanted = list(wanted)
        return bool(held and wanted) and all(any(word.startswith(w) for word in held) for w in wanted)

    @property
    def chips(self) -> list[Chip]:
        """What the check-in control offers for this state: the person's words, else its name."""
        return chips_for(self.state, self.words, self.name)

    def answer(self, key: str) -> str:
        return next(answer.text for answer in self.answers if answer.key == key)


@dataclass(frozen=True)
class Ladder:
    rungs: dict[str, Rung]

    def __getitem__(self, state: str) -> Rung:
        return self.rungs[state]

    @property
    def top_to_bottom(self) -> list[Rung]:
        return [self.rungs[state] for state in LADDER]

    @property
    def in_fill_order(self) -> list[Rung]:
        return [self.rungs[state] for state in FILL_ORDER]

    @property
    def has_words(self) -> bool:
        return any(rung.words for rung in self.rungs.values())

    @property
    def started(self) -> bool:
        return any(rung.written for rung in self.rungs.values())

    def name(self, state: str) -> str:
        return self.rungs[state].name if state in self.rungs else ""

    def accepted_words(self) -> list[str]:
        words = list(LADDER)
        for rung in self.top_to_bottom:
            if rung.name.casefold() not in words:
                words.append(rung.name)
        return words + [word for rung in self.top_to_bottom for word in rung.words]

    def state_of_word(self, word: str) -> str | None:
        """Which state's list holds this word (ignoring case), if any."""
        wanted = " ".join((word or "").split()).casefold()
        return next((r.state for r in self.top_to_bottom if wanted and wanted in map(str.casefold, r.words)), None)

    def own_word(self, word: str) -> str:
        """The word as the person spelled it in their list ("" when no list holds it)."""
        wanted = " ".join((word or "").split()).casefold()
        return next((w for r in self.top_to_bottom for w in r.words if w.casefold() == wanted), "") if wanted else ""


def ladder_from(row: LadderMap | None) -> Ladder:
    rungs = {}
    for state in LADDER:
        own_name = getattr(row, f"{state}_name", "") if row else ""
        own_colour = getattr(row, f"{state}_colour", "") if row else ""
        answers = tuple(
            Answer(key, question, getattr(row, f"{state}_{key}", "") if row else "") for key, question in FIELDS.items()
        )
        rungs[state] = Rung(
            state=state,
            name=own_name or DEFAULT_NAMES[state],
            own_name=own_name,
            colour=own_colour if own_colour in PALETTE else DEFAULT_COLOURS[state],
            own_colour=own_colour,
            answers=answers,
            words=tuple(str(word) for word in (getattr(row, f"{state}_words", None) or [])) if row else (),
            story=tuple(
                Answer(key, question, getattr(row, f"{state}_story_{key}", "") if row else "")
                for key, question in STORY_FIELDS.items()
            ),
        )
    return Ladder(rungs)


def resolve_state(ladder: Ladder, word: str) -> str:
    """A state from its standard name (ventral, sympathetic, dorsal), the person's own name for it, the
    plain words Glimmers shows for it, or one of the words on its list — ignoring case and extra spaces.
    Names come first, so a word can never take a name's meaning away."""
    wanted = " ".join((word or "").split()).casefold()
    if wanted in LADDER:
        return wanted
    for rung in ladder.top_to_bottom:
        if wanted in (rung.name.casefold(), rung.own_name.casefold()) and wanted:
            return rung.state
    for rung in ladder.top_to_bottom:
        if wanted and wanted == rung.standard.casefold():
            return rung.state
    by_word = ladder.state_of_word(wanted)  # a word from any state's own list checks in at that state
    if by_word:
        return by_word
    accepted = ", ".join(f"“{word}”" for word in ladder.accepted_words())
    raise ValidationError(f"“{word}” isn't a state on your ladder. Say one of: {accepted}.", code="state")
