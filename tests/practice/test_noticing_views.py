"""The noticing practice on the web: choose, practise (the steps as plain HTML), record, keep up to three
glimmers and check in; low-energy mode; own prompts."""

from __future__ import annotations

from django.test import Client

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.practice import services
from glimmers.practice.models import NoticingSession, Prompt


def test_choosing_then_practising_shows_one_step_per_sense_with_its_prompt(alice: User, alice_client: Client) -> None:
    page = alice_client.get("/practice/noticing/").content.decode()
    assert "Start noticing" in page and 'name="senses"' in page
    page = alice_client.get("/practice/noticing/", {"minutes": "2", "senses": ["sound", "sight"], "pacer": "on"})
    html = page.content.decode()
    assert html.count('class="card noticing-step"') == 2
    assert html.index(">Sight<") < html.index(">Sound<")
    assert 'data-seconds="60"' in html and "data-pacer" in html
    assert 'role="status" aria-live="polite"' in html and "practice/noticing.js" in html


def test_a_length_out_of_range_is_refused_kindly_on_the_form(alice: User, alice_client: Client) -> None:
    html = alice_client.get("/practice/noticing/", {"minutes": "9"}).content.decode()
    assert "noticing-step" not in html and "errors" in html


def test_im_done_records_the_session_then_asks_did_anything_glimmer(alice: User, alice_client: Client) -> None:
    response = alice_client.post("/practice/noticing/done/", {"minutes": "3", "senses": ["sound"], "seconds": "70"})
    session = NoticingSession.objects.get()
    assert response["Location"] == f"/practice/sessions/{session.uuid}/"
    assert (session.seconds, session.senses) == (70, ["sound"])
    page = alice_client.get(response["Location"]).content.decode()
    assert "Did anything glimmer?" in page and 'value="sound" checked' in page
    for text in ("a blackbird", "the kettle", "rain"):
        alice_client.post(f"/practice/sessions/{session.uuid}/keep/", {"text": text, "sense": "sound"})
    page = alice_client.get(response["Location"]).content.decode()
    assert "rain" in page and "What glimmered?" not in page  # three kept: no more asked
    refused = alice_client.post(f"/practice/sessions/{session.uuid}/keep/", {"text": "a fourth", "sense": "sound"})
    assert refused.status_code == 400 and "up to 3 glimmers" in refused.content.decode()
    alice_client.post(f"/practice/sessions/{session.uuid}/checkin/", {"state": "ventral"})
    session.refresh_from_db()
    assert session.checkin is not None
    page = alice_client.get("/practice/").content.decode()
    assert "Recent noticing" in page
    assert "<title>Practice · Glimmers</title>" in page  # the list is in the page, never in its title


def test_an_empty_glimmer_is_refused_and_what_was_typed_is_kept(alice: User, alice_client: Client) -> None:
    session = services.record_session(alice, minutes=1, senses="sight")
    refused = alice_client.post(f"/practice/sessions/{session.uuid}/keep/", {"text": "   ", "sense": "sight"})
    assert refused.status_code == 400 and "Please write" in refused.content.decode()


def test_low_energy_mode_is_one_sense_one_minute_and_no_typing(alice: User, alice_client: Client) -> None:
    accounts.set_low_energy(alice, True)
    page = alice_client.get("/practice/noticing/").content.decode()
    assert "One sense, one minute" in page and 'name="senses"' not in page
    html = alice_client.get("/practice/noticing/", {"minutes": "1"}).content.decode()
    assert html.count('class="card noticing-step"') == 1 and 'data-seconds="60"' in html
    session = services.record_session(alice, minutes=1, senses="sight", low=True)
    page = alice_client.get(f"/practice/sessions/{session.uuid}/").content.decode()
    assert "<textarea" not in page and "rung-button" in page


def test_own_prompts_are_added_edited_and_hidden(alice: User, alice_client: Client) -> None:
    alice_client.post("/practice/prompts/", {"sense": "touch", "text": "The cat's fur"})
    prompt = Prompt.objects.get()
    alice_client.post(f"/practice/prompts/{prompt.uuid}/", {"sense": "touch", "text": "The warm mug"})
    alice_client.post(f"/practice/prompts/{prompt.uuid}/hide/", {"hidden": "1"})
    prompt.refresh_from_db()
    assert (prompt.text, prompt.hidden) == ("The warm mug", True)
    assert "hidden" in alice_client.get("/practice/prompts/").content.decode()
    refused = alice_client.post("/practice/prompts/", {"sense": "touch", "text": "  "})
    assert refused.status_code == 200 and "Write a few words" in refused.content.decode()


def test_bob_gets_404_for_alices_session_and_prompt(alice: User, bob_client: Client) -> None:
    session = services.record_session(alice, minutes=1, senses="sight")
    prompt = services.add_prompt(alice, sense="sight", text="Look at the birch")
    for method, url in (
        ("get", f"/practice/sessions/{session.uuid}/"),
        ("post", f"/practice/sessions/{session.uuid}/keep/"),
        ("post", f"/practice/sessions/{session.uuid}/checkin/"),
        ("get", f"/practice/prompts/{prompt.uuid}/"),
        ("post", f"/practice/prompts/{prompt.uuid}/hide/"),
    ):
        assert getattr(bob_client, method)(url).status_code == 404
    assert "Look at the birch" not in bob_client.get("/practice/prompts/").content.decode()
