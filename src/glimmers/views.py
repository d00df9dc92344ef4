"""Site-wide pages that belong to no one app: liveness, Support, and the error pages."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@login_not_required
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers: no user data, no database work."""
    return HttpResponse("ok\n", content_type="text/plain")


@lru_cache(maxsize=4)
def _support_text(path: Path, modified: float) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


@login_not_required
@require_safe
def support(request: HttpRequest) -> HttpResponse:
    """Crisis and support information: always there, signed out and without JavaScript.

    The operator may replace the kind default with GLIMMERS_SUPPORT_FILE (plain text;
    blank lines separate paragraphs, web addresses become links, everything is escaped).
    """
    custom = None
    path: Path | None = settings.SUPPORT_FILE
    if path is not None:
        try:
            custom = _support_text(path, path.stat().st_mtime).strip() or None
        except OSError:
            custom = None  # the kind default is better than an error on this page of all pages
    return render(request, "glimmers/support.html", {"custom": custom})


@login_not_required
def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "glimmers/404.html", status=404)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "glimmers/500.html", status=500)


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "glimmers/403_csrf.html", status=403)
