"""A journal with one of every kind of thing a person can own, each carrying a marker string."""

from __future__ import annotations

from typing import Any

import pytest

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.kit import services as kit
from glimmers.practice import intentions, noticing, reminders
from glimmers.practice import services as practice
from glimmers.states import services as states


def fill_journal(user: User, marker: str) -> dict[str, Any]:
    """One of everything, with `marker` in every piece of text; returns the things made."""
    glimmer = journal.create_glimmer(
        user,
        text=f"{marker} the sun on the wall",
        when="2026-03-14T18:00:00",
        senses=["sight", "touch"],
        people=[f"{marker} Anna"],
        place=f"{marker} park",
        tags=[f"{marker}-tag"],
        glow=4,
        why=f"{marker} why",
        state_before="sympathetic",
        state_after="ventral",
        source="cli",
    )
    binned = journal.create_glimmer(user, text=f"{marker} in the bin")
    person = names.get_name(user, "people", f"{marker} Anna")
    accounts.create_token(user, name=f"{marker} token")
    states.set_hard_moments(user, True)
    states.update_ladder(user, {"dorsal": {"name": f"{marker} fog", "body": f"{marker} heavy"}})
    states.set_words(user, {"dorsal": [f"{marker} foggy", "heavy"]})
    states.set_stories(user, {"ventral": {"what": f"{marker} the lake", "thoughts": f"{marker} I can rest"}})
    checkin = states.check_in(user, word=f"{marker} foggy", note=f"{marker} note")
    cue = states.create_cue(user, name=f"{marker} cue", note=f"{marker} note")
    states.link_glimmer(user, cue.uuid, glimmer.uuid)
    states.link_glimmer(user, cue.uuid, binned.uuid)
    journal.delete_glimmer(user, binned.uuid)  # in the bin, still linked to the cue
    hard_moment = states.add_hard_moment(user, text=f"{marker} a loud room", cue=cue.name)
    anchor, _new = kit.pin(user, "glimmer", glimmer.uuid, note=f"{marker} note")
    kit.pin(user, "person", person.uuid, note=f"{marker} note")
    kit.update_settings(user, savour_seconds=20, low_energy=True)
    surfacing = kit.need(user, state="dorsal").surfacing
    assert surfacing is not None
    savouring = kit.savour(user, glimmer.uuid, surfacing_id=surfacing.uuid)
    ritual = practice.create_ritual(user, name=f"{marker} coffee", about=f"{marker} about", schedule="FREQ=DAILY")
    occasion = practice.mark_done(user, ritual.uuid, note=f"{marker} note", glimmered=True).occasion
    practice.link_glimmer(user, occasion.uuid, glimmer.uuid)
    intentions.set_intention(user, f"{marker} look up")
    prompt = noticing.add_prompt(user, sense="sound", text=f"{marker} what hums?")
    session = noticing.record_session(user, minutes=1, senses=["sound"])
    noticing.keep_from_session(user, session.uuid, text=f"{marker} a kept one", sense="sound")
    reminders.turn_feed_on(user)
    reminders.set_feed_options(user, noticing_at="12:30", evening=True)
    return {
        "glimmer": glimmer,
        "binned": binned,
        "person": person,
        "checkin": checkin,
        "cue": cue,
        "hard_moment": hard_moment,
        "anchor": anchor,
        "surfacing": surfacing,
        "savouring": savouring,
        "ritual": ritual,
        "occasion": occasion,
        "prompt": prompt,
        "session": session,
    }


@pytest.fixture
def alices_journal(alice: User) -> dict[str, Any]:
    return fill_journal(alice, "MARKER-alice")


@pytest.fixture
def bobs_journal(bob: User) -> dict[str, Any]:
    return fill_journal(bob, "MARKER-bob")
