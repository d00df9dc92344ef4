"""The API's error answers that don't come from one operation: their words, and their JSON shape.

Everything under /api/ answers `{"detail": …}` (DESIGN §5), even when Django or the middleware answers
before an operation runs (an unknown path, a wrong method, a body or address too long, a server error).
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

API_PREFIX = "/api/"

UNAUTHENTICATED = (
    "Sign in first: send a personal access token as `Authorization: Bearer <token>` "
    "(make one with `glimmers token create`)."
)
TOO_BIG = "That is more than Glimmers takes in one request."
URL_TOO_LONG = "That address is longer than Glimmers reads. Please send less in the query."
UNSTORABLE = (
    "Part of the request holds a character Glimmers can't keep (a NUL or a broken character). Please type it again."
)
NOT_FOUND = "Nothing here at that address."
NOT_ALLOWED = "This address doesn't take {method}."
SERVER_ERROR = "Something went wrong on the server. Please try again; if it keeps happening, tell whoever runs it."
BAD_REQUEST = "Glimmers couldn't read that request."


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX) or request.path_info == API_PREFIX.rstrip("/")


def problem(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)
