"""The rules of a state's own word list, pure (no queries): how a list is cleaned, the order the guided
page asks the states in, and which chips the check-in control offers.

Words are the person's own vocabulary for a state ("foggy", "buzzing", "settled"). A word means one state
only, so a check-in by a word always lands on the right rung; within one list a repeat is merged quietly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from glimmers.journal.text import clean_name
from glimmers.states.palette import FILL_ORDER, LADDER, VENTRAL, WORD_LIMIT, WORDS_PER_STATE


def clean_words(words: Iterable[str], *, state_name: str) -> list[str]:
    """One state's list as given: each word by the text rules on one line; empty ones dropped and repeats
    (ignoring case) merged, the first spelling kept; more than WORDS_PER_STATE refused, saying the limit."""
    kept: dict[str, str] = {}
    for word in words:
        cleaned = clean_name(word or "", label="word", limit=WORD_LIMIT)
        if cleaned:
            kept.setdefault(cleaned.casefold(), cleaned)
    if len(kept) > WORDS_PER_STATE:
        raise ValidationError(
            f"A word list holds up to {WORDS_PER_STATE} words, and this one for “{state_name}” has {len(kept)}. "
            "Please keep the ones that feel most like yours.",
            code="too_many",
        )
    return list(kept.values())


def split_words(text: str) -> list[str]:
    """Words typed in one box: one a line, or separated by commas."""
    return [part for line in (text or "").splitlines() for part in line.split(",")]


def word_steps(first: str | None = None) -> tuple[str, ...]:
    """The order the guided page asks the states in: the ladder map's order, or starting with the state the
    person picks — always ending with the settled state, so the list, like the map, ends in safety."""
    if first not in LADDER or first == VENTRAL:
        return FILL_ORDER
    return (first, *(state for state in FILL_ORDER if state not in (first, VENTRAL)), VENTRAL)


@dataclass(frozen=True)
class Chip:
    """One button of the check-in control: a state, and the word it was chosen by ("" for the state's name)."""

    state: str
    label: str
    word: str

    @property
    def value(self) -> str:
        # A button sends one value: the state, and after the first ":" the word (states never hold a ":").
        return f"{self.state}:{self.word}" if self.word else self.state


def chips_for(state: str, words: Iterable[str], name: str) -> list[Chip]:
    """A state's chips: one for each of the person's words, or, until they have any, one with its name."""
    own = [Chip(state, word, word) for word in words]
    return own or [Chip(state, name, "")]


def read_chip(value: str) -> tuple[str, str]:
    """(state, word) from a chip's value; the word is "" for a chip that is the state's name."""
    state, _colon, word = (value or "").partition(":")
    return state, word
