"""The kit with the keyboard only and reduced motion on: from Today, "I need a glimmer" → where are you? → this
helped → savour (the calm timer, announced at its start and end) → how do you feel now?; pinning; low-energy
mode. axe-clean in light and dark on every step."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, sign_in, tab_to, tab_to_menu_link
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "finch", "light through the beech leaves"


def test_i_need_a_glimmer_then_savour_and_check_in_by_keyboard_with_reduced_motion(tmp_path: Path, page: Any) -> None:
    page.emulate_media(reduced_motion="reduce")
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        tab_to(page, "#id_text")
        page.keyboard.type("Warm bread from the oven")
        page.keyboard.press("Enter")
        page.locator(".glimmer-card", has_text="Warm bread").wait_for()

        # A shorter savour, on My kit (10–60 seconds).
        tab_to_menu_link(page, "My kit")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/kit/")
        assert_accessible(page, "my kit, young")
        assert page.locator("#ideas-heading").is_visible()  # fewer than 5 glimmers: ideas to try
        tab_to(page, "#id_savour_seconds")
        page.keyboard.press("Control+A")
        page.keyboard.type("10")
        page.keyboard.press("Enter")
        page.locator(".notice", has_text="Savouring now lasts 10 seconds").wait_for()

        # From Today: "I need a glimmer" → where are you?
        page.goto(f"{running.url}/")
        tab_to(page, "a.need-button")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/kit/need/")
        assert_accessible(page, "where are you?")
        tab_to(page, ".need-form button.rung-button:has-text('on edge')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/kit/surfacings/[0-9a-f-]+/$"))
        expect(page.locator("blockquote.glimmer-big")).to_have_text("Warm bread from the oven")
        assert_accessible(page, "a glimmer brought back")

        # This helped: one tap, answered in place.
        tab_to(page, "button:text('This helped')")
        page.keyboard.press("Enter")
        expect(page.locator("#answer-status")).to_have_text("Noted: this helped.")

        # Savour: the timer is announced when it begins and when it ends, and never moves with reduced motion.
        tab_to(page, "a:text('Savour it')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/kit/savour/[0-9a-f-]+/\?surfacing="))
        expect(page.locator(".savour-timer")).to_be_visible()
        assert_accessible(page, "savour")
        tab_to(page, "[data-savour-start]")
        page.keyboard.press("Enter")
        expect(page.locator("#timer-status")).to_have_text("Savouring for 10 seconds. Stay with it.")
        assert page.locator(".timer-fill").evaluate("(fill) => getComputedStyle(fill).animationName") == "none"
        expect(page.locator("[data-savour-start]")).to_be_focused()
        expect(page.locator("#timer-status")).to_contain_text("That's 10 seconds.", timeout=15_000)
        assert_accessible(page, "savour, time is up")
        tab_to(page, 'button:text("I\'m done")')
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/kit/savourings/[0-9a-f-]+/feel/$"))

        # How do you feel now? A check-in, in my ladder's words.
        assert_accessible(page, "how do you feel now?")
        tab_to(page, "main button.rung-button:has-text('settled and connected')")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/kit/")
        page.locator(".notice", has_text="Noted: settled and connected").wait_for()
        page.goto(f"{running.url}/ladder/day/")
        assert "settled and connected" in page.locator(".timeline").inner_text()


def test_pin_from_a_glimmers_page_and_low_energy_mode_by_keyboard(tmp_path: Path, page: Any) -> None:
    page.emulate_media(reduced_motion="reduce")
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        tab_to(page, "#id_text")
        page.keyboard.type("Birdsong at dawn")
        page.keyboard.press("Enter")
        page.locator(".glimmer-card", has_text="Birdsong").wait_for()
        tab_to(page, ".glimmer-card a")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/glimmers/[0-9a-f-]+/$"))
        tab_to(page, "button:text('Pin to my kit')")
        page.keyboard.press("Enter")
        expect(page.locator("button:text('Take out of my kit')")).to_be_visible()
        page.goto(f"{running.url}/")
        expect(page.locator(".glimmer-card .kit-mark")).to_have_text("◈ in my kit")
        assert_accessible(page, "today, with a pinned glimmer")

        # Low-energy mode: one tap; then big targets and nothing to type, here and in the check-in control.
        tab_to_menu_link(page, "My kit")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/kit/")
        expect(page.locator(".anchor-label")).to_have_text("Birdsong at dawn")
        tab_to(page, "button:text('Turn it on')")
        page.keyboard.press("Enter")
        expect(page.locator(".switch-state")).to_have_text("It is on.")
        assert_accessible(page, "my kit, low energy")
        tab_to(page, "#checkin > summary")
        page.keyboard.press("Enter")
        expect(page.locator("#checkin-note")).to_be_hidden()
        height = page.locator(".checkin .rung-button").first.evaluate("(b) => b.getBoundingClientRect().height")
        assert height >= 64
        page.goto(f"{running.url}/kit/need/")
        assert_accessible(page, "where are you?, low energy")
