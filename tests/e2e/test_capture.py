"""Keeping a glimmer with the keyboard only, then finding, editing, deleting and restoring it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import assert_accessible, sign_in, tab_to
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "robin", "lanterns on the water"


def test_capture_edit_delete_restore_by_keyboard(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        # The capture box has the focus as soon as Today opens.
        assert page.evaluate("document.activeElement.id") == "id_text"
        assert_accessible(page, "today")

        page.keyboard.type("The sun on my face")
        page.keyboard.press("Shift+Enter")
        page.keyboard.type("at the bus stop #morning")
        page.keyboard.press("Enter")  # keeps it, without a page load
        card = page.locator(".glimmer-list .glimmer-card").first
        card.wait_for()
        assert "The sun on my face" in card.inner_text()
        assert page.locator(".saved").inner_text().startswith("Kept")
        assert page.evaluate("document.activeElement.id") == "id_text"  # ready for the next one
        assert page.locator("#id_text").input_value() == ""

        page.keyboard.type("Birdsong")
        tab_to(page, "#id_senses_1")  # Sound
        page.keyboard.press("Space")
        page.keyboard.press("Enter")
        page.locator(".glimmer-card", has_text="Birdsong").wait_for()
        assert "sound" in page.locator(".glimmer-card", has_text="Birdsong").inner_text()

        page.goto(f"{running.url}/journal/")
        assert page.locator(".glimmer-card").count() == 2
        assert_accessible(page, "journal")

        tab_to(page, "a:text('The sun on my face')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/glimmers/[0-9a-f-]{36}/$"))
        glimmer_url = page.url
        assert_accessible(page, "a glimmer")

        tab_to(page, "a:text('Edit')")
        page.keyboard.press("Enter")
        page.wait_for_url(glimmer_url + "edit/")
        assert_accessible(page, "edit")
        tab_to(page, "#id_text")
        page.keyboard.press("Control+End")
        page.keyboard.type(" — warm")
        tab_to(page, "button:text('Save')")
        page.keyboard.press("Enter")
        page.wait_for_url(glimmer_url)
        assert "warm" in page.locator(".glimmer-big").inner_text()

        tab_to(page, "button:text('Delete')")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/journal/")
        assert page.locator(".glimmer-card").count() == 1
        page.goto(f"{running.url}/bin/")
        assert_accessible(page, "bin")
        tab_to(page, "button:has-text('Bring back')")
        page.keyboard.press("Enter")
        page.wait_for_url(glimmer_url)
        page.goto(f"{running.url}/journal/")
        assert page.locator(".glimmer-card").count() == 2
        page.goto(f"{running.url}/")
        page.screenshot(path=str(tmp_path / "today.png"), full_page=True)
