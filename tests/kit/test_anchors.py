"""Anchors: pinning a glimmer, person, place or cue into the kit, in my own order, with a note."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.kit import services
from glimmers.kit.models import Anchor
from glimmers.lib.errors import NotFound
from glimmers.states import services as states


def labels(user: User, **kwargs: object) -> list[str]:
    return [getattr(a.thing, "name", None) or a.thing.text for a in services.list_anchors(user, **kwargs).items]  # type: ignore[arg-type]


def test_i_can_pin_a_glimmer_a_person_a_place_and_a_cue_in_that_order(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong", people=["Sam"], place="the cove")
    cue = states.create_cue(alice, name="the dog")
    services.pin(alice, "glimmer", glimmer.uuid, note="spring mornings")
    services.pin(alice, "person", "sam")  # names ignoring case
    services.pin(alice, "place", "The Cove")
    services.pin(alice, "cue", cue.uuid)
    anchors = services.list_anchors(alice).items
    assert [a.kind for a in anchors] == ["glimmer", "person", "place", "cue"]
    assert [a.position for a in anchors] == [1, 2, 3, 4]
    assert labels(alice) == ["birdsong", "Sam", "the cove", "the dog"]
    assert anchors[0].note == "spring mornings"


def test_pinning_again_keeps_one_anchor_and_takes_a_new_note(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong")
    first, new = services.pin(alice, "glimmer", glimmer.uuid, note="first")
    again, again_new = services.pin(alice, "glimmer", glimmer.uuid)
    assert new and not again_new and first == again and again.note == "first"
    assert services.pin(alice, "glimmer", glimmer.uuid, note="  her  laugh\n on the phone ")[0].note == (
        "her laugh on the phone"
    )
    assert Anchor.objects.count() == 1


def test_a_note_is_two_hundred_characters_at_most(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong")
    services.pin(alice, "glimmer", glimmer.uuid, note="x" * 200)
    with pytest.raises(ValidationError, match="200 characters at most"):
        services.pin(alice, "glimmer", glimmer.uuid, note="x" * 201)


def test_pinning_another_persons_thing_is_not_found(alice: User, bob: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong", people=["Sam"])
    cue = states.create_cue(alice, name="the dog")
    for kind, key in (("glimmer", glimmer.uuid), ("person", "Sam"), ("cue", cue.uuid)):
        with pytest.raises(NotFound):
            services.pin(bob, kind, key)
    with pytest.raises(NotFound):
        services.find_pinnable(bob, glimmer.uuid)
    assert not Anchor.objects.exists()


def test_an_unknown_kind_is_refused(alice: User) -> None:
    with pytest.raises(ValidationError, match="glimmer, person, place or cue"):
        services.pin(alice, "photo", "x")


def test_unpinning_takes_it_out_and_leaves_the_thing(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong")
    services.pin(alice, "glimmer", glimmer.uuid)
    assert services.unpin(alice, "glimmer", glimmer.uuid) is True
    assert services.unpin(alice, "glimmer", glimmer.uuid) is False
    assert journal.get_glimmer(alice, glimmer.uuid) == glimmer


def test_an_anchor_holds_exactly_one_thing(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong", people=["Sam"])
    person = names.get_name(alice, "people", "Sam")
    for bad in (
        {"kind": "glimmer", "glimmer": glimmer, "person": person},
        {"kind": "glimmer"},
        {"kind": "person", "glimmer": glimmer},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Anchor.objects.create(owner=alice, position=1, **bad)


def test_anchors_move_up_and_down_one_step(alice: User) -> None:
    for text in ("one", "two", "three"):
        services.pin(alice, "glimmer", journal.create_glimmer(alice, text=text).uuid)
    one, two, three = services.list_anchors(alice).items
    services.move_anchor(alice, three.uuid, "up")
    assert labels(alice) == ["one", "three", "two"]
    services.move_anchor(alice, one.uuid, "up")  # already at the top: nothing moves
    services.move_anchor(alice, one.uuid, "down")
    assert labels(alice) == ["three", "one", "two"]
    services.move_anchor(alice, two.uuid, "down")
    assert labels(alice) == ["three", "one", "two"]
    with pytest.raises(ValidationError):
        services.move_anchor(alice, two.uuid, "sideways")


def test_an_anchor_moves_to_a_place_in_the_order(alice: User) -> None:
    for text in ("one", "two", "three", "four"):
        services.pin(alice, "glimmer", journal.create_glimmer(alice, text=text).uuid)
    four = services.list_anchors(alice).items[-1]
    services.update_anchor(alice, four.uuid, position=1)
    assert labels(alice) == ["four", "one", "two", "three"]
    services.update_anchor(alice, four.uuid, position=99)
    assert labels(alice) == ["one", "two", "three", "four"]
    assert [a.position for a in services.list_anchors(alice).items] == [1, 2, 3, 4]
    with pytest.raises(ValidationError):
        services.update_anchor(alice, four.uuid, position=0)


def test_moving_skips_the_resting_ones_the_page_does_not_show(alice: User) -> None:
    for text in ("one", "two", "three"):
        services.pin(alice, "glimmer", journal.create_glimmer(alice, text=text).uuid)
    _one, two, three = services.list_anchors(alice).items
    journal.update_glimmer(alice, two.glimmer.uuid, resurface=False)  # type: ignore[union-attr]
    services.move_anchor(alice, three.uuid, "up")
    assert labels(alice, resting=False) == ["three", "one"]


def test_anchors_on_things_marked_dont_bring_this_back_rest(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="at Gran's", people=["Gran"], place="her house")
    services.pin(alice, "glimmer", glimmer.uuid)
    services.pin(alice, "person", "Gran")
    services.pin(alice, "place", "her house")
    assert services.count_resting(alice) == 0
    names.update_name(alice, "people", "Gran", resurface=False)
    assert labels(alice, resting=False) == ["her house"]
    assert labels(alice, resting=True) == ["at Gran's", "Gran"]
    assert services.count_resting(alice) == 2
    assert len(services.list_anchors(alice).items) == 3  # all of them, for the API and the command line


def test_an_anchor_on_a_glimmer_with_a_tag_marked_dont_bring_back_rests(alice: User) -> None:
    for text in ("the kettle singing", "the #old_job party"):
        services.pin(alice, "glimmer", journal.create_glimmer(alice, text=text).uuid)
    names.update_name(alice, "tags", "old_job", resurface=False)
    assert labels(alice, resting=False) == ["the kettle singing"]
    assert labels(alice, resting=True) == ["the #old_job party"]


def test_an_anchor_on_a_glimmer_in_the_bin_waits_for_it(alice: User) -> None:
    glimmer = journal.create_glimmer(alice, text="birdsong")
    services.pin(alice, "glimmer", glimmer.uuid)
    journal.delete_glimmer(alice, glimmer.uuid)
    assert services.list_anchors(alice).items == []
    journal.restore_glimmer(alice, glimmer.uuid)
    assert labels(alice) == ["birdsong"]
    journal.delete_glimmer(alice, glimmer.uuid)
    journal.delete_forever(alice, glimmer.uuid)
    assert not Anchor.objects.exists()


def test_anchors_come_a_page_at_a_time(alice: User) -> None:
    for n in range(5):
        services.pin(alice, "glimmer", journal.create_glimmer(alice, text=f"g{n}").uuid)
    first = services.list_anchors(alice, limit=2)
    second = services.list_anchors(alice, limit=2, cursor=first.next_cursor)
    third = services.list_anchors(alice, limit=2, cursor=second.next_cursor)
    assert [labels for labels in (len(first.items), len(second.items), len(third.items))] == [2, 2, 1]
    assert third.next_cursor is None
    with pytest.raises(ValidationError):
        services.list_anchors(alice, cursor="not-a-cursor")


def test_merging_two_people_keeps_the_pin(alice: User) -> None:
    journal.create_glimmer(alice, text="a walk", people=["Sam", "Samuel"])
    services.pin(alice, "person", "Sam", note="his laugh")
    names.merge(alice, "people", "Sam", "Samuel")
    [anchor] = services.list_anchors(alice).items
    assert (anchor.thing.name, anchor.note) == ("Samuel", "his laugh")  # type: ignore[union-attr]


def test_merging_two_pinned_places_keeps_one_pin_with_both_notes(alice: User) -> None:
    journal.create_glimmer(alice, text="a swim", place="the cove")
    journal.create_glimmer(alice, text="a walk", place="Cove beach")
    services.pin(alice, "place", "Cove beach", note="quiet")
    services.pin(alice, "place", "the cove", note="warm sand")
    names.merge(alice, "places", "the cove", "Cove beach")
    [anchor] = services.list_anchors(alice).items
    assert (anchor.thing.name, anchor.note) == ("Cove beach", "quiet · warm sand")  # type: ignore[union-attr]


def test_the_pin_mark_reads_only_the_glimmers_pinned_themselves(alice: User) -> None:
    pinned = journal.create_glimmer(alice, text="pinned", people=["Sam"])
    journal.create_glimmer(alice, text="with Sam", people=["Sam"])
    services.pin(alice, "glimmer", pinned.uuid)
    services.pin(alice, "person", "Sam")
    assert services.pinned_glimmer_ids(alice) == {pinned.pk}
