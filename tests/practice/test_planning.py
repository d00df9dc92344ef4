"""How a noticing practice unfolds, and the library of prompts kept as data. Pure."""

from __future__ import annotations

import random
import re

from glimmers.journal.models import Sense
from glimmers.practice import planning
from glimmers.practice.prompts import LIBRARY, library_for


def test_the_library_has_at_least_six_kind_plain_prompts_for_every_sense() -> None:
    for sense in Sense.values:
        prompts = library_for(sense)
        assert len(prompts) >= 6, sense
        for prompt in prompts:
            assert len(prompt.text) <= 200
            assert not re.search(r"\b(should|must|vagus|nervous system|heal)\b", prompt.text, re.IGNORECASE), prompt
    assert len({prompt.key for prompt in LIBRARY}) == len(LIBRARY)
    assert "What is the quietest sound you can hear right now?" in [prompt.text for prompt in library_for("sound")]


def test_the_minutes_are_shared_evenly_between_the_senses() -> None:
    assert planning.share(180, 7) == [26, 26, 26, 26, 26, 25, 25]
    assert sum(planning.share(300, 3)) == 300
    assert planning.share(60, 1) == [60]


def test_a_plan_has_one_prompt_per_sense_in_order_and_avoids_last_times_if_it_can() -> None:
    prompts = {"sight": [("a", "look"), ("b", "look up")], "sound": [("c", "listen")]}
    steps = planning.plan(2, ["sight", "sound"], prompts, random.Random(1), avoid={"a"})
    assert [(step.sense, step.key, step.seconds) for step in steps] == [("sight", "b", 60), ("sound", "c", 60)]
    only = planning.plan(1, ["sound"], prompts, random.Random(1), avoid={"c"})
    assert [step.key for step in only] == ["c"]  # nothing else to offer: the same one is fine
