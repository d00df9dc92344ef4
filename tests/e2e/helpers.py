"""Keyboard and accessibility helpers for browser tests."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


# Chromium's word for a request the page itself gave up on: it navigated away, or a script aborted
# it (htmx replacing a search-as-you-type request). Nothing failed, so it is no problem; anything
# else (refused, reset, blocked, timed out) is.
CANCELLED = "net::ERR_ABORTED"


class BrowserProblems:
    """What a page reports that fails the test that caused it: a CSP violation, a script error, a
    missing asset, a request that failed. (Pages answered with a 4xx on purpose, like a spent
    welcome link, are the test's own business.)"""

    def __init__(self) -> None:
        self.found: list[str] = []

    def watch(self, page: Any) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(str(error)))
        page.on("response", self._response)
        page.on("requestfailed", self._request_failed)

    def _console(self, message: Any) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.found.append(message.text)

    def _response(self, response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.found.append(f"{response.status} for {response.url}")

    def _request_failed(self, request: Any) -> None:
        if request.failure != CANCELLED:
            self.found.append(f"request failed: {request.url} ({request.failure})")


def tab_to(page: Any, selector: str, limit: int = 40) -> None:
    """Press Tab until `selector` has the focus, as a keyboard user would; fail if it never does."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("(element) => element === document.activeElement"):
            return
    raise AssertionError(f"{selector} could not be reached with Tab")


def assert_accessible(page: Any, label: str) -> None:
    """axe-core finds nothing on this page, in light and in dark mode."""
    for scheme in ("light", "dark"):
        use_scheme(page, scheme)
        results = _axe.run(page)
        assert results.violations_count == 0, f"{label} ({scheme}):\n{results.generate_report()}"
    page.emulate_media(color_scheme="light")


def sign_in(page: Any, base_url: str, name: str, password: str) -> None:
    """Sign in with the keyboard only and land on Today."""
    page.goto(f"{base_url}/sign-in/")
    tab_to(page, "#id_username")
    page.keyboard.type(name)
    tab_to(page, "#id_password")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/")


def use_scheme(page: Any, scheme: str) -> None:
    """Switch light/dark and wait two frames, so every element's styles are recomputed before axe
    reads colours (without it axe once read a light-mode colour on a dark background)."""
    page.emulate_media(color_scheme=scheme)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def tab_to_menu_link(page: Any, name: str) -> None:
    """Reach one of the main pages by keyboard: on a phone they sit behind "Menu", which opens first."""
    summary = page.locator(".site-menu > summary")
    if summary.is_visible() and page.locator(".site-menu[open]").count() == 0:
        tab_to(page, ".site-menu > summary")
        page.keyboard.press("Enter")
    tab_to(page, f"nav[aria-label='Main'] a:text-is('{name}')")
