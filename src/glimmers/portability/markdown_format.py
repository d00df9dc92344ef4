"""Markdown: one readable document of the journal, grouped by month, oldest first — what a person would
print or paste elsewhere. It holds the glimmers only; Glimmers JSON holds everything."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from glimmers.portability import glimmer_rows, reading
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


def _glimmer(glimmer: dict[str, Any], local: datetime, words: dict[str, str]) -> str:
    parts = [f"### {local:%A} {local.day} {local:%B %Y}, {local:%H:%M}", "", _escape_line_starts(glimmer["text"])]
    details = []
    if glimmer["senses"]:
        details.append("Through: " + ", ".join(glimmer["senses"]))
    if glimmer["people"]:
        details.append("With: " + ", ".join(glimmer["people"]))
    if glimmer["place"]:
        details.append("At: " + glimmer["place"])
    if glimmer["tags"]:
        details.append("Tags: " + ", ".join("#" + tag for tag in glimmer["tags"]))
    if glimmer["glow"]:
        details.append(f"Glow: {glimmer['glow']} of 5")
    if glimmer["state_before"] or glimmer["state_after"]:
        before = words.get(glimmer["state_before"] or "", "—")
        after = words.get(glimmer["state_after"] or "", "—")
        details.append(f"Before → after: {before} → {after}")
    if details:
        parts += ["", " · ".join(details)]
    if glimmer["why"]:
        parts += ["", "Why it mattered: " + _escape_line_starts(glimmer["why"])]
    return "\n".join(parts) + "\n\n"


def _state_words(user: User) -> dict[str, str]:
    """The person's own names for the states where they wrote them, else the plain fallbacks."""
    ladder = reading.ladder_map(user) or {}
    return {state: (ladder.get(state) or {}).get("name") or plain for state, plain in PLAIN_STATES.items()}


def chunks(user: User, progress: Progress | None = None) -> Iterator[str]:
    yield f"# Glimmers of {user.username}\n\n"
    words = _state_words(user)
    month = None
    for batch in glimmer_rows.batches(user, reading.BATCH, oldest_first=True):
        pieces = []
        for glimmer in batch:
            local = datetime.fromisoformat(glimmer["noticed_at"])  # on the clock where it was noticed
            if (local.year, local.month) != month:
                month = (local.year, local.month)
                pieces.append(f"## {local:%B %Y}\n\n")
            pieces.append(_glimmer(glimmer, local, words))
        yield "".join(pieces)
        if progress:
            progress(len(batch))
    if month is None:
        yield "No glimmers yet.\n"
