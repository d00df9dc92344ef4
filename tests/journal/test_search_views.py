"""The journal page's search box and filters on the web: a GET form with an address for every view,
working without JavaScript; type-ahead names for the pickers."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import names, services

HTMX = {"HTTP_HX_REQUEST": "true"}


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_the_journal_has_a_labelled_search_box_and_filters(alice_client: Client) -> None:
    text = page(alice_client, "/journal/")
    assert 'role="search"' in text and 'method="get"' in text
    assert '<label for="id_q">Search your journal</label>' in text
    for field in ("since", "until", "sense", "person", "place", "tag", "glow", "order", "state_before", "state_after"):
        assert f'id="id_{field}"' in text and f'<label for="id_{field}"' in text


def test_a_search_shows_what_matched_marked_and_safely(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="<b>sunset</b> on the bay", why="the sun <i>warm</i>", people=["Sunny"])
    services.create_glimmer(alice, text="rain on the window")
    text = page(alice_client, "/journal/?q=sun")
    assert "&lt;b&gt;<mark>sunset</mark>&lt;/b&gt; on the bay" in text
    assert "the <mark>sun</mark> &lt;i&gt;warm&lt;/i&gt;" in text  # why it mattered, when it matched
    assert "<mark>Sunny</mark>" in text
    assert "rain on the window" not in text
    assert "What I found" in text and "Glimmers matching “sun”" in text
    assert 'value="sun"' in text


def test_search_keeps_to_its_filters_in_the_address(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="birdsong", senses=["sound"], people=["Sam"])
    services.create_glimmer(alice, text="birdsong too", people=["Ada"])
    services.create_glimmer(alice, text="a bell", senses=["sound"], people=["Sam"])
    text = page(alice_client, "/journal/?q=bird&sense=sound&person=sam")
    assert "birdsong<" in text.replace("</mark>", "") and "birdsong too" not in text and "a bell" not in text
    assert "with Sam, through sound" in text
    assert '<details class="more filters" open>' in text  # filters in use are shown


def test_no_matches_is_said_gently(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="warm bread")
    text = page(alice_client, "/journal/?q=zebra")
    assert "No glimmers match this." in text


def test_only_punctuation_shows_the_journal_with_a_kind_hint(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="warm bread")
    text = page(alice_client, "/journal/?q=" + quote('"*^:-'))
    assert "there weren't any to look for" in text
    assert "warm bread" in text


@pytest.mark.parametrize("typed", ['"', "NEAR(", "*", "-", "AND OR", "^", ":", "x" * 4_000])
def test_fts_syntax_is_never_an_error(alice_client: Client, alice: User, typed: str) -> None:
    services.create_glimmer(alice, text="warm bread")
    assert alice_client.get("/journal/", {"q": typed, "order": "relevance"}).status_code == 200
    assert alice_client.get("/journal/", {"q": typed}).status_code == 200


def test_a_filter_that_makes_no_sense_is_explained_beside_it(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="warm bread")
    text = page(alice_client, "/journal/?sense=smelly&since=2026-02-01&until=2026-01-01")
    assert "isn&#x27;t one of the senses" in text
    assert "warm bread" in text  # the journal stays, unfiltered, meanwhile


def test_an_unknown_name_in_a_filter_finds_nothing_and_reveals_nothing(
    bob_client: Client, alice: User, bob: User
) -> None:
    services.create_glimmer(alice, text="MARKER tea", people=["MARKER Gran"])
    gran = names.get_name(alice, "people", "MARKER Gran")
    for query in (f"person={gran.uuid}", "person=MARKER+Gran", "tag=MARKER", "q=MARKER"):
        text = page(bob_client, f"/journal/?{query}")
        assert "MARKER tea" not in text and "No glimmers match this." in text
        assert "MARKER Gran</" not in text  # never named as a found person


def test_pages_of_results_follow_with_their_filters(alice_client: Client, alice: User) -> None:
    start = timezone.now() - timedelta(days=30)
    for index in range(30):
        services.create_glimmer(alice, text=f"kettle {index}", when=start + timedelta(hours=index))
        services.create_glimmer(alice, text=f"quiet {index}", when=start + timedelta(hours=index))
    first = page(alice_client, "/journal/?q=kettle&sense=")
    assert "kettle</mark> 29" in first and "kettle</mark> 9<" not in first
    more = first.split('id="more">')[1].split('href="')[1].split('"')[0].replace("&amp;", "&")
    assert more.startswith("?q=kettle&cursor=")  # empty filters are left out of the address
    older = alice_client.get(f"/journal/{more}", **HTMX)
    text = older.content.decode()
    assert "kettle</mark> 9<" in text and "quiet" not in text and "<html" not in text
    assert alice_client.get("/journal/?q=kettle&cursor=garbage")["Location"] == "/journal/?q=kettle"


def test_best_match_first_is_a_choice(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="rain rain rain", when=timezone.now() - timedelta(days=1))
    services.create_glimmer(alice, text="rain and a long walk home through the park")
    text = page(alice_client, "/journal/?q=rain&order=relevance")
    assert text.index("rain</mark> <mark>rain") < text.index("a long walk")
    assert "best match first" in text


def test_type_ahead_offers_the_owners_names(alice_client: Client, bob_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="tea", people=["Sam", "Samira"], place="Sandy Bay", tags=["salt"])
    assert page(alice_client, "/suggest/people/?people=Al,%20sa") == (
        '<option value="Al, Sam"></option><option value="Al, Samira"></option>\n'
    )
    assert 'value="Sandy Bay"' in page(alice_client, "/suggest/places/?place=sand")
    assert 'value="salt"' in page(alice_client, "/suggest/tags/?tag=s")
    assert page(alice_client, "/suggest/people/") == "\n"
    assert "Sam" not in page(bob_client, "/suggest/people/?people=sa")


def test_the_capture_form_offers_pickers_that_work_without_javascript(alice_client: Client) -> None:
    text = page(alice_client, "/")
    assert 'list="people-options"' in text and '<datalist id="people-options"></datalist>' in text
    assert 'hx-trigger="input changed delay:200ms"' in text
    assert "<code>@Sam</code> for who was there, <code>+beach</code> for where" in text
    assert "hx-on" not in text and "js:" not in text


def test_capture_picks_up_mentions(alice_client: Client, alice: User) -> None:
    alice_client.post("/glimmers/new/", {"text": "a swim with @Sam at +the_cove"})
    glimmer = services.list_glimmers(alice).items[0]
    assert services.as_dict(glimmer)["people"] == ["Sam"] and services.as_dict(glimmer)["place"] == "the cove"


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/journal/?q=kettle",
        "/journal/?q=kettle&order=relevance",
        "/journal/?q=kettle&person=Sam&place=Home&tag=t1&sense=sound&glow=2",
        "/journal/?person=Sam&since=2000-01-01",
        "/journal/?q=%22",
    ],
)
def test_search_pages_ask_the_same_number_of_questions_however_much_matches(
    alice_client: Client, alice: User, path: str
) -> None:
    def add(count: int) -> None:
        for index in range(count):
            services.create_glimmer(
                alice, text=f"kettle {index} #t{index % 3}", people=["Sam", f"P{index}"], place="Home",
                senses=["sound"], glow=3,
            )  # fmt: skip

    add(2)
    small = _queries(alice_client, path)
    add(25)
    assert _queries(alice_client, path) == small
