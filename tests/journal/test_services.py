"""The journal's rules, once, for every channel: text, time, names, the bin, owner scoping."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import reading, services
from glimmers.journal.models import Glimmer, Person, Tag
from glimmers.journal.text import clean_text, hashtags
from glimmers.lib.errors import NotFound


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("  sun on my face  ", "sun on my face"),
        ("line one\r\nline two", "line one\nline two"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("no\x00nul\x07bell\x1bescape\x7fdel\x85next", "nonulbellescapedelnext"),
        ("emoji 🌞 and accents é ü ß 日本", "emoji 🌞 and accents é ü ß 日本"),
        ("<b>not html</b> & friends", "<b>not html</b> & friends"),
    ],
)
def test_the_text_rules(given: str, kept: str) -> None:
    assert clean_text(given, label="glimmer") == kept


def test_a_lone_surrogate_is_refused_clearly() -> None:
    with pytest.raises(ValidationError, match="aren't valid text"):
        clean_text("broken \ud800 emoji", label="glimmer")


def test_hashtags_are_found_once_each() -> None:
    assert hashtags("#Sun on the #bus-stop, #sun again; not an&#38; entity or a url/#frag") == ["Sun", "bus-stop"]


def test_a_glimmer_keeps_its_text_zone_and_local_day(alice: User) -> None:
    moment = datetime(2026, 3, 29, 0, 30, tzinfo=ZoneInfo("UTC"))  # already 09:30 on the 29th in Tokyo
    glimmer = services.create_glimmer(alice, text=" cherry blossom \r\n", when=moment, time_zone="Asia/Tokyo")
    assert glimmer.text == "cherry blossom"
    assert glimmer.time_zone == "Asia/Tokyo"
    assert glimmer.local_date.isoformat() == "2026-03-29"
    assert reading.glimmer_as_dict(glimmer)["noticed_at"] == "2026-03-29T09:30:00+09:00"


def test_new_glimmers_take_the_profile_zone(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="tea")
    assert glimmer.time_zone == "Europe/London"
    assert abs(glimmer.noticed_at - timezone.now()) < timedelta(seconds=5)


def test_words_for_when_are_read_in_the_profile_zone(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="toast", when="yesterday 6pm")
    local = glimmer.noticed_at.astimezone(ZoneInfo("Europe/London"))
    assert (local.hour, local.minute) == (18, 0)
    assert local.date() == (timezone.now().astimezone(ZoneInfo("Europe/London")) - timedelta(days=1)).date()


@pytest.mark.parametrize(
    ("kwargs", "field", "says"),
    [
        ({"text": "   "}, "text", "a few words"),
        ({"text": "x" * 2001}, "text", "2,000"),
        ({"text": "ok", "when": "the day after never"}, "when", "yesterday 6pm"),
        ({"text": "ok", "when": timezone.now() + timedelta(days=2)}, "when", "more than a day ahead"),
        ({"text": "ok", "glow": 6}, "glow", "1 (a flicker) to 5"),
        ({"text": "ok", "glow": 0}, "glow", "1 (a flicker) to 5"),
        ({"text": "ok", "senses": ["sight", "hearing"]}, "senses", "“hearing” isn't one of the senses"),
        ({"text": "ok", "state_after": "ecstatic"}, "state_after", "ventral"),
        ({"text": "ok", "time_zone": "Mars/Olympus"}, "time_zone", "Mars/Olympus"),
        ({"text": "ok", "people": ["x" * 101]}, "people", "100 characters"),
    ],
)
def test_bad_input_is_refused_with_a_message_for_its_field(
    alice: User, kwargs: dict[str, object], field: str, says: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.create_glimmer(alice, **kwargs)  # type: ignore[arg-type]
    assert field in refused.value.error_dict
    assert says in " ".join(refused.value.messages)
    assert not Glimmer.objects.exists()
    assert not Person.objects.exists()


def test_names_are_shared_ignoring_case_and_hashtags_become_tags(alice: User) -> None:
    services.create_glimmer(alice, text="walk with the dog #Outside", people=["Sam", "Biscuit"], place="Beach")
    services.create_glimmer(alice, text="sam laughing", people="sam, BISCUIT", tags=["outside"])
    assert sorted(Person.objects.owned_by(alice).values_list("name", flat=True)) == ["Biscuit", "Sam"]
    assert list(Tag.objects.owned_by(alice).values_list("name", flat=True)) == ["Outside"]


def test_a_place_name_may_hold_a_comma(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="coffee", place="Café Luna, Main Street")
    assert glimmer.place is not None
    assert glimmer.place.name == "Café Luna, Main Street"


def test_an_edit_changes_only_what_is_given(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="birdsong", senses=["sound"], glow=3, people=["Mum"])
    edited = services.update_glimmer(alice, glimmer.uuid, glow=5)
    assert (edited.text, edited.senses, edited.glow) == ("birdsong", ["sound"], 5)
    assert [p.name for p in edited.people.all()] == ["Mum"]
    assert edited.noticed_at == glimmer.noticed_at


def test_a_failed_edit_changes_nothing(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="birdsong", people=["Mum"], tags=["morning"])
    with pytest.raises(ValidationError):
        services.update_glimmer(alice, glimmer.uuid, text="new words", people=["Dad"], glow=9)
    again = services.get_glimmer(alice, glimmer.uuid)
    assert again.text == "birdsong"
    assert [p.name for p in again.people.all()] == ["Mum"]
    assert not Person.objects.filter(name="Dad").exists()


def test_ids_and_prefixes_find_only_your_own(alice: User, bob: User) -> None:
    glimmer = services.create_glimmer(alice, text="moss after rain")
    assert services.get_glimmer(alice, str(glimmer.uuid)) == glimmer
    assert services.get_glimmer(alice, glimmer.uuid.hex[:6]) == glimmer
    assert services.get_glimmer(alice, str(glimmer.uuid)[:13]) == glimmer  # hyphens are fine
    for wrong in [glimmer.uuid.hex[:5], "zzzzzzzz", "", str(glimmer.uuid)[:-1] + "x"]:
        with pytest.raises(NotFound):
            services.get_glimmer(alice, wrong)
    for route in (str(glimmer.uuid), glimmer.uuid.hex[:8]):
        with pytest.raises(NotFound):
            services.get_glimmer(bob, route)
    with pytest.raises(NotFound):
        services.delete_glimmer(bob, glimmer.uuid)
    with pytest.raises(NotFound):
        services.update_glimmer(bob, glimmer.uuid, text="mine now")


def test_the_bin_hides_restores_and_purges_after_thirty_days(alice: User) -> None:
    keep = services.create_glimmer(alice, text="stays")
    gone = services.create_glimmer(alice, text="binned")
    services.delete_glimmer(alice, gone.uuid)
    assert [g.text for g in services.list_glimmers(alice).items] == ["stays"]
    assert [g.text for g in services.list_glimmers(alice, binned=True).items] == ["binned"]
    with pytest.raises(NotFound):
        services.get_glimmer(alice, gone.uuid)
    services.restore_glimmer(alice, gone.uuid)
    assert len(services.list_glimmers(alice).items) == 2

    services.delete_glimmer(alice, gone.uuid)
    assert services.purge_bin(now=timezone.now() + timedelta(days=29)) == 0
    assert services.purge_bin(now=timezone.now() + timedelta(days=31)) == 1
    assert list(Glimmer.objects.all()) == [keep]


def test_erasing_needs_the_glimmer_to_be_in_the_bin(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="not yet")
    with pytest.raises(NotFound):
        services.delete_forever(alice, glimmer.uuid)
    services.delete_glimmer(alice, glimmer.uuid)
    services.delete_forever(alice, glimmer.uuid)
    assert not Glimmer.objects.exists()


def test_keyset_pages_cover_everything_once_in_order(alice: User) -> None:
    start = timezone.now() - timedelta(days=3)
    for index in range(7):
        services.create_glimmer(alice, text=f"g{index}", when=start + timedelta(hours=index // 2))  # ties in time
    seen: list[str] = []
    cursor = None
    while True:
        page = services.list_glimmers(alice, cursor=cursor, limit=3)
        seen += [g.text for g in page.items]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert seen == [g.text for g in services.list_glimmers(alice, limit=50).items]  # newest first, none twice
    assert sorted(seen) == sorted(f"g{index}" for index in range(7))


def test_a_mangled_cursor_is_refused_kindly(alice: User) -> None:
    with pytest.raises(ValidationError, match="page marker"):
        services.list_glimmers(alice, cursor="not-a-cursor!")


def test_what_has_rested_in_the_bin_thirty_days_is_gone_even_before_the_purge(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="long gone")
    services.delete_glimmer(alice, glimmer.uuid)
    Glimmer.objects.filter(pk=glimmer.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    assert services.list_glimmers(alice, binned=True).items == []
    with pytest.raises(NotFound):
        services.restore_glimmer(alice, glimmer.uuid)


def test_a_prefix_shared_by_two_of_your_glimmers_finds_neither(alice: User) -> None:
    import uuid

    first = services.create_glimmer(alice, text="one")
    second = services.create_glimmer(alice, text="two")
    Glimmer.objects.filter(pk=first.pk).update(uuid=uuid.UUID("abcdef01" + "0" * 24))
    Glimmer.objects.filter(pk=second.pk).update(uuid=uuid.UUID("abcdef02" + "0" * 24))
    with pytest.raises(NotFound):
        services.get_glimmer(alice, "abcdef")
    assert services.get_glimmer(alice, "abcdef02").text == "two"
