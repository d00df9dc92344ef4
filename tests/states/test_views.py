"""My ladder in the browser without JavaScript, and with htmx: the check-in control, the map, the day,
hard moments, cues and the balance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.states import services
from glimmers.states.models import CheckIn, Cue, Trigger

HTMX = {"HTTP_HX_REQUEST": "true"}


# --- the check-in control on every page -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/journal/", "/settings/", "/ladder/", "/ladder/cues/", "/support/"])
def test_every_signed_in_page_has_the_check_in_control(alice_client: Client, path: str) -> None:
    text = alice_client.get(path).content.decode()
    assert '<details class="checkin" id="checkin"' in text
    assert text.count('name="chip" value="') == 3  # no words of one's own yet: one chip a state, by its name


def test_the_control_speaks_in_my_own_names_and_colours(alice_client: Client, alice: User) -> None:
    services.update_rung(alice, "dorsal", name="fog", colour="indigo")
    text = alice_client.get("/").content.decode()
    assert 'class="rung-button rung-indigo"' in text and "■</span> fog</button>" in text
    assert "settled and connected" in text  # unwritten rungs keep their plain defaults


def test_signed_out_pages_have_no_control(client: Client, db: None) -> None:
    assert 'id="checkin"' not in client.get("/sign-in/").content.decode()


def test_a_check_in_without_javascript_goes_back_to_the_page(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        "/ladder/checkins/new/", {"state": "sympathetic", "note": "deadline", "next": "/journal/"}
    )
    assert response.status_code == 302 and response["Location"] == "/journal/"
    checkin = CheckIn.objects.get()
    assert (checkin.owner, checkin.state, checkin.note) == (alice, "sympathetic", "deadline")
    assert "Noted: on edge" in alice_client.get("/journal/").content.decode()


def test_a_check_in_never_goes_to_another_site(alice_client: Client) -> None:
    response = alice_client.post("/ladder/checkins/new/", {"state": "ventral", "next": "https://evil.example/"})
    assert response["Location"] == "/ladder/day/"


def test_a_check_in_with_htmx_answers_with_the_control_and_a_quiet_word(alice_client: Client) -> None:
    response = alice_client.post("/ladder/checkins/new/", {"state": "dorsal", "next": "/"}, **HTMX)
    text = response.content.decode()
    assert text.lstrip().startswith("{#") is False and '<details class="checkin" id="checkin"' in text
    assert 'hx-swap-oob="innerHTML">Noted: far away' in text
    assert "<html" not in text


def test_every_state_gets_the_same_quiet_reply_and_nothing_else(alice_client: Client) -> None:
    """Care: a sympathetic or dorsal check-in sets off no prompt or message beyond the always-present Support link."""
    replies = []
    for state, name in (
        ("ventral", "settled and connected"),
        ("sympathetic", "on edge"),
        ("dorsal", "far away"),
    ):
        text = alice_client.post("/ladder/checkins/new/", {"state": state}, **HTMX).content.decode()
        replies.append(text.replace(name, "NAME").replace(state, "STATE"))
        page = alice_client.get("/").content.decode()
        assert page.count("Support and crisis help") == 1
    assert replies[0].split('id="checkin-status"')[1][:40] == replies[2].split('id="checkin-status"')[1][:40]


def test_a_refused_check_in_keeps_the_note(alice_client: Client) -> None:
    text = alice_client.post("/ladder/checkins/new/", {"state": "ventral", "note": "x" * 501}, **HTMX).content.decode()
    assert "500 is the most" in text and 'value="' + "x" * 501 in text and " open" in text
    assert not CheckIn.objects.exists()


# --- the map ----------------------------------------------------------------------------------------------


def test_the_map_is_written_sympathetic_then_dorsal_then_ventral(alice_client: Client, alice: User) -> None:
    page = alice_client.get("/ladder/").content.decode()
    assert "Write my ladder" in page and "?step=sympathetic" in page
    step = alice_client.get("/ladder/edit/").content.decode()
    assert "Step 1 of 3" in step and "on edge" in step
    response = alice_client.post(
        "/ladder/edit/", {"step": "sympathetic", "save": "", "name": "wired", "colour": "sand"}
    )
    assert response["Location"] == "/ladder/edit/?step=dorsal"
    assert (
        alice_client.post("/ladder/edit/", {"step": "dorsal", "skip": ""})["Location"] == "/ladder/edit/?step=ventral"
    )
    response = alice_client.post(
        "/ladder/edit/", {"step": "ventral", "save": "", "name": "calm and here", "helps": "tea"}
    )
    assert response["Location"] == "/ladder/"
    ladder = services.ladder_for(alice)
    assert [r.name for r in ladder.top_to_bottom] == ["calm and here", "wired", "far away"]
    page = alice_client.get("/ladder/").content.decode()
    assert "Write my ladder" not in page and "What helps me climb" in page and "tea" in page


def test_a_refused_step_keeps_what_was_typed_and_saves_nothing(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        "/ladder/edit/", {"step": "dorsal", "save": "", "name": "x" * 41, "body": "heavy limbs", "colour": "sage"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "40 characters at most" in text and "heavy limbs" in text
    assert not services.ladder_for(alice).started


def test_an_unknown_step_starts_at_the_beginning(alice_client: Client) -> None:
    assert alice_client.get("/ladder/edit/?step=joy")["Location"] == "/ladder/edit/?step=sympathetic"


def test_the_ladder_prints_without_the_page_around_it(alice_client: Client) -> None:
    assert "data-print hidden" in alice_client.get("/ladder/").content.decode()
    from pathlib import Path

    import glimmers

    css = (Path(glimmers.__file__).parent / "static/glimmers/app.css").read_text()
    assert "@media print" in css and ".site-header, .site-footer" in css.split("@media print")[1]


# --- the day ----------------------------------------------------------------------------------------------


def test_the_day_shows_check_ins_and_glimmers_in_order(alice_client: Client, alice: User) -> None:
    now = timezone.now()
    services.check_in(alice, state="dorsal", note="slow start", when=now - timedelta(minutes=30))
    journal.create_glimmer(
        alice, text="warm bread", when=now - timedelta(minutes=20), state_before="dorsal", state_after="ventral"
    )
    services.check_in(alice, state="ventral", when=now - timedelta(minutes=10))
    text = alice_client.get("/ladder/day/").content.decode()
    first, second, third = text.index("slow start"), text.index("warm bread"), text.index("■</span>")
    assert third < first < second < text.rindex("settled and connected")
    assert "before: far away" in text


def test_the_day_shows_each_time_on_the_clock_where_it_happened(alice_client: Client, alice: User) -> None:
    tokyo = datetime(2026, 7, 1, 8, 5, tzinfo=ZoneInfo("Asia/Tokyo"))
    services.check_in(alice, state="ventral", when=tokyo, time_zone="Asia/Tokyo")
    journal.create_glimmer(alice, text="cherry blossom", when=tokyo, time_zone="Asia/Tokyo")
    text = alice_client.get("/ladder/day/?date=2026-07-01").content.decode()
    assert text.count(">08:05</time>") == 2 and "(Asia/Tokyo)" in text
    before = f", {timezone.now().astimezone(ZoneInfo('Europe/London')):%H:%M}."
    answer = alice_client.post("/ladder/checkins/new/", {"state": "dorsal"}, **HTMX).content.decode()
    after = f", {timezone.now().astimezone(ZoneInfo('Europe/London')):%H:%M}."
    assert before in answer or after in answer  # London's clock, even in summer


def test_another_day_and_a_bad_date(alice_client: Client) -> None:
    assert "Nothing was kept on this day" in alice_client.get("/ladder/day/?date=2020-02-29").content.decode()
    for odd in ("someday", "0001-01-01", "9999-12-31"):
        assert alice_client.get(f"/ladder/day/?date={odd}")["Location"] == "/ladder/day/"


def test_a_check_in_can_be_removed_from_its_day(alice_client: Client, alice: User) -> None:
    checkin = services.check_in(alice, state="sympathetic")
    response = alice_client.post(f"/ladder/checkins/{checkin.uuid}/delete/")
    assert response["Location"] == f"/ladder/day/?date={checkin.local_date.isoformat()}"
    assert not CheckIn.objects.exists()


# --- hard moments and the setting ------------------------------------------------------------------------


def test_hard_moments_are_off_and_say_where_to_turn_them_on(alice_client: Client) -> None:
    page = alice_client.get("/ladder/hard-moments/").content.decode()
    assert "Hard moments are turned off" in page and "/settings/" in page
    assert 'href="/ladder/hard-moments/"' not in alice_client.get("/ladder/").content.decode()
    alice_client.post("/ladder/hard-moments/", {"text": "a loud room"})
    assert not Trigger.objects.exists()


def test_settings_turns_hard_moments_on_and_off_deleting_nothing(alice_client: Client, alice: User) -> None:
    settings = alice_client.get("/settings/").content.decode()
    assert "Keep notes of hard moments" in settings and "checked" not in settings.split("id_hard_moments")[1][:20]
    assert alice_client.post("/ladder/settings/", {"hard_moments": "on"})["Location"].startswith("/settings/")
    assert services.hard_moments_on(alice)
    response = alice_client.post(
        "/ladder/hard-moments/", {"text": "a loud room", "state": "sympathetic", "cue": "noise"}
    )
    assert response["Location"] == "/ladder/hard-moments/"
    page = alice_client.get("/ladder/hard-moments/").content.decode()
    assert "a loud room" in page and "noise" in page
    alice_client.post("/ladder/settings/", {})
    assert not services.hard_moments_on(alice)
    assert "a loud room" not in alice_client.get("/ladder/hard-moments/").content.decode()
    assert "noise" in alice_client.get("/ladder/cues/").content.decode()  # the cue stays; its hard moments hide
    assert (
        "hard moment" not in alice_client.get("/ladder/cues/").content.decode().split("<h1>")[1].split("A new cue")[0]
    )
    assert Trigger.objects.count() == 1


def test_hard_moments_never_show_on_today(alice_client: Client, alice: User) -> None:
    services.set_hard_moments(alice, True)
    services.add_hard_moment(alice, text="HARD-MARKER")
    assert "HARD-MARKER" not in alice_client.get("/").content.decode()


# --- cues -------------------------------------------------------------------------------------------------


def test_a_cue_shows_not_enough_yet_until_three_moves_up(alice_client: Client, alice: User) -> None:
    alice_client.post("/ladder/cues/", {"name": "the dog"})
    cue = Cue.objects.get()
    for n in range(3):
        glimmer = journal.create_glimmer(alice, text=f"walk {n}", state_before="sympathetic", state_after="ventral")
        assert "Not enough yet" in alice_client.get(f"/ladder/cues/{cue.uuid}/").content.decode()
        assert alice_client.post(f"/ladder/cues/{cue.uuid}/link/", {"glimmer": str(glimmer.uuid)}).status_code == 302
    page = alice_client.get(f"/ladder/cues/{cue.uuid}/").content.decode()
    assert "This helps me" in page and "3 of the 3 glimmers" in page
    assert "This helps me" in alice_client.get("/ladder/cues/").content.decode()


def test_moves_down_show_only_when_asked(alice_client: Client, alice: User) -> None:
    cue = services.create_cue(alice, name="the news")
    glimmer = journal.create_glimmer(alice, text="a headline", state_before="ventral", state_after="dorsal")
    services.link_glimmer(alice, cue.uuid, glimmer.uuid)
    assert "moved down" not in alice_client.get(f"/ladder/cues/{cue.uuid}/").content.decode()
    assert "moved down" in alice_client.get(f"/ladder/cues/{cue.uuid}/?moves=down").content.decode()


def test_a_glimmer_can_be_unlinked_and_a_cue_renamed_and_removed(alice_client: Client, alice: User) -> None:
    cue = services.create_cue(alice, name="rain")
    glimmer = journal.create_glimmer(alice, text="drops on the glass")
    services.link_glimmer(alice, cue.uuid, glimmer.uuid)
    alice_client.post(f"/ladder/cues/{cue.uuid}/unlink/", {"glimmer": str(glimmer.uuid)})
    assert not cue.glimmers.exists()
    assert alice_client.post(f"/ladder/cues/{cue.uuid}/edit/", {"name": "rain on the window"}).status_code == 302
    assert Cue.objects.get().name == "rain on the window"
    assert alice_client.post(f"/ladder/cues/{cue.uuid}/delete/")["Location"] == "/ladder/cues/"
    assert not Cue.objects.exists() and journal.get_glimmer(alice, glimmer.uuid)


def test_a_duplicate_cue_name_is_answered_beside_the_field(alice_client: Client, alice: User) -> None:
    services.create_cue(alice, name="the dog")
    text = alice_client.post("/ladder/cues/", {"name": "The Dog"}).content.decode()
    assert "You already have a cue called" in text and Cue.objects.count() == 1


# --- the balance ------------------------------------------------------------------------------------------


def test_the_balance_draws_bars_with_a_table_and_no_score(alice_client: Client, alice: User) -> None:
    services.set_hard_moments(alice, True)
    journal.create_glimmer(alice, text="sun")
    services.add_hard_moment(alice, text="noise")
    services.check_in(alice, state="ventral")
    text = alice_client.get("/ladder/balance/").content.decode()
    assert "<table" in text and '<th scope="col">Hard moments</th>' in text and "<svg" in text
    assert 'aria-hidden="true"' in text.split("<svg")[1]
    assert "settled and connected: 100%" in text
    for word in ("score", "red", "streak", "missed"):
        assert word not in text.split("<main")[1].lower().replace("no score", "")


def test_an_empty_balance_says_so_gently(alice_client: Client) -> None:
    assert "Nothing kept in these weeks yet" in alice_client.get("/ladder/balance/").content.decode()


# --- who may see what -------------------------------------------------------------------------------------


@pytest.fixture
def alices(alice: User) -> dict[str, str]:
    services.set_hard_moments(alice, True)
    glimmer = journal.create_glimmer(alice, text="MARKER glimmer", state_before="dorsal", state_after="ventral")
    cue = services.create_cue(alice, name="MARKER cue", note="MARKER note")
    services.link_glimmer(alice, cue.uuid, glimmer.uuid)
    return {
        "checkin": str(services.check_in(alice, state="ventral", note="MARKER note").uuid),
        "cue": str(cue.uuid),
        "moment": str(services.add_hard_moment(alice, text="MARKER moment", cue="MARKER cue").uuid),
        "glimmer": str(glimmer.uuid),
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/ladder/checkins/{checkin}/delete/"),
        ("post", "/ladder/hard-moments/{moment}/delete/"),
        ("get", "/ladder/cues/{cue}/"),
        ("get", "/ladder/cues/{cue}/edit/"),
        ("post", "/ladder/cues/{cue}/edit/"),
        ("post", "/ladder/cues/{cue}/delete/"),
        ("post", "/ladder/cues/{cue}/link/"),
        ("post", "/ladder/cues/{cue}/unlink/"),
    ],
)
def test_bob_gets_404_for_alices_things(
    bob_client: Client, bob: User, alices: dict[str, str], method: str, path: str
) -> None:
    services.set_hard_moments(bob, True)
    response = getattr(bob_client, method)(
        path.format(**alices), {"name": "bob was here", "glimmer": alices["glimmer"]}
    )
    assert response.status_code == 404
    assert "MARKER" not in response.content.decode()
    assert CheckIn.objects.count() == Trigger.objects.count() == Cue.objects.count() == 1
    assert Cue.objects.get().name == "MARKER cue" and Cue.objects.get().glimmers.count() == 1


def test_bob_cannot_link_alices_glimmer_to_his_cue(bob_client: Client, bob: User, alices: dict[str, str]) -> None:
    mine = services.create_cue(bob, name="mine")
    bob_client.post(f"/ladder/cues/{mine.uuid}/link/", {"glimmer": alices["glimmer"]})
    assert not mine.glimmers.exists()


def test_bob_sees_none_of_alices_things_in_lists(bob_client: Client, bob: User, alices: dict[str, str]) -> None:
    services.set_hard_moments(bob, True)
    for path in ("/ladder/", "/ladder/day/", "/ladder/cues/", "/ladder/hard-moments/", "/ladder/balance/", "/"):
        assert "MARKER" not in bob_client.get(path).content.decode(), path


# --- a fixed number of queries per page -------------------------------------------------------------------


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ladder/",
        "/ladder/edit/",
        "/ladder/day/",
        "/ladder/hard-moments/",
        "/ladder/cues/",
        "/ladder/balance/",
        "CUE",
    ],
)
def test_pages_make_the_same_number_of_queries_whatever_there_is(alice_client: Client, alice: User, path: str) -> None:
    services.set_hard_moments(alice, True)
    services.update_rung(alice, "dorsal", name="fog")
    cue = services.create_cue(alice, name="the dog")
    if path == "CUE":
        path = f"/ladder/cues/{cue.uuid}/"

    def add(count: int, make: Callable[[int], None]) -> None:
        for index in range(count):
            make(index)

    def one(index: int) -> None:
        glimmer = journal.create_glimmer(
            alice, text=f"g{index}", people=[f"P{index % 3}"], tags=["t"], state_before="dorsal", state_after="ventral"
        )
        services.link_glimmer(alice, cue.uuid, glimmer.uuid)
        services.check_in(alice, state=("ventral", "dorsal")[index % 2], note=f"n{index}")
        services.add_hard_moment(alice, text=f"h{index}", cue=f"cue {index}")

    add(2, one)
    small = _queries(alice_client, path)
    add(12, one)
    assert _queries(alice_client, path) == small
