"""The owner gate: the one queryset base every app's models use, so every read of someone's data goes
through `Model.objects.owned_by(user)` (DESIGN §3). A model whose owner is named otherwise sets
`owner_field`; a model with more to it (a glimmer and its bin) adds its rule in a subclass. And the short id
an owned thing shows on the command line (`ShortId`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar
from uuid import UUID

from django.db import models

if TYPE_CHECKING:
    from glimmers.accounts.models import User

M = TypeVar("M", bound=models.Model)


class OwnedQuerySet(models.QuerySet[M], Generic[M]):
    owner_field: ClassVar[str] = "owner"

    def owned_by(self, user: User) -> OwnedQuerySet[M]:
        """The one way to read these things: the owner's own."""
        return self.filter(**{self.owner_field: user})


class ShortId:
    """For a model with a public `uuid`: its first 8 hex digits, as the command line shows it (any 6 or more of
    them find it again)."""

    uuid: UUID

    @property
    def short_id(self) -> str:
        return self.uuid.hex[:8]
