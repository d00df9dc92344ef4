"""The JSON API for glimmers and the bin: a thin adapter over the journal's services."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.accounts import services as accounts
from glimmers.accounts.models import User
from glimmers.journal import reading, services
from glimmers.journal.models import Glimmer, Person
from tests.helpers import Api

JSON_KEYS = {
    "id",
    "text",
    "noticed_at",
    "time_zone",
    "senses",
    "people",
    "place",
    "tags",
    "glow",
    "why",
    "state_before",
    "state_after",
    "photos",
    "resurface",
    "source",
    "created_at",
    "updated_at",
}
MISSING = "00000000-0000-4000-8000-000000000000"


def _api(user: User, *, read_only: bool = False) -> Api:
    _token, plain = accounts.create_token(user, read_only=read_only)
    return Api(plain)


@pytest.fixture
def alice_api(alice: User) -> Api:
    return _api(alice)


@pytest.fixture
def bob_api(bob: User) -> Api:
    return _api(bob)


def _keep(user: User, text: str = "Sun on my face", **fields: Any) -> Glimmer:
    return services.create_glimmer(user, text=text, **fields)


def _as_stored(user: User, glimmer_id: str, *, binned: bool = False) -> dict[str, Any]:
    return reading.glimmer_as_dict(services.get_glimmer(user, glimmer_id, binned=binned))


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


# --- the round trip -------------------------------------------------------------------------------


def test_a_glimmer_is_kept_read_changed_binned_restored_and_erased(alice_api: Api, alice: User) -> None:
    made = alice_api.post(
        "/glimmers",
        {
            "text": "Birdsong at the window #morning",
            "senses": ["sound"],
            "people": ["Mum", "Biscuit the dog"],
            "place": "Kitchen, at home",
            "tags": ["calm"],
            "glow": 4,
            "why": "It reminded me of summers.",
            "state_before": "sympathetic",
            "state_after": "ventral",
            "resurface": False,
        },
    )
    assert made.status_code == 201, made.json()
    glimmer = made.json()
    assert set(glimmer) == JSON_KEYS
    assert glimmer["source"] == "api"
    assert glimmer["people"] == ["Biscuit the dog", "Mum"]
    assert glimmer["place"] == "Kitchen, at home"
    assert sorted(glimmer["tags"]) == ["calm", "morning"]
    assert (glimmer["glow"], glimmer["state_before"], glimmer["state_after"]) == (4, "sympathetic", "ventral")
    assert glimmer["resurface"] is False and glimmer["photos"] == []
    assert glimmer == _as_stored(alice, glimmer["id"])

    path = f"/glimmers/{glimmer['id']}"
    assert alice_api.get(path).json() == glimmer

    changed = alice_api.patch(path, {"glow": 5, "people": ["Mum"]})
    assert changed.status_code == 200
    assert changed.json()["glow"] == 5 and changed.json()["people"] == ["Mum"]
    assert changed.json()["text"] == glimmer["text"] and changed.json()["place"] == glimmer["place"]

    binned = alice_api.delete(path)
    assert binned.status_code == 200
    assert binned.json()["id"] == glimmer["id"]
    erase_after = services.bin_expires_on(Glimmer.objects.get(uuid=glimmer["id"]))
    assert binned.json()["erase_after"] == erase_after.isoformat()
    assert erase_after - timezone.now().date() in (timedelta(days=30), timedelta(days=31))
    assert alice_api.get(path).status_code == 404
    assert alice_api.get("/glimmers").json() == {"items": [], "next": None}
    in_bin = alice_api.get("/bin").json()
    assert [item["id"] for item in in_bin["items"]] == [glimmer["id"]] and in_bin["next"] is None
    assert set(in_bin["items"][0]) == {*JSON_KEYS, "erase_after"}

    restored = alice_api.post(f"/bin/{glimmer['id']}/restore")
    assert restored.status_code == 200
    assert restored.json() == alice_api.get(path).json()
    assert alice_api.get("/bin").json()["items"] == []

    assert alice_api.delete(f"/bin/{glimmer['id']}").status_code == 404  # only what is in the bin is erased
    alice_api.delete(path)
    erased = alice_api.delete(f"/bin/{glimmer['id']}")
    assert erased.status_code == 204
    assert erased.content == b""
    assert not Glimmer.objects.filter(uuid=glimmer["id"]).exists()
    assert alice_api.post(f"/bin/{glimmer['id']}/restore").status_code == 404


def test_only_text_is_needed_and_the_rest_has_kind_defaults(alice_api: Api) -> None:
    glimmer = alice_api.post("/glimmers", {"text": "First sip of coffee"}).json()
    assert glimmer["time_zone"] == "Europe/London"
    assert (glimmer["senses"], glimmer["people"], glimmer["place"], glimmer["tags"]) == ([], [], None, [])
    assert (glimmer["glow"], glimmer["why"], glimmer["state_before"], glimmer["state_after"]) == (None, "", None, None)
    assert glimmer["resurface"] is True
    noticed = datetime.fromisoformat(glimmer["noticed_at"])
    assert abs(noticed - timezone.now()) < timedelta(minutes=1)


def test_noticed_at_carries_the_glimmers_own_offset(alice_api: Api) -> None:
    naive = alice_api.post(
        "/glimmers", {"text": "Cherry blossom", "noticed_at": "2025-04-01T08:30:00", "time_zone": "Asia/Tokyo"}
    ).json()
    assert naive["noticed_at"] == "2025-04-01T08:30:00+09:00" and naive["time_zone"] == "Asia/Tokyo"
    aware = alice_api.post(
        "/glimmers", {"text": "Street music", "noticed_at": "2025-07-01T20:00:00Z", "time_zone": "America/New_York"}
    ).json()
    assert aware["noticed_at"] == "2025-07-01T16:00:00-04:00"
    profile = alice_api.post("/glimmers", {"text": "Warm bread", "noticed_at": "2025-07-01T07:15:00"}).json()
    assert profile["noticed_at"] == "2025-07-01T07:15:00+01:00" and profile["time_zone"] == "Europe/London"


def test_the_time_can_be_given_in_words_but_not_twice(alice_api: Api) -> None:
    made = alice_api.post("/glimmers", {"text": "Sunset walk", "when": "yesterday 6pm"})
    assert made.status_code == 201
    noticed = datetime.fromisoformat(made.json()["noticed_at"])
    yesterday = timezone.now().astimezone(ZoneInfo("Europe/London")).date() - timedelta(days=1)
    assert (noticed.date(), noticed.hour, noticed.minute) == (yesterday, 18, 0)
    both = alice_api.post("/glimmers", {"text": "Sunset", "when": "yesterday 6pm", "noticed_at": "2025-01-01T18:00"})
    assert both.status_code == 400
    assert "not both" in both.json()["detail"]
    moved = alice_api.patch(f"/glimmers/{made.json()['id']}", {"when": "2025-05-05 07:00", "noticed_at": "2025-05-05"})
    assert moved.status_code == 400
    assert alice_api.get(f"/glimmers/{made.json()['id']}").json() == made.json()


def test_a_glimmer_moves_in_time_and_zone_with_a_patch(alice_api: Api) -> None:
    made = alice_api.post("/glimmers", {"text": "Train window", "noticed_at": "2025-03-01T10:00:00Z"}).json()
    moved = alice_api.patch(f"/glimmers/{made['id']}", {"noticed_at": "2025-03-02T09:00:00"}).json()
    assert moved["noticed_at"] == "2025-03-02T09:00:00+00:00"
    travelled = alice_api.patch(f"/glimmers/{made['id']}", {"time_zone": "Asia/Tokyo"}).json()
    assert travelled["noticed_at"] == "2025-03-02T18:00:00+09:00"  # the same moment, on the clock where it was
    worded = alice_api.patch(f"/glimmers/{made['id']}", {"when": "2025-03-03 07:30"}).json()
    assert worded["noticed_at"] == "2025-03-03T07:30:00+09:00"


# --- the text rules and other refusals ------------------------------------------------------------


def test_text_is_kept_as_given_apart_from_the_text_rules(alice_api: Api) -> None:
    made = alice_api.post("/glimmers", {"text": "  \tA\x00 quiet\x07 moment\r\nwith\ttea\x1b \n "})
    assert made.status_code == 201
    assert made.json()["text"] == "A quiet moment\nwith\ttea"
    html = "<b>Bold</b> & <script>alert('hi')</script> “quotes” 🌅"
    kept = alice_api.post("/glimmers", {"text": html, "why": html}).json()
    assert kept["text"] == html and kept["why"] == html
    assert alice_api.get(f"/glimmers/{kept['id']}").json()["text"] == html


def test_a_lone_surrogate_is_refused_with_a_clear_message(alice_api: Api, alice: User) -> None:
    for body in [b'{"text": "A broken \\ud800 emoji"}', b'{"text": "Fine", "why": "\\udfff"}']:
        response = alice_api.post("/glimmers", body)
        assert response.status_code == 422  # the schema's strings are Unicode text
        assert "aren't valid text" in json.dumps(response.json()["detail"])
    made = alice_api.post("/glimmers", {"text": "Good"}).json()
    response = alice_api.patch(f"/glimmers/{made['id']}", b'{"text": "\\ud83c"}')
    assert response.status_code == 422
    assert alice_api.get(f"/glimmers/{made['id']}").json() == made
    assert Glimmer.objects.owned_by(alice).count() == 1


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"text": " \n\t\r\n "}, "few words"),  # text that cleans to empty: a rule, not the schema's
        ({"text": "\x00\x01"}, "few words"),
        ({"text": "Nice", "time_zone": "Mars/Olympus"}, "Mars/Olympus"),
        ({"text": "Nice", "when": "when pigs fly"}, "yesterday 6pm"),
        ({"text": "Nice", "when": "in 5 days"}, "still to come"),
        ({"text": "Nice", "noticed_at": "2999-01-01T00:00:00Z"}, "more than a day ahead"),
        ({"text": "Nice", "noticed_at": "1850-01-01T00:00:00Z"}, "before 1900"),
        ({"text": "Nice, with " + " ".join(f"#t{n}" for n in range(51))}, "up to 50 tags"),
        ({"text": "Nice, with " + " ".join(f"@p{n}" for n in range(51))}, "up to 50 people"),
    ],
)
def test_what_the_services_refuse_answers_400_with_a_kind_detail(
    alice_api: Api, alice: User, body: dict[str, Any], says: str
) -> None:
    response = alice_api.post("/glimmers", body)
    assert response.status_code == 400, response.json()
    assert says in response.json()["detail"]
    assert Glimmer.objects.owned_by(alice).count() == 0


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"text": ""}, "at least 1 character"),
        ({"text": "Nice", "senses": ["sight", "sixth"]}, "“sound”"),
        ({"text": "Nice", "senses": ["Sight"]}, "“sight”"),
        ({"text": "Nice", "state_before": "frazzled"}, "“ventral”"),
        ({"text": "Nice", "state_after": "Ventral"}, "“dorsal”"),
        ({"text": "Nice", "glow": 0}, "at least 1"),
        ({"text": "Nice", "glow": True}, "whole number"),
        ({"text": "Nice", "glow": "3"}, "whole number"),
        ({"text": "Nice", "glow": 2.5}, "fractional part"),
        ({"text": "Nice", "resurface": 1}, "valid boolean"),
    ],
)
def test_what_the_schema_states_is_refused_with_422_naming_the_choices(
    alice_api: Api, alice: User, body: dict[str, Any], says: str
) -> None:
    """Empty text, senses and states outside their lists, a glow out of range or not a number: the OpenAPI
    document says each (minLength, enum, minimum/maximum, integer), so they are 422 (DESIGN §5), never kept."""
    response = alice_api.post("/glimmers", body)
    assert response.status_code == 422, response.json()
    assert says in json.dumps(response.json()["detail"], ensure_ascii=False)
    assert Glimmer.objects.owned_by(alice).count() == 0


def test_the_document_lists_the_senses_and_states_a_glimmer_takes(client: Any) -> None:
    document = client.get("/api/openapi.json").json()
    fields = document["components"]["schemas"]["GlimmerIn"]["properties"]
    assert fields["text"]["minLength"] == 1
    assert fields["senses"]["items"]["enum"] == ["sight", "sound", "touch", "smell", "taste", "movement", "body"]
    assert {"type": "string", "enum": ["ventral", "sympathetic", "dorsal"]} in fields["state_before"]["anyOf"]
    patch = document["components"]["schemas"]["GlimmerPatch"]["properties"]
    assert patch["glow"]["anyOf"][0]["type"] == "integer" and patch["senses"]["items"]["enum"][0] == "sight"


def test_a_glow_of_3_point_0_is_the_number_3_as_json_says(alice_api: Api) -> None:
    made = alice_api.post("/glimmers", {"text": "Nice", "glow": 3.0})
    assert made.status_code == 201 and made.json()["glow"] == 3


def test_text_of_exactly_2000_characters_fits(alice_api: Api) -> None:
    assert alice_api.post("/glimmers", {"text": "a" * 2000}).status_code == 201


@pytest.mark.parametrize("glow", [0, 6, -1, 10**30])
def test_glow_outside_1_to_5_is_refused_by_the_schema(alice_api: Api, glow: int) -> None:
    response = alice_api.post("/glimmers", {"text": "Nice", "glow": glow})
    assert response.status_code == 422
    assert "glow" in json.dumps(response.json()["detail"])


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"text": "a" * 2001}, "2,000 characters at most"),
        ({"text": "Nice", "why": "w" * 2001}, "2,000 characters at most"),
        ({"text": "Nice", "people": ["x" * 101]}, "100 characters at most"),
        ({"text": "Nice", "place": "p" * 101}, "100 characters at most"),
        ({"text": "Nice", "people": [f"p{n}" for n in range(51)]}, "can hold 50 at most"),
        ({"text": "Nice", "tags": [f"t{n}" for n in range(51)]}, "can hold 50 at most"),
        ({"text": "Nice", "senses": ["sight"] * 8}, "can hold 7 at most"),
        ({"text": "Nice", "time_zone": "Z" * 65}, "64 characters at most"),
        ({"text": "Nice", "noticed_at": 0}, "ISO 8601"),
    ],
)
def test_what_the_schema_limits_answers_422_with_a_kind_detail(
    alice_api: Api, alice: User, body: dict[str, Any], says: str
) -> None:
    response = alice_api.post("/glimmers", body)
    assert response.status_code == 422, response.json()
    assert says in json.dumps(response.json()["detail"], ensure_ascii=False)
    assert Glimmer.objects.owned_by(alice).count() == 0


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"[]",
        b'"just text"',
        b"null",
        b'{"glow": 3}',
        b'{"text": 12}',
        b'{"text": null}',
        b'{"text": "Nice", "senses": "sight"}',
        b'{"text": "Nice", "people": [1, 2]}',
        b'{"text": "Nice", "glow": "bright"}',
        b'{"text": "Nice", "noticed_at": "soon"}',
        b'{"text": "Nice", "when": "' + b"yesterday " * 30 + b'"}',
        b'{"text": "Nice", "resurface": "perhaps"}',
        '{"text": "caf\xe9"}'.encode("latin-1"),
    ],
)
def test_malformed_bodies_answer_400_or_422_never_500(alice_api: Api, alice: User, body: bytes) -> None:
    response = alice_api.post("/glimmers", body)
    unreadable = body in (b"{not json", '{"text": "caf\xe9"}'.encode("latin-1"))
    assert response.status_code == (400 if unreadable else 422)  # not JSON at all: 400; unlike the schema: 422
    assert "detail" in response.json()
    assert Glimmer.objects.owned_by(alice).count() == 0


NASTY: list[dict[str, Any]] = [
    {"text": "x", "noticed_at": "0001-01-01T00:00:00+01:00"},
    {"text": "x", "noticed_at": "9999-12-31T23:59:59-23:59"},
    {"text": "x", "noticed_at": "9999-12-31T23:59:59", "time_zone": "Pacific/Kiritimati"},
    {"text": "x", "noticed_at": 1e20},
    {"text": "x", "when": "0001-01-01", "time_zone": "Pacific/Kiritimati"},
    {"text": "x", "when": "999999999999 days ago"},
    {"text": "x", "when": "\x00"},
    {"text": "x", "time_zone": "zone.tab"},
    {"text": "x", "time_zone": "../../etc/passwd"},
    {"text": "x", "time_zone": "x" * 10_000},
    {"text": "x", "senses": [""]},
    {"text": "x", "people": ["", "  ", "\x00"]},
    {"text": "x", "place": "  \x00 "},
    {"text": "x", "tags": ["z" * 100_000]},
    {"text": "x #" + "t" * 150},
    {"text": "x", "glow": 3.5},
    {"text": "x", "state_before": "VENTRAL"},
    {"text": "\u2028\u2029\x85"},
]


@pytest.mark.parametrize("body", NASTY, ids=range(len(NASTY)))
def test_odd_input_gets_a_json_answer_never_a_500(alice_api: Api, body: dict[str, Any]) -> None:
    made = alice_api.post("/glimmers", body)
    assert made.status_code in (201, 400, 422)
    assert made["Content-Type"] == "application/json; charset=utf-8"
    if made.status_code == 201:
        changed = alice_api.patch(f"/glimmers/{made.json()['id']}", body)
        assert changed.status_code in (200, 400, 422)


def test_a_place_that_cleans_to_nothing_is_no_place(alice_api: Api) -> None:
    made = alice_api.post("/glimmers", {"text": "Somewhere", "place": " \x00\x07 "})
    assert made.status_code == 201
    assert made.json()["place"] is None
    kept = alice_api.patch(f"/glimmers/{made.json()['id']}", {"place": "Harbour"}).json()
    assert kept["place"] == "Harbour"
    assert alice_api.patch(f"/glimmers/{made.json()['id']}", {"place": "\x1b"}).json()["place"] is None


def test_a_body_too_big_to_read_answers_413_in_json(alice_api: Api) -> None:
    response = alice_api.post("/glimmers", {"text": "x" * 3_000_000})
    assert response.status_code == 413
    assert "more than Glimmers takes" in response.json()["detail"]


def test_a_patch_that_is_refused_changes_nothing(alice_api: Api, alice: User) -> None:
    made = alice_api.post(
        "/glimmers", {"text": "Rain on the roof", "people": ["Sam"], "place": "Attic", "glow": 3, "tags": ["rain"]}
    ).json()
    path = f"/glimmers/{made['id']}"
    for body, status in [
        ({"text": "New words #newtag", "people": ["Alex"], "time_zone": "Nowhere/Land"}, 400),
        ({"text": "New words", "place": "Garden", "time_zone": "Nowhere/Land"}, 400),
        ({"people": ["Alex"], "tags": ["fresh"], "text": "So many: " + " ".join(f"@p{n}" for n in range(50))}, 400),
        ({"senses": ["sight", "telepathy"], "why": "because"}, 422),
        ({"text": "   "}, 400),
        ({"text": ""}, 422),
        ({"when": "the twelfth of never", "glow": 1}, 400),
    ]:
        response = alice_api.patch(path, body)
        assert response.status_code == status, body
        assert alice_api.get(path).json() == made, body
    assert [person.name for person in Person.objects.owned_by(alice)] == ["Sam"]  # no "Alex" left behind


def test_a_patch_changes_only_what_it_names_and_null_clears(alice_api: Api) -> None:
    made = alice_api.post(
        "/glimmers",
        {
            "text": "Cat purring #home",
            "senses": ["sound", "touch"],
            "people": ["Milo"],
            "place": "Sofa",
            "glow": 4,
            "why": "Safe",
            "state_before": "dorsal",
            "state_after": "ventral",
        },
    ).json()
    path = f"/glimmers/{made['id']}"
    same = alice_api.patch(path, {}).json()
    assert {k: v for k, v in same.items() if k != "updated_at"} == {k: v for k, v in made.items() if k != "updated_at"}
    cleared = alice_api.patch(
        path, {"place": None, "glow": None, "why": None, "state_before": None, "state_after": None}
    ).json()
    assert (cleared["place"], cleared["glow"], cleared["why"]) == (None, None, "")
    assert (cleared["state_before"], cleared["state_after"]) == (None, None)
    assert (cleared["text"], cleared["senses"], cleared["people"]) == (made["text"], made["senses"], made["people"])
    emptied = alice_api.patch(path, {"people": [], "senses": [], "resurface": False}).json()
    assert (emptied["people"], emptied["senses"], emptied["resurface"]) == ([], [], False)
    for field in ["text", "time_zone", "senses", "people", "tags", "resurface", "when", "noticed_at"]:
        response = alice_api.patch(path, {field: None})
        assert response.status_code == 422, field  # leave a field out to keep it; null is not "keep"
    assert alice_api.get(path).json() == emptied


# --- lists and pages ------------------------------------------------------------------------------


def _page_through(api: Api, path: str, limit: int) -> tuple[list[str], list[int]]:
    seen: list[str] = []
    sizes: list[int] = []
    cursor: str | None = None
    while True:
        page = api.get(path, limit=limit, **({"cursor": cursor} if cursor else {})).json()
        sizes.append(len(page["items"]))
        seen += [item["id"] for item in page["items"]]
        cursor = page["next"]
        if not cursor:
            return seen, sizes


def test_pages_of_ten_bring_every_glimmer_once_newest_first(alice_api: Api, alice: User) -> None:
    start = timezone.now() - timedelta(days=2)
    for number in range(25):
        # Some share a moment, so the page edges must break ties by id.
        _keep(alice, f"Glimmer {number}", when=start + timedelta(minutes=number // 3))
    expected = [str(g.uuid) for g in Glimmer.objects.filter(owner=alice).order_by("-noticed_at", "-id")]
    assert _page_through(alice_api, "/glimmers", 10) == (expected, [10, 10, 5])


def test_the_bin_comes_in_pages_too(alice_api: Api, alice: User) -> None:
    for number in range(25):
        services.delete_glimmer(alice, _keep(alice, f"Binned {number}").uuid)
    Glimmer.objects.filter(owner=alice, text__endswith="3").update(deleted_at=timezone.now())  # ties, by id
    expected = [str(g.uuid) for g in Glimmer.objects.filter(owner=alice).order_by("-deleted_at", "-id")]
    assert _page_through(alice_api, "/bin", 10) == (expected, [10, 10, 5])


def test_the_list_is_twenty_at_a_time_unless_asked(alice_api: Api, alice: User) -> None:
    for number in range(21):
        _keep(alice, f"Glimmer {number}")
    page = alice_api.get("/glimmers").json()
    assert len(page["items"]) == 20 and page["next"]
    assert len(alice_api.get("/glimmers", limit=200).json()["items"]) == 21


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!",
        _cursor("not a time|12"),
        _cursor("2025-01-01T00:00:00|12"),  # no offset
        _cursor("2025-01-01T00:00:00+00:00|twelve"),
        _cursor("2025-01-01T00:00:00+00:00|1|2"),
        _cursor("2025-01-01T00:00:00+00:00|99999999999999999999999999"),
        _cursor("0001-01-01T00:00:00+05:00|1"),
        _cursor("9999-12-31T23:59:59-23:59|1"),
        base64.urlsafe_b64encode(b"\xff\xfe|1").decode(),
    ],
)
def test_a_page_marker_glimmers_did_not_make_answers_400(alice_api: Api, alice: User, cursor: str) -> None:
    _keep(alice)
    response = alice_api.get("/glimmers", cursor=cursor)
    assert response.status_code == 400
    assert "page marker" in response.json()["detail"]


@pytest.mark.parametrize("limit", ["0", "201", "-5", "ten", "1e3"])
def test_a_limit_outside_1_to_200_answers_422(alice_api: Api, limit: str) -> None:
    response = alice_api.get("/glimmers", limit=limit)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_the_bin_lists_the_most_recently_deleted_first_with_the_erase_day(alice_api: Api, alice: User) -> None:
    first, second, kept = _keep(alice, "One"), _keep(alice, "Two"), _keep(alice, "Three")
    services.delete_glimmer(alice, first.uuid)
    services.delete_glimmer(alice, second.uuid)
    page = alice_api.get("/bin").json()
    assert [item["id"] for item in page["items"]] == [str(second.uuid), str(first.uuid)]
    assert page["next"] is None
    binned = Glimmer.objects.get(pk=second.pk)
    assert page["items"][0]["erase_after"] == services.bin_expires_on(binned).isoformat()
    assert [item["id"] for item in alice_api.get("/glimmers").json()["items"]] == [str(kept.uuid)]


def test_listing_costs_the_same_queries_for_3_or_30_glimmers(alice_client: Client, alice: User) -> None:
    def add(count: int) -> None:
        for number in range(count):
            _keep(alice, f"Glimmer {number} #tag{number % 4}", people=["Sam", f"Friend {number}"], place="Park")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = alice_client.get("/api/glimmers", {"limit": 50})
        assert response.status_code == 200
        return len(captured)

    add(3)
    alice_client.get("/api/glimmers")  # the session is read once, as any first request does
    few = queries()
    add(27)
    assert len(alice_client.get("/api/glimmers", {"limit": 50}).json()["items"]) == 30
    assert queries() == few


# --- who may see what -----------------------------------------------------------------------------


def _object_routes(live: str, binned: str) -> list[tuple[str, str, Any]]:
    return [
        ("get", f"/glimmers/{live}", None),
        ("patch", f"/glimmers/{live}", {"text": "Bob was here"}),
        ("delete", f"/glimmers/{live}", None),
        ("post", f"/bin/{binned}/restore", None),
        ("delete", f"/bin/{binned}", None),
    ]


def _call(api: Api, method: str, path: str, body: Any) -> Any:
    if method in ("get", "delete"):
        return getattr(api, method)(path)
    return getattr(api, method)(path, body if body is not None else {})


def test_bob_gets_404_for_alices_glimmer_on_every_route(bob_api: Api, alice: User) -> None:
    live = _keep(alice, "Alice's glimmer", people=["Sam"], glow=2)
    binned = _keep(alice, "Alice's binned glimmer")
    services.delete_glimmer(alice, binned.uuid)
    before = (_as_stored(alice, str(live.uuid)), _as_stored(alice, str(binned.uuid), binned=True))
    for method, path, body in _object_routes(str(live.uuid), str(binned.uuid)):
        response = _call(bob_api, method, path, body)
        assert response.status_code == 404, (method, path)
        assert response.json() == {"detail": "No glimmer with that id."}
    assert bob_api.get("/glimmers").json()["items"] == [] and bob_api.get("/bin").json()["items"] == []
    assert (_as_stored(alice, str(live.uuid)), _as_stored(alice, str(binned.uuid), binned=True)) == before


@pytest.mark.parametrize(
    "glimmer_id", ["not-a-uuid", "12345", "0" * 40, "..", "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "x" * 4000]
)
def test_an_id_that_is_not_a_glimmers_answers_404(alice_api: Api, glimmer_id: str) -> None:
    for method, path, body in _object_routes(glimmer_id, glimmer_id):
        response = _call(alice_api, method, path, body)
        assert response.status_code == 404, (method, path)
        assert response.json() == {"detail": "No glimmer with that id."}


def test_the_api_takes_whole_ids_not_the_command_lines_short_ones(alice_api: Api, alice: User) -> None:
    glimmer = _keep(alice)
    assert alice_api.get(f"/glimmers/{glimmer.uuid.hex[:8]}").status_code == 404
    assert alice_api.get(f"/glimmers/{glimmer.uuid.hex}").status_code == 200
    assert alice_api.get(f"/glimmers/{str(glimmer.uuid).upper()}").status_code == 200
    assert alice_api.get(f"/glimmers/{MISSING}").status_code == 404


def test_nobody_gets_anything_without_signing_in(alice: User) -> None:
    live = _keep(alice)
    anonymous = Api(None)
    routes = [
        ("get", "/glimmers", None),
        ("post", "/glimmers", {"text": "Sneaky"}),
        ("get", "/bin", None),
        *_object_routes(str(live.uuid), str(live.uuid)),
    ]
    for method, path, body in routes:
        response = _call(anonymous, method, path, body)
        assert response.status_code == 401, (method, path)
        assert "detail" in response.json()
    assert Glimmer.objects.owned_by(alice).get().text == live.text


def test_a_read_only_token_reads_but_never_writes(alice: User) -> None:
    live = _keep(alice, "Kept safe")
    binned = _keep(alice, "In the bin")
    services.delete_glimmer(alice, binned.uuid)
    reader = _api(alice, read_only=True)
    for path in ["/glimmers", "/bin", f"/glimmers/{live.uuid}"]:
        assert reader.get(path).status_code == 200, path
    writes = [("post", "/glimmers", {"text": "New"}), *_object_routes(str(live.uuid), str(binned.uuid))[1:]]
    for method, path, body in writes:
        response = _call(reader, method, path, body)
        assert response.status_code == 403, (method, path)
        assert "only read" in response.json()["detail"]
    assert Glimmer.objects.owned_by(alice).get().text == "Kept safe"
    assert Glimmer.objects.owned_by(alice, binned=True).get().text == "In the bin"


def test_the_browser_session_reads_and_writes_need_csrf(alice: User) -> None:
    glimmer = _keep(alice, "Morning light")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    listed = browser.get("/api/glimmers")
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [str(glimmer.uuid)]
    path = f"/api/glimmers/{glimmer.uuid}"
    assert browser.patch(path, json.dumps({"glow": 5}), "application/json").status_code == 403
    assert browser.post("/api/glimmers", json.dumps({"text": "x"}), "application/json").status_code == 403
    assert browser.delete(path).status_code == 403
    assert Glimmer.objects.get(pk=glimmer.pk).glow is None
    browser.get("/settings/")  # sets the CSRF cookie, as the page would
    csrf = browser.cookies["csrftoken"].value
    changed = browser.patch(path, json.dumps({"glow": 5}), "application/json", HTTP_X_CSRFTOKEN=csrf)
    assert changed.status_code == 200
    assert changed.json()["glow"] == 5


# --- the document ---------------------------------------------------------------------------------


def test_the_openapi_document_declares_every_answer_of_every_glimmer_route(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    operations = [
        (path, method, operation)
        for path, methods in document["paths"].items()
        if path.startswith(("/api/glimmers", "/api/bin"))
        for method, operation in methods.items()
    ]
    assert len(operations) == 8
    for path, method, operation in operations:
        assert {"400", "401", "403", "404", "422"} <= set(operation["responses"]), (path, method)
    glimmer = document["components"]["schemas"]["GlimmerOut"]
    assert set(glimmer["properties"]) == JSON_KEYS == set(glimmer["required"])
    assert document["paths"]["/api/glimmers"]["post"]["responses"].keys() >= {"201"}
    assert document["paths"]["/api/bin/{glimmer_id}"]["delete"]["responses"].keys() >= {"204"}
