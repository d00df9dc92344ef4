"""`python -m bench.serverside --data-dir D --user NAME`: how long Django takes to answer the pages that matter.

The requests go through Django's own WSGI handler, as a gunicorn worker calls it, with a signed-in
session and a CSRF token, so every middleware runs and the database connection is handled per request
just as in production. Only the handler call (and reading the answer) is timed; the request is built
beforehand. The database is the one the environment names (DATABASE_URL, else SQLite in the data folder).
Prints one JSON object: for each figure, its label and the times in milliseconds, or why there is none.

Search and the journal's filters are found rather than assumed: a candidate URL counts only when the
first page it answers holds nothing but glimmers that match, and the newest match among them. Until
then their figures say "not built yet", never a time for a page that ignored the query.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.catalogue import COMMON_WORD, RARE_WORD
from bench.django_setup import setup

CAPTURE_PATH = "/glimmers/new/"
TODAY_PATH = "/"
WARM_UP = 3  # the first requests load views and compile templates: not what a person waits for
CARD_LINK = re.compile(r"/glimmers/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/")
SEARCH_NAMES = ("journal:search", "search:search", "search")
SEARCH_PARAMS = ("q", "query", "search", "words")
NEWEST_FIRST: tuple[dict[str, str], ...] = ({}, {"order": "newest"}, {"sort": "newest"}, {"order": "new"})
# (query parameters, what they should keep): the journal's filters, as issue 4 names them.
FILTERS: tuple[tuple[dict[str, str], str], ...] = (
    ({"tag": "walk"}, "tag"),
    ({"sense": "sound"}, "sense"),
    ({"person": "Sam"}, "person"),
    ({"place": "The park"}, "place"),
)
Handler = Callable[..., Any]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.serverside")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    setup(args.data_dir, web=True)

    from django.core.handlers.wsgi import WSGIHandler
    from django.urls import Resolver404, resolve, reverse

    from glimmers.accounts.models import User
    from glimmers.journal import services

    user = User.objects.get(username=args.user)
    handler = WSGIHandler()
    cookies, csrf = _signed_in(user)
    runs = args.requests
    results: dict[str, dict[str, Any]] = {}

    shown = len(services.todays_glimmers(user))
    today = _timed(lambda: _call(handler, _environ("get", TODAY_PATH, cookies)), runs)
    results["today"] = {"label": f"server: GET {TODAY_PATH} (Today page, {shown} glimmers today)", **today}
    results["today_rituals"] = _today_with_rituals(handler, user, cookies, runs)
    try:
        resolve(CAPTURE_PATH)
    except Resolver404:
        results["capture"] = _capture_service(user, runs)
    else:
        results["capture"] = _capture_view(handler, user, cookies, csrf, runs, htmx=False)
        results["capture_htmx"] = _capture_view(handler, user, cookies, csrf, runs, htmx=True)

    journal = reverse("journal:timeline")
    results["journal"] = {
        "label": f"server: GET {journal} (journal, first page)",
        **_timed(lambda: _call(handler, _environ("get", journal, cookies)), runs),
    }
    results["journal_filtered"] = _filtered(handler, user, cookies, journal, runs)
    results.update(_search(handler, user, cookies, journal, runs))
    print(json.dumps(results))


# --- requests -------------------------------------------------------------------------------------


RITUALS = 20  # issue 15: Today with 20 active rituals (half of them done today) and an intention


def _today_with_rituals(handler: Handler, user: Any, cookies: str, runs: int) -> dict[str, Any]:
    """Today once the person keeps rituals: 20 daily ones, half done today, and a daily intention."""
    try:
        from glimmers.practice import services as practice
    except ImportError:
        return {"label": "server: Today with 20 rituals", "missing": "not built yet"}
    for number in range(RITUALS - practice.rituals_of(user).count()):
        ritual = practice.create_ritual(user, name=f"Ritual {number}", schedule="FREQ=DAILY", time_of_day="07:30")
        if number % 2:
            practice.mark_done(user, ritual.uuid, glimmered=True)
    practice.set_intention(user, "notice 3 glimmers")
    label = f"server: GET {TODAY_PATH} (Today page with {RITUALS} rituals and an intention)"
    return {"label": label, **_timed(lambda: _call(handler, _environ("get", TODAY_PATH, cookies)), runs)}


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


def _call(handler: Handler, environ: dict[str, Any]) -> tuple[int, float]:
    """(status, seconds) for one request through the WSGI handler."""
    status, _body, seconds = _fetch(handler, environ)
    return status, seconds


def _fetch(handler: Handler, environ: dict[str, Any]) -> tuple[int, bytes, float]:
    """(status, body, seconds) for one request through the WSGI handler."""
    statuses: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., None]:
        statuses.append(status)
        return lambda _data: None

    started = time.perf_counter()
    response = handler(dict(environ), start_response)  # a copy: the handler consumes wsgi.input
    try:
        body = b"".join(response)
    finally:
        response.close()  # sends request_finished: the connection is handled as after each real request
    return int(statuses[0].split()[0]), body, time.perf_counter() - started


def _timed(request: Callable[[], tuple[int, float]], runs: int) -> dict[str, Any]:
    for _ in range(WARM_UP):
        request()
    results = [request() for _ in range(runs)]
    statuses = sorted({status for status, _ in results})
    error = "" if all(status < 400 for status in statuses) else f"answered with status {statuses}"
    return {"ms": [seconds * 1000 for _, seconds in results], "statuses": statuses, "error": error}


# --- capture --------------------------------------------------------------------------------------


def _capture_view(handler: Handler, user: Any, cookies: str, csrf: str, runs: int, *, htmx: bool) -> dict[str, Any]:
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


# --- finding: search and filters, once they exist ---------------------------------------------------


def _cards(body: bytes) -> list[str]:
    """The glimmers a page shows, in order, by the links on their cards."""
    return list(dict.fromkeys(CARD_LINK.findall(body.decode("utf-8", "replace"))))


def _keeps(user: Any, what: str, value: str) -> Any:
    """The owner's glimmers a search word (`what` = "word") or a filter keeps, as a queryset."""
    from django.db.models import F, Q

    from glimmers.journal.models import SENSE_BITS, Glimmer
    from glimmers.journal.services import glimmers_of

    mine = glimmers_of(user)
    people = Glimmer.people.through.objects
    tags = Glimmer.tags.through.objects
    if what == "word":  # the fields issue 4 searches: text, why, people, places and tags
        return mine.filter(
            Q(text__icontains=value)
            | Q(why__icontains=value)
            | Q(place__name__icontains=value)
            | Q(pk__in=people.filter(person__name__icontains=value).values("glimmer_id"))
            | Q(pk__in=tags.filter(tag__name__icontains=value).values("glimmer_id"))
        )
    if what == "sense":
        return mine.annotate(has=F("sense_bits").bitand(SENSE_BITS[value])).filter(has__gt=0)
    if what == "place":
        return mine.filter(place__name__iexact=value)
    through = {"tag": tags.filter(tag__name__iexact=value), "person": people.filter(person__name__iexact=value)}
    return mine.filter(pk__in=through[what].values("glimmer_id"))


def _answers(handler: Handler, user: Any, cookies: str, url: str, what: str, value: str) -> str:
    """Why the page at `url` is not a first page of what `what`=`value` keeps; "" when it is."""
    status, body, _ = _fetch(handler, _environ("get", url, cookies))
    if status != 200:
        return f"status {status}"
    shown = _cards(body)
    kept = _keeps(user, what, value)
    if shown and kept.filter(uuid__in=shown).count() != len(shown):
        return "shows glimmers that don't match"
    newest = kept.order_by("-noticed_at", "-id").values_list("uuid", flat=True).first()
    if newest is None:
        return "nothing to find"
    if not shown:
        return "no glimmers shown"
    if str(newest) not in shown:
        return "the newest match is not on the first page"
    return ""


def _filtered(handler: Handler, user: Any, cookies: str, journal: str, runs: int) -> dict[str, Any]:
    tried = []
    for params, what in FILTERS:
        url = f"{journal}?{urlencode(params)}"
        tried.append(url)
        if not _answers(handler, user, cookies, url, what, next(iter(params.values()))):
            return {
                "label": f"server: GET {url} (journal filtered by {what}, first page)",
                **_timed(lambda url=url: _call(handler, _environ("get", url, cookies)), runs),  # type: ignore[misc]
            }
    return {"label": "server: filtered journal page", "missing": f"not built yet (tried {', '.join(tried)})"}


def _search(handler: Handler, user: Any, cookies: str, journal: str, runs: int) -> dict[str, dict[str, Any]]:
    """Search's first page, newest first, for a common and a rare word: at the search URL, or the journal's."""
    from glimmers.journal.services import glimmers_of

    paths = _search_paths()
    found = _find_search(handler, user, cookies, [*paths, journal])
    results: dict[str, dict[str, Any]] = {}
    for key, word, how in (("search_common", COMMON_WORD, "common"), ("search_rare", RARE_WORD, "rare")):
        if not found:
            tried = f": tried {', '.join(paths)}" if paths else ""
            results[key] = {
                "label": f"server: search, first page, a {how} word",
                "missing": f"not built yet (no search URL that finds words{tried})",
            }
            continue
        path, param, order = found
        url = f"{path}?{urlencode({param: word, **order})}"
        share = _keeps(user, "word", word).count() / max(1, glimmers_of(user).count())
        label = f"server: GET {url} (search, first page, a {how} word: {share:.2%} of glimmers)"
        result = _timed(lambda url=url: _call(handler, _environ("get", url, cookies)), runs)  # type: ignore[misc]
        problem = _answers(handler, user, cookies, url, "word", word)
        if problem and problem != "nothing to find" and not result["error"]:
            result["error"] = f"answered, but {problem}"
        results[key] = {"label": label, **result}
    return results


def _search_paths() -> list[str]:
    from django.urls import NoReverseMatch, reverse

    paths = []
    for name in SEARCH_NAMES:
        with contextlib.suppress(NoReverseMatch):
            paths.append(reverse(name))
    return paths


def _find_search(handler: Handler, user: Any, cookies: str, paths: list[str]) -> tuple[str, str, dict[str, str]] | None:
    """The first (path, parameter for the words, ordering parameters) whose first page shows the newest
    glimmers with the common word and nothing else."""
    for path in paths:
        for param in SEARCH_PARAMS:
            for order in NEWEST_FIRST:
                url = f"{path}?{urlencode({param: COMMON_WORD, **order})}"
                if not _answers(handler, user, cookies, url, "word", COMMON_WORD):
                    return path, param, order
    return None


if __name__ == "__main__":
    main()
