"""Issue 11, item 4: every place that names a state uses the person's own words from their ladder, else the
plain "settled and connected", "on edge", "far away"; the method's terms (ventral, sympathetic, dorsal) and
the old labels ("Mobilised", "Shut down") are shown nowhere but on the ladder's help page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from typer.testing import CliRunner

from glimmers.accounts.models import User
from glimmers.cli import app
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer
from glimmers.states import services as states
from tests.e2e.test_accessibility import PAGES, SIGNED_OUT
from tests.test_query_budgets import _grow

OWN = {"ventral": "calm and here", "sympathetic": "wired", "dorsal": "fog"}
PLAIN = {"ventral": "settled and connected", "sympathetic": "on edge", "dorsal": "far away"}
METHOD = re.compile(r"sympathetic|dorsal|ventral|Mobilised|Shut down|Safe and connected", re.IGNORECASE)
HELP_PAGE = "states:ladder_about"


class _Shown(HTMLParser):
    """What a person sees or hears of a page: its text, and the attributes read out or shown."""

    SPOKEN = ("aria-label", "title", "alt", "placeholder", "aria-description")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts.extend(value or "" for name, value in attrs if name in self.SPOKEN)
        if tag == "input" and dict(attrs).get("type") in ("submit", "button"):
            self.parts.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def shown(html: str) -> str:
    parser = _Shown()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _write_ladder(user: User) -> None:
    for state, name in OWN.items():
        states.update_rung(user, state, name=name)


def _kept(user: User) -> Glimmer:
    return journal.create_glimmer(user, text="the kettle singing", state_before="dorsal", state_after="ventral")


def _options(html: str, name: str) -> list[str]:
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return [shown(option) for option in re.findall(r"<option[^>]*>[^<]*</option>", select)][1:]


# --- the person's words, else the plain ones, in each place -------------------------------------------------


@pytest.mark.parametrize("written", [True, False], ids=["own words", "plain words"])
def test_each_web_page_names_states_in_the_persons_words(alice_client: Client, alice: User, written: bool) -> None:
    if written:
        _write_ladder(alice)
    words = OWN if written else PLAIN
    top_to_bottom = [words["ventral"], words["sympathetic"], words["dorsal"]]
    glimmer = _kept(alice)

    today = alice_client.get("/").content.decode()
    assert _options(today, "state_before") == top_to_bottom and _options(today, "state_after") == top_to_bottom
    edit = alice_client.get(f"/glimmers/{glimmer.uuid}/edit/").content.decode()
    assert _options(edit, "state_before") == top_to_bottom
    journal_page = alice_client.get("/journal/", {"state_before": "dorsal"}).content.decode()
    assert _options(journal_page, "state_before") == top_to_bottom and _options(journal_page, "state_after")
    assert f"{words['dorsal']} before" in shown(journal_page)  # the summary of what the journal shows
    detail = shown(alice_client.get(f"/glimmers/{glimmer.uuid}/").content.decode())
    assert f"Before {words['dorsal']} After {words['ventral']}" in detail


@pytest.mark.parametrize("written", [True, False], ids=["own words", "plain words"])
def test_the_command_line_names_states_in_the_persons_words(alice: User, written: bool) -> None:
    if written:
        _write_ladder(alice)
    words = OWN if written else PLAIN
    glimmer = _kept(alice)
    shown_ = CliRunner().invoke(app, ["show", str(glimmer.uuid)])
    assert shown_.exit_code == 0, shown_.output
    assert f"{words['dorsal']} → {words['ventral']}" in shown_.output
    assert not METHOD.search(shown_.output.replace(str(glimmer.uuid), ""))
    ladder = CliRunner().invoke(app, ["ladder", "show"])
    assert words["sympathetic"] in ladder.output and not METHOD.search(ladder.output)


def test_the_command_line_takes_the_persons_words_for_a_state(alice: User) -> None:
    _write_ladder(alice)
    added = CliRunner().invoke(app, ["add", "birdsong", "--before", "Fog", "--after", "calm and here"])
    assert added.exit_code == 0, added.output
    kept = Glimmer.objects.get(text="birdsong")
    assert (kept.state_before, kept.state_after) == ("dorsal", "ventral")
    edited = CliRunner().invoke(app, ["edit", str(kept.uuid), "--before", "wired"])
    assert edited.exit_code == 0, edited.output
    found = CliRunner().invoke(app, ["list", "--before", "WIRED"])
    assert "birdsong" in found.output
    assert CliRunner().invoke(app, ["add", "dusk", "--before", "sympathetic"]).exit_code == 0  # the data's words too


# --- the method's terms: only on the ladder's help page ----------------------------------------------------


@pytest.mark.parametrize("written", [True, False], ids=["own words", "plain words"])
def test_a_walk_through_every_page_never_shows_the_methods_terms(
    alice_client: Client, alice: User, written: bool
) -> None:
    samples = _grow(alice, 10, today=3, seed=1)
    if written:
        _write_ladder(alice)
    Glimmer.objects.filter(owner=alice).update(state_before="dorsal", state_after="ventral")
    said = {}
    for name, path in PAGES.items():
        if not path or name in SIGNED_OUT or name == HELP_PAGE:
            continue
        response = alice_client.get(path.format(**samples))
        assert response.status_code == 200, name
        found = METHOD.findall(shown(response.content.decode()))
        if found:
            said[name] = sorted(set(found))
    for step in ("sympathetic", "dorsal", "ventral"):  # each step of writing the map
        found = METHOD.findall(shown(alice_client.get("/ladder/edit/", {"step": step}).content.decode()))
        if found:
            said[f"ladder step {step}"] = sorted(set(found))
    assert not said, f"the method's terms or old labels shown on: {said}"


def test_the_help_page_explains_the_methods_words_as_a_map(alice_client: Client, alice: User) -> None:
    _write_ladder(alice)
    text = shown(alice_client.get("/ladder/about/").content.decode())
    assert "“ventral”" in text and "“sympathetic”" in text and "“dorsal”" in text
    assert "its language for a personal map — not a fact about your body" in text
    assert "fog" in text and "far away" in text  # their name, and the plain one it replaced
    assert "About the ladder and its words" in shown(alice_client.get("/ladder/").content.decode())


@pytest.mark.parametrize("path", ["/", "/journal/", "/glimmers/{glimmer}/", "/glimmers/{glimmer}/edit/"])
def test_the_words_cost_one_query_a_page(alice_client: Client, alice: User, path: str) -> None:
    """The forms, the glimmer's page and the check-in control share one reading of the ladder."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _write_ladder(alice)
    glimmer = _kept(alice)
    with CaptureQueriesContext(connection) as captured:
        assert alice_client.get(path.format(glimmer=glimmer.uuid)).status_code == 200
    assert sum("states_laddermap" in query["sql"] for query in captured.captured_queries) == 1


def test_an_unknown_state_on_the_command_line_names_the_persons_words(alice: User) -> None:
    _write_ladder(alice)
    refused = CliRunner().invoke(app, ["add", "birdsong", "--before", "grumpy"])
    assert refused.exit_code == 1 and not Glimmer.objects.exists()
    assert "“grumpy” isn't a state on your ladder. Say one of: “calm and here”, “wired”, “fog”." in refused.output
