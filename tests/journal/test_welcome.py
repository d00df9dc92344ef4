"""A new person's Today: what a glimmer is, three ideas to start from (the kit's, through a hook), then a
pointer to the ladder once a few are kept; all of it gone after the first glimmers."""

from __future__ import annotations

import ast
from pathlib import Path

from django.test import Client

from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.kit.ideas import IDEAS
from glimmers.states import services as states

HTMX = {"HTTP_HX_REQUEST": "true"}


def _keep(user: User, count: int) -> None:
    for n in range(count):
        services.create_glimmer(user, text=f"a small good thing {n}")


def test_a_new_person_is_welcomed_with_three_ideas_that_start_the_box(alice_client: Client) -> None:
    page = alice_client.get("/").content.decode()
    assert "Welcome to Glimmers" in page
    assert "A glimmer is a small moment" in page
    assert "These are ideas, not your glimmers" in page
    assert page.count('class="idea-start"') == 3
    for idea in IDEAS[:3]:
        assert f'data-idea="{idea.text}"' in page
    assert "/?text=Sun%20on%20your%20skin#id_text" in page
    assert "nerv" not in page.lower() and "vagus" not in page.lower()


def test_an_idea_link_starts_the_capture_box_without_javascript(alice_client: Client) -> None:
    page = alice_client.get("/", {"text": "Sun on your skin"}).content.decode()
    box = page[page.index('<textarea name="text"') :]
    assert box[: box.index("</textarea>")].endswith("Sun on your skin")
    assert "<b>" not in alice_client.get("/", {"text": "<b>bold</b>"}).content.decode().split("<textarea")[1][:200]


def test_the_welcome_stays_for_the_first_two_and_goes_with_the_third(alice_client: Client, alice: User) -> None:
    _keep(alice, 2)
    assert "Welcome to Glimmers" in alice_client.get("/").content.decode()
    # keeping the third from the box (htmx) takes the welcome away at once
    answer = alice_client.post("/glimmers/new/", {"text": "the third"}, **HTMX).content.decode()
    assert "Welcome to Glimmers" not in answer
    assert "Welcome to Glimmers" not in alice_client.get("/").content.decode()


def test_binned_glimmers_dont_count_towards_the_first_ones(alice: User) -> None:
    _keep(alice, 3)
    services.delete_glimmer(alice, services.glimmers_of(alice).first().uuid)  # type: ignore[union-attr]
    welcome = services.welcome_for(alice)
    assert welcome is not None and welcome.new


def test_after_a_few_glimmers_today_points_to_the_ladder_until_it_is_written(alice_client: Client, alice: User) -> None:
    _keep(alice, 3)
    page = alice_client.get("/").content.decode()
    assert "You have a few glimmers now" in page
    assert 'href="/ladder/"' in page
    states.update_rung(alice, "ventral", name="calm and here")
    assert "You have a few glimmers now" not in alice_client.get("/").content.decode()


def test_after_the_first_glimmers_today_is_just_today(alice_client: Client, alice: User) -> None:
    _keep(alice, services.FIRST_STEPS_UNTIL)
    page = alice_client.get("/").content.decode()
    assert "Welcome to Glimmers" not in page and "You have a few glimmers now" not in page
    assert services.welcome_for(alice) is None


def test_the_journal_never_imports_the_kit_or_the_ladder_for_its_welcome() -> None:
    journal = Path(services.__file__).parent
    for module in journal.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("glimmers.kit", "glimmers.states")), module
    for template in journal.rglob("*.html"):
        assert "load kit" not in template.read_text() and "load states" not in template.read_text(), template
