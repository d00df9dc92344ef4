"""On a phone (375 x 812, and 320 px wide): a compact header, panels that open over the page instead of
pushing it down, a tokens list that fits, and <details> that look openable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, sign_in, tab_to, tab_to_menu_link
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "linnet", "a kite over the dunes"
PHONE = {"width": 375, "height": 812}
SMALL = {"width": 320, "height": 720}


def _top(page: Any, selector: str) -> float:
    return float(page.locator(selector).first.evaluate("(element) => element.getBoundingClientRect().top"))


def _height(page: Any, selector: str) -> float:
    return float(page.locator(selector).first.evaluate("(element) => element.getBoundingClientRect().height"))


def _sideways(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def test_the_phone_header_is_compact_and_its_panels_open_over_the_page(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        page.set_viewport_size(PHONE)
        sign_in(page, running.url, NAME, PASSWORD)
        # Was 300 of 812 px before the capture box; now two rows: the name and Menu, then the two actions.
        assert _height(page, ".site-header") <= 120
        expect(page.locator(".need-button")).to_be_visible()
        expect(page.locator("#checkin > summary")).to_be_visible()
        expect(page.locator("nav[aria-label='Main'] a:text-is('Journal')")).to_be_hidden()
        box = _top(page, "#id_text")
        assert box < 240

        # "Where am I?" opens over the page: the capture box doesn't move, and the rungs are on screen.
        tab_to(page, "#checkin > summary")
        page.keyboard.press("Enter")
        expect(page.locator("button.rung-button").first).to_be_in_viewport()
        assert _top(page, "#id_text") == box
        assert _height(page, ".site-header") <= 120
        assert_accessible(page, "today, checking in, on a phone")
        page.keyboard.press("Enter")  # the focus stayed on "Where am I?": Enter closes it again
        expect(page.locator("#checkin-note")).to_be_hidden()

        # The menu: one tap (or Enter) away, over the page too; its pages reachable by keyboard.
        tab_to_menu_link(page, "Journal")
        assert _top(page, "#id_text") == box
        assert_accessible(page, "today, menu open, on a phone")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/journal/")

        # At 320 px nothing spills sideways, and the check-in still opens without moving the page.
        page.set_viewport_size(SMALL)
        page.goto(f"{running.url}/")
        assert _sideways(page) == 0
        box = _top(page, "#id_text")
        page.click("#checkin > summary")
        expect(page.locator("button.rung-button").first).to_be_visible()
        assert _top(page, "#id_text") == box
        assert _sideways(page) == 0


def test_details_turn_their_marker_and_form_problems_take_the_focus(tmp_path: Path, page: Any) -> None:
    marker = (
        "(element) => { const s = getComputedStyle(element, '::before'); return [s.content, s.width, s.transform]; }"
    )
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        summary = page.locator("details.more > summary")
        content, width, closed = summary.evaluate(marker)
        assert content != "none" and float(width.removesuffix("px")) > 0
        summary.click()
        assert summary.evaluate(marker)[2] != closed

        # Keeping an empty glimmer with words for "when" it can't read: both problems at once, in a summary
        # that has the focus, whose links lead to each field.
        page.fill("#id_when", "the twelfth of never")
        page.focus("#id_text")
        page.keyboard.press("Enter")
        problems = page.locator("[data-error-summary]")
        expect(problems).to_be_focused()
        expect(problems.locator("a")).to_have_count(2)
        assert_accessible(page, "today, with two problems")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(page.locator("#id_text")).to_be_focused()


def test_tokens_fit_a_phone_and_revoking_asks_first(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        page.set_viewport_size(PHONE)
        sign_in(page, running.url, NAME, PASSWORD)
        page.goto(f"{running.url}/settings/")
        page.fill("#id_name", "a shortcut with a rather long name on my phone")
        page.click("button:text('Make a token')")
        key_id = page.locator(".token-row code").first.inner_text()
        for size in (PHONE, SMALL):
            page.set_viewport_size(size)
            assert _sideways(page) == 0
            revoke = page.locator(".token-row summary").first
            box = revoke.bounding_box()
            assert box is not None and box["x"] + box["width"] <= size["width"]
        assert_accessible(page, "settings with a token, 320 px")

        # Revoke asks first: opening it only shows what will happen and a second button.
        tab_to(page, ".token-row summary")
        page.keyboard.press("Enter")
        expect(page.locator(".confirm-form")).to_contain_text("stops working at once")
        assert page.locator(".token-row").count() == 1
        tab_to(page, ".confirm-form button")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/settings/")
        expect(page.locator(".notice")).to_contain_text(f"Token {key_id} is revoked")
        assert page.locator(".token-row").count() == 0
