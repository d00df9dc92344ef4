"""A new person's first minutes, with the keyboard only: welcome link, account, sign out, sign in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import assert_accessible, tab_to
from tests.helpers import serving

pytestmark = pytest.mark.browser

NAME, PASSWORD = "sam", "kettle song at dawn"


def test_first_run_by_keyboard_and_every_page_accessible(tmp_path: Path, page: Any) -> None:
    with serving(tmp_path) as running:
        page.goto(running.first_run_link)
        assert page.title().startswith("Welcome")
        assert_accessible(page, "first run")

        tab_to(page, "#id_username")
        page.keyboard.type(NAME)
        tab_to(page, "#id_password")
        page.keyboard.type(PASSWORD)
        tab_to(page, "#id_password_again")
        page.keyboard.type(PASSWORD)
        tab_to(page, "button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/")
        assert "Keep this glimmer" in page.content()

        page.goto(f"{running.url}/settings/")
        assert_accessible(page, "settings")

        tab_to(page, ".site-menu > summary")  # on a phone, Sign out is in the menu
        page.keyboard.press("Enter")
        tab_to(page, "form[action='/sign-out/'] button")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/sign-in/")
        assert_accessible(page, "sign in")

        tab_to(page, "#id_username")
        page.keyboard.type(NAME)
        tab_to(page, "#id_password")
        page.keyboard.type(PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{running.url}/")
        assert "Keep this glimmer" in page.content()

        page.goto(f"{running.url}/support/")
        assert_accessible(page, "support")

        page.goto(running.first_run_link)
        assert "no longer works" in page.content()
