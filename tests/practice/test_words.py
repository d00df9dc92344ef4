"""What practice says: counts of what happened, never a zero, never a miss. Pure."""

from __future__ import annotations

import pytest

from glimmers.practice import words


@pytest.mark.parametrize(
    ("done", "glimmered", "said"),
    [
        (0, 0, ""),
        (1, 0, "done once this month"),
        (2, 0, "done twice this month"),
        (3, 0, "done 3 times this month"),
        (1, 1, "done once this month, and it glimmered"),
        (12, 9, "done 12 times this month, 9 of them glimmered"),
        (5, 1, "done 5 times this month, one of them glimmered"),
        (4, 4, "done 4 times this month, and each time it glimmered"),
    ],
)
def test_done_in_words(done: int, glimmered: int, said: str) -> None:
    assert words.done_in_words(done, glimmered) == said
    assert " 0 " not in f" {said} "


def test_so_far_and_the_evening_say_nothing_about_none() -> None:
    assert words.so_far(0) == "" and words.noticed_today(0) == ""
    assert words.so_far(1) == "1 glimmer so far today"
    assert words.noticed_today(4) == "You noticed 4 glimmers today."
