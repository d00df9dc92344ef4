"""Cards (journal.cards) and the names read with a page of glimmers (GlimmerQuerySet.with_details)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from glimmers.accounts.models import User
from glimmers.journal import names, search, services
from glimmers.journal.cards import cards
from glimmers.journal.models import Glimmer


def _request(user: User) -> object:
    request = RequestFactory().get("/journal/")
    request.user = user
    return request


def test_a_page_of_glimmers_reads_every_name_in_one_more_query(alice: User) -> None:
    for n in range(5):
        services.create_glimmer(alice, text=f"walk {n}", people=["zed", "Amy", f"P{n}"], tags=["b", "A"], place="Park")
    with CaptureQueriesContext(connection) as asked:
        page = list(services.glimmers_of(alice).with_details().order_by("-id"))
        shown = [(g.people_names, g.tag_names, g.place.name if g.place else None) for g in page]
    assert len(asked) == 2  # the glimmers with their places, then every person's and tag's name at once
    # by name, ignoring case, on every database
    assert shown[0] == (["Amy", "P4", "zed"], ["A", "b"], "Park")
    assert shown[-1] == (["Amy", "P0", "zed"], ["A", "b"], "Park")


def test_names_are_read_when_asked_for_a_glimmer_read_another_way(alice: User) -> None:
    made = services.create_glimmer(alice, text="tea", people=["Sam"], tags=["warm"])
    plain = Glimmer.objects.get(pk=made.pk)
    with CaptureQueriesContext(connection) as asked:
        assert plain.people_names == ["Sam"] and plain.tag_names == ["warm"]
    assert len(asked) == 1


def test_names_follow_a_rename_and_an_edit(alice: User) -> None:
    made = services.create_glimmer(alice, text="tea", people=["Sam"])
    names.rename(alice, "people", "Sam", "Samira")
    assert services.get_glimmer(alice, made.uuid).people_names == ["Samira"]
    edited = services.update_glimmer(alice, made.uuid, people="Jo, Samira", tags="calm")
    assert edited.people_names == ["Jo", "Samira"] and edited.tag_names == ["calm"]


def test_a_card_escapes_marks_and_says_where_and_when(alice: User) -> None:
    made = services.create_glimmer(
        alice,
        text="<b>Kettle</b> singing\nand steam",
        why="the kettle's song",
        people=["<Sam>"],
        tags=["kettle"],
        when=datetime(2026, 3, 4, 7, 5, tzinfo=ZoneInfo("Asia/Tokyo")),
        time_zone="Asia/Tokyo",
        glow=3,
    )
    found = search.find_glimmers(alice, words="kettle")
    (card,) = cards(found.items, request=_request(alice), query=found.query, show_date=True)  # type: ignore[arg-type]
    assert card.text == "&lt;b&gt;<mark>Kettle</mark>&lt;/b&gt; singing<br>and steam"
    assert "<mark>kettle</mark>" in card.why
    assert card.people == "&lt;Sam&gt;" and card.tags == "#<mark>kettle</mark>"
    assert card.when == "4 Mar 2026, 07:05" and card.iso == "2026-03-04T07:05:00+09:00"
    assert card.zone == "Asia/Tokyo"  # not alice's own zone, so the card says it
    assert card.stars == "✦✦✦" and card.url == f"/glimmers/{made.uuid}/"
    (plain,) = cards([services.get_glimmer(alice, made.uuid)], request=_request(alice))  # type: ignore[arg-type]
    assert plain.why == "" and plain.tags == "" and plain.when == "07:05"  # tags and why only while searching
    assert plain.text == "&lt;b&gt;Kettle&lt;/b&gt; singing<br>and steam"
