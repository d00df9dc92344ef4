"""Site-wide request handling: who may see a page, what may be cached, who is asking."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone


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
