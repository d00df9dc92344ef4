"""Times in a real browser, with htmx: words and a picked time that disagree are asked about, by keyboard;
an edit honours the words typed; every save says the moment it used."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import assert_accessible, sign_in, tab_to
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "wren", "moss on the garden wall"


def test_words_and_a_picked_time_are_asked_about_and_edits_honour_words(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        page.keyboard.type("A robin on the fence")
        page.fill("#id_when", "yesterday 6pm")
        page.fill("#id_when_exact", "2026-01-10T08:00")
        tab_to(page, "button:text('Keep this glimmer')")
        page.keyboard.press("Enter")
        question = page.locator(".form-problem")
        question.wait_for()
        assert "Which did you mean?" in question.inner_text()
        assert page.locator(".glimmer-card").count() == 0  # nothing kept yet
        assert page.locator("#id_text").input_value() == "A robin on the fence"
        assert_accessible(page, "which time")

        tab_to(page, "#id_when_choice_0")  # "yesterday at 18:00, as written"
        page.keyboard.press("Space")
        tab_to(page, "button:text('Keep this glimmer')")
        page.keyboard.press("Enter")
        page.locator(".saved", has_text="Kept for yesterday at 18:00.").wait_for()  # yesterday's: not on Today

        page.goto(f"{running.url}/journal/")
        page.locator("a", has_text="A robin on the fence").click()
        page.wait_for_url(re.compile(r"/glimmers/[0-9a-f-]{36}/$"))
        glimmer_url = page.url
        page.goto(glimmer_url + "edit/")
        page.fill("#id_when", "2 days ago")
        page.locator("button", has_text="Save").click()
        page.wait_for_url(glimmer_url)
        said = page.locator(".notice").inner_text()
        assert said.startswith("Saved, kept for ") and "yesterday" not in said  # the words won over the picker
