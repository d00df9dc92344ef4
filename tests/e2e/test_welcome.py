"""A new person's first Today, by keyboard on a phone: the welcome, an idea that starts the box, kept; after the
third glimmer the welcome is gone and Today points to the ladder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, sign_in, tab_to
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "plover", "shells along the tide line"


def test_a_first_day_starts_from_an_idea_and_the_welcome_steps_aside(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        page.set_viewport_size({"width": 375, "height": 812})
        sign_in(page, running.url, NAME, PASSWORD)
        expect(page.locator("#welcome-heading")).to_have_text("Welcome to Glimmers")
        assert page.locator(".idea-start").count() == 3
        assert_accessible(page, "today, welcome")

        # An idea fills the box in place (no page load), with the focus there to make it one's own.
        tab_to(page, ".idea-start >> nth=1")
        page.keyboard.press("Enter")
        expect(page.locator("#id_text")).to_have_value("Birdsong")
        expect(page.locator("#id_text")).to_be_focused()
        assert page.url == f"{running.url}/"
        page.keyboard.type(" from the rooftop")
        page.keyboard.press("Enter")
        page.locator(".glimmer-card", has_text="Birdsong from the rooftop").wait_for()

        for text in ("Warm socks", "A friend's voice"):
            page.fill("#id_text", text)
            page.keyboard.press("Enter")
            page.locator(".glimmer-card", has_text=text).wait_for()
        expect(page.locator("#welcome-heading")).to_have_count(0)
        expect(page.locator(".first-steps")).to_contain_text("You have a few glimmers now")
        assert_accessible(page, "today, after the first glimmers")
