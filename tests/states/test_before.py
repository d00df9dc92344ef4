"""Issue 11, item 3: "how I was before" is filled from a check-in only for the glimmer's own moment — the
check-in must be in the 30 minutes before the glimmer's `noticed_at` — and Today shows it openly, as a box
the person can untick, never hidden under "More"."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer
from glimmers.states import services

HTMX = {"HTTP_HX_REQUEST": "true"}


def _box(page: str) -> str:
    """The before-from-a-check-in input tag."""
    return "<input" + page.split('<input type="checkbox" name="before_checkin"', 1)[1].split(">", 1)[0]


def _more(page: str) -> str:
    """The part of Today's form under "More"."""
    return page.split('<details class="more"', 1)[1].split("</details>", 1)[0]


def test_today_shows_a_recent_check_in_as_before_openly_in_my_words(alice_client: Client, alice: User) -> None:
    services.update_rung(alice, "dorsal", name="fog")
    checkin = services.check_in(alice, state="dorsal", when=timezone.now() - timedelta(minutes=10))
    page = alice_client.get("/").content.decode()
    moment = f'<time datetime="{checkin.local_at.isoformat()}">{checkin.local_at:%H:%M}</time>'
    line = f"before: fog — from your {moment} check-in"
    assert line in page
    assert f'value="{checkin.uuid}"' in _box(page) and _box(page).endswith(" checked")
    assert "before_checkin" not in _more(page)  # in the open, not under "More"
    assert "data-before" not in page  # no script fills a hidden select any more


def test_an_older_check_in_is_not_offered(alice_client: Client, alice: User) -> None:
    services.check_in(alice, state="sympathetic", when=timezone.now() - timedelta(minutes=31))
    assert "before_checkin" not in alice_client.get("/").content.decode()


def test_only_the_capture_form_offers_it(alice_client: Client, alice: User) -> None:
    services.check_in(alice, state="sympathetic", when=timezone.now() - timedelta(minutes=5))
    assert "before_checkin" not in alice_client.get("/journal/").content.decode()


def _keep(client: Client, checkin_id: str | None, **fields: str) -> Glimmer:
    data = {"text": "the kettle singing", "resurface": "on", **fields}
    if checkin_id:
        data["before_checkin"] = checkin_id
    response = client.post("/glimmers/new/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    return Glimmer.objects.get(text="the kettle singing")


def test_a_glimmer_kept_now_takes_the_ticked_check_in_as_before(alice_client: Client, alice: User) -> None:
    checkin = services.check_in(alice, state="dorsal", when=timezone.now() - timedelta(minutes=10))
    assert _keep(alice_client, str(checkin.uuid)).state_before == "dorsal"


def test_unticked_it_is_left_out(alice_client: Client, alice: User) -> None:
    services.check_in(alice, state="dorsal", when=timezone.now() - timedelta(minutes=10))
    assert _keep(alice_client, None).state_before == ""


def test_a_glimmer_dated_a_week_earlier_gets_nothing(alice_client: Client, alice: User) -> None:
    checkin = services.check_in(alice, state="dorsal", when=timezone.now() - timedelta(minutes=10))
    assert _keep(alice_client, str(checkin.uuid), when="7 days ago").state_before == ""


def test_a_glimmer_dated_before_the_check_in_gets_nothing(alice_client: Client, alice: User) -> None:
    checkin = services.check_in(alice, state="dorsal", when=timezone.now() - timedelta(minutes=5))
    earlier = (checkin.local_at - timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M")
    assert _keep(alice_client, str(checkin.uuid), when_exact=earlier).state_before == ""


def test_a_before_that_was_chosen_wins(alice_client: Client, alice: User) -> None:
    checkin = services.check_in(alice, state="dorsal", when=timezone.now() - timedelta(minutes=10))
    assert _keep(alice_client, str(checkin.uuid), state_before="ventral").state_before == "ventral"


def test_the_rule_is_the_glimmers_own_moment(alice: User, bob: User) -> None:
    checkin = services.check_in(alice, state="sympathetic", when=timezone.now() - timedelta(hours=3))
    at = checkin.at
    assert services.state_before_from(alice, checkin.uuid, at) == "sympathetic"
    assert services.state_before_from(alice, checkin.uuid, at + timedelta(minutes=30)) == "sympathetic"
    assert services.state_before_from(alice, checkin.uuid, at + timedelta(minutes=31)) == ""
    assert services.state_before_from(alice, checkin.uuid, at - timedelta(minutes=1)) == ""
    assert services.state_before_from(bob, checkin.uuid, at) == ""  # not bob's
    kept = journal.create_glimmer(
        alice, text="birdsong", when=at + timedelta(minutes=15), before_checkin=str(checkin.uuid)
    )
    assert kept.state_before == "sympathetic"  # a glimmer dated just after an older check-in: its own moment


def test_a_refused_capture_keeps_the_box_as_the_person_left_it(alice_client: Client, alice: User) -> None:
    services.check_in(alice, state="dorsal", when=timezone.now() - timedelta(minutes=10))
    page = alice_client.post("/glimmers/new/", {"text": ""}).content.decode()  # nothing to keep: the form comes back
    assert "aria-describedby" in _box(page) and "checked" not in _box(page)


def test_a_check_in_on_today_is_offered_at_once_with_htmx(alice_client: Client, alice: User) -> None:
    services.update_rung(alice, "sympathetic", name="wired")
    answer = alice_client.post("/ladder/checkins/new/", {"state": "sympathetic", "next": "/"}, **HTMX).content.decode()
    assert '<div id="capture-before" hx-swap-oob="innerHTML">' in answer and "before: wired — from your" in answer
    elsewhere = alice_client.post(
        "/ladder/checkins/new/", {"state": "sympathetic", "next": "/journal/"}, **HTMX
    ).content.decode()
    assert "capture-before" not in elsewhere
