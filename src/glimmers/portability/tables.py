"""Where each model that holds a person's data goes on export and on erasure.

Every model that points at the user, directly or through its owner, must be named in both tables; the guard
in tests/portability/test_tables.py finds such models by their foreign keys, so a new one can't ship without a
decision here. An entry in EXPORTED names the export section that carries its rows, or `Left(reason)` when its
rows are never exported (a secret, or something Glimmers does not use). ERASED lists how each model's rows are
found from the user, children before parents, so every batch deletes rows nothing else still points at.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Left:
    """Not in the export, and why."""

    reason: str


EXPORTED: dict[str, str | Left] = {
    "accounts.User": "account",
    "accounts.ApiToken": Left("a token is a secret: the export never holds one or its digest"),
    "accounts.User_groups": Left("Glimmers does not use Django's groups"),
    "accounts.User_user_permissions": Left("Glimmers does not use Django's permissions"),
    "journal.Person": "people",
    "journal.Place": "places",
    "journal.Tag": "tags",
    "journal.Glimmer": "glimmers",
    "journal.Glimmer_people": "glimmers",  # each glimmer's `people`
    "journal.Glimmer_tags": "glimmers",  # each glimmer's `tags`
    "states.CheckIn": "check_ins",
    "states.LadderMap": "ladder_map",
    "states.Trigger": "hard_moments",
    "states.Cue": "cues",
    "states.Cue_glimmers": "cues",  # each cue's `glimmers`
    "states.StatesSettings": "settings",
    "kit.Anchor": "anchors",
    "kit.Surfacing": "surfacings",
    "kit.Savouring": "savourings",
    "kit.KitSettings": "settings",
    "practice.Ritual": "rituals",
    "practice.Occasion": "occasions",
    "practice.Intention": "intentions",
    "practice.Prompt": "prompts",
    "practice.NoticingSession": "noticing_sessions",
    "practice.NoticingSession_kept": "noticing_sessions",  # each session's `kept`
    "practice.Reminders": "settings",  # the feed's choices; never its address or the key it comes from
}

# (model label, the lookup from the model to the user), in the order erasure deletes them.
ERASED: list[tuple[str, str]] = [
    ("practice.Reminders", "owner"),
    ("practice.NoticingSession_kept", "noticingsession__owner"),
    ("practice.NoticingSession", "owner"),
    ("practice.Prompt", "owner"),
    ("practice.Intention", "owner"),
    ("practice.Occasion", "owner"),
    ("practice.Ritual", "owner"),
    ("kit.Savouring", "owner"),
    ("kit.Surfacing", "owner"),
    ("kit.Anchor", "owner"),
    ("kit.KitSettings", "owner"),
    ("states.Cue_glimmers", "cue__owner"),
    ("states.Trigger", "owner"),
    ("states.Cue", "owner"),
    ("states.CheckIn", "owner"),
    ("states.LadderMap", "owner"),
    ("states.StatesSettings", "owner"),
    ("journal.Glimmer_people", "glimmer__owner"),
    ("journal.Glimmer_tags", "glimmer__owner"),
    ("journal.Glimmer", "owner"),
    ("journal.Person", "owner"),
    ("journal.Place", "owner"),
    ("journal.Tag", "owner"),
    ("accounts.ApiToken", "user"),
    ("accounts.User_groups", "user"),
    ("accounts.User_user_permissions", "user"),
    # accounts.User itself goes last, once nothing points at it (portability.erasure).
]
