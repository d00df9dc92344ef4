"""Keyboard and screen-reader polish on the journal's pages: every problem at once with a summary that links to
its field, a glow read as words, a glow that can be cleared, and names on a glimmer's page that lead somewhere."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.journal.models import Glimmer, Person, Place, Tag

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_every_problem_with_a_capture_is_shown_at_once_in_a_summary_that_links_to_each_field(
    alice_client: Client,
) -> None:
    for headers in ({}, HTMX):
        data = {"text": "  ", "why": "x" * 2001, "when": "the twelfth of never", "glow": "4"}
        text = alice_client.post("/glimmers/new/", data, **headers).content.decode()
        assert "Please write a few words for the glimmer." in text
        summary = text[text.index("data-error-summary") : text.index("</div>", text.index("data-error-summary"))]
        for field in ("text", "why", "when"):  # all three at once, each linked to its field
            assert f'href="#id_{field}"' in summary, field
        # the summary takes the focus: first in the page with autofocus, before the capture box
        assert text.index("autofocus") < text.index('<textarea name="text"')
    assert not Glimmer.objects.exists()


def test_an_edit_with_several_problems_names_them_all_and_changes_nothing(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="steam from the kettle", glow=2)
    text = alice_client.post(
        f"/glimmers/{glimmer.uuid}/edit/", {"text": "", "why": "x" * 2001, "glow": "5"}
    ).content.decode()
    assert "Please write a few words for the glimmer." in text
    assert text.count('<li><a href="#id_') == 2
    glimmer.refresh_from_db()
    assert (glimmer.text, glimmer.glow) == ("steam from the kettle", 2)


def test_a_service_raises_every_fields_complaint_together(alice: User) -> None:
    with pytest.raises(ValidationError) as refused:
        services.create_glimmer(alice, text="", glow=9, senses=["smell", "sixth"], state_after="elated")
    assert set(refused.value.message_dict) == {"text", "glow", "senses", "state_after"}


def test_a_cards_glow_is_read_as_words_and_its_stars_are_hidden(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="a robin on the fence", glow=4)
    page = alice_client.get("/journal/").content.decode()
    assert '<span class="visually-hidden">glow 4 of 5</span><span aria-hidden="true">✦✦✦✦</span>' in page
    assert 'aria-label="glow' not in page


def test_a_glow_can_be_cleared_on_the_edit_page(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="warm sand", glow=3)
    page = alice_client.get(f"/glimmers/{glimmer.uuid}/edit/").content.decode()
    assert "No number" in page
    form = {"text": "warm sand", "glow": "", "resurface": "on"}
    assert alice_client.post(f"/glimmers/{glimmer.uuid}/edit/", form).status_code == 302
    glimmer.refresh_from_db()
    assert glimmer.glow is None
    page = alice_client.get(f"/glimmers/{glimmer.uuid}/edit/").content.decode()
    assert re.search(r'<input type="radio" name="glow" value=""[^>]* checked', page)


def test_a_glimmers_people_place_and_tags_link_to_their_pages(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="tea with @Sam at +the_park #cosy", people=["Biscuit"])
    page = alice_client.get(f"/glimmers/{glimmer.uuid}/").content.decode()
    for kind, model in (("people", Person), ("places", Place), ("tags", Tag)):
        for thing in model.objects.all():
            assert f'<a href="/{kind}/{thing.uuid}/">' in page, thing.name
    assert ">Biscuit</a>, <a" in page  # by name: Biscuit before Sam
    assert ">#cosy</a>" in page
