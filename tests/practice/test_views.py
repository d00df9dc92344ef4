"""Practice on the web: rituals on Today (done in one tap, then "did it glimmer?"), the intention on Today, the
practice page and a ritual's page — as plain forms and with htmx."""

from __future__ import annotations

import re
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.practice import services
from glimmers.practice.models import Occasion, Ritual

HTMX = {"HTTP_HX_REQUEST": "true"}


def coffee(user: User) -> Ritual:
    return services.create_ritual(user, name="Morning coffee", schedule="FREQ=DAILY", sense="taste")


def test_today_shows_the_rituals_due_and_done_is_one_plain_post(alice: User, alice_client: Client) -> None:
    ritual = coffee(alice)
    services.create_ritual(alice, name="Stretch")  # whenever: not due, not shown
    page = alice_client.get("/").content.decode()
    assert "Rituals today" in page and "Morning coffee" in page and "Stretch" not in page
    response = alice_client.post(f"/practice/rituals/{ritual.uuid}/done/", {"next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    page = alice_client.get("/").content.decode()
    assert "Done today" in page and "Did it glimmer?" in page
    alice_client.post(f"/practice/rituals/{ritual.uuid}/done/", {"next": "/"})
    assert Occasion.objects.count() == 1


def test_done_with_htmx_answers_with_the_row_asking_did_it_glimmer(alice: User, alice_client: Client) -> None:
    ritual = coffee(alice)
    response = alice_client.post(f"/practice/rituals/{ritual.uuid}/done/", {"next": "/"}, **HTMX)
    row = response.content.decode().strip()
    assert row.startswith('<li class="card ritual-row"') and "Did it glimmer?" in row
    assert "<html" not in row


def test_yes_opens_the_capture_box_prefilled_and_the_glimmer_kept_is_linked(alice: User, alice_client: Client) -> None:
    occasion = services.mark_done(alice, coffee(alice).uuid).occasion
    url = f"/practice/occasions/{occasion.uuid}/answer/"
    response = alice_client.post(url, {"glimmered": "yes"})
    assert response["Location"] == f"/practice/occasions/{occasion.uuid}/glimmer/"
    page = alice_client.get(response["Location"]).content.decode()
    assert "Morning coffee — </textarea>" in page
    assert re.search(r'<input type="checkbox" name="senses" value="taste"[^>]* checked>', page)  # the ritual's sense
    row = alice_client.post(url, {"glimmered": "yes"}, **HTMX).content.decode()
    assert "Morning coffee — </textarea>" in row
    kept = alice_client.post(
        f"/practice/occasions/{occasion.uuid}/glimmer/", {"text": "Morning coffee — steam in the light", "next": "/"}
    )
    assert kept.status_code == 302
    occasion.refresh_from_db()
    assert occasion.glimmer is not None and occasion.glimmer.text == "Morning coffee — steam in the light"
    assert occasion.glimmered is True and occasion.glimmer.source == "web"


def test_an_empty_glimmer_is_refused_kindly_and_nothing_is_linked(alice: User, alice_client: Client) -> None:
    occasion = services.mark_done(alice, coffee(alice).uuid).occasion
    response = alice_client.post(f"/practice/occasions/{occasion.uuid}/glimmer/", {"text": "  "})
    assert response.status_code == 200 and "Please write" in response.content.decode()
    occasion.refresh_from_db()
    assert occasion.glimmer_id is None and journal.glimmers_of(alice).count() == 0


def test_not_this_time_is_just_as_fine(alice: User, alice_client: Client) -> None:
    occasion = services.mark_done(alice, coffee(alice).uuid).occasion
    row = alice_client.post(f"/practice/occasions/{occasion.uuid}/answer/", {"glimmered": "no"}, **HTMX)
    assert "Did it glimmer?" not in row.content.decode() and "Done today" in row.content.decode()
    occasion.refresh_from_db()
    assert occasion.glimmered is False


def test_a_retired_ritual_cant_be_done_from_the_web(alice: User, alice_client: Client) -> None:
    ritual = coffee(alice)
    services.retire_ritual(alice, ritual.uuid)
    assert alice_client.post(f"/practice/rituals/{ritual.uuid}/done/").status_code == 404
    assert "Morning coffee" not in alice_client.get("/").content.decode()


def test_the_intention_stands_alone_on_today_until_the_first_glimmer(alice: User, alice_client: Client) -> None:
    assert "Today's intention" not in alice_client.get("/").content.decode()
    alice_client.post("/practice/intention/", {"text": "notice 3 glimmers", "scope": "every_day"})
    page = alice_client.get("/").content.decode()
    assert "notice 3 glimmers" in page and "so far today" not in page and "You noticed" not in page
    journal.create_glimmer(alice, text="birdsong")
    journal.create_glimmer(alice, text="warm bread")
    page = alice_client.get("/").content.decode()
    evening = timezone.localtime(timezone.now(), services.zone_of(alice)).hour >= 18
    assert ("You noticed 2 glimmers today." if evening else "2 glimmers so far today") in page


def test_the_intention_can_change_for_just_today_or_be_cleared(alice: User, alice_client: Client) -> None:
    alice_client.post("/practice/intention/", {"text": "notice 3 glimmers", "scope": "every_day"})
    alice_client.post("/practice/intention/", {"text": "look up at the sky", "scope": "today"})
    page = alice_client.get("/practice/").content.decode()
    assert "look up at the sky" in page and "(just today)" in page
    alice_client.post("/practice/intention/", {"text": "", "scope": "every_day", "clear": "1"})
    assert services.intention_today(alice).text == ""
    response = alice_client.post("/practice/intention/", {"text": "x" * 200, "scope": "every_day"}, follow=True)
    assert "120 characters at most" in response.content.decode()


def test_a_ritual_is_added_with_a_schedule_and_shown_with_calm_counts(alice: User, alice_client: Client) -> None:
    response = alice_client.post(
        "/practice/rituals/new/",
        {"name": "Sunset", "schedule": "weekdays", "weekdays": ["mon", "fri"], "time_of_day": "19:30", "every": "2"},
    )
    ritual = Ritual.objects.get()
    assert response["Location"] == f"/practice/rituals/{ritual.uuid}/"
    assert ritual.schedule == "FREQ=WEEKLY;BYDAY=MO,FR"
    services.create_ritual(alice, name="Tea", schedule="FREQ=DAILY")
    page = alice_client.get(f"/practice/rituals/{ritual.uuid}/").content.decode()
    assert "On Mondays and Fridays at 19:30" in page and "Done" not in page.split("History")[1]
    services.mark_done(alice, ritual.uuid, glimmered=True, now=timezone.now())
    page = alice_client.get(f"/practice/rituals/{ritual.uuid}/").content.decode()
    assert "Done once this month, and it glimmered." in page


def test_some_weekdays_with_none_chosen_is_refused_on_the_form(alice: User, alice_client: Client) -> None:
    response = alice_client.post("/practice/rituals/new/", {"name": "Sunset", "schedule": "weekdays", "every": "2"})
    assert response.status_code == 200 and "at least one day of the week" in response.content.decode()
    assert not Ritual.objects.exists()


def test_edit_retire_unretire_and_delete(alice: User, alice_client: Client) -> None:
    ritual = coffee(alice)
    base = f"/practice/rituals/{ritual.uuid}"
    assert 'value="Morning coffee"' in alice_client.get(f"{base}/edit/").content.decode()
    alice_client.post(f"{base}/edit/", {"name": "Coffee outside", "schedule": "every", "every": "3"})
    ritual.refresh_from_db()
    assert (ritual.name, ritual.schedule) == ("Coffee outside", "FREQ=DAILY;INTERVAL=3")
    alice_client.post(f"{base}/retire/", {"retire": "1"})
    assert "retired" in alice_client.get(f"{base}/").content.decode()
    alice_client.post(f"{base}/retire/", {"retire": "0"})
    assert services.get_ritual(alice, ritual.uuid).active
    alice_client.post(f"{base}/delete/")
    assert not Ritual.objects.exists()


def test_the_practice_page_lists_rituals_and_those_that_glimmer_most(alice: User, alice_client: Client) -> None:
    ritual = coffee(alice)
    for days in (1, 2, 3):
        services.mark_done(alice, ritual.uuid, glimmered=True, now=timezone.now() - timedelta(days=days))
    page = alice_client.get("/practice/").content.decode()
    assert "Morning coffee" in page and "every day" in page
    assert "Morning coffee glimmered every one of the 3 times" in page
    assert 'href="/practice/"' in alice_client.get("/").content.decode()  # in the main navigation


def test_todays_queries_are_the_same_for_one_ritual_or_twenty(alice: User, alice_client: Client) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get("/").status_code == 200
        return len(queries)

    services.set_intention(alice, "notice 3 glimmers")
    services.mark_done(alice, coffee(alice).uuid)
    one = count()
    for number in range(19):
        made = services.create_ritual(alice, name=f"Ritual {number}", schedule="FREQ=DAILY")
        if number % 2:
            services.mark_done(alice, made.uuid, glimmered=True)
    assert count() == one


def test_bob_gets_404_for_alices_ritual_and_occasion(alice: User, bob_client: Client) -> None:
    ritual = coffee(alice)
    occasion = services.mark_done(alice, ritual.uuid).occasion
    for method, url in (
        ("get", f"/practice/rituals/{ritual.uuid}/"),
        ("post", f"/practice/rituals/{ritual.uuid}/done/"),
        ("post", f"/practice/occasions/{occasion.uuid}/answer/"),
        ("get", f"/practice/occasions/{occasion.uuid}/glimmer/"),
    ):
        assert getattr(bob_client, method)(url).status_code == 404
    assert Occasion.objects.count() == 1


def test_the_intentions_default_is_set_and_cleared_in_settings(alice: User, alice_client: Client) -> None:
    page = alice_client.get("/settings/").content.decode()
    assert "Daily intention" in page and 'id="intention-default"' in page
    response = alice_client.post(
        "/practice/intention/", {"text": "notice 3 glimmers", "scope": "every_day", "next": "/settings/"}
    )
    assert response["Location"] == "/settings/"
    assert 'value="notice 3 glimmers"' in alice_client.get("/settings/").content.decode()
    alice_client.post("/practice/intention/", {"scope": "every_day", "clear": "1", "next": "/settings/"})
    assert services.intention_today(alice).default == ""
