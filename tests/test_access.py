"""The access matrix: every web route and every API operation is listed here as public or owner-only,
and each owner-only one is checked for anonymous, owner, another user and (API) a read-only token.

A route or operation missing from the tables fails `test_every_route_is_in_the_table` with a message
saying how to add it; docs/testing.md explains the tables.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal import services as journal
from glimmers.kit import services as kit
from glimmers.practice import reminders
from glimmers.practice import services as practice
from glimmers.states import services as states

MARKER = "MARKER-7f3a"


@dataclass(frozen=True)
class Route:
    """How to reach a web route: its access, the methods it answers, and which of alice's things its
    URL names (`sample`: a key of the `things` fixture) with the form data an owner would send."""

    access: str  # "public", "owner", or "secret" (public, but only at an address derived from a secret)
    methods: tuple[str, ...] = ("get",)
    sample: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


WEB: dict[str, Route] = {
    "healthz": Route("public"),
    "support": Route("public"),
    "accounts:sign_in": Route("public", ("get", "post")),
    "accounts:first_run": Route("public", ("get", "post"), sample="first_run_token"),
    "accounts:sign_out": Route("owner", ("post",)),
    "accounts:settings": Route("owner", ("get", "post"), data={"time_zone": "Europe/Paris"}),
    "accounts:password": Route("owner", ("get", "post")),
    "accounts:token_create": Route("owner", ("post",), data={"name": "script"}),
    "accounts:token_revoke": Route("owner", ("post",), sample="token"),
    "journal:today": Route("owner"),
    "journal:capture": Route("owner", ("post",), data={"text": "a new one"}),
    "journal:timeline": Route("owner"),
    "journal:from_before": Route("owner"),
    "journal:detail": Route("owner", sample="glimmer"),
    "journal:edit": Route("owner", ("get", "post"), sample="glimmer", data={"text": "changed"}),
    "journal:delete": Route("owner", ("post",), sample="glimmer"),
    "journal:bin": Route("owner"),
    "journal:restore": Route("owner", ("post",), sample="binned"),
    "journal:erase": Route("owner", ("get", "post"), sample="binned"),
    # A merge names the one to keep by name, in lower case: found ignoring case, and a page that echoes its
    # own address (the check-in's "next") then shows bob no marker he sent himself.
    "journal:people": Route("owner"),
    "journal:person": Route("owner", sample="person"),
    "journal:person_edit": Route("owner", ("get", "post"), sample="person", data={"name": "renamed", "note": ""}),
    "journal:person_merge": Route(
        "owner", ("get", "post"), sample="person", data={"into": f"{MARKER.lower()} other person"}
    ),
    "journal:person_add": Route("owner", ("post",), data={"name": "someone new"}),
    "journal:person_archive": Route("owner", ("post",), sample="person", data={"archived": "1"}),
    "journal:person_resurface": Route("owner", ("post",), sample="person", data={"resurface": "0"}),
    "journal:suggest_people": Route("owner"),
    "journal:places": Route("owner"),
    "journal:place": Route("owner", sample="place"),
    "journal:place_edit": Route("owner", ("get", "post"), sample="place", data={"name": "renamed", "note": ""}),
    "journal:place_merge": Route(
        "owner", ("get", "post"), sample="place", data={"into": f"{MARKER.lower()} other place"}
    ),
    "journal:place_add": Route("owner", ("post",), data={"name": "someone new"}),
    "journal:place_archive": Route("owner", ("post",), sample="place", data={"archived": "1"}),
    "journal:place_resurface": Route("owner", ("post",), sample="place", data={"resurface": "0"}),
    "journal:suggest_places": Route("owner"),
    "journal:tags": Route("owner"),
    "journal:tag": Route("owner", sample="tag"),
    "journal:tag_edit": Route("owner", ("get", "post"), sample="tag", data={"name": "renamed", "note": ""}),
    "journal:tag_merge": Route("owner", ("get", "post"), sample="tag", data={"into": f"{MARKER.lower()} other tag"}),
    "journal:tag_resurface": Route("owner", ("post",), sample="tag", data={"resurface": "0"}),
    "journal:suggest_tags": Route("owner"),
    "states:ladder": Route("owner"),
    "states:ladder_about": Route("owner"),
    "states:ladder_story": Route("owner", ("get", "post"), data={"state": "dorsal", "what": "a grey day"}),
    "states:ladder_words": Route("owner", ("get", "post"), data={"step": "dorsal", "words": "foggy", "save": ""}),
    "states:ladder_edit": Route("owner", ("get", "post"), data={"step": "dorsal", "save": "", "name": "fog"}),
    "states:checkin": Route("owner", ("post",), data={"state": "ventral", "note": "from the header"}),
    "states:checkin_delete": Route("owner", ("post",), sample="checkin"),
    "states:day": Route("owner"),
    "states:hard_moments": Route("owner", ("get", "post"), data={"text": "a loud room"}),
    "states:hard_moment_delete": Route("owner", ("post",), sample="hard_moment"),
    "states:cues": Route("owner", ("get", "post"), data={"name": "a new cue"}),
    "states:cue": Route("owner", sample="cue"),
    "states:cue_edit": Route("owner", ("get", "post"), sample="cue", data={"name": "renamed"}),
    "states:cue_delete": Route("owner", ("post",), sample="cue"),
    "states:cue_link": Route("owner", ("post",), sample="cue", data={"glimmer": "0" * 32}),
    "states:cue_unlink": Route("owner", ("post",), sample="cue", data={"glimmer": "0" * 32}),
    "states:balance": Route("owner"),
    "states:settings": Route("owner", ("post",), data={"hard_moments": "on"}),
    "kit:index": Route("owner"),
    "kit:low_energy": Route("owner", ("post",), data={"low_energy": "1"}),
    "kit:savour_length": Route("owner", ("post",), data={"savour_seconds": "20"}),
    "kit:anchor": Route("owner", ("get", "post"), sample="anchor", data={"note": "changed"}),
    "kit:anchor_move": Route("owner", ("post",), sample="anchor", data={"direction": "down"}),
    "kit:anchor_unpin": Route("owner", ("post",), sample="anchor"),
    "kit:pin": Route("owner", ("get", "post"), sample="glimmer", data={"action": "pin", "note": "a note"}),
    "kit:need": Route("owner", ("get", "post"), data={"state": "dorsal"}),
    "kit:surfacing": Route("owner", sample="surfacing"),
    "kit:surfacing_answer": Route("owner", ("post",), sample="surfacing", data={"helped": "1"}),
    "kit:savour": Route("owner", ("get", "post"), sample="glimmer", data={"seconds": "15"}),
    "kit:feel": Route("owner", ("get", "post"), sample="savouring", data={"state": "ventral"}),
    "practice:index": Route("owner"),
    "practice:intention": Route("owner", ("post",), data={"text": "notice 3 glimmers", "scope": "today"}),
    "practice:ritual_add": Route("owner", ("get", "post"), data={"name": "Tea", "schedule": "daily"}),
    "practice:ritual": Route("owner", sample="ritual"),
    "practice:ritual_edit": Route(
        "owner", ("get", "post"), sample="ritual", data={"name": "renamed", "schedule": "every", "every": "2"}
    ),
    "practice:ritual_retire": Route("owner", ("post",), sample="ritual", data={"retire": "1"}),
    "practice:ritual_delete": Route("owner", ("get", "post"), sample="ritual"),
    "practice:ritual_done": Route("owner", ("post",), sample="ritual", data={"next": "/"}),
    "practice:occasion_answer": Route("owner", ("post",), sample="occasion", data={"glimmered": "no"}),
    "practice:occasion_glimmer": Route("owner", ("get", "post"), sample="occasion", data={"text": "a glimmer"}),
    "practice:noticing": Route("owner"),
    "practice:noticing_done": Route("owner", ("post",), data={"minutes": "3", "senses": ["sound"], "seconds": "90"}),
    "practice:session": Route("owner", sample="session"),
    "practice:session_keep": Route(
        "owner", ("post",), sample="session", data={"text": "a blackbird", "sense": "sound"}
    ),
    "practice:session_checkin": Route("owner", ("post",), sample="session", data={"state": "ventral"}),
    "practice:prompts": Route("owner", ("get", "post"), data={"sense": "sight", "text": "Look up"}),
    "practice:prompt_edit": Route("owner", ("get", "post"), sample="prompt", data={"sense": "sight", "text": "Look"}),
    "practice:prompt_hide": Route("owner", ("post",), sample="prompt", data={"hidden": "1"}),
    "practice:feed": Route("owner", ("post",), data={"action": "save", "noticing_at": "12:00", "evening": "on"}),
    "feeds:feed": Route("secret", sample="feed_secret"),  # the calendar feed: test_secret_routes_answer_only_…
    "portability:data": Route("owner"),
    "portability:export": Route("owner", data={"format": "json"}),  # every format: tests/portability
    "portability:erase": Route("owner", ("get", "post")),  # without the password: the account stays
}

# API operations by "METHOD /path" as the OpenAPI document names them.
API_PUBLIC = {"GET /api/openapi.json", "GET /api/docs"}
API_BODIES: dict[str, dict[str, Any]] = {
    "POST /api/glimmers": {"text": "from a script"},
    "PATCH /api/glimmers/{id}": {"text": "changed"},
    "PATCH /api/me": {"time_zone": "Europe/Paris"},
    "PATCH /api/people/{id}": {"name": "renamed", "note": "a note"},
    "POST /api/people/{id}/merge": {"into": "{other_person}"},
    "POST /api/people": {"name": "someone new"},
    "PATCH /api/places/{id}": {"name": "renamed", "note": "a note"},
    "POST /api/places/{id}/merge": {"into": "{other_place}"},
    "POST /api/places": {"name": "someone new"},
    "PATCH /api/tags/{id}": {"name": "renamed", "note": "a note"},
    "POST /api/tags/{id}/merge": {"into": "{other_tag}"},
    "POST /api/checkins": {"state": "sympathetic", "note": "from a script"},
    "PUT /api/ladder": {"dorsal": {"name": "fog", "colour": "slate"}},
    "PATCH /api/ladder/settings": {"hard_moments": True},
    "PATCH /api/ladder/words": {"sympathetic": ["buzzing"]},
    "PATCH /api/ladder/stories": {"ventral": {"what": "the lake at dawn"}},
    "POST /api/hard-moments": {"text": "a loud room", "cue": "noise"},
    "POST /api/cues": {"name": "a new cue"},
    "PATCH /api/cues/{id}": {"name": "renamed"},
    "POST /api/cues/{id}/glimmers": {"glimmer": "{glimmer}"},  # {name}: one of alice's things, by its id
    "POST /api/kit/anchors": {"kind": "glimmer", "id": "{glimmer}", "note": "a note"},
    "PATCH /api/kit/anchors/{id}": {"note": "changed"},
    "POST /api/kit/need": {"state": "sympathetic"},
    "PATCH /api/kit/surfacings/{id}": {"helped": True},
    "POST /api/kit/savourings": {"glimmer": "{glimmer}", "seconds": 15},
    "PATCH /api/kit/settings": {"savour_seconds": 20},
    "POST /api/rituals": {"name": "Tea", "schedule": "FREQ=WEEKLY;BYDAY=MO,TH", "time_of_day": "07:30"},
    "PATCH /api/rituals/{id}": {"name": "renamed", "retired": True},
    "POST /api/rituals/{id}/occasions": {"note": "a second cup", "glimmered": True},
    "PATCH /api/occasions/{id}": {"glimmered": False},
    "PUT /api/intention": {"text": "look up at the sky", "just_today": True},
    "POST /api/practice/sessions": {"minutes": 2, "senses": ["sound", "sight"], "seconds": 90},
    "POST /api/practice/sessions/{id}/glimmers": {"text": "a blackbird", "sense": "sound"},
    "POST /api/practice/prompts": {"sense": "touch", "text": "The warm mug"},
    "PATCH /api/practice/prompts/{id}": {"text": "changed", "hidden": True},
    "PATCH /api/feed": {"on": True, "noticing_at": "12:15", "evening": True, "past_glimmer": False},
}
# Which of alice's things an API path names, by its beginning (the rest name a glimmer).
API_SAMPLES: dict[str, tuple[str, ...]] = {
    "/api/bin/": ("binned",),
    "/api/checkins/": ("checkin",),
    "/api/hard-moments/": ("hard_moment",),
    "/api/cues/": ("cue", "glimmer"),
    "/api/people/": ("person",),
    "/api/places/": ("place",),
    "/api/tags/": ("tag",),
    "/api/kit/anchors/": ("anchor",),
    "/api/kit/surfacings/": ("surfacing",),
    "/api/rituals/": ("ritual",),
    "/api/occasions/": ("occasion",),
    "/api/practice/sessions/": ("session",),
    "/api/practice/prompts/": ("prompt",),
}


def _text(response: Any) -> str:
    """The whole body, streamed (an export) or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return str(response.content.decode())


def _web_routes() -> dict[str, str]:
    """name -> route for every named web pattern (the API's own routes are checked through OpenAPI)."""
    found: dict[str, str] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if route.startswith("api/"):
                    continue
                space = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, route, space)
            elif isinstance(pattern, URLPattern):
                assert pattern.name, f"The route {route!r} has no name: name it and add it to WEB in {__file__}"
                found[namespace + pattern.name] = route

    walk(get_resolver().url_patterns, "", "")
    return found


def _api_operations() -> dict[str, dict[str, Any]]:
    from glimmers.api import api

    schema = api.get_openapi_schema()
    operations: dict[str, dict[str, Any]] = {}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations[f"{method.upper()} {re.sub(r'{[^}]+}', '{id}', path)}"] = operation
    return operations


def test_every_route_is_in_the_table() -> None:
    routes = _web_routes()
    missing = sorted(set(routes) - set(WEB))
    assert not missing, (
        f"New web routes {missing}: add each to WEB in tests/test_access.py as Route('public') "
        "(only for pages DESIGN §5 lists as public), Route('secret', sample=…) (public by a secret address "
        "only) or Route('owner', methods, sample=…)."
    )
    stale = sorted(set(WEB) - set(routes))
    assert not stale, f"WEB lists routes that no longer exist: {stale}"


# --- the things alice owns, each carrying the marker in every field ------------------------------------


@pytest.fixture
def things(alice: User, bob: User) -> dict[str, str]:
    fields = {
        "text": f"{MARKER} text",
        "why": f"{MARKER} why",
        "people": [f"{MARKER} person"],
        "place": f"{MARKER} place",
        "tags": [f"{MARKER}-tag"],
    }
    glimmer = journal.create_glimmer(alice, **fields)  # type: ignore[arg-type]
    binned = journal.create_glimmer(alice, **fields)  # type: ignore[arg-type]
    journal.delete_glimmer(alice, binned.uuid)
    # A year ago to the day (or the day before, from a 29 February): what "on this day" and "a glimmer from
    # before" bring back to alice, and never to bob.
    now = timezone.localtime(timezone.now(), ZoneInfo(alice.time_zone))
    this_day = now.replace(day=28) if (now.month, now.day) == (2, 29) else now
    journal.create_glimmer(alice, when=this_day.replace(year=now.year - 1), **fields)  # type: ignore[arg-type]
    token, _plain = accounts.create_token(alice, name=f"{MARKER} token")
    states.set_hard_moments(alice, True)
    states.set_words(alice, {"dorsal": [f"{MARKER} foggy"]})  # her own words: never another's chips
    states.set_stories(alice, {"ventral": {"what": f"{MARKER} text", "body": f"{MARKER} body"}})
    checkin = states.check_in(alice, word=f"{MARKER} foggy", note=f"{MARKER} note")
    cue = states.create_cue(alice, name=f"{MARKER} cue", note=f"{MARKER} note")
    states.link_glimmer(alice, cue.uuid, glimmer.uuid)
    hard_moment = states.add_hard_moment(alice, text=f"{MARKER} text", cue=cue.name)
    named = {
        one: names.get_name(alice, kind, f"{MARKER} {one}" if kind != "tags" else f"{MARKER}-tag")
        for kind, one in (("people", "person"), ("places", "place"), ("tags", "tag"))
    }
    others = {
        one: names.add_name(alice, kind, f"{MARKER} other {one}", note=f"{MARKER} note")
        for kind, one in (("people", "person"), ("places", "place"), ("tags", "tag"))
    }
    return {
        "glimmer": str(glimmer.uuid),
        "binned": str(binned.uuid),
        "token": token.key_id,
        "checkin": str(checkin.uuid),
        "cue": str(cue.uuid),
        "hard_moment": str(hard_moment.uuid),
        **_kit_things(alice, glimmer),
        **_practice_things(alice, glimmer),
        **{one: str(thing.uuid) for one, thing in named.items()},
        **{f"other_{one}": str(thing.uuid) for one, thing in others.items()},
    }


def _kit_things(alice: User, glimmer: Any) -> dict[str, str]:
    """In alice's kit: the glimmer pinned (with a marked note), brought back once, and savoured."""
    anchor, _new = kit.pin(alice, "glimmer", glimmer.uuid, note=f"{MARKER} note")
    surfacing = kit.need(alice, state="dorsal").surfacing
    assert surfacing is not None
    savouring = kit.savour(alice, glimmer.uuid, surfacing_id=surfacing.uuid)
    return {"anchor": str(anchor.uuid), "surfacing": str(surfacing.uuid), "savouring": str(savouring.uuid)}


def _practice_things(alice: User, glimmer: Any) -> dict[str, str]:
    """A ritual of alice's done today with a marked note, its glimmer linked; her marked intention; a noticing
    session with a glimmer kept; and a prompt of her own."""
    ritual = practice.create_ritual(alice, name=f"{MARKER} ritual", about=f"{MARKER} about", schedule="FREQ=DAILY")
    occasion = practice.mark_done(alice, ritual.uuid, note=f"{MARKER} note").occasion
    practice.link_glimmer(alice, occasion.uuid, glimmer.uuid)
    practice.set_intention(alice, f"{MARKER} intention")
    session = practice.record_session(alice, minutes=3, senses="sound")
    practice.keep_from_session(alice, session.uuid, text=f"{MARKER} kept", sense="sound")
    prompt = practice.add_prompt(alice, sense="sight", text=f"{MARKER} prompt")
    practice.create_ritual(alice, name=f"{MARKER} timed", about=MARKER, schedule="FREQ=DAILY", time_of_day="07:30")
    reminders.turn_feed_on(alice)
    reminders.set_feed_options(alice, noticing_at="12:00", evening=True, past_glimmer=True)
    feed = reminders.feed_path(alice)
    assert feed is not None
    return {
        "feed_secret": feed.removeprefix("/feeds/").removesuffix(".ics"),
        "ritual": str(ritual.uuid),
        "occasion": str(occasion.uuid),
        "session": str(session.uuid),
        "prompt": str(prompt.uuid),
    }


def _url(route: str, sample: str | None, things: dict[str, str]) -> str:
    if sample == "first_run_token":
        return "/" + re.sub(r"<[^>]+>", "not-a-live-token", route)
    if sample:
        return "/" + re.sub(r"<[^>]+>", things[sample], route)
    return "/" + route


def _owner_cases() -> list[tuple[str, str]]:
    return [(name, method) for name, spec in WEB.items() if spec.access == "owner" for method in spec.methods]


@pytest.mark.parametrize(("name", "method"), _owner_cases())
def test_owner_routes_send_strangers_to_sign_in(client: Client, things: dict[str, str], name: str, method: str) -> None:
    spec = WEB[name]
    url = _url(_web_routes()[name], spec.sample, things)
    response = getattr(client, method)(url, spec.data)
    assert response.status_code == 302, url
    assert response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize(("name", "method"), _owner_cases())
def test_owner_routes_serve_their_owner(alice_client: Client, things: dict[str, str], name: str, method: str) -> None:
    spec = WEB[name]
    url = _url(_web_routes()[name], spec.sample, things)
    response = getattr(alice_client, method)(url, spec.data)
    assert response.status_code in (200, 302), f"{method.upper()} {url}: {response.status_code}"


@pytest.mark.parametrize(("name", "method"), _owner_cases())
def test_other_people_get_404_and_not_one_byte(
    bob_client: Client, things: dict[str, str], name: str, method: str
) -> None:
    spec = WEB[name]
    url = _url(_web_routes()[name], spec.sample, things)
    response = getattr(bob_client, method)(url, spec.data)
    if spec.sample:
        assert response.status_code == 404, f"{method.upper()} {url}: {response.status_code}"
    else:
        assert response.status_code < 500
    assert MARKER not in _text(response), f"{method.upper()} {url} showed alice's data to bob"


@pytest.mark.parametrize("name", [name for name, spec in WEB.items() if spec.access == "public"])
def test_public_routes_answer_anyone(client: Client, things: dict[str, str], name: str) -> None:
    spec = WEB[name]
    response = client.get(_url(_web_routes()[name], spec.sample, things))
    assert response.status_code in (200, 410)
    assert MARKER not in _text(response)


@pytest.mark.parametrize("name", [name for name, spec in WEB.items() if spec.access == "secret"])
def test_secret_routes_answer_only_their_secret(
    client: Client, bob_client: Client, alice: User, things: dict[str, str], name: str
) -> None:
    """Anyone holding the address is served (a calendar app is not signed in); one character off, bob signed
    in, or the address after alice made a new one: 404, without a byte of hers."""
    spec = WEB[name]
    route = _web_routes()[name]
    right = _url(route, spec.sample, things)
    served = client.get(right)
    assert served.status_code == 200 and MARKER in _text(served)  # her timed ritual: it is her calendar
    secret = things[spec.sample or ""]
    wrong = right.replace(secret, secret[:-1] + ("1" if secret.endswith("0") else "0"))
    for response in (client.get(wrong), bob_client.get(wrong)):
        assert response.status_code == 404 and MARKER not in _text(response)
    reminders.rotate_feed(alice)
    old = client.get(right)
    assert old.status_code == 404 and MARKER not in _text(old)


# --- the API --------------------------------------------------------------------------------------------


def test_every_api_operation_is_in_the_table() -> None:
    for key, operation in _api_operations().items():
        if key in API_PUBLIC:
            continue
        declared = {str(code) for code in operation.get("responses", {})}
        assert {"400", "401", "403", "404", "413", "414", "422"} <= declared, (
            f"{key} must declare 400/401/403/404/413/414/422 (**ERRORS from glimmers.lib.apierrors)"
        )
        if key.split()[0] in ("POST", "PATCH", "PUT") and "requestBody" in operation:
            assert key in API_BODIES, f"{key} takes a body: add a valid one to API_BODIES in tests/test_access.py"


def _api_url(key: str, things: dict[str, str]) -> str:
    path = key.split(" ", 1)[1]
    samples = next((names for start, names in API_SAMPLES.items() if path.startswith(start)), ("glimmer",))
    for sample in samples:
        path = path.replace("{id}", things[sample], 1)
    return path


def _call(client: Client, key: str, url: str, token: str | None = None, things: dict[str, str] | None = None) -> Any:
    method = key.split()[0].lower()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    body = API_BODIES.get(key)
    if body is None:
        return getattr(client, method)(url, **headers)
    data = re.sub(r"\{(\w+)\}", lambda found: (things or {}).get(found.group(1), found.group(0)), json.dumps(body))
    return getattr(client, method)(url, data, "application/json", **headers)


def _api_keys() -> list[str]:
    return sorted(set(_api_operations()) - API_PUBLIC)


@pytest.mark.parametrize("key", _api_keys())
def test_api_operations_need_someone(client: Client, things: dict[str, str], key: str) -> None:
    assert _call(client, key, _api_url(key, things), things=things).status_code == 401


@pytest.mark.parametrize("key", _api_keys())
def test_api_operations_serve_their_owner(client: Client, alice: User, things: dict[str, str], key: str) -> None:
    _token, plain = accounts.create_token(alice)
    response = _call(client, key, _api_url(key, things), plain, things)
    assert 200 <= response.status_code < 300, f"{key}: {response.status_code} {response.content[:200]!r}"


@pytest.mark.parametrize("key", _api_keys())
def test_api_gives_other_people_404_and_not_one_byte(
    client: Client, bob: User, things: dict[str, str], key: str
) -> None:
    _token, plain = accounts.create_token(bob)
    response = _call(client, key, _api_url(key, things), plain, things)
    if "{id}" in key:
        assert response.status_code == 404, f"{key}: {response.status_code}"
    else:
        assert response.status_code < 500
    assert MARKER not in _text(response)


@pytest.mark.parametrize("key", _api_keys())
def test_read_only_tokens_read_but_never_write(client: Client, alice: User, things: dict[str, str], key: str) -> None:
    _token, plain = accounts.create_token(alice, read_only=True)
    response = _call(client, key, _api_url(key, things), plain, things)
    if key.startswith("GET "):
        assert response.status_code == 200
    else:
        assert response.status_code == 403, f"{key}: {response.status_code}"
