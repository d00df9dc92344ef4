"""The kinds of names a glimmer carries, and what one of each is called: the one map for every channel.

Plain Python (no Django), so the command line can use it before anything loads."""

from __future__ import annotations

ONE: dict[str, str] = {"people": "person", "places": "place", "tags": "tag"}  # a kind (as in URLs) → one of it
KINDS = tuple(ONE)
