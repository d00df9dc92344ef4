"""JSON endpoints for people, places and tags: list, one, add (people and places), change (rename,
note, archive, "don't bring this back") and merge. Thin adapters over journal.names.

Unknown, malformed and someone else's ids all answer the same 404. The three kinds share one set of
functions, registered once per kind with their own operation ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from ninja import Query, Router, Status
from ninja.errors import HttpError

from glimmers.journal import names, reading
from glimmers.journal.kinds import ONE
from glimmers.journal.schemas import (
    MergeIn,
    NameIn,
    NameListQuery,
    NameOut,
    NamePage,
    NamePatch,
    TagOut,
    TagPage,
)
from glimmers.lib.apierrors import ERRORS, found, path_uuid
from glimmers.lib.http import SignedInRequest

router = Router()


def _one_of(kind: str) -> AbstractContextManager[None]:
    return found(ONE[kind])


def _full_id(kind: str, thing_id: str) -> uuid.UUID:
    return path_uuid(thing_id, ONE[kind])


def _out(user: Any, kind: str, thing: Any) -> dict[str, Any]:
    return reading.name_as_dict(names.counted(user, kind, thing.uuid), kind)


def _register(kind: str) -> None:
    one = ONE[kind]
    tags = [kind]
    out, page_out = (TagOut, TagPage) if kind == "tags" else (NameOut, NamePage)

    def list_(request: SignedInRequest, page: Query[NameListQuery]) -> dict[str, Any]:
        found = names.list_names(request.user, kind, archived=page.archived, cursor=page.cursor, limit=page.limit)
        return {"items": [reading.name_as_dict(row, kind) for row in found.items], "next": found.next_cursor}

    def get(request: SignedInRequest, thing_id: str) -> dict[str, Any]:
        with _one_of(kind):
            return reading.name_as_dict(names.counted(request.user, kind, _full_id(kind, thing_id)), kind)

    def add(request: SignedInRequest, body: NameIn) -> Status[dict[str, Any]]:
        try:
            thing = names.add_name(request.user, kind, body.name, note=body.note, resurface=body.resurface)
        except names.NameTaken as taken:
            raise HttpError(400, f"You already have “{taken.other.name}” (id {taken.other.uuid}).") from None
        return Status(201, _out(request.user, kind, thing))

    def change(request: SignedInRequest, thing_id: str, body: NamePatch) -> dict[str, Any]:
        fields = body.model_dump(exclude_unset=True)
        with _one_of(kind):
            key = _full_id(kind, thing_id)
            names.get_name(request.user, kind, key)  # 404 before any complaint about the body
            if kind == "tags" and "archived" in fields:
                raise HttpError(400, "Tags can't be archived; people and places can.")
            if "name" in fields:
                try:
                    names.rename(request.user, kind, key, fields.pop("name"))
                except names.NameTaken as taken:
                    raise HttpError(
                        400,
                        f"You already have “{taken.other.name}”. To make the two one, "
                        f'POST /api/{kind}/{key}/merge with {{"into": "{taken.other.uuid}"}}.',
                    ) from None
            thing = names.update_name(request.user, kind, key, **fields)
            return _out(request.user, kind, thing)

    def merge(request: SignedInRequest, thing_id: str, body: MergeIn) -> dict[str, Any]:
        """This one's glimmers go to `into`, under its name, and this one goes. Notes are kept together."""
        with _one_of(kind):
            return _out(request.user, kind, names.merge(request.user, kind, _full_id(kind, thing_id), body.into))

    operations: list[tuple[Callable[..., Any], str, str, dict[int, Any], str, str]] = [
        (list_, "get", f"/{kind}", {200: page_out}, f"list_{kind}", f"List my {kind}"),
        (get, "get", f"/{kind}/{{thing_id}}", {200: out}, f"get_{one}", f"One {one}"),
        (change, "patch", f"/{kind}/{{thing_id}}", {200: out}, f"change_{one}", f"Rename or change a {one}"),
        (merge, "post", f"/{kind}/{{thing_id}}/merge", {200: out}, f"merge_{one}", f"Merge a {one} into another"),
    ]
    if kind != "tags":
        operations.append((add, "post", f"/{kind}", {201: out}, f"add_{one}", f"Add a {one}"))
    for view, method, path, response, operation_id, summary in operations:
        view.__name__ = operation_id
        getattr(router, method)(
            path, response={**response, **ERRORS}, tags=tags, summary=summary, operation_id=operation_id
        )(view)


for _kind in names.KINDS:
    _register(_kind)
