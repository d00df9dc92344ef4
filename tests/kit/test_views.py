"""The kit in the browser without JavaScript, and with htmx: the button on every page, "I need a glimmer",
savouring and "how do you feel now?", the kit page, pinning, and the pin mark on journal cards."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.kit import services
from glimmers.kit.anchors import PAGE_SIZE
from glimmers.kit.models import Anchor, KitSettings, Savouring, Surfacing
from glimmers.states import services as states
from glimmers.states.models import CheckIn
from tests.helpers import keep

HTMX = {"HTTP_HX_REQUEST": "true"}


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return str(response.content.decode())


# --- on every page --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/journal/", "/settings/", "/ladder/", "/kit/", "/support/"])
def test_every_signed_in_page_has_i_need_a_glimmer(alice_client: Client, path: str) -> None:
    text = page(alice_client, path)
    assert '<a class="need-button" href="/kit/need/">' in text and "I need a glimmer</a>" in text
    assert 'href="/kit/"' in text  # and My kit in the menu


def test_signed_out_pages_have_no_button(client: Client, db: None) -> None:
    assert "need-button" not in client.get("/sign-in/").content.decode()


def test_low_energy_mode_marks_the_button_so_check_ins_need_no_typing(alice_client: Client, alice: User) -> None:
    assert "data-low-energy" not in page(alice_client, "/")
    services.update_settings(alice, low_energy=True)
    assert '<a class="need-button" href="/kit/need/" data-low-energy>' in page(alice_client, "/")


# --- "I need a glimmer" ----------------------------------------------------------------------------------


def test_the_need_page_asks_where_i_am_in_my_own_words(alice_client: Client, alice: User) -> None:
    states.update_rung(alice, "sympathetic", name="wired", colour="plum")
    text = page(alice_client, "/kit/need/")
    assert "Where are you?" in text and "(if you like)" in text
    assert 'class="rung-button rung-plum"' in text and "◆</span> wired</button>" in text
    assert 'name="state" value="" class="button">Just bring one' in text


def test_choosing_a_state_brings_one_back_on_its_own_page(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice, "warm bread from the oven", place="the bakery")
    response = alice_client.post("/kit/need/", {"state": "dorsal"})
    surfacing = Surfacing.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/kit/surfacings/{surfacing.uuid}/"
    assert (surfacing.glimmer, surfacing.state_before) == (glimmer, "dorsal")
    text = page(alice_client, response["Location"])
    assert "warm bread from the oven" in text and "at the bakery" in text
    assert f'href="/kit/savour/{glimmer.uuid}/?surfacing={surfacing.uuid}">Savour it' in text
    assert "This helped</button>" in text and "Not now</button>" in text and "Another one</button>" in text


def test_just_bring_one_needs_no_state(alice_client: Client, alice: User) -> None:
    keep(alice, "birdsong")
    assert alice_client.post("/kit/need/", {"state": ""}).status_code == 302
    assert Surfacing.objects.get().state_before == ""


def test_an_empty_journal_gets_ideas_not_an_error(alice_client: Client) -> None:
    response = alice_client.post("/kit/need/", {"state": "sympathetic"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Your journal is still empty" in text and "Ideas to try noticing" in text
    assert "ideas, not memories" in text and "Sun on your skin" in text and "A cool breeze" in text


def test_everything_marked_gets_a_kind_word(alice_client: Client, alice: User) -> None:
    for n in range(6):
        keep(alice, f"resting {n}", resurface=False)
    text = alice_client.post("/kit/need/", {"state": "dorsal"}).content.decode()
    assert "marked “don't bring this back”" in text and "Ideas to try" not in text
    assert "resting 1" not in text


def test_a_state_not_on_the_ladder_asks_again(alice_client: Client, alice: User) -> None:
    keep(alice, "birdsong")
    assert alice_client.post("/kit/need/", {"state": "joyful"}).status_code == 400
    assert not Surfacing.objects.exists()


def test_this_helped_and_not_now_are_one_tap_each(alice_client: Client, alice: User) -> None:
    keep(alice, "birdsong")
    alice_client.post("/kit/need/", {"state": "dorsal"})
    surfacing = Surfacing.objects.get()
    url = f"/kit/surfacings/{surfacing.uuid}/answer/"
    response = alice_client.post(url, {"helped": "1"})
    assert response.status_code == 302 and response["Location"] == f"/kit/surfacings/{surfacing.uuid}/"
    alice_client.post(url, {"helped": "1"})
    surfacing.refresh_from_db()
    assert surfacing.helped is True
    assert "Noted: this helped." in page(alice_client, f"/kit/surfacings/{surfacing.uuid}/")
    response = alice_client.post(url, {"helped": "0"}, **HTMX)  # type: ignore[arg-type]
    assert response.status_code == 200 and response.content.decode().strip() == "Noted: not now."
    surfacing.refresh_from_db()
    assert surfacing.helped is False


def test_another_one_brings_back_another_from_the_same_state(alice_client: Client, alice: User) -> None:
    keep(alice, "one")
    keep(alice, "two")
    alice_client.post("/kit/need/", {"state": "sympathetic"})
    alice_client.post("/kit/need/", {"state": "sympathetic"})
    first, second = Surfacing.objects.order_by("id")
    assert first.glimmer != second.glimmer and second.state_before == "sympathetic"


# --- savouring --------------------------------------------------------------------------------------------


def test_the_savour_page_has_the_words_invitations_a_timer_and_im_done(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice, "rain on the window", senses=["sound"], place="my room")
    services.update_settings(alice, savour_seconds=20)
    text = page(alice_client, f"/kit/savour/{glimmer.uuid}/")
    assert "rain on the window" in text
    assert "Remember where you were — my room." in text and "What could you hear" in text
    assert 'data-savour-seconds="20" hidden' in text  # the timer needs JavaScript; without it, only "I'm done"
    assert 'id="timer-status" class="timer-status" role="status"' in text
    assert "I'm done</button>" in text and 'name="seconds" value="20"' in text


def test_im_done_keeps_the_savouring_and_asks_how_i_feel(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    alice_client.post("/kit/need/", {"state": "dorsal"})
    surfacing = Surfacing.objects.get()
    text = page(alice_client, f"/kit/savour/{glimmer.uuid}/?surfacing={surfacing.uuid}")
    assert f'name="surfacing" value="{surfacing.uuid}"' in text
    response = alice_client.post(f"/kit/savour/{glimmer.uuid}/", {"seconds": "17", "surfacing": str(surfacing.uuid)})
    savouring = Savouring.objects.get()
    assert (savouring.seconds, savouring.surfacing) == (17, surfacing)
    assert response["Location"] == f"/kit/savourings/{savouring.uuid}/feel/"
    text = page(alice_client, response["Location"])
    assert "How do you feel now?" in text and text.count('name="state" value="') == 3
    assert text.count('name="chip" value="') == 3  # and the header's control, in its chips
    response = alice_client.post(response["Location"], {"state": "ventral"})
    assert response.status_code == 302 and response["Location"] == "/kit/"
    assert CheckIn.objects.get().state == "ventral"
    surfacing.refresh_from_db()
    assert surfacing.state_after == "ventral"
    assert "Noted: settled and connected" in page(alice_client, "/kit/")


def test_feel_without_a_state_asks_again_kindly(alice_client: Client, alice: User) -> None:
    savouring = services.savour(alice, keep(alice, "birdsong").uuid)
    response = alice_client.post(f"/kit/savourings/{savouring.uuid}/feel/", {})
    assert response.status_code == 400 and "Please choose where you are" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_glimmers_page_offers_savour_this_and_pin_to_my_kit(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    text = page(alice_client, f"/glimmers/{glimmer.uuid}/")
    assert f'href="/kit/savour/{glimmer.uuid}/">Savour this</a>' in text
    assert f'action="/kit/pin/{glimmer.uuid}/"' in text and "Pin to my kit</button>" in text
    response = alice_client.post(f"/kit/pin/{glimmer.uuid}/", {"action": "pin", "next": f"/glimmers/{glimmer.uuid}/"})
    assert response["Location"] == f"/glimmers/{glimmer.uuid}/"
    assert Anchor.objects.get().glimmer == glimmer
    assert "Take out of my kit</button>" in page(alice_client, f"/glimmers/{glimmer.uuid}/")
    alice_client.post(f"/kit/pin/{glimmer.uuid}/", {"action": "unpin"})
    assert not Anchor.objects.exists()


@pytest.mark.parametrize("kind", ["people", "places"])
def test_a_persons_or_places_page_offers_pin_to_my_kit(alice_client: Client, alice: User, kind: str) -> None:
    keep(alice, "a walk", people=["Sam"], place="the park")
    thing = names.get_name(alice, kind, "Sam" if kind == "people" else "the park")
    assert f'action="/kit/pin/{thing.uuid}/"' in page(alice_client, f"/{kind}/{thing.uuid}/")
    alice_client.post(f"/kit/pin/{thing.uuid}/", {"action": "pin", "note": "my favourite"})
    assert Anchor.objects.get().note == "my favourite"


def test_a_tags_page_offers_no_pin(alice_client: Client, alice: User) -> None:
    keep(alice, "a walk #outside")
    tag = names.get_name(alice, "tags", "outside")
    assert "/kit/pin/" not in page(alice_client, f"/tags/{tag.uuid}/")


def test_a_cues_page_offers_pin_to_my_kit(alice_client: Client, alice: User) -> None:
    cue = states.create_cue(alice, name="the dog")
    assert f'action="/kit/pin/{cue.uuid}/"' in page(alice_client, f"/ladder/cues/{cue.uuid}/")
    alice_client.post(f"/kit/pin/{cue.uuid}/", {"action": "pin"})
    assert Anchor.objects.get().cue == cue


def test_the_pin_page_takes_a_note_and_says_too_long_kindly(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    text = page(alice_client, f"/kit/pin/{glimmer.uuid}/")
    assert "Pin to my kit</button>" in text and 'name="note"' in text
    response = alice_client.post(f"/kit/pin/{glimmer.uuid}/", {"action": "pin", "note": "x" * 201})
    assert response.status_code == 200 and "200 characters at most" in response.content.decode()
    assert not Anchor.objects.exists()


def test_pinning_never_goes_to_another_site(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice, "birdsong")
    response = alice_client.post(f"/kit/pin/{glimmer.uuid}/", {"action": "pin", "next": "https://evil.example/"})
    assert response["Location"] == "/kit/"


# --- the pin mark on journal cards -------------------------------------------------------------------------------


def test_a_pinned_glimmers_card_says_in_my_kit(alice_client: Client, alice: User) -> None:
    pinned, other = keep(alice, "pinned one"), keep(alice, "other one")
    services.pin(alice, "glimmer", pinned.uuid)
    for path in ("/", "/journal/"):
        text = page(alice_client, path)
        cards = re.findall(r'<li class="glimmer-card">.*?</li>', text, re.S)
        marked = [card for card in cards if "in my kit" in card]
        assert len(cards) == 2 and len(marked) == 1 and "pinned one" in marked[0], path
    assert other.text not in "".join(marked)


# --- the kit page -------------------------------------------------------------------------------------------


def test_the_kit_page_lists_anchors_in_order_with_notes(alice_client: Client, alice: User) -> None:
    one, two = keep(alice, "one"), keep(alice, "two")
    services.pin(alice, "glimmer", one.uuid, note="first note")
    services.pin(alice, "glimmer", two.uuid)
    text = page(alice_client, "/kit/")
    assert text.index(">one</a>") < text.index(">two</a>") and "first note" in text
    assert text.count('value="up"') == 1 and text.count('value="down"') == 1  # none past the ends
    anchor = Anchor.objects.get(glimmer=two)
    response = alice_client.post(f"/kit/anchors/{anchor.uuid}/move/", {"direction": "up"})
    assert response["Location"] == f"/kit/#anchor-{anchor.uuid}"
    text = page(alice_client, "/kit/")
    assert text.index(">two</a>") < text.index(">one</a>")


def test_a_note_is_written_on_its_own_page(alice_client: Client, alice: User) -> None:
    services.pin(alice, "glimmer", keep(alice, "birdsong").uuid)
    anchor = Anchor.objects.get()
    assert 'name="note"' in page(alice_client, f"/kit/anchors/{anchor.uuid}/")
    alice_client.post(f"/kit/anchors/{anchor.uuid}/", {"note": "spring"})
    anchor.refresh_from_db()
    assert anchor.note == "spring"
    alice_client.post(f"/kit/anchors/{anchor.uuid}/unpin/", {})
    assert not Anchor.objects.exists()


def test_resting_pins_are_counted_not_shown(alice_client: Client, alice: User) -> None:
    keep(alice, "with Gran", people=["Gran"])
    services.pin(alice, "person", "Gran")
    names.update_name(alice, "people", "Gran", resurface=False)
    text = page(alice_client, "/kit/")
    assert ">Gran</a>" not in text and "1 pin is resting" in text


def test_the_kit_page_shows_what_helped_as_my_own_observation(alice_client: Client, alice: User) -> None:
    states.update_rung(alice, "sympathetic", name="wired")
    glimmer = keep(alice, "the dog's head on my knee")
    for _ in range(3):
        Surfacing.objects.create(owner=alice, glimmer=glimmer, state_before="sympathetic", helped=True)
    text = page(alice_client, "/kit/")
    assert "From “wired”, these helped you most often" in text
    assert "helped 3 of the 3 times" in text and "Not a promise" in text


def test_starter_ideas_show_while_the_journal_is_young(alice_client: Client, alice: User) -> None:
    assert "Ideas to try noticing" in page(alice_client, "/kit/")
    for n in range(5):
        keep(alice, f"g{n}")
    assert "Ideas to try noticing" not in page(alice_client, "/kit/")


def test_the_low_energy_switch_is_one_tap(alice_client: Client, alice: User) -> None:
    assert "It is off." in page(alice_client, "/kit/")
    response = alice_client.post("/kit/low-energy/", {"low_energy": "1"})
    assert response["Location"] == "/kit/"
    assert KitSettings.objects.get(owner=alice).low_energy
    text = page(alice_client, "/kit/")
    assert '<div class="kit low-energy">' in text and "It is on." in text
    assert 'name="savour_seconds"' not in text  # nothing to type on a heavy day
    alice_client.post("/kit/low-energy/", {"low_energy": "0"})
    assert not KitSettings.objects.get(owner=alice).low_energy


def test_low_energy_pages_have_very_few_words(alice_client: Client, alice: User) -> None:
    glimmer = keep(alice, "birdsong", senses=["sound"])
    services.update_settings(alice, low_energy=True)
    assert "<legend>Where are you?</legend>" in page(alice_client, "/kit/need/")
    text = page(alice_client, f"/kit/savour/{glimmer.uuid}/")
    assert "What could you hear" not in text and "I'm done</button>" in text
    assert 'id="id_note"' not in page(alice_client, f"/kit/pin/{glimmer.uuid}/")


def test_the_savour_length_setting_takes_ten_to_sixty(alice_client: Client, alice: User) -> None:
    response = alice_client.post("/kit/savour-length/", {"savour_seconds": "30"})
    assert response.status_code == 302
    assert KitSettings.objects.get(owner=alice).savour_seconds == 30
    response = alice_client.post("/kit/savour-length/", {"savour_seconds": "90"})
    assert response.status_code == 200
    assert "Savouring can last from 10 to 60 seconds" in response.content.decode()
    assert KitSettings.objects.get(owner=alice).savour_seconds == 30


def test_more_anchors_come_a_page_at_a_time(alice_client: Client, alice: User) -> None:
    for n in range(PAGE_SIZE + 2):
        Anchor.objects.create(owner=alice, kind="glimmer", glimmer=keep(alice, f"g{n}"), position=n + 1)
    text = page(alice_client, "/kit/")
    more = re.search(r'href="\?cursor=([^"]+)"', text)
    assert more and text.count('class="card anchor"') == PAGE_SIZE
    rest = alice_client.get(f"/kit/?cursor={more.group(1)}", **HTMX).content.decode()  # type: ignore[arg-type]
    assert rest.count('class="card anchor"') == 2 and "<h1>" not in rest
    assert alice_client.get("/kit/?cursor=nonsense").status_code == 302


# --- a fixed number of queries per page -------------------------------------------------------------------


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return len(captured)


def _grow(user: User, count: int) -> dict[str, str]:
    made = [keep(user, f"g {n}", people=[f"P{n % 4}"], place=f"Place {n % 3}", glow=n % 5 + 1) for n in range(count)]
    for glimmer in made:
        services.pin(user, "glimmer", glimmer.uuid, note="note")
        for state in ("dorsal", "sympathetic", "ventral"):
            Surfacing.objects.create(
                owner=user, glimmer=glimmer, state_before=state, helped=True, at=timezone.now() - timedelta(days=2)
            )
    services.pin(user, "person", "P1")
    services.pin(user, "place", "Place 2")
    surfacing = Surfacing.objects.filter(owner=user, glimmer=made[0]).first()
    assert surfacing is not None
    savouring = services.savour(user, made[0].uuid, surfacing_id=surfacing.uuid)
    return {
        "glimmer": str(made[0].uuid),
        "surfacing": str(surfacing.uuid),
        "savouring": str(savouring.uuid),
        "anchor": str(Anchor.objects.filter(owner=user).first().uuid),  # type: ignore[union-attr]
    }


@pytest.mark.parametrize(
    "path",
    [
        "/kit/",
        "/kit/need/",
        "/kit/surfacings/{surfacing}/",
        "/kit/savour/{glimmer}/?surfacing={surfacing}",
        "/kit/savourings/{savouring}/feel/",
        "/kit/pin/{glimmer}/",
        "/kit/anchors/{anchor}/",
        "/",
        "/journal/",
    ],
)
def test_kit_pages_ask_the_same_number_of_questions_however_much_there_is(
    alice_client: Client, alice: User, path: str
) -> None:
    samples = _grow(alice, 3)
    few = _queries(alice_client, path.format(**samples))
    _grow(alice, 30)
    many = _queries(alice_client, path.format(**samples))
    assert few == many, f"{path}: {few} then {many}"
