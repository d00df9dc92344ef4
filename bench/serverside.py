"""`python -m bench.serverside --data-dir D --user NAME`: how long Django takes to answer two requests.

The requests go through Django's own WSGI handler, as a gunicorn worker calls it, with a signed-in
session and a CSRF token, so every middleware runs and the database connection is opened and closed
per request just as in production. Only the handler call (and reading the answer) is timed; the
request is built beforehand. Prints one JSON object with the times in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.django_setup import setup

CAPTURE_PATH = "/glimmers/new/"
TODAY_PATH = "/"
WARM_UP = 3  # the first requests load views and compile templates: not what a person waits for


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.serverside")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    setup(args.data_dir, web=True)

    from django.core.handlers.wsgi import WSGIHandler
    from django.urls import Resolver404, resolve

    from glimmers.accounts.models import User
    from glimmers.journal import services

    user = User.objects.get(username=args.user)
    handler = WSGIHandler()
    cookies, csrf = _signed_in(user)
    shown = len(services.todays_glimmers(user))
    today = _timed(lambda: _call(handler, _environ("get", TODAY_PATH, cookies)), args.requests)
    results = {"today": {"label": f"server: GET {TODAY_PATH} (Today page, {shown} glimmers today)", **today}}
    try:
        resolve(CAPTURE_PATH)
    except Resolver404:
        results["capture"] = _capture_service(user, args.requests)
    else:
        results["capture"] = _capture_view(handler, user, cookies, csrf, args.requests, htmx=False)
        results["capture_htmx"] = _capture_view(handler, user, cookies, csrf, args.requests, htmx=True)
    print(json.dumps(results))


def _signed_in(user: Any) -> tuple[str, str]:
    """A session cookie for `user` and a CSRF secret, as a browser that signed in would hold."""
    from django.conf import settings
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.test import Client
    from django.utils.crypto import get_random_string

    client = Client()
    client.force_login(user)
    csrf = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    return f"{cookies}; {settings.CSRF_COOKIE_NAME}={csrf}", csrf


def _environ(
    method: str, path: str, cookies: str, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    from django.test import RequestFactory

    factory = RequestFactory(HTTP_HOST="localhost", HTTP_COOKIE=cookies)
    request = (
        factory.post(path, data or {}, headers=headers) if method == "post" else factory.get(path, headers=headers)
    )
    return dict(request.environ)


def _call(handler: Callable[..., Any], environ: dict[str, Any]) -> tuple[int, float]:
    """(status, seconds) for one request through the WSGI handler."""
    statuses: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., None]:
        statuses.append(status)
        return lambda _data: None

    started = time.perf_counter()
    response = handler(environ, start_response)
    try:
        b"".join(response)
    finally:
        response.close()  # sends request_finished: the connection closes, as after each real request
    return int(statuses[0].split()[0]), time.perf_counter() - started


def _timed(request: Callable[[], tuple[int, float]], runs: int) -> dict[str, Any]:
    for _ in range(WARM_UP):
        request()
    results = [request() for _ in range(runs)]
    statuses = sorted({status for status, _ in results})
    error = "" if all(status < 400 for status in statuses) else f"answered with status {statuses}"
    return {"ms": [seconds * 1000 for _, seconds in results], "statuses": statuses, "error": error}


def _capture_view(
    handler: Callable[..., Any], user: Any, cookies: str, csrf: str, runs: int, *, htmx: bool
) -> dict[str, Any]:
    """POST the capture form; each new glimmer is removed again (untimed) so every request sees the
    same journal and the same Today list."""
    from bench.generate import glimmer_values
    from glimmers.journal.models import Glimmer

    texts = iter([v.text for v in glimmer_values(runs + WARM_UP, seed=7)])
    headers = {"HX-Request": "true"} if htmx else None
    failed: list[int] = []

    def post() -> tuple[int, float]:
        newest = Glimmer.objects.filter(owner=user).order_by("-pk").values_list("pk", flat=True).first() or 0
        form = {"text": next(texts), "csrfmiddlewaretoken": csrf}
        status, seconds = _call(handler, _environ("post", CAPTURE_PATH, cookies, form, headers))
        made, _ = Glimmer.objects.filter(owner=user, pk__gt=newest).delete()
        if not made:
            failed.append(status)
        return status, seconds

    result = _timed(post, runs)
    if failed and not result["error"]:
        result["error"] = f"{len(failed)} POSTs kept no glimmer (statuses {sorted(set(failed))})"
    how = "from htmx (answers with the capture box and today's list)" if htmx else "plain form (redirects)"
    return {"label": f"server: capture, POST {CAPTURE_PATH} {how}", **result}


def _capture_service(user: Any, runs: int) -> dict[str, Any]:
    """No capture view yet: time the service it will call, so the row still says something."""
    from bench.generate import glimmer_values
    from glimmers.journal import services

    texts = iter([v.text for v in glimmer_values(runs + WARM_UP, seed=7)])

    def create() -> tuple[int, float]:
        started = time.perf_counter()
        services.create_glimmer(user, text=next(texts), source="bench")
        return 200, time.perf_counter() - started

    return {
        "label": f"server: capture via services.create_glimmer (no POST {CAPTURE_PATH} yet)",
        **_timed(create, runs),
    }


if __name__ == "__main__":
    main()
