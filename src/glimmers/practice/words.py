"""What practice says in words: counts of what happened, never of what didn't. Pure, no database.

A zero is never written out ("done 3 times this month", not "…, 0 of them glimmered"), nothing is a streak,
nothing is missed.
"""

from __future__ import annotations


def times(count: int) -> str:
    """once, twice, 3 times."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def done_in_words(done: int, glimmered: int, period: str = "this month") -> str:
    """ "done 12 times this month, 9 of them glimmered"; "" when it wasn't done (nothing to say)."""
    if done <= 0:
        return ""
    said = f"done {times(done)} {period}".rstrip()
    if glimmered <= 0:
        return said
    if done == 1:
        return f"{said}, and it glimmered"
    if glimmered >= done:
        return f"{said}, and each time it glimmered"
    return f"{said}, {'one' if glimmered == 1 else glimmered} of them glimmered"


def glimmered_most(name: str, occasions: int, glimmered: int) -> str:
    """ "Morning coffee glimmered 5 of the 7 times" (only said once a ritual has 3 occasions: the services
    decide that)."""
    if glimmered >= occasions:
        return f"{name} glimmered every one of the {occasions} times"
    return f"{name} glimmered {glimmered} of the {occasions} times"


def so_far(count: int) -> str:
    """ "2 glimmers so far today"; "" before the first (the intention then stands alone)."""
    if count <= 0:
        return ""
    return f"{count} glimmer{'' if count == 1 else 's'} so far today"


def noticed_today(count: int) -> str:
    """The evening's quiet look back: what was noticed, nothing about what wasn't."""
    if count <= 0:
        return ""
    return f"You noticed {count} glimmer{'' if count == 1 else 's'} today."
