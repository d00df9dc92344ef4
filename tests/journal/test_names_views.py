"""People, places and tags on the web: lists, a page each, add, rename (offering a merge), merge,
archive and "don't bring this back" — as plain forms, each answering someone else's with a 404."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glimmers.accounts.models import User
from glimmers.journal import names, services
from glimmers.journal.models import Person


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_people_are_in_the_main_menu(alice_client: Client) -> None:
    assert '<a href="/people/">People</a>' in page(alice_client, "/")
    assert '<a href="/people/" aria-current="page">People</a>' in page(alice_client, "/people/")


def test_the_people_list_shows_counts_and_hides_zeros(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="tea", people=["Sam"], state_before="dorsal", state_after="ventral")
    services.create_glimmer(alice, text="cake", people=["Sam"], state_before="ventral", state_after="ventral")
    names.add_name(alice, "people", "Ada")
    text = page(alice_client, "/people/")
    assert "2 glimmers" in text and "up the ladder 1 of 2 times" in text
    ada = text.split(">Ada</a>")[1].split("</li>")[0]
    assert "glimmer" not in ada and "0" not in ada


def test_an_empty_list_says_how_names_arrive(alice_client: Client) -> None:
    assert "write @Sam in a glimmer" in page(alice_client, "/people/")
    assert "write +beach in a glimmer" in page(alice_client, "/places/")
    assert "write #tag in a glimmer" in page(alice_client, "/tags/")


def test_adding_someone_leads_to_their_page(alice_client: Client, alice: User) -> None:
    response = alice_client.post("/people/new/", {"name": "Biscuit"})
    biscuit = names.get_name(alice, "people", "Biscuit")
    assert response["Location"] == f"/people/{biscuit.uuid}/"
    assert "No glimmers with Biscuit yet." in page(alice_client, response["Location"])
    again = alice_client.post("/people/new/", {"name": "biscuit"})
    assert again["Location"] == f"/people/{biscuit.uuid}/"
    assert "Please give a name." in alice_client.post("/people/new/", {"name": "  "}).content.decode()


def test_a_persons_page_shows_what_came_with_them_and_their_latest_glimmers(alice_client: Client, alice: User) -> None:
    for index in range(25):
        services.create_glimmer(
            alice, text=f"walk {index}", people=["Sam"], state_before="sympathetic", state_after="ventral"
        )
    sam = names.get_name(alice, "people", "Sam")
    text = page(alice_client, f"/people/{sam.uuid}/")
    assert "25 glimmers with Sam." in text
    assert "Of the 25 where you noted how you were before and after, 25 came with a move up the ladder." in text
    assert text.count('class="glimmer-card"') == 20 and "Show older glimmers" in text
    assert f'href="/journal/?person={sam.uuid}"' in text


def test_renaming_to_a_name_that_exists_offers_to_merge(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="tea", people=["Mom"])
    services.create_glimmer(alice, text="cake", people=["Mum"])
    mom, mum = names.get_name(alice, "people", "Mom"), names.get_name(alice, "people", "Mum")
    text = alice_client.post(f"/people/{mom.uuid}/edit/", {"name": "mum", "note": ""}).content.decode()
    assert "You already have “Mum”. Would you like to make the two one?" in text
    assert f'action="/people/{mom.uuid}/merge/"' in text and f'value="{mum.uuid}"' in text
    merged = alice_client.post(f"/people/{mom.uuid}/merge/", {"into": str(mum.uuid)})
    assert merged["Location"] == f"/people/{mum.uuid}/"
    assert "2 glimmers with Mum." in page(alice_client, merged["Location"])
    assert alice_client.get(f"/people/{mom.uuid}/").status_code == 404


def test_a_rename_and_a_note_are_saved(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="tea", place="the caff")
    caff = names.get_name(alice, "places", "the caff")
    response = alice_client.post(f"/places/{caff.uuid}/edit/", {"name": "The Café", "note": "by the station"})
    assert response.status_code == 302
    text = page(alice_client, f"/places/{caff.uuid}/")
    assert "<h1>The Café</h1>" in text and "by the station" in text


def test_merge_offers_the_others_and_refuses_itself_kindly(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="tea", tags=["cosy", "cozy", "home"])
    cozy = names.get_name(alice, "tags", "cozy")
    form = page(alice_client, f"/tags/{cozy.uuid}/merge/")
    assert ">#cosy</option>" in form and ">#home</option>" in form and ">#cozy</option>" not in form
    refused = alice_client.post(f"/tags/{cozy.uuid}/merge/", {"into": str(cozy.uuid)})
    assert refused.status_code == 200 and "already one and the same" in refused.content.decode()


def test_archive_and_dont_bring_back_are_buttons(alice_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="tea", people=["Gran"])
    gran = names.get_name(alice, "people", "Gran")
    assert alice_client.post(f"/people/{gran.uuid}/archive/", {"archived": "1"}).status_code == 302
    assert alice_client.post(f"/people/{gran.uuid}/resurface/", {"resurface": "0"}).status_code == 302
    gran = Person.objects.get(pk=gran.pk)
    assert gran.archived and not gran.resurface
    page(alice_client, "/")  # the notices are shown once
    assert "Gran" not in page(alice_client, "/people/").split("<main")[1]
    assert ">Gran</a>" in page(alice_client, "/people/?archived=1")
    text = page(alice_client, f"/people/{gran.uuid}/")
    assert "Glimmers won't bring Gran back unless you ask." in text
    assert "Bring back to my lists" in text and "May bring this back" in text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/people/{person}/"),
        ("get", "/people/{person}/edit/"),
        ("post", "/people/{person}/edit/"),
        ("get", "/people/{person}/merge/"),
        ("post", "/people/{person}/merge/"),
        ("post", "/people/{person}/archive/"),
        ("post", "/people/{person}/resurface/"),
        ("get", "/places/{place}/"),
        ("get", "/tags/{tag}/"),
        ("post", "/tags/{tag}/edit/"),
    ],
)
def test_bob_gets_404_for_alices_people_places_and_tags(
    bob_client: Client, alice: User, bob: User, method: str, path: str
) -> None:
    services.create_glimmer(alice, text="MARKER tea", people=["MARKER Gran"], place="MARKER Home", tags=["MARKER"])
    services.create_glimmer(bob, text="coffee", people=["Dad"])
    samples = {
        "person": names.get_name(alice, "people", "MARKER Gran").uuid,
        "place": names.get_name(alice, "places", "MARKER Home").uuid,
        "tag": names.get_name(alice, "tags", "MARKER").uuid,
    }
    data = {"name": "bob was here", "into": str(names.get_name(bob, "people", "Dad").uuid), "archived": "1"}
    response = getattr(bob_client, method)(path.format(**samples), data)
    assert response.status_code == 404
    assert "MARKER" not in response.content.decode()
    assert names.get_name(alice, "people", "MARKER Gran").name == "MARKER Gran"


def test_bob_cannot_merge_his_into_alices(bob_client: Client, alice: User, bob: User) -> None:
    services.create_glimmer(alice, text="tea", people=["Gran"])
    services.create_glimmer(bob, text="coffee", people=["Dad"])
    dad = names.get_name(bob, "people", "Dad")
    gran = names.get_name(alice, "people", "Gran")
    assert bob_client.post(f"/people/{dad.uuid}/merge/", {"into": str(gran.uuid)}).status_code == 404
    assert bob_client.post(f"/people/{dad.uuid}/merge/", {"into": "Gran"}).status_code == 404
    assert names.counted(bob, "people", "Dad").glimmers == 1


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/people/", "/places/", "/tags/", "/people/{sam}/", "/people/{sam}/merge/"])
def test_people_pages_ask_the_same_number_of_questions_however_many_there_are(
    alice_client: Client, alice: User, path: str
) -> None:
    def add(start: int, count: int) -> None:
        for index in range(start, start + count):
            services.create_glimmer(
                alice, text=f"g{index} #t{index}", people=["Sam", f"P{index}"], place=f"Place {index}"
            )

    add(0, 2)
    sam = names.get_name(alice, "people", "Sam")
    small = _queries(alice_client, path.format(sam=sam.uuid))
    add(2, 25)
    assert _queries(alice_client, path.format(sam=sam.uuid)) == small
