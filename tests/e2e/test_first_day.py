"""A new person's first day, end to end, with the keyboard only on a phone (375 x 812), axe-clean at each step:
the welcome → an idea, kept → the ladder in their own words → a check-in in those words from the header → a
glimmer whose "before" is shown openly → its time edited in words that look back → the phone header's Menu."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, sign_in, tab_to, tab_to_menu_link
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "dunlin", "a sandbar at low water"
PHONE = {"width": 375, "height": 812}
GLIMMER_PAGE = re.compile(r"/glimmers/[0-9a-f-]{36}/$")


def _press(page: Any, selector: str, key: str = "Enter") -> None:
    tab_to(page, selector)
    page.keyboard.press(key)


def _write_step(page: Any, name: str, last: bool = False) -> None:
    """One step of the guided map: the state's name in my own words, then Enter in the name saves it."""
    tab_to(page, "#id_name")
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    if not last:
        page.wait_for_url(re.compile(r"/ladder/edit/\?step=\w+$"))


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def test_a_first_day_by_keyboard_on_a_phone(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        page.set_viewport_size(PHONE)
        sign_in(page, running.url, NAME, PASSWORD)

        # 1. The welcome, with three ideas to start from.
        expect(page.locator("#welcome-heading")).to_have_text("Welcome to Glimmers")
        expect(page.locator(".idea-start")).to_have_count(3)
        assert_accessible(page, "first day: the welcome")

        # 2. An idea fills the box in place, with the focus there; Enter keeps it and says when for.
        _press(page, ".idea-start >> nth=0")
        expect(page.locator("#id_text")).to_be_focused()
        idea = page.locator("#id_text").input_value()
        assert idea
        page.keyboard.press("End")
        page.keyboard.type(" on the doorstep")
        page.keyboard.press("Enter")
        expect(page.locator(".saved")).to_contain_text("Kept for today at ")
        expect(page.locator(".glimmer-card", has_text=f"{idea} on the doorstep")).to_have_count(1)
        expect(page.locator("#id_text")).to_have_value("")
        assert_accessible(page, "first day: the first glimmer kept")

        # 3. My ladder, through the phone's Menu, in my own words (the guided map goes sympathetic, dorsal, ventral).
        tab_to_menu_link(page, "My ladder")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/ladder/")
        _press(page, "a:text('Write my ladder')")
        page.wait_for_url(re.compile(r"step=sympathetic$"))
        assert_accessible(page, "first day: the ladder's first step")
        _write_step(page, "buzzing")
        _write_step(page, "fog")
        _write_step(page, "easy", last=True)
        page.wait_for_url(f"{running.url}/ladder/")
        headings = [heading.split(" ", 1)[1] for heading in page.locator(".rung-heading").all_inner_texts()]
        assert headings == ["easy", "buzzing", "fog"]
        assert_accessible(page, "first day: my ladder, written")

        # 4. Back on Today, "Where am I?" in the header speaks my words: I check in as "fog".
        tab_to_menu_link(page, "Today")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/")
        _press(page, "#checkin > summary")
        expect(page.locator("button.rung-button", has_text="fog")).to_be_in_viewport()
        assert_accessible(page, "first day: checking in")
        _press(page, "button.rung-button:has-text('fog')")
        expect(page.locator("#checkin-status")).to_have_text(re.compile(r"Noted: fog"))
        expect(page.locator("#checkin > summary")).to_be_focused()

        # 5. The capture form now offers that check-in openly as "before", ticked; a glimmer kept now carries it.
        before = page.locator("label[for='before-checkin']")
        expect(before).to_have_text(re.compile(r"^before: fog — from your \d\d:\d\d check-in$"))
        expect(page.locator("#before-checkin")).to_be_checked()
        assert_accessible(page, "first day: before, shown openly")
        tab_to(page, "#id_text")
        page.keyboard.type("Warm bread from the oven")
        page.keyboard.press("Enter")
        expect(page.locator(".saved")).to_contain_text("Kept for today at ")
        card = page.locator(".glimmer-card", has_text="Warm bread from the oven")
        expect(card).to_have_count(1)

        # 6. Its page shows the "before"; editing its time in words that look back says the moment it used.
        _press(page, ".glimmer-card:has-text('Warm bread') .glimmer-text a")
        page.wait_for_url(GLIMMER_PAGE)
        glimmer_url = page.url
        expect(page.locator("dt:text-is('Before') + dd")).to_have_text("fog")
        kept_at = _minutes(page.locator(".details time").first.inner_text()[-5:])
        assert_accessible(page, "first day: a glimmer with its before")
        _press(page, "main a:text-is('Edit')")
        page.wait_for_url(glimmer_url + "edit/")
        # The picker comes pre-filled with the time it was kept for; the words typed win over it.
        expect(page.locator("#id_when_exact")).not_to_have_value("")
        expect(page.locator("select[name='state_before'] option:checked")).to_have_text("fog")  # shown, not hidden
        tab_to(page, "#id_when")
        page.keyboard.type("2 hours ago")
        _press(page, "button:text-is('Save')")
        page.wait_for_url(glimmer_url)
        notice = page.locator(".notice")
        expect(notice).to_have_text(re.compile(r"^Saved, kept for (today|yesterday) at \d\d:\d\d\.$"))
        moved_back = (kept_at - _minutes(notice.inner_text()[-6:-1])) % (24 * 60)
        assert 115 <= moved_back <= 125, f"{notice.inner_text()} (kept at {kept_at // 60:02}:{kept_at % 60:02})"
        # A kept "before" is the glimmer's own: moving its time leaves it (the edit page showed it, to change).
        expect(page.locator("dt:text-is('Before') + dd")).to_have_text("fog")
        assert_accessible(page, "first day: the glimmer, its time edited")

        # 7. The phone header's Menu, by keyboard, to the journal; "I need a glimmer" stays in the header.
        expect(page.locator("nav[aria-label='Main'] a:text-is('Journal')")).to_be_hidden()
        tab_to_menu_link(page, "Journal")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/journal/")
        expect(page.locator("a", has_text="Warm bread from the oven")).to_have_count(1)
        assert_accessible(page, "first day: the journal")
        _press(page, ".need-button")
        page.wait_for_url(re.compile(r"/need/"))
        assert_accessible(page, "first day: I need a glimmer")
