"""Practice with the keyboard only: a ritual added on the practice page, then on Today done → did it glimmer? →
the capture box pre-filled → kept and linked; the intention on Today. axe-clean in light and dark, at 320 px."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, sign_in, tab_to, tab_to_menu_link
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "robin", "steam rising from the first cup"


def test_a_ritual_done_from_today_then_did_it_glimmer_then_capture_by_keyboard(tmp_path: Path, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 720}, reduced_motion="reduce")
    page = context.new_page()
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        tab_to_menu_link(page, "Practice")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/practice/")
        tab_to(page, "#id_text")  # the intention
        page.keyboard.type("notice 3 glimmers")
        page.keyboard.press("Enter")
        page.locator(".notice", has_text="Your intention is set.").wait_for()
        tab_to(page, "a:text('Add a ritual')")
        page.keyboard.press("Enter")
        tab_to(page, "#id_name")
        page.keyboard.type("Morning coffee")
        tab_to(page, "#id_sense")
        page.keyboard.press("ArrowDown")  # the select's first sense
        tab_to(page, "button:text('Add this ritual')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/practice/rituals/[0-9a-f-]+/$"))
        assert_accessible(page, "a ritual's page")

        page.goto(f"{running.url}/")
        expect(page.locator(".intention")).to_have_text("Today's intention: notice 3 glimmers")
        tab_to(page, "button[aria-label='Mark “Morning coffee” done']")
        page.keyboard.press("Enter")
        expect(page.locator(".ritual-done")).to_contain_text("Done today")
        assert_accessible(page, "did it glimmer?")
        expect(page.locator("button:text('Yes — keep it')")).to_be_focused()  # the question is what comes next
        page.keyboard.press("Enter")
        box = page.locator(".ritual-row textarea")
        expect(box).to_have_value("Morning coffee — ")
        expect(page.locator(".ritual-row input[value='sight']")).to_be_checked()  # the ritual's sense
        expect(box).to_be_focused()
        page.keyboard.press("End")
        page.keyboard.type("steam in the window light")
        tab_to(page, ".ritual-row button:text('Keep this glimmer')")
        page.keyboard.press("Enter")
        expect(page.locator(".ritual-done")).to_contain_text("it glimmered, and the glimmer is kept")
        assert_accessible(page, "a glimmer kept from a ritual")

        page.reload()
        expect(page.locator(".glimmer-card", has_text="Morning coffee — steam in the window light")).to_be_visible()
        expect(page.locator(".intention")).to_contain_text("1 glimmer so far today")
    context.close()


def test_a_noticing_practice_by_keyboard_only_with_reduced_motion(tmp_path: Path, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 720}, reduced_motion="reduce")
    page = context.new_page()
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        page.goto(f"{running.url}/practice/")
        tab_to(page, "a:text('Start noticing')")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/practice/noticing/")
        assert_accessible(page, "choose a practice")
        tab_to(page, "#id_minutes_2")  # 3 minutes, the default: arrows choose within the group
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        expect(page.locator("#id_minutes_0")).to_be_checked()
        for sense in ("touch", "smell", "taste", "movement", "body"):  # leave out all but sight and sound
            tab_to(page, f"input[name='senses'][value='{sense}']")
            page.keyboard.press("Space")
        tab_to(page, "#id_pacer")
        page.keyboard.press("Space")
        tab_to(page, "button:text('Start noticing')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/practice/noticing/\?minutes=1"))
        expect(page.locator(".noticing-step")).to_have_count(2)

        status = page.locator("#noticing-status")
        tab_to(page, "button:text('Begin')")
        page.keyboard.press("Enter")
        expect(status).to_contain_text("Noticing begins. Sight:")
        expect(page.locator("button:text('Next sense')")).to_be_focused()
        expect(page.locator(".noticing-step >> nth=1")).to_be_hidden()
        # Reduced motion: the bar and the pacer stand still; the pacer's word still changes quietly.
        assert page.locator(".timer-fill").evaluate("(e) => getComputedStyle(e).animationName") == "none"
        assert page.locator(".breath-ball").evaluate("(e) => getComputedStyle(e).animationName") == "none"
        expect(page.locator(".breath-word")).to_have_text("Breathe in")
        assert_accessible(page, "noticing, sight")
        page.keyboard.press("Enter")  # skip to the next sense
        expect(status).to_contain_text("Next. Sound:")
        page.keyboard.press("Enter")  # skip past the last: the end
        expect(status).to_contain_text("That's the end of the practice")
        tab_to(page, "button:text('Stop the pacer')")
        page.keyboard.press("Enter")
        expect(page.locator("[data-pacer]")).to_have_count(0)
        tab_to(page, 'button:text("I\'m done")')
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/practice/sessions/[0-9a-f-]+/$"))
        assert_accessible(page, "did anything glimmer?")
        tab_to(page, "#keep-text")
        page.keyboard.type("The kettle beginning to sing")
        tab_to(page, "button:text('Keep this glimmer')")
        page.keyboard.press("Enter")
        page.locator(".notice", has_text="Kept in your journal.").wait_for()
        expect(page.locator(".kept-list")).to_contain_text("The kettle beginning to sing")
        tab_to(page, "form[action^='/practice/sessions/'] .rung-button")
        page.keyboard.press("Enter")
        page.locator(".notice", has_text="Noted:").wait_for()
    context.close()
