"""JSON endpoints for the signed-in person's own account."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from glimmers.accounts import services
from glimmers.accounts.models import User
from glimmers.lib.apierrors import ERRORS
from glimmers.lib.apischemas import Body
from glimmers.lib.http import SignedInRequest

router = Router(tags=["account"])


class AccountOut(Schema):
    name: str
    time_zone: str


class AccountPatch(Body):
    time_zone: str = Field(max_length=64, description="IANA name, e.g. Europe/London.")


def _out(user: User) -> AccountOut:
    return AccountOut(name=user.username, time_zone=user.time_zone)


@router.get("/me", response={200: AccountOut, **ERRORS}, summary="Who am I")
def me(request: SignedInRequest) -> AccountOut:
    return _out(request.user)


@router.patch("/me", response={200: AccountOut, **ERRORS}, summary="Change my settings")
def update_me(request: SignedInRequest, body: AccountPatch) -> AccountOut:
    try:
        user = services.update_profile(request.user, time_zone=body.time_zone)
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from None
    return _out(user)
