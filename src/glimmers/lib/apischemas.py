"""What every API body and query shares: a body must be a JSON object, and days and moments are written
as ISO 8601 text (never a bare number read as seconds since 1970).

Limits (maxLength, maxItems, minimum/maximum) live on each schema's fields, so that a body over them
answers 422 and the OpenAPI document shows them to clients and fuzzers (DESIGN §5).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from ninja import Schema
from pydantic import BeforeValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, Strict, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

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


Item = TypeVar("Item")


class Page(Schema, Generic[Item]):
    """One page of a list, as every list operation answers: `class GlimmerPage(Page[GlimmerOut])` keeps the
    page's own name in the document."""

    items: list[Item]
    next: str | None = Field(description="Pass as `?cursor=` for the next page; null on the last page.")


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


def _a_number(value: Any) -> Any:
    if isinstance(value, bool | str | bytes):
        raise ValueError("Give a whole number, like 3 (not in quotes, and not true or false).")
    return value  # 3 and 3.0 are the same number to JSON (and JSON Schema's "integer"); 3.5 is refused after


class Whole:
    """`Annotated[int, Whole(low, high)]`: in a body a number is a JSON number, as the document says — never
    `true` read as 1 nor "3" as 3 (pydantic would, unless told otherwise) — from `low` to `high`. The range is
    part of the number's own schema, so the document shows it as minimum/maximum."""

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_before_validator_function(
            _a_number, core_schema.int_schema(ge=self.low, le=self.high)
        )


# A yes/no is true or false: never "yes", 1 or "true".
Flag = Annotated[bool, Strict()]


def left_out() -> Any:
    """The default of a PATCH field that may be left out but not sent as null."""
    return None


class OneOf:
    """`Annotated[str, OneOf(values)]`: a string that must be one of `values`, exactly. The document lists them
    as an enum, and anything else is refused (422) naming them, so a client sees the choices before it sends."""

    def __init__(self, values: Iterable[str]) -> None:
        self.choices = tuple(values)

    def _check(self, value: str) -> str:
        if value not in self.choices:
            said = ", ".join(f"“{choice}”" for choice in self.choices if choice)
            raise ValueError(f"Say one of: {said}.")
        return value

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"type": "string", "enum": list(self.choices)}
