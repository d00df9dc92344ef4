"""Browser tests: Playwright driving Debian's Chromium against a real `glimmers serve`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import BrowserProblems

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> Path | None:
    path = Path(os.environ.get("GLIMMERS_CHROMIUM", "/usr/bin/chromium"))
    return path if path.exists() else None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        hint = "no Chromium found: install it (apt-get install chromium) or set GLIMMERS_CHROMIUM"
        if os.environ.get("GLIMMERS_REQUIRE_BROWSER") == "1":
            pytest.fail(hint)
        pytest.skip(hint)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    opened = context.new_page()
    problems = BrowserProblems()
    problems.watch(opened)
    yield opened
    context.close()
    assert not problems.found, f"the browser reported problems: {problems.found}"
