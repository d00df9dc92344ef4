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


ERRORS: dict[int, type[Schema]] = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem}


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
