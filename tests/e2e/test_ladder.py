"""My ladder with the keyboard only: the "where am I?" control on any page, and the guided map; axe-clean."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, sign_in, tab_to, tab_to_menu_link
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "heron", "reeds in the morning light"


def test_check_in_from_any_page_and_write_the_ladder_by_keyboard(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)

        # The control: open it, (a note,) choose a state — and the capture form's "before" follows.
        tab_to(page, "#checkin > summary")
        page.keyboard.press("Enter")
        assert page.locator("#checkin").get_attribute("open") is not None
        assert_accessible(page, "today, check-in open")
        tab_to(page, "#checkin-note")
        page.keyboard.type("deadline at four")
        page.keyboard.press("Enter")  # Enter in the note checks in as nothing at all
        assert page.locator("#checkin-status").inner_text() == ""
        tab_to(page, "button.rung-button:has-text('on edge')")
        page.keyboard.press("Enter")
        page.locator("#checkin-status", has_text="Noted: on edge").wait_for()
        expect(page.locator("#checkin > summary")).to_be_focused()  # the focus comes back
        assert page.locator("#checkin").get_attribute("open") is None
        # Offered openly as "before", ticked, outside "More" (htmx brought it in with the check-in).
        expect(page.locator("#before-checkin")).to_be_checked()
        expect(page.locator("label[for='before-checkin']")).to_contain_text("before: on edge — from your")
        expect(page.locator("select[name='state_before']")).to_have_value("")
        assert_accessible(page, "today, after a check-in")

        # A glimmer kept now carries that "before".
        tab_to(page, "#id_text")
        page.keyboard.type("A cup of tea by the window")
        page.keyboard.press("Enter")
        page.locator(".glimmer-card", has_text="A cup of tea").wait_for()
        expect(page.locator("#before-checkin")).to_be_checked()  # ready for the next one

        # The guided map: sympathetic, then dorsal (skipped), then ventral.
        tab_to_menu_link(page, "My ladder")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/ladder/")
        assert_accessible(page, "my ladder, unwritten")
        tab_to(page, "a:text('Write my ladder')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/ladder/edit/\?step=sympathetic$"))
        assert_accessible(page, "ladder step 1")
        tab_to(page, "#id_name")
        page.keyboard.type("wired")
        tab_to(page, "input[name='colour'][value='sand']")
        page.keyboard.press("ArrowRight")  # radios move with the arrow keys: sand → plum
        assert page.locator("input[name='colour'][value='plum']").is_checked()
        tab_to(page, "#id_body")
        page.keyboard.type("tight chest, quick breath")
        tab_to(page, "button:text('Save and go on')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"step=dorsal$"))
        tab_to(page, "button:text('Skip this step')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"step=ventral$"))
        tab_to(page, "#id_name")
        page.keyboard.type("calm and here")
        page.keyboard.press("Enter")  # Enter in the name saves the step
        page.wait_for_url(f"{running.url}/ladder/")
        headings = page.locator(".rung-heading").all_inner_texts()
        assert [h.split(" ", 1)[1] for h in headings] == ["calm and here", "wired", "far away"]
        assert "tight chest" in page.locator("main").inner_text()
        assert_accessible(page, "my ladder, written")

        # The control now speaks in my own words; the day shows the check-ins and the glimmer on one line.
        tab_to(page, "#checkin > summary")
        page.keyboard.press("Enter")
        tab_to(page, "button.rung-button:has-text('calm and here')")
        page.keyboard.press("Space")
        page.locator("#checkin-status", has_text="Noted: calm and here").wait_for()
        page.goto(f"{running.url}/ladder/day/")
        items = page.locator(".timeline-item").all_inner_texts()
        assert len(items) == 3 and "wired" in items[0] and "A cup of tea" in items[1] and "calm and here" in items[2]
        assert "before: wired" in items[1]  # the glimmer kept the "before" its form was given
        assert_accessible(page, "my day")
        page.emulate_media(media="print")
        page.goto(f"{running.url}/ladder/")
        assert not page.locator(".site-header").is_visible()
        assert page.locator(".ladder").is_visible()
        page.emulate_media(media="screen")


def test_my_words_and_a_landmark_story_by_keyboard_then_a_check_in_as_one_of_my_words(
    tmp_path: Path, page: Any
) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        page.goto(f"{running.url}/ladder/")
        tab_to(page, "a:text('Choose my words')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/ladder/words/$"))
        # Begin with the far-away state instead; the settled one still comes last.
        tab_to(page, "a:has-text('far away')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"first=dorsal$"))
        assert_accessible(page, "my words, step 1")
        tab_to(page, "#id_words")
        page.keyboard.type("foggy, heavy")
        tab_to(page, "input[name='examples'][value='numb']")
        page.keyboard.press("Space")  # take an example word
        tab_to(page, "button:text('Save and go on')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"step=sympathetic&first=dorsal$"))
        tab_to(page, "button:text('Skip this step')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"step=ventral&first=dorsal$"))
        tab_to(page, "#id_words")
        page.keyboard.type("settled")
        tab_to(page, "button:text('Save my words')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/ladder/#words-heading$"))
        expect(page.locator("#rung-dorsal ~ .rung-words")).to_have_text("My words for it: foggy · heavy · numb")

        # A landmark story for the settled state, kept with the map.
        tab_to(page, "a[href='/ladder/story/?state=ventral']")
        page.keyboard.press("Enter")
        assert_accessible(page, "a landmark story")
        tab_to(page, "#id_what")
        page.keyboard.type("The lake at dawn")
        tab_to(page, "button:text('Keep my story')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/ladder/#rung-ventral$"))
        tab_to(page, "#story-ventral > summary")
        page.keyboard.press("Enter")  # the story is folded away until opened
        assert "The lake at dawn" in page.locator("#story-ventral").inner_text()
        assert_accessible(page, "my ladder with words and a story")

        # The control offers my words; one tap on "foggy" checks in at the far-away state.
        tab_to(page, "#checkin > summary")
        page.keyboard.press("Enter")
        tab_to(page, "button.rung-button:has-text('foggy')")
        page.keyboard.press("Enter")
        page.locator("#checkin-status", has_text="Noted: foggy").wait_for()
        assert_accessible(page, "after a check-in by my word")
        page.goto(f"{running.url}/ladder/day/")
        assert "foggy (far away)" in page.locator(".timeline-item").first.inner_text()
