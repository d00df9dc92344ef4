"""Markdown: one readable document of the journal, grouped by month, oldest first — what a person would
print or paste elsewhere. It holds the glimmers only; Glimmers JSON holds everything."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from glimmers.journal.models import Glimmer
from glimmers.portability import reading
from glimmers.portability.json_format import Progress

if TYPE_CHECKING:
    from glimmers.accounts.models import User

PLAIN_STATES = {"ventral": "settled and connected", "sympathetic": "on edge", "dorsal": "far away"}


def _escape_line_starts(text: str) -> str:
    """Keep the person's words as written, but never let a line of theirs become a heading or a rule of
    this document: a leading `#`, `---` or `===` is escaped with a backslash."""
    lines = []
    for line in text.split("\n"):
        bare = line.lstrip()
        if bare.startswith("#") or bare.startswith(("---", "===", "***")):
            line = line[: len(line) - len(bare)] + "\\" + bare
        lines.append(line)
    return "\n".join(lines)


def _glimmer(glimmer: Glimmer, words: dict[str, str]) -> str:
    local = glimmer.local_noticed_at
    parts = [f"### {local:%A} {local.day} {local:%B %Y}, {local:%H:%M}", "", _escape_line_starts(glimmer.text)]
    details = []
    if glimmer.senses:
        details.append("Through: " + ", ".join(glimmer.senses))
    if glimmer.people_names:
        details.append("With: " + ", ".join(glimmer.people_names))
    if glimmer.place:
        details.append("At: " + glimmer.place.name)
    if glimmer.tag_names:
        details.append("Tags: " + ", ".join("#" + tag for tag in glimmer.tag_names))
    if glimmer.glow:
        details.append(f"Glow: {glimmer.glow} of 5")
    if glimmer.state_before or glimmer.state_after:
        before = words.get(glimmer.state_before, "—")
        after = words.get(glimmer.state_after, "—")
        details.append(f"Before → after: {before} → {after}")
    if details:
        parts += ["", " · ".join(details)]
    if glimmer.why:
        parts += ["", "Why it mattered: " + _escape_line_starts(glimmer.why)]
    return "\n".join(parts) + "\n\n"


def _state_words(user: User) -> dict[str, str]:
    """The person's own names for the states where they wrote them, else the plain fallbacks."""
    ladder = reading.ladder_map(user) or {}
    return {state: (ladder.get(state) or {}).get("name") or plain for state, plain in PLAIN_STATES.items()}


def chunks(user: User, progress: Progress | None = None) -> Iterator[str]:
    yield f"# Glimmers of {user.username}\n\n"
    words = _state_words(user)
    month = None
    for batch in reading.glimmer_batches(user, oldest_first=True):
        pieces = []
        for glimmer in batch:
            local = glimmer.local_noticed_at
            if (local.year, local.month) != month:
                month = (local.year, local.month)
                pieces.append(f"## {local:%B %Y}\n\n")
            pieces.append(_glimmer(glimmer, words))
        yield "".join(pieces)
        if progress:
            progress(len(batch))
    if month is None:
        yield "No glimmers yet.\n"
