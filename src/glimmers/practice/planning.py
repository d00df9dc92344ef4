"""How a noticing practice unfolds: its minutes shared between the chosen senses, one prompt for each. Pure.

The time is shared evenly (the first senses take any leftover seconds), so the timer moves on at a steady pace;
each sense's prompt is drawn from the library and the person's own prompts for it, never the same one twice in
a row across sessions if there is a choice (the caller passes the ones offered last time).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    sense: str
    prompt: str
    key: str  # "sight-3" for the library's, the prompt's id for the person's own
    seconds: int


def share(total_seconds: int, parts: int) -> list[int]:
    """`total_seconds` in `parts` as even as whole seconds allow, the larger ones first."""
    base, extra = divmod(total_seconds, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def plan(
    minutes: int,
    senses: Sequence[str],
    prompts: Mapping[str, Sequence[tuple[str, str]]],
    rng: random.Random,
    *,
    avoid: Iterable[str] = (),
) -> list[Step]:
    """One step per sense, in the order given, sharing `minutes`; `prompts` maps a sense to (key, text) pairs."""
    shunned = set(avoid)
    steps = []
    for sense, seconds in zip(senses, share(minutes * 60, len(senses)), strict=True):
        choices = list(prompts.get(sense, ()))
        fresh = [choice for choice in choices if choice[0] not in shunned] or choices
        if not fresh:
            continue
        key, text = rng.choice(fresh)
        steps.append(Step(sense, text, key, seconds))
    return steps
