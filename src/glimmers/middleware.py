"""Site-wide request handling: what is refused before any view, who may see a page, what may be cached,
who is asking."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.http.multipartparser import MultiPartParserError
from django.utils import timezone

from glimmers.lib import problems


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    """Every page needs its owner unless its view is marked public (`login_not_required`).

    The JSON API answers for itself: a script gets 401, not a redirect to a sign-in page.
    """

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponseBase],
        view_args: tuple[object, ...],
        view_kwargs: dict[str, object],
    ) -> HttpResponseBase | None:
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PersonalTimeZoneMiddleware:
    """Times on a signed-in page read on the person's own clock (their profile's zone), not the
    server's. A glimmer's own time is shown in the zone it was noticed in (see its templates)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        zone = getattr(user, "time_zone", None) if user is not None and user.is_authenticated else None
        if zone:
            try:
                timezone.activate(ZoneInfo(zone))
            except (ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class PrivateCacheMiddleware:
    """Pages and answers about a person are never kept by browsers or proxies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path_info.startswith("/api/"):
            response["Cache-Control"] = "no-store"
        return response


def client_ip(request: HttpRequest) -> str:
    """The address sign-in throttling counts against.

    Behind one trusted reverse proxy (GLIMMERS_TRUST_PROXY) that is the last address the
    proxy appended to X-Forwarded-For; anything earlier in that header came from the client
    and could be forged.
    """
    if settings.TRUST_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return str(hops[-1])
    return str(request.META.get("REMOTE_ADDR", ""))


# A character neither database can keep: NUL (PostgreSQL refuses it in text) and lone surrogates (not
# Unicode at all, so they can't be encoded to be sent). In JSON bodies they are the text rules' to clean
# (text) or refuse (names, lookups): see journal.text.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _unstorable(values: Iterable[str]) -> bool:
    return any(_UNSTORABLE.search(value) for value in values)


class RequestGuardMiddleware:
    """What no route should have to think about, refused in one place before any view or database
    sees it: an address longer than Glimmers reads (414), a body bigger than it takes (413), and a
    NUL or broken character in the query or a form field (400), or in the path (404: it names nothing).

    Under /api/ the answer is `{"detail": …}`; on the web, a kind page. Innermost of the middleware,
    so the security headers still wrap its answers, and before every `process_view` (sign-in, CSRF).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusal = self._refusal(request)
        if refusal is not None:
            status, detail = refusal
            if problems.is_api(request):
                return problems.problem(status, detail)
            from glimmers.views import not_found, refused

            if status == 404:
                return not_found(request)
            return refused(request, status, detail if detail == problems.BAD_REQUEST else None)
        response = self.get_response(request)
        if response.status_code == 405 and problems.is_api(request) and "json" not in response.get("Content-Type", ""):
            method = request.method or "this method"  # django-ninja's bare 405 for a method a path doesn't take
            answer = problems.problem(405, problems.NOT_ALLOWED.format(method=method))
            answer["Allow"] = response.get("Allow", "")
            return answer
        return response

    def _refusal(self, request: HttpRequest) -> tuple[int, str] | None:
        if len(request.get_full_path()) > settings.URL_LIMIT:
            return 414, problems.URL_TOO_LONG
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return 400, problems.BAD_REQUEST
        if problems.is_api(request) and length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return 413, problems.TOO_BIG
        try:
            fields = [
                part for data in (request.GET, request.POST) for key, values in data.lists() for part in (key, *values)
            ]
        except RequestDataTooBig:
            return 413, problems.TOO_BIG
        except (TooManyFieldsSent, TooManyFilesSent, MultiPartParserError):
            return 400, problems.BAD_REQUEST
        if _unstorable([request.path_info]):
            return 404, problems.NOT_FOUND  # no address here holds one: like any id that isn't one (404, never 400)
        if _unstorable(fields):
            return 400, problems.UNSTORABLE
        return None
