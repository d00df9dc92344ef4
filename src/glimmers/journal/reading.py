"""The journal's JSON shapes: a glimmer, and a person, place or tag with its counts. The one shape the
API answers with, the CLI's `--json` prints, and the export writes (portability.glimmer_rows is held
equal to `glimmer_as_dict` by a test)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from glimmers.journal.models import Glimmer
    from glimmers.journal.names import Counted


def glimmer_as_dict(glimmer: Glimmer) -> dict[str, Any]:
    zone = ZoneInfo(glimmer.time_zone)
    return {
        "id": str(glimmer.uuid),
        "text": glimmer.text,
        "noticed_at": glimmer.noticed_at.astimezone(zone).isoformat(),
        "time_zone": glimmer.time_zone,
        "senses": glimmer.senses,
        "people": glimmer.people_names,
        "place": glimmer.place.name if glimmer.place else None,
        "tags": glimmer.tag_names,
        "glow": glimmer.glow,
        "why": glimmer.why,
        "state_before": glimmer.state_before or None,
        "state_after": glimmer.state_after or None,
        "photos": [],
        "resurface": glimmer.resurface,
        "source": glimmer.source,
        "created_at": glimmer.created_at.isoformat(),
        "updated_at": glimmer.updated_at.isoformat(),
    }


def name_as_dict(row: Counted, kind: str) -> dict[str, Any]:
    """A person, place or tag, with how many glimmers came with it (journal.names.counted)."""
    thing = row.thing
    shape: dict[str, Any] = {"id": str(thing.uuid), "name": thing.name, "note": thing.note}
    shape["resurface"] = thing.resurface
    if kind != "tags":
        shape["archived"] = thing.archived
    return shape | {"glimmers": row.glimmers, "noted": row.noted, "lifted": row.lifted}
