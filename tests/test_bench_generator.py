"""The bench's data generator: deterministic, valid by the journal's own rules, and visible through the services."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bench.generate import SOURCE, GlimmerValues, generate, glimmer_values
from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.journal.models import SENSE_BITS, Glimmer, Person, State, Tag
from glimmers.journal.text import clean_name, clean_text, hashtags

UNTIL = datetime(2025, 6, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def values() -> list[GlimmerValues]:
    return list(glimmer_values(3000, seed=11, until=UNTIL))


def test_the_same_seed_gives_the_same_glimmers() -> None:
    assert list(glimmer_values(300, seed=5, until=UNTIL)) == list(glimmer_values(300, seed=5, until=UNTIL))
    assert list(glimmer_values(300, seed=5, until=UNTIL)) != list(glimmer_values(300, seed=6, until=UNTIL))


def test_texts_and_names_are_unchanged_by_the_text_rules(values: list[GlimmerValues]) -> None:
    for v in values:
        assert clean_text(v.text, label="glimmer", required=True) == v.text
        assert clean_text(v.why, label="why") == v.why
        for name in (*v.people, *v.tags, *([v.place] if v.place else [])):
            assert clean_name(name, label="name") == name


def test_every_value_is_one_the_services_accept(values: list[GlimmerValues]) -> None:
    for v in values:
        assert set(v.senses) <= set(SENSE_BITS)
        assert len(v.senses) <= 3
        assert v.glow is None or 1 <= v.glow <= 5
        assert v.state_before in ("", *State.values)
        assert v.state_after in ("", *State.values)
        assert v.noticed_at.tzinfo is not None
        assert v.noticed_at <= UNTIL
        assert v.local_date == v.noticed_at.astimezone(ZoneInfo(v.time_zone)).date()
        # The #tags in the text are among the glimmer's tags, as create_glimmer would pick them up.
        assert {tag.lower() for tag in hashtags(v.text)} <= {tag.lower() for tag in v.tags}


def test_the_glimmers_are_varied_and_in_order(values: list[GlimmerValues]) -> None:
    assert [v.noticed_at for v in values] == sorted(v.noticed_at for v in values)
    assert len({v.text for v in values}) > 500
    assert {v.time_zone for v in values} == {"Europe/London", "America/New_York", "Asia/Tokyo"}
    assert values[-1].noticed_at.year - values[0].noticed_at.year >= 4
    assert any(v.senses == () for v in values)
    assert any(v.glow is None for v in values)
    assert any(v.why for v in values)
    assert any(v.state_before for v in values)
    assert any(hashtags(v.text) for v in values)


def test_generate_writes_glimmers_the_services_see(alice: User) -> None:
    assert generate(alice, 200, seed=3) == 200
    assert services.glimmers_of(alice).count() == 200
    page = services.list_glimmers(alice, limit=200)
    assert len(page.items) == 200
    assert all(g.source == SOURCE for g in page.items)
    assert any(g.people.all() for g in page.items)
    assert any(g.tags.all() for g in page.items)
    assert any(g.place for g in page.items)
    newest = page.items[0]
    assert newest.created_at == newest.noticed_at  # kept as it happened, not all "now"
    assert services.get_glimmer(alice, newest.uuid).text == newest.text


def test_generate_matches_the_pure_values(alice: User) -> None:
    until = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    generate(alice, 50, seed=9, until=until)
    expected = list(glimmer_values(50, seed=9, until=until))
    stored = Glimmer.objects.owned_by(alice).with_details().order_by("noticed_at", "id")
    for want, got in zip(expected, stored, strict=True):
        assert (got.text, got.noticed_at, got.time_zone, got.local_date) == (
            want.text,
            want.noticed_at,
            want.time_zone,
            want.local_date,
        )
        assert tuple(got.senses) == want.senses
        assert {p.name for p in got.people.all()} == set(want.people)
        assert {t.name for t in got.tags.all()} == set(want.tags)
        assert (got.place.name if got.place else None) == want.place
        assert (got.glow, got.why, got.state_before, got.state_after) == (
            want.glow,
            want.why,
            want.state_before,
            want.state_after,
        )


def test_generate_reuses_the_accounts_people_and_keeps_to_its_owner(alice: User, bob: User) -> None:
    Person.objects.create(owner=alice, name="mum")
    generate(alice, 100, seed=1)
    generate(alice, 100, seed=2)
    generate(bob, 100, seed=1)  # the same seed in another account: no clash
    assert Person.objects.owned_by(alice).filter(name__iexact="mum").count() == 1
    assert Tag.objects.owned_by(alice).count() == Tag.objects.owned_by(bob).count()
    assert services.glimmers_of(alice).count() == 200
    assert services.glimmers_of(bob).count() == 100
    assert not Glimmer.objects.filter(owner=bob, people__owner=alice).exists()
    assert not Glimmer.objects.filter(owner=bob, tags__owner=alice).exists()
