"""Query budgets: every page and every API list asks the database the same number of questions
with 10 glimmers as with 1,000 (and with 3 glimmers today as with 23). A page that starts asking
per row (an N+1) fails here, naming the page and both counts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.generate import generate
from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.kit import services as kit
from glimmers.practice import services as practice
from glimmers.states import services as states
from tests.e2e.test_accessibility import PAGES, SIGNED_OUT
from tests.test_access import API_PUBLIC, _api_operations


def count_queries(client: Client, path: str, **headers: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    return len(captured)


def _grow(user: User, count: int, today: int, *, seed: int) -> dict[str, str]:
    """Add `count` generated glimmers over the years and `today` glimmers now, one of them binned; and on the
    ladder, as many check-ins and hard moments (turned on) today, and a cue with today's glimmers."""
    generate(user, count, seed=seed)
    made = [journal.create_glimmer(user, text=f"today {n} #now", people=["Sam"], place="Home") for n in range(today)]
    journal.delete_glimmer(user, made[-1].uuid)
    states.set_hard_moments(user, True)
    cue = states.cue_called(user, "the dog")
    for n, glimmer in enumerate(made[:-1]):
        states.link_glimmer(user, cue.uuid, glimmer.uuid)
        states.check_in(user, state=("ventral", "sympathetic", "dorsal")[n % 3], note=f"check-in {n}")
        states.add_hard_moment(user, text=f"hard moment {n}", cue=f"cue {n}")
    people_places_tags = {
        one: str(names.get_name(user, kind, name).uuid)
        for kind, one, name in (("people", "person", "Sam"), ("places", "place", "Home"), ("tags", "tag", "now"))
    }
    return {
        "glimmer": str(made[0].uuid),
        "binned": str(made[-1].uuid),
        "cue": str(cue.uuid),
        **people_places_tags,
        **_grow_kit(user, made[0]),
        **_grow_practice(user, made[:-1]),
    }


def _grow_kit(user: User, glimmer: Any) -> dict[str, str]:
    """In the kit: a glimmer and a person pinned, a glimmer brought back from a state, and savoured."""
    anchor, _new = kit.pin(user, "glimmer", glimmer.uuid, note="warm")
    kit.pin(user, "person", "Sam")
    surfacing = kit.need(user, state="dorsal").surfacing
    assert surfacing is not None
    savouring = kit.savour(user, glimmer.uuid)
    return {"anchor": str(anchor.uuid), "surfacing": str(surfacing.uuid), "savouring": str(savouring.uuid)}


def _grow_practice(user: User, glimmers: list[Any]) -> dict[str, str]:
    """As many daily rituals as glimmers today, each done today with its glimmer linked; an intention; as many
    noticing sessions (each with a glimmer kept) and prompts of the person's own."""
    practice.set_intention(user, "notice 3 glimmers")
    occasions = []
    for n, glimmer in enumerate(glimmers):
        ritual = practice.create_ritual(user, name=f"ritual {n}", schedule="FREQ=DAILY", time_of_day="07:30")
        occasions.append(practice.mark_done(user, ritual.uuid, note=f"note {n}").occasion)
        practice.link_glimmer(user, occasions[-1].uuid, glimmer.uuid)
    first = practice.rituals_of(user).first()
    assert first is not None
    for n, _glimmer in enumerate(glimmers):
        session = practice.record_session(user, minutes=3, senses=None)
        practice.keep_from_session(user, session.uuid, text=f"kept {n}", sense="sound")
        practice.add_prompt(user, sense="sight", text=f"prompt {n}")
    prompt = practice.prompts_of(user).first()
    assert prompt is not None
    return {
        "ritual": str(first.uuid),
        "occasion": str(occasions[0].uuid),
        "session": str(session.uuid),
        "prompt": str(prompt.uuid),
    }


def _signed_in_pages() -> list[str]:
    return [name for name, path in PAGES.items() if path and name not in SIGNED_OUT]


@pytest.mark.parametrize("name", _signed_in_pages())
def test_each_page_asks_the_same_number_of_questions_as_the_journal_grows(
    alice_client: Client, alice: User, name: str
) -> None:
    path = PAGES[name]
    assert path is not None
    samples = _grow(alice, 10, today=3, seed=1)
    small = count_queries(alice_client, path.format(**samples))
    _grow(alice, 990, today=20, seed=2)
    large = count_queries(alice_client, path.format(**samples))
    assert large == small, f"{name}: {small} queries with 10 glimmers, {large} with 1,000"


# GET operations that answer one whole thing rather than a page of a list, and where their budget is checked.
NOT_LISTS = {"GET /api/export": "the whole journal, read in batches of 1,000: tests/portability/test_api_and_views.py"}


def _api_lists() -> list[str]:
    return sorted(
        key
        for key in _api_operations()
        if key.startswith("GET ") and "{" not in key and key not in API_PUBLIC and key not in NOT_LISTS
    )


@pytest.mark.parametrize("key", _api_lists())
def test_each_api_list_asks_the_same_number_of_questions_as_the_journal_grows(
    client: Client, alice: User, key: str
) -> None:
    _token, plain = accounts.create_token(alice, read_only=True)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {plain}"}
    path = key.split(" ", 1)[1]
    _grow(alice, 10, today=3, seed=1)
    client.get(path, **bearer)  # the first use of a token records it (once a minute); count what follows
    small = count_queries(client, path, **bearer)
    _grow(alice, 990, today=20, seed=2)
    large = count_queries(client, path, **bearer)
    assert large == small, f"{key}: {small} queries with 10 glimmers, {large} with 1,000"
    json.loads(client.get(path, **bearer).content)  # and it still answers JSON


# The htmx capture: the session, who is asking and their ladder; the names found (a savepoint around
# them all); the glimmer and its links written; then the fresh box with today's glimmers, the check-in
# offered as "before", the kit's pin marks and the practice's intention for today (one query: its count of
# glimmers so far comes from the list already read). What was just written is never read back (it was, four
# queries more: the links before adding them, and the glimmer with its names after).
CAPTURE_BUDGET = 17


def test_the_htmx_capture_asks_no_more_than_it_must(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    journal.create_glimmer(alice, text="warm tea", people=["Sam"], place="Home", tags=["now"])
    alice_client.get("/")  # the session is made and the ladder's first read is done
    post = {"text": "sun on my face #now", "people": "Sam", "place": "Home", "senses": ["sight"], "resurface": "on"}
    with django_assert_num_queries(CAPTURE_BUDGET):
        response = alice_client.post("/glimmers/new/", post, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "sun on my face" in response.content.decode()
    (kept,) = [glimmer for glimmer in journal.todays_glimmers(alice) if glimmer.text.startswith("sun")]
    assert (kept.people_names, kept.place and kept.place.name, kept.tag_names) == (["Sam"], "Home", ["now"])


def test_today_asks_the_same_with_or_without_glimmers_on_this_day(alice_client: Client, alice: User) -> None:
    """On this day is one bounded query (`local_date IN (…)` on the glimmer_day index), its names read with
    today's glimmers' in one query: Today asks the same whether it shows none, one or three from before."""
    journal.create_glimmer(alice, text="today's sun", people=["Sam"])
    none_before = count_queries(alice_client, "/")
    now = journal.todays_glimmers(alice)[0].local_noticed_at
    year_ago = now.replace(day=28) if (now.month, now.day) == (2, 29) else now
    journal.create_glimmer(alice, text="a year ago", when=year_ago.replace(year=now.year - 1), people=["Sam"])
    one_before = count_queries(alice_client, "/")
    for years in range(2, 40):
        journal.create_glimmer(alice, text=f"{years} years ago", when=year_ago.replace(year=now.year - years))
    many_before = count_queries(alice_client, "/")
    assert none_before == one_before == many_before
    assert "a year ago" in alice_client.get("/").content.decode()
