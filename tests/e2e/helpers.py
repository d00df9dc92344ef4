"""Keyboard and accessibility helpers for browser tests."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


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
