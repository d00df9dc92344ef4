"""JSON endpoints for the signed-in person's own account."""

from __future__ import annotations

from typing import Annotated

from django.core.exceptions import ValidationError
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from glimmers.accounts import services
from glimmers.accounts.models import User
from glimmers.lib.apierrors import ERRORS
from glimmers.lib.apischemas import Body, Flag, left_out
from glimmers.lib.http import SignedInRequest

router = Router(tags=["account"])


class AccountOut(Schema):
    name: str
    time_zone: str
    on_this_day: bool = Field(description="Today shows glimmers from this day in earlier years.")
    from_before: bool = Field(description="“A glimmer from before” is offered on request.")


class AccountPatch(Body):
    """Only the fields given change."""

    time_zone: Annotated[
        str, Field(default_factory=left_out, max_length=64, description="IANA name, e.g. Europe/London.")
    ]
    on_this_day: Annotated[Flag, Field(default_factory=left_out)]
    from_before: Annotated[Flag, Field(default_factory=left_out)]


def _out(user: User) -> AccountOut:
    return AccountOut(
        name=user.username, time_zone=user.time_zone, on_this_day=user.on_this_day, from_before=user.from_before
    )


@router.get("/me", response={200: AccountOut, **ERRORS}, summary="Who am I")
def me(request: SignedInRequest) -> AccountOut:
    return _out(request.user)


@router.patch("/me", response={200: AccountOut, **ERRORS}, summary="Change my settings")
def update_me(request: SignedInRequest, body: AccountPatch) -> AccountOut:
    try:
        user = services.update_profile(request.user, **body.model_dump(exclude_unset=True))
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from None
    return _out(user)
