"""What every API body and query shares: a body must be a JSON object, and days and moments are written
as ISO 8601 text (never a bare number read as seconds since 1970).

Limits (maxLength, maxItems, minimum/maximum) live on each schema's fields, so that a body over them
answers 422 and the OpenAPI document shows them to clients and fuzzers (DESIGN §5).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, model_validator

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Body(Schema):
    """A request body: a JSON object, never `null`, an array or a bare value (taken as an empty one before)."""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        given = getattr(data, "_obj", data)  # django-ninja hands the parsed JSON over wrapped
        if not isinstance(given, dict):
            raise ValueError('The body should be a JSON object, like {"text": "…"}.')
        return data


def _iso_day(value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, str) and _DAY.fullmatch(value.strip())):
        return value
    raise ValueError("Give a day as YYYY-MM-DD, like 2026-03-14.")


def _iso_moment(value: Any) -> Any:
    if isinstance(value, datetime) or (isinstance(value, str) and _DAY.match(value.strip())):
        return value
    raise ValueError("Give a time as ISO 8601, like 2026-03-14T18:30:00+00:00.")


IsoDay = Annotated[date, BeforeValidator(_iso_day)]
IsoMoment = Annotated[datetime, BeforeValidator(_iso_moment)]
