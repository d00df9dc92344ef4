"""People, places and tags (journal.names): what came with them, add, rename, merge, archive,
"don't bring this back"; and @people and +places written in a glimmer."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from glimmers.accounts.models import User
from glimmers.journal import names, services
from glimmers.journal.models import Person, Place, Tag
from glimmers.journal.text import mentioned_people, mentioned_places
from glimmers.lib.errors import NotFound
from tests.helpers import keep

# --- what came with them ------------------------------------------------------------------------------


def test_people_are_listed_with_their_glimmers_and_moves_up_the_ladder(alice: User) -> None:
    keep(alice, "a walk", people=["Sam"], state_before="dorsal", state_after="sympathetic")  # up
    keep(alice, "tea", people=["Sam"], state_before="sympathetic", state_after="ventral")  # up
    keep(alice, "a call", people=["Sam"], state_before="ventral", state_after="sympathetic")  # down
    keep(alice, "cake", people=["Sam"], state_before="ventral", state_after="ventral")  # the same
    keep(alice, "a wave", people=["Sam", "Ada"], state_after="ventral")  # only one noted
    binned = keep(alice, "in the bin", people=["Sam"], state_before="dorsal", state_after="ventral")
    services.delete_glimmer(alice, binned.uuid)
    rows = {row.thing.name: row for row in names.list_names(alice, "people").rows}
    assert (rows["Sam"].glimmers, rows["Sam"].noted, rows["Sam"].lifted) == (5, 4, 2)
    assert (rows["Ada"].glimmers, rows["Ada"].noted, rows["Ada"].lifted) == (1, 0, 0)
    assert list(rows) == ["Ada", "Sam"]


@pytest.mark.parametrize("kind", ["places", "tags"])
def test_places_and_tags_count_the_same_way(alice: User, kind: str) -> None:
    given = {"places": {"place": "Beach"}, "tags": {"tags": ["beach"]}}[kind]
    keep(alice, "waves", state_before="dorsal", state_after="ventral", **given)
    keep(alice, "shells", **given)
    (row,) = names.list_names(alice, kind).rows
    assert (row.glimmers, row.noted, row.lifted) == (2, 1, 1)


def test_lists_go_by_name_a_page_at_a_time_ignoring_case(alice: User) -> None:
    for name in ("bea", "Al", "cy", "Dee", "ed"):
        names.add_name(alice, "people", name)
    first = names.list_names(alice, "people", limit=2)
    second = names.list_names(alice, "people", limit=2, cursor=first.next_cursor)
    third = names.list_names(alice, "people", limit=2, cursor=second.next_cursor)
    shown = [row.thing.name for page in (first, second, third) for row in page.rows]
    assert shown == ["Al", "bea", "cy", "Dee", "ed"]
    assert third.next_cursor is None


# --- add, rename, merge ----------------------------------------------------------------------------------


def test_adding_a_name_that_exists_points_at_it(alice: User) -> None:
    sam = names.add_name(alice, "people", "  Sam ")
    assert sam.name == "Sam"
    with pytest.raises(names.NameTaken) as taken:
        names.add_name(alice, "people", "sam")
    assert taken.value.other == sam
    with pytest.raises(ValidationError, match="give a name"):
        names.add_name(alice, "places", "  ")


def test_a_rename_shows_on_every_glimmer_and_may_change_only_case(alice: User) -> None:
    glimmer = keep(alice, "tea", people=["mum"])
    names.rename(alice, "people", "mum", "Mum")
    assert services.as_dict(services.get_glimmer(alice, glimmer.uuid))["people"] == ["Mum"]


def test_renaming_to_a_name_that_exists_offers_to_merge(alice: User) -> None:
    keep(alice, "tea", people=["Mom", "Mum"])
    with pytest.raises(names.NameTaken, match="make the two one") as taken:
        names.rename(alice, "people", "Mom", "MUM")
    assert taken.value.other.name == "Mum"
    assert Person.objects.owned_by(alice).count() == 2


def test_merging_moves_every_glimmer_and_keeps_both_notes(alice: User) -> None:
    both = keep(alice, "tea", people=["Mom", "Mum"])
    only = keep(alice, "cake", people=["Mom"])
    binned = keep(alice, "soup", people=["Mom"])
    services.delete_glimmer(alice, binned.uuid)
    names.update_name(alice, "people", "Mom", note="calls on Sundays", resurface=False)
    names.update_name(alice, "people", "Mum", note="garden")
    kept = names.merge(alice, "people", "Mom", "Mum")
    assert kept.name == "Mum" and kept.note == "garden\n\ncalls on Sundays" and not kept.resurface
    assert not Person.objects.owned_by(alice).filter(name="Mom").exists()
    for glimmer in (both, only):
        assert services.as_dict(services.get_glimmer(alice, glimmer.uuid))["people"] == ["Mum"]
    assert [p.name for p in services.get_glimmer(alice, binned.uuid, binned=True).people.all()] == ["Mum"]
    assert names.counted(alice, "people", "Mum").glimmers == 2


def test_merging_places_and_tags(alice: User) -> None:
    keep(alice, "waves", place="The beach", tags=["sea"])
    keep(alice, "sand", place="Beach", tags=["Sea-side"])
    names.merge(alice, "places", "The beach", "Beach")
    names.merge(alice, "tags", "sea-side", "sea")
    assert names.counted(alice, "places", "Beach").glimmers == 2
    assert names.counted(alice, "tags", "sea").glimmers == 2
    assert Place.objects.owned_by(alice).count() == Tag.objects.owned_by(alice).count() == 1


def test_merging_into_itself_is_refused_kindly(alice: User) -> None:
    keep(alice, "tea", people=["Mum"])
    with pytest.raises(ValidationError, match="already one and the same"):
        names.merge(alice, "people", "Mum", "mum")


def test_merging_into_someone_elses_is_not_found(alice: User, bob: User) -> None:
    keep(alice, "tea", people=["Mum"])
    keep(bob, "coffee", people=["Dad"])
    dad = names.get_name(bob, "people", "Dad")
    with pytest.raises(NotFound):
        names.merge(alice, "people", "Mum", dad.uuid)
    with pytest.raises(NotFound):
        names.merge(bob, "people", dad.uuid, "Mum")
    with pytest.raises(NotFound):
        names.rename(bob, "people", names.get_name(alice, "people", "Mum").uuid, "Mine")
    assert names.counted(bob, "people", "Dad").glimmers == 1
    assert names.get_name(alice, "people", "Mum").name == "Mum"


def test_archived_people_leave_lists_and_pickers_but_stay_on_glimmers(alice: User) -> None:
    glimmer = keep(alice, "tea", people=["Gran", "Grace"])
    names.update_name(alice, "people", "Gran", archived=True)
    assert [row.thing.name for row in names.list_names(alice, "people").rows] == ["Grace"]
    assert [row.thing.name for row in names.list_names(alice, "people", archived=True).rows] == ["Gran"]
    assert names.suggest(alice, "people", "gr") == ["Grace"]
    assert services.as_dict(services.get_glimmer(alice, glimmer.uuid))["people"] == ["Grace", "Gran"]


def test_dont_bring_this_back_is_kept(alice: User) -> None:
    keep(alice, "the old house", place="Home")
    place = names.update_name(alice, "places", "Home", resurface=False)
    assert not Place.objects.get(pk=place.pk).resurface


def test_suggestions_are_the_owners_names_that_begin_with_what_was_typed(alice: User, bob: User) -> None:
    keep(alice, "tea", people=["Sam", "Samira", "Alex"])
    keep(bob, "coffee", people=["Sandy"])
    assert names.suggest(alice, "people", "sa") == ["Sam", "Samira"]
    assert names.suggest(alice, "people", "  ") == []
    assert names.suggest(bob, "people", "sa") == ["Sandy"]


# --- mentions -----------------------------------------------------------------------------------------------


def test_mentions_are_found_in_the_text() -> None:
    text = "walk with @Sam and @aunt_May, mail sam@example.com, @sam again, @9 +beach, 2+2 c++ +Café_Nero"
    assert mentioned_people(text) == ["Sam", "aunt May"]
    assert mentioned_places(text) == ["beach", "Café Nero"]


def test_at_and_plus_mentions_link_and_create_people_and_places(alice: User) -> None:
    names.add_name(alice, "people", "Sam")
    glimmer = keep(alice, "a swim with @sam and @Biscuit at +the_cove")
    shape = services.as_dict(glimmer)
    assert shape["people"] == ["Biscuit", "Sam"] and shape["place"] == "the cove"
    assert shape["text"] == "a swim with @sam and @Biscuit at +the_cove"  # the text is kept as written
    assert Person.objects.owned_by(alice).count() == 2


def test_a_place_given_wins_over_a_mentioned_one(alice: User) -> None:
    assert services.as_dict(keep(alice, "tea at +cafe", place="Home"))["place"] == "Home"
    assert services.as_dict(keep(alice, "tea at +cafe then +park"))["place"] == "cafe"


def test_an_importer_can_leave_mentions_alone(alice: User) -> None:
    shape = services.as_dict(services.create_glimmer(alice, text="@work +1 day", mentions=False))
    assert shape["people"] == [] and shape["place"] is None


def test_an_edit_adds_what_it_writes_and_never_brings_back_a_renamed_name(alice: User) -> None:
    glimmer = keep(alice, "tea with @mum #home")
    names.rename(alice, "people", "mum", "Mother")
    names.rename(alice, "tags", "home", "house")
    edited = services.update_glimmer(alice, glimmer.uuid, text="tea with @mum #home, and @Ben at +park #cosy")
    shape = services.as_dict(edited)
    assert shape["people"] == ["Ben", "Mother"]
    assert sorted(shape["tags"]) == ["cosy", "house"]
    assert shape["place"] == "park"
    assert not Person.objects.owned_by(alice).filter(name__iexact="mum").exists()
