"""The interactive API documentation renders from our own static files under the strict CSP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import serving

pytestmark = pytest.mark.browser


def test_swagger_ui_renders_under_the_csp(tmp_path: Path, page: Any) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    with serving(tmp_path) as running:
        page.goto(f"{running.url}/api/docs")
        page.locator(".opblock-summary-path", has_text="/api/me").first.wait_for(timeout=15000)
    assert hosts == {running.url.split("/")[2]}  # nothing fetched from any other host
