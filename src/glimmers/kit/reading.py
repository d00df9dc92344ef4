"""Read-only views of the kit, for every channel: what has helped most from each state (the person's own
observations, never a promise), and the JSON shapes the API and `--json` share.

Each function makes a fixed number of queries, however much there is. Nothing here writes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Q

from glimmers import messages
from glimmers.accounts.models import User
from glimmers.journal.models import Glimmer
from glimmers.journal.reading import glimmer_as_dict
from glimmers.kit import ideas as starter
from glimmers.kit.gathering import candidates_of
from glimmers.kit.models import Anchor, KitSettings, Savouring, Surfacing
from glimmers.kit.services import Brought, surfacings_of
from glimmers.states.ladder import Ladder
from glimmers.states.models import Cue
from glimmers.states.palette import LADDER

LEARN_AT = 3  # a glimmer counts once the kit has brought it back at least this often
SHOWN_PER_STATE = 3  # the most a state lists

REASONS = {
    "empty": messages.KIT_ALL_RESTING,
    "just_shown": messages.KIT_JUST_SHOWN,
    "no_glimmers": messages.KIT_NO_GLIMMERS,
}


@dataclass(frozen=True)
class Helped:
    """Something that helped from one state: how often it helped, of how often the kit brought it back
    from there (a person, place or cue: summed over its glimmers)."""

    kind: str
    key: Any  # the glimmer's, person's, place's or cue's public id
    label: str
    helped: int
    shown: int
    pinned: bool


@dataclass(frozen=True)
class FromState:
    state: str
    name: str
    items: list[Helped]


def _label(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 80 else first[:79] + "…"


def label_of(thing: Any) -> str:
    """How a pinned thing is named in a line: a glimmer by its first line, the rest by their names."""
    return _label(thing.text) if isinstance(thing, Glimmer) else str(thing.name)


def learning(user: User, ladder: Ladder) -> list[FromState]:
    """For each state, what helped most often when the kit brought it back from there: glimmers it has brought
    back at least LEARN_AT times, and the people, places and cues in the kit (over those glimmers). Nothing
    marked "don't bring this back" is shown. Five queries."""
    rows = (
        surfacings_of(user)
        .values("glimmer_id", "state_before")
        .annotate(shown=Count("id"), helped=Count("id", filter=Q(helped=True)))
        .order_by()
    )
    per: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    totals: dict[int, int] = defaultdict(int)
    for row in rows:
        per[row["glimmer_id"]][row["state_before"]] = (row["shown"], row["helped"])
        totals[row["glimmer_id"]] += row["shown"]
    counted = [pk for pk, total in totals.items() if total >= LEARN_AT]
    if not counted:
        return []
    glimmers = {
        g.pk: g
        for g in candidates_of(user)
        .filter(pk__in=counted)
        .prefetch_related("people")
        .only("pk", "uuid", "text", "place_id")
    }
    anchors = list(
        Anchor.objects.owned_by(user)
        .exclude(person__resurface=False)
        .exclude(place__resurface=False)
        .select_related("person", "place", "cue")
    )
    pinned = {a.glimmer_id for a in anchors if a.kind == "glimmer"}
    cue_ids = [a.cue_id for a in anchors if a.kind == "cue"]
    with_cue: dict[int, set[int]] = defaultdict(set)
    for cue_id, glimmer_id in Cue.glimmers.through.objects.filter(
        cue_id__in=cue_ids, glimmer_id__in=list(glimmers)
    ).values_list("cue_id", "glimmer_id"):
        with_cue[cue_id].add(glimmer_id)
    found = []
    for state in LADDER:
        items = [
            Helped("glimmer", g.uuid, _label(g.text), per[pk][state][1], per[pk][state][0], pk in pinned)
            for pk, g in glimmers.items()
            if state in per[pk] and per[pk][state][1] > 0
        ]
        for anchor in anchors:
            if anchor.kind == "glimmer":
                continue
            if anchor.kind == "person":
                theirs = [pk for pk, g in glimmers.items() if any(p.pk == anchor.person_id for p in g.people.all())]
            elif anchor.kind == "place":
                theirs = [pk for pk, g in glimmers.items() if g.place_id == anchor.place_id]
            else:
                theirs = list(with_cue.get(anchor.cue_id or 0, ()))
            shown = sum(per[pk][state][0] for pk in theirs if state in per[pk])
            helped = sum(per[pk][state][1] for pk in theirs if state in per[pk])
            if helped:
                named = anchor.thing
                items.append(Helped(anchor.kind, named.uuid, named.name, helped, shown, True))  # type: ignore[union-attr]
        items.sort(key=lambda item: (-item.helped, item.shown, item.label.casefold()))
        if items:
            found.append(FromState(state, ladder.name(state), items[:SHOWN_PER_STATE]))
    return found


# --- the JSON shapes (CLI and API alike) -----------------------------------------------------------


def _at(moment: Any, zone: str) -> str:
    return str(moment.astimezone(ZoneInfo(zone)).isoformat())


def anchor_as_dict(anchor: Anchor) -> dict[str, Any]:
    pinned = anchor.thing
    label = pinned.text if isinstance(pinned, Glimmer) else pinned.name
    return {
        "id": str(anchor.uuid),
        "kind": anchor.kind,
        "thing_id": str(pinned.uuid),
        "label": label,
        "note": anchor.note,
        "position": anchor.position,
        "resting": bool(getattr(anchor, "resting", False)),
        "created_at": anchor.created_at.isoformat(),
    }


def surfacing_as_dict(surfacing: Surfacing, zone: str) -> dict[str, Any]:
    return {
        "id": str(surfacing.uuid),
        "glimmer": glimmer_as_dict(surfacing.glimmer),
        "at": _at(surfacing.at, zone),
        "state_before": surfacing.state_before or None,
        "state_after": surfacing.state_after or None,
        "helped": surfacing.helped,
    }


def brought_as_dict(brought: Brought, zone: str) -> dict[str, Any]:
    return {
        "surfacing": surfacing_as_dict(brought.surfacing, zone) if brought.surfacing else None,
        "state": brought.state or None,
        "message": REASONS.get(brought.reason),
        "ideas": [starter.as_dict(idea) for idea in brought.ideas],
    }


def savouring_as_dict(savouring: Savouring, zone: str) -> dict[str, Any]:
    return {
        "id": str(savouring.uuid),
        "glimmer": str(savouring.glimmer.uuid),
        "surfacing": str(savouring.surfacing.uuid) if savouring.surfacing else None,
        "at": _at(savouring.at, zone),
        "seconds": savouring.seconds,
    }


def settings_as_dict(found: KitSettings) -> dict[str, Any]:
    return {"savour_seconds": found.savour_seconds, "low_energy": found.low_energy}


def learning_as_dict(found: list[FromState]) -> list[dict[str, Any]]:
    return [
        {
            "state": each.state,
            "name": each.name,
            "helped_most": [
                {
                    "kind": item.kind,
                    "id": str(item.key),
                    "label": item.label,
                    "helped": item.helped,
                    "shown": item.shown,
                    "pinned": item.pinned,
                }
                for item in each.items
            ],
        }
        for each in found
    ]
