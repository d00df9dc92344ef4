"""The browser tests' own watchman (tests.e2e.helpers.BrowserProblems): a request that fails fails
the test; one the page cancelled by moving on (a debounced suggestion when Enter navigates) does not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.helpers import CANCELLED, BrowserProblems

pytestmark = pytest.mark.browser

SITE = "http://glimmers.test"  # answered by page.route below: nothing leaves the browser


@pytest.fixture
def watched(browser: Any) -> Iterator[tuple[Any, BrowserProblems]]:
    context = browser.new_context()
    page = context.new_page()
    problems = BrowserProblems()
    problems.watch(page)
    page.route(f"{SITE}/next", lambda route: route.fulfill(content_type="text/html", body="<p>next</p>"))
    yield page, problems
    context.close()


def _serve_page_that_fetches(page: Any, path: str) -> None:
    body = f"<p>start</p><script>fetch('{path}').catch(() => {{}})</script>"
    page.route(f"{SITE}/", lambda route: route.fulfill(content_type="text/html", body=body))


def test_a_request_that_fails_is_a_problem(watched: tuple[Any, BrowserProblems]) -> None:
    page, problems = watched
    _serve_page_that_fetches(page, "/suggest")
    page.route(f"{SITE}/suggest", lambda route: route.abort("connectionreset"))
    with page.expect_event("requestfailed"):
        page.goto(f"{SITE}/")
    assert problems.found == [f"request failed: {SITE}/suggest (net::ERR_CONNECTION_RESET)"]


def test_a_request_cancelled_by_leaving_the_page_is_not(watched: tuple[Any, BrowserProblems]) -> None:
    page, problems = watched
    _serve_page_that_fetches(page, "/suggest")
    page.route(f"{SITE}/suggest", lambda route: None)  # never answered: still pending when the page moves on
    with page.expect_request(f"{SITE}/suggest"):
        page.goto(f"{SITE}/")
    with page.expect_event("requestfailed") as cancelled:
        page.goto(f"{SITE}/next")
    assert cancelled.value.failure == CANCELLED
    assert problems.found == []
