"""Starter ideas: a small, kind set of common glimmers to try noticing while a journal is still young.

They are ideas, not memories: shown apart from the person's own glimmers and never recorded as one.
Plain Python, so the command line can print them before Django loads.
"""

from __future__ import annotations

from dataclasses import dataclass

STARTER_UNTIL = 5  # with fewer glimmers than this, the kit offers the ideas


@dataclass(frozen=True)
class Idea:
    sense: str
    text: str
    invitation: str


IDEAS = (
    Idea("touch", "Sun on your skin", "Next time the sun reaches you, let it stay on your skin for a breath or two."),
    Idea("sound", "Birdsong", "Listen for one bird, even in a city; notice where the sound comes from."),
    Idea("taste", "A warm drink", "Hold the cup for a moment before the first sip: the warmth, the smell."),
    Idea("sight", "A friendly face", "Notice a smile, a nod, a wave — someone glad to see you, even briefly."),
    Idea("sound", "A favourite song", "Play one song you love and let yourself hear all of it."),
    Idea("touch", "A cool breeze", "Open a window or step outside; notice the air moving on your face."),
)


def as_dict(idea: Idea) -> dict[str, str]:
    return {"sense": idea.sense, "text": idea.text, "invitation": idea.invitation}
