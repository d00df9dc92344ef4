"""The noticing practice's rules: own prompts (add, edit, hide), planning a session (low-energy: one sense, one
minute), recording it, up to three glimmers kept and linked back, and the check-in after."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import ValidationError

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.lib.errors import NotFound
from glimmers.practice import services
from glimmers.practice.models import NoticingSession, Prompt


def test_own_prompts_are_added_edited_and_hidden_and_only_shown_ones_are_offered(alice: User) -> None:
    prompt = services.add_prompt(alice, sense="Sound", text="  Can you hear\nthe fridge hum? ")
    assert (prompt.sense, prompt.text) == ("sound", "Can you hear the fridge hum?")
    services.edit_prompt(alice, prompt.uuid.hex[:6], text="Can you hear the kettle?")
    offered = {
        services.plan_session(alice, minutes=1, senses="sound", rng=random.Random(n)).steps[0].prompt for n in range(80)
    }
    assert "Can you hear the kettle?" in offered
    services.hide_prompt(alice, prompt.uuid)
    offered = {
        services.plan_session(alice, minutes=1, senses="sound", rng=random.Random(n)).steps[0].prompt for n in range(80)
    }
    assert "Can you hear the kettle?" not in offered
    assert list(services.prompts_of(alice, hidden=True)) == [prompt]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"sense": "sixth", "text": "hm"}, "sense"),
        ({"sense": "sight", "text": "  "}, "text"),
        ({"sense": "sight", "text": "x" * 201}, "text"),
    ],
)
def test_an_empty_or_too_long_prompt_is_refused_and_nothing_is_saved(
    alice: User, fields: dict[str, str], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.add_prompt(alice, **fields)
    assert field in refused.value.error_dict
    assert not Prompt.objects.exists()


def test_bob_never_sees_alices_prompts_or_sessions(alice: User, bob: User) -> None:
    prompt = services.add_prompt(alice, sense="sight", text="Look at the birch")
    session = services.record_session(alice, minutes=3, senses=None)
    for attempt in (
        lambda: services.edit_prompt(bob, prompt.uuid, text="mine"),
        lambda: services.hide_prompt(bob, prompt.uuid),
        lambda: services.get_session(bob, session.uuid),
        lambda: services.keep_from_session(bob, session.uuid, text="mine"),
        lambda: services.check_in_after(bob, session.uuid, "ventral"),
    ):
        with pytest.raises(NotFound):
            attempt()
    offered = {
        services.plan_session(bob, minutes=1, senses="sight", rng=random.Random(n)).steps[0].prompt for n in range(60)
    }
    assert "Look at the birch" not in offered


def test_a_session_is_one_sense_at_a_time_sharing_its_minutes_and_any_sense_may_be_left_out(alice: User) -> None:
    plan = services.plan_session(alice, rng=random.Random(3))
    assert plan.minutes == 3 and len(plan.steps) == 7 and sum(step.seconds for step in plan.steps) == 180
    without_body = services.plan_session(alice, minutes=2, senses=["sound", "sight", "touch"], rng=random.Random(3))
    assert [step.sense for step in without_body.steps] == ["sight", "sound", "touch"]
    assert "body" not in without_body.senses


@pytest.mark.parametrize("minutes", [0, 6, -1, "three", "", True])
def test_a_length_out_of_range_is_refused_kindly(alice: User, minutes: object) -> None:
    with pytest.raises(ValidationError) as refused:
        services.plan_session(alice, minutes=minutes)
    assert "from 1 to 5 minutes" in refused.value.messages[0]


def test_low_energy_mode_is_one_sense_and_one_minute(alice: User) -> None:
    accounts.set_low_energy(alice, True)
    plan = services.plan_session(alice, minutes=5, rng=random.Random(2))
    assert (plan.minutes, len(plan.steps), plan.low_energy) == (1, 1, True)
    assert plan.steps[0].seconds == 60
    chosen = services.plan_session(alice, minutes=5, senses="sound,touch", rng=random.Random(2))
    assert [step.sense for step in chosen.steps] == ["sound"]


def test_a_session_is_recorded_and_up_to_three_glimmers_are_kept_and_linked(alice: User) -> None:
    session = services.record_session(alice, minutes=3, senses="sound,sight", seconds=95)
    assert (session.seconds, session.senses) == (95, ["sight", "sound"])
    for text in ("a blackbird", "the kettle", "rain"):
        services.keep_from_session(alice, session.uuid, text=text, sense="sound")
    with pytest.raises(ValidationError):
        services.keep_from_session(alice, session.uuid, text="a fourth")
    kept = services.kept_of(alice, session)
    assert [glimmer.text for glimmer in kept] == ["a blackbird", "the kettle", "rain"]
    assert all(glimmer.senses == ["sound"] for glimmer in kept)
    assert journal.glimmers_of(alice).count() == 3
    assert services.recent_sessions(alice)[0].kept_count == 3  # type: ignore[attr-defined]


def test_a_refused_glimmer_keeps_nothing_and_a_check_in_after_is_linked(alice: User) -> None:
    session = services.record_session(alice, minutes=1, senses="sight")
    with pytest.raises(ValidationError):
        services.keep_from_session(alice, session.uuid, text="  ")
    assert services.kept_of(alice, session) == []
    checkin = services.check_in_after(alice, session.uuid, "ventral")
    session.refresh_from_db()
    assert session.checkin == checkin


@pytest.mark.parametrize("seconds", [-1, 3601, "long"])
def test_a_session_of_impossible_length_is_not_recorded(alice: User, seconds: object) -> None:
    with pytest.raises(ValidationError):
        services.record_session(alice, minutes=3, senses=None, seconds=seconds)
    assert not NoticingSession.objects.exists()
