"""The error shape every JSON endpoint declares, so the OpenAPI document tells the truth."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class Problem(Schema):
    """Every error answers with a `detail`: a sentence, or a list of what was wrong in the input."""

    detail: Any


ERRORS: dict[int, type[Schema]] = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem}
