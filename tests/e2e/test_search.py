"""Finding glimmers again with the keyboard only: search and filter the journal, then make two people
one (“Mom” and “Mum”)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import assert_accessible, sign_in, tab_to, tab_to_menu_link
from tests.helpers import serving_with_account

pytestmark = pytest.mark.browser

NAME, PASSWORD = "heron", "reeds at the water's edge"


def _keep(page: Any, text: str) -> None:
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.locator(".glimmer-card", has_text=text).first.wait_for()


def test_search_filter_and_merge_two_people_by_keyboard(tmp_path: Path, page: Any) -> None:
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        sign_in(page, running.url, NAME, PASSWORD)
        assert "@Sam" in page.locator("#capture-hint").inner_text()  # the box says how to name people
        _keep(page, "Birdsong with @Mom at +the_park")
        _keep(page, "Tea in the garden with @Mum")
        _keep(page, "Rain on the window #cosy")

        # Search: the box is a labelled field at the top of the journal.
        page.goto(f"{running.url}/journal/")
        tab_to(page, "#id_q")
        page.keyboard.type("BIRD")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/journal/\?q=BIRD"))
        cards = page.locator(".glimmer-card")
        assert cards.count() == 1
        assert page.locator(".glimmer-card mark").first.inner_text() == "Birdsong"
        assert_accessible(page, "search results")

        # Filters: open them, name a person (the picker offers the names typed so far), search again.
        tab_to(page, "details.filters > summary")
        page.keyboard.press("Enter")
        tab_to(page, "#id_q")
        page.keyboard.press("Control+a")
        page.keyboard.press("Backspace")
        tab_to(page, "#id_person")
        page.keyboard.type("Mu")
        page.locator("#people-options option[value='Mum']").wait_for(state="attached")
        page.keyboard.type("m")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"person=Mum"))
        assert [card.inner_text().splitlines()[0] for card in cards.all()] == ["Tea in the garden with @Mum"]
        assert "with Mum" in page.locator(".search-summary").inner_text()
        assert_accessible(page, "filtered journal")

        # Make “Mom” and “Mum” one, from the People page.
        tab_to_menu_link(page, "People")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/people/")
        assert_accessible(page, "people")
        tab_to(page, ".name-row a:text('Mom')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/people/[0-9a-f-]{36}/$"))
        assert "1 glimmer with Mom." in page.locator("main").inner_text()
        tab_to(page, "a:text('Merge with another')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/merge/$"))
        assert_accessible(page, "merge")
        tab_to(page, "#id_into")
        assert page.locator("#id_into").input_value() == page.locator("#id_into option", has_text="Mum").get_attribute(
            "value"
        )
        tab_to(page, "button:text('Merge')")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/people/[0-9a-f-]{36}/$"))
        main = page.locator("main").inner_text()
        assert "“Mom” and “Mum” are one now" in page.locator(".notices").inner_text()
        assert "2 glimmers with Mum." in main
        assert_accessible(page, "a person")

        page.goto(f"{running.url}/people/")
        assert [name.inner_text() for name in page.locator(".name-row a").all()] == ["Mum"]
