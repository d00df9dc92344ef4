"""Site-wide pages that belong to no one app: liveness, Support, and the error pages."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from glimmers.lib import problems


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


# Django's error handlers: under /api/ they answer `{"detail": …}` like every operation (DESIGN §5).


@login_not_required
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if problems.is_api(request):
        return problems.problem(400, problems.BAD_REQUEST)
    return refused(request, 400, problems.BAD_REQUEST)


@login_not_required
def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if problems.is_api(request):
        return problems.problem(404, problems.NOT_FOUND)
    return render(request, "glimmers/404.html", status=404)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    if problems.is_api(request):
        return problems.problem(500, problems.SERVER_ERROR)
    return render(request, "glimmers/500.html", status=500)


WEB_REFUSALS = {
    400: (
        "Glimmers couldn't use that",
        "Part of what was sent holds a character Glimmers can't keep (a NUL or a broken one).",
    ),
    413: (
        "That was a lot to send",
        "It is more than Glimmers takes in one go. Shorter text, or fewer names, will fit.",
    ),
    414: ("That address is very long", "It is longer than Glimmers reads. Try the page again from its link."),
}


def refused(request: HttpRequest, status: int, reason: str | None = None) -> HttpResponse:
    """A kind page for a request refused before any view saw it (RequestGuardMiddleware)."""
    title, words = WEB_REFUSALS.get(status, WEB_REFUSALS[400])
    return render(request, "glimmers/refused.html", {"title": title, "words": reason or words}, status=status)


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "glimmers/403_csrf.html", status=403)
