"""The error shape every JSON endpoint declares, so the OpenAPI document tells the truth."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ninja import Schema
from ninja.errors import HttpError

from glimmers.lib.errors import NotFound


class Problem(Schema):
    """Every error answers with a `detail`: a sentence, or a list of what was wrong in the input."""

    detail: Any


# What any operation can answer besides its own success (DESIGN §5): 400 a rule refused it, 401 no or bad
# credentials, 403 a read-only token writing or a session without its CSRF token, 404 not found or not
# yours, 413 a body too big, 414 an address too long, 422 the body or query doesn't match the schema.
ERRORS: dict[int, type[Schema]] = {
    400: Problem,
    401: Problem,
    403: Problem,
    404: Problem,
    413: Problem,
    414: Problem,
    422: Problem,
}


@contextmanager
def found(what: str) -> Iterator[None]:
    """Turn a service's NotFound into the API's 404, naming the kind of thing ("No cue with that id.")."""
    try:
        yield
    except NotFound:
        raise HttpError(404, f"No {what} with that id.") from None


def path_uuid(value: str, what: str) -> uuid.UUID:
    """A public id from the path; anything that isn't one is simply not found (404, never 422)."""
    try:
        return uuid.UUID(value)
    except ValueError:
        raise HttpError(404, f"No {what} with that id.") from None


def _field(loc: list[Any] | tuple[Any, ...]) -> str:
    names = [str(part) for part in loc if isinstance(part, str) and part not in ("body", "query", "path")]
    return names[-1] if names else "the body"


# Pydantic's complaints in plain words, by their type: {field} is the field's name, the rest the error's ctx.
SAID = {
    "string_too_long": "“{field}” can be {max_length:,} characters at most.",
    "too_long": "“{field}” can hold {max_length:,} at most.",
    "greater_than_equal": "“{field}” should be at least {ge}.",
    "less_than_equal": "“{field}” should be at most {le}.",
    "missing": "“{field}” is needed.",
    "string_unicode": "“{field}” holds characters that aren't valid text (a broken emoji or symbol, perhaps).",
}


def _words(error: dict[str, Any]) -> str:
    """Pydantic's complaint in plain words, naming the field (the limits are the schema's: DESIGN §5)."""
    field, ctx, kind = _field(error.get("loc", ())), error.get("ctx") or {}, error.get("type", "")
    if kind in SAID:
        return SAID[kind].format_map({"max_length": 0, "ge": None, "le": None, **ctx, "field": field})
    if kind == "value_error":
        return str(ctx.get("error") or error.get("msg", ""))
    return f"“{field}”: {error.get('msg', 'not what was expected')}."


def unlike_the_schema(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A 422's `detail`: each thing that didn't match the schema, where (`loc`) and in plain words (`msg`)."""
    return [{"type": error.get("type"), "loc": list(error.get("loc", ())), "msg": _words(error)} for error in errors]
