"""The journal in the browser without JavaScript, and with htmx: Today, the timeline, a glimmer, the bin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.journal.models import Glimmer

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_today_has_a_capture_box_with_focus(alice_client: Client) -> None:
    text = alice_client.get("/").content.decode()
    assert 'name="text"' in text
    assert "autofocus" in text
    assert "Enter keeps it; Shift+Enter starts a new line" in text


def test_capture_without_javascript_redirects_to_today(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        "/glimmers/new/", {"text": "sun on my face", "senses": ["sight", "touch"], "glow": "4"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    glimmer = Glimmer.objects.get()
    assert (glimmer.owner, glimmer.senses, glimmer.glow, glimmer.source) == (alice, ["sight", "touch"], 4, "web")
    page = alice_client.get("/").content.decode()
    assert "sun on my face" in page
    assert "Kept for today at " in page and "Thank you for noticing." in page


def test_capture_with_htmx_answers_with_a_fresh_box_and_the_new_glimmer(alice_client: Client) -> None:
    response = alice_client.post("/glimmers/new/", {"text": "a friendly smile"}, **HTMX)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="capture"')
    assert "a friendly smile" in text
    assert "Kept for today at " in text
    assert "<html" not in text


def test_a_refused_capture_keeps_every_word_typed(alice_client: Client) -> None:
    response = alice_client.post(
        "/glimmers/new/", {"text": "the kettle singing", "when": "the twelfth of never", "people": "Gran"}, **HTMX
    )
    text = response.content.decode()
    assert "I couldn&#x27;t read" in text
    assert "the kettle singing" in text
    assert 'value="Gran"' in text
    assert not Glimmer.objects.exists()


def test_an_empty_capture_asks_gently(alice_client: Client) -> None:
    text = alice_client.post("/glimmers/new/", {"text": "  "}).content.decode()
    assert "Please write a few words for the glimmer." in text
    assert not Glimmer.objects.exists()


def test_a_picked_date_and_time_is_read_in_the_profile_zone(alice_client: Client) -> None:
    alice_client.post("/glimmers/new/", {"text": "frost on the grass", "when_exact": "2026-01-10T07:45"})
    glimmer = Glimmer.objects.get()
    assert glimmer.local_noticed_at.isoformat() == "2026-01-10T07:45:00+00:00"  # London in winter
    assert glimmer.time_zone == "Europe/London"


def test_html_in_a_glimmer_is_shown_as_text(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text='<script>alert("hi")</script> <b>bold</b>')
    for path in ("/", "/journal/", f"/glimmers/{glimmer.uuid}/", f"/glimmers/{glimmer.uuid}/edit/"):
        text = alice_client.get(path).content.decode()
        assert "<script>alert" not in text, path
        assert "&lt;script&gt;alert" in text, path


def test_the_journal_groups_by_local_day_and_pages_by_keyset(alice_client: Client, alice: User) -> None:
    start = timezone.now() - timedelta(days=40)
    for index in range(45):
        services.create_glimmer(alice, text=f"glimmer number {index}", when=start + timedelta(hours=20 * index))
    first = alice_client.get("/journal/").content.decode()
    assert "glimmer number 44" in first and "glimmer number 24" not in first
    assert first.count('class="day-heading"') >= 10
    cursor = first.split("?cursor=")[1].split('"')[0]
    more = alice_client.get(f"/journal/?cursor={cursor}", **HTMX).content.decode()
    assert "glimmer number 24" in more and "glimmer number 44" not in more
    assert "<html" not in more
    assert alice_client.get("/journal/?cursor=garbage").status_code == 302


def test_edit_saves_and_a_refused_edit_loses_nothing(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="cool breeze", people=["Sam"], when="2 hours ago")
    url = f"/glimmers/{glimmer.uuid}/edit/"
    form = alice_client.get(url).content.decode()
    assert 'value="Sam"' in form
    shown_when = glimmer.local_noticed_at.strftime("%Y-%m-%dT%H:%M")
    fields = {"text": "cool breeze by the river", "people": "Sam", "when_exact": shown_when, "resurface": "on"}
    assert alice_client.post(url, fields).status_code == 302
    saved = services.get_glimmer(alice, glimmer.uuid)
    assert saved.text == "cool breeze by the river"
    assert saved.noticed_at == glimmer.noticed_at  # re-saving the shown minute moves nothing

    refused = alice_client.post(url, {**fields, "text": "changed again", "glow": "9"})
    assert refused.status_code == 200
    assert "changed again" in refused.content.decode()
    assert services.get_glimmer(alice, glimmer.uuid).text == "cool breeze by the river"


def test_delete_moves_to_the_bin_with_undo(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="warm bread")
    response = alice_client.post(f"/glimmers/{glimmer.uuid}/delete/")
    assert response.status_code == 302
    journal = alice_client.get("/journal/").content.decode()
    assert "Moved to" in journal and f"/bin/{glimmer.uuid}/restore/" in journal
    assert "warm bread" not in alice_client.get("/").content.decode()
    assert "warm bread" in alice_client.get("/bin/").content.decode()
    assert alice_client.post(f"/bin/{glimmer.uuid}/restore/", {"next": "/journal/"})["Location"] == "/journal/"
    assert "warm bread" in alice_client.get("/journal/").content.decode()


def test_undo_never_redirects_elsewhere(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="warm bread")
    services.delete_glimmer(alice, glimmer.uuid)
    response = alice_client.post(f"/bin/{glimmer.uuid}/restore/", {"next": "https://evil.example/"})
    assert response["Location"] == f"/glimmers/{glimmer.uuid}/"


def test_erasing_asks_first(alice_client: Client, alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="old note")
    services.delete_glimmer(alice, glimmer.uuid)
    assert "Erase this glimmer for good?" in alice_client.get(f"/bin/{glimmer.uuid}/erase/").content.decode()
    assert alice_client.post(f"/bin/{glimmer.uuid}/erase/").status_code == 302
    assert not Glimmer.objects.exists()


@pytest.mark.parametrize(
    ("method", "path", "binned"),
    [
        ("get", "/glimmers/{id}/", False),
        ("get", "/glimmers/{id}/edit/", False),
        ("post", "/glimmers/{id}/edit/", False),
        ("post", "/glimmers/{id}/delete/", False),
        ("post", "/bin/{id}/restore/", True),
        ("get", "/bin/{id}/erase/", True),
        ("post", "/bin/{id}/erase/", True),
    ],
)
def test_bob_gets_404_for_alices_glimmer(bob_client: Client, alice: User, method: str, path: str, binned: bool) -> None:
    glimmer = services.create_glimmer(alice, text="MARKER-alice-private", people=["MARKER-person"])
    if binned:
        services.delete_glimmer(alice, glimmer.uuid)
    response = getattr(bob_client, method)(path.format(id=glimmer.uuid), {"text": "bob was here"})
    assert response.status_code == 404
    assert "MARKER" not in response.content.decode()
    assert Glimmer.objects.get(pk=glimmer.pk).text == "MARKER-alice-private"
    assert (Glimmer.objects.get(pk=glimmer.pk).deleted_at is None) is not binned


def test_bob_sees_none_of_alices_glimmers_in_lists(bob_client: Client, alice: User) -> None:
    services.create_glimmer(alice, text="MARKER-alice-private")
    for path in ("/", "/journal/", "/bin/"):
        assert "MARKER" not in bob_client.get(path).content.decode()


def test_a_malformed_id_is_404(alice_client: Client) -> None:
    assert alice_client.get("/glimmers/not-a-uuid/").status_code == 404


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/", "/journal/", "/bin/"])
def test_pages_make_the_same_number_of_queries_whatever_the_journal_holds(
    alice_client: Client, alice: User, path: str
) -> None:
    def add(count: int, make: Callable[[int], None]) -> None:
        for index in range(count):
            make(index)

    def one(index: int) -> None:
        glimmer = services.create_glimmer(
            alice, text=f"g{index} #tag{index % 3}", people=[f"P{index % 4}"], place="Home"
        )
        if path == "/bin/":
            services.delete_glimmer(alice, glimmer.uuid)

    add(2, one)
    small = _queries(alice_client, path)
    add(25, one)
    assert _queries(alice_client, path) == small


def test_a_glimmer_shows_the_time_on_the_clock_where_it_was_noticed(alice_client: Client, alice: User) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 4, 2, 8, 5, tzinfo=ZoneInfo("Asia/Tokyo"))  # 00:05 in London that day
    glimmer = services.create_glimmer(alice, text="cherry blossom", when=moment, time_zone="Asia/Tokyo")
    for path in ("/journal/", f"/glimmers/{glimmer.uuid}/"):
        text = alice_client.get(path).content.decode()
        assert "08:05" in text, path
        assert "00:05" not in text and "23:05" not in text, path
