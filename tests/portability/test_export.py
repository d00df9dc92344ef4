"""Export: Glimmers JSON against its schema, everything a person owns in it, and nothing of anyone else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from glimmers.accounts.models import User
from glimmers.portability import services
from glimmers.practice import reminders

SCHEMA = Path(__file__).parents[2] / "src/glimmers/portability/schema/glimmers-export-1.schema.json"


def exported(user: User, name: str = "json") -> bytes:
    return b"".join(services.export(user, name))


def exported_json(user: User) -> dict[str, Any]:
    return json.loads(exported(user))  # type: ignore[no-any-return]


def test_the_json_export_matches_its_schema(alice: User, alices_journal: dict[str, Any]) -> None:
    document = exported_json(alice)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())


def test_an_empty_journal_exports_and_matches_the_schema(alice: User) -> None:
    document = exported_json(alice)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    assert document["glimmers"] == [] and document["ladder_map"] is None


def test_the_json_export_holds_every_section_and_keeps_ids(alice: User, alices_journal: dict[str, Any]) -> None:
    document = exported_json(alice)
    [glimmer] = [one for one in document["glimmers"] if one["id"] == str(alices_journal["glimmer"].uuid)]
    assert glimmer["noticed_at"] == "2026-03-14T18:00:00+00:00" and glimmer["time_zone"] == "Europe/London"
    assert glimmer["senses"] == ["sight", "touch"] and glimmer["glow"] == 4 and glimmer["source"] == "cli"
    assert document["cues"][0]["glimmers"] == [glimmer["id"]]  # the binned one stays out
    assert document["hard_moments"][0]["cue"] == document["cues"][0]["id"]
    assert {anchor["kind"] for anchor in document["anchors"]} == {"glimmer", "person"}
    assert document["savourings"][0]["surfacing"] == document["surfacings"][0]["id"]
    assert document["ladder_map"]["dorsal"]["name"] == "MARKER-alice fog"
    assert document["ladder_map"]["dorsal"]["words"] == ["MARKER-alice foggy", "heavy"]
    assert document["ladder_map"]["ventral"]["story_what"] == "MARKER-alice the lake"
    assert document["check_ins"][0]["state"] == "dorsal" and document["check_ins"][0]["word"] == "MARKER-alice foggy"
    assert document["settings"] == {
        "hard_moments": True,
        "savour_seconds": 20,
        "low_energy": True,
        "calendar_feed": True,
        "feed_noticing_at": "12:30",
        "feed_evening": True,
        "feed_past_glimmer": False,
        "on_this_day": True,
        "from_before": True,
    }
    assert {tag["resurface"] for tag in document["tags"]} == {True}
    feed = reminders.feed_path(alice)
    assert feed is not None and feed[7:39] not in json.dumps(document) and feed[39:71] not in json.dumps(document)
    assert document["account"]["username"] == "alice"
    assert len(document["check_ins"]) == 1 and len(document["people"]) == 1 and len(document["tags"]) == 1
    [ritual], [occasion] = document["rituals"], document["occasions"]
    assert ritual["id"] == str(alices_journal["ritual"].uuid) and ritual["schedule"] == "FREQ=DAILY"
    assert occasion["ritual"] == ritual["id"] and occasion["glimmer"] == glimmer["id"] and occasion["glimmered"]
    assert [i["text"] for i in document["intentions"]] == ["MARKER-alice look up"]
    assert document["prompts"][0]["text"] == "MARKER-alice what hums?"
    [session] = document["noticing_sessions"]
    assert session["senses"] == ["sound"] and len(session["kept"]) == 1 and len(document["glimmers"]) == 2


def test_glimmers_in_the_bin_stay_out_of_every_format(alice: User, alices_journal: dict[str, Any]) -> None:
    for name in services.FORMATS:
        assert b"in the bin" not in _readable(exported(alice, name), name)


def test_a_glimmer_in_the_bin_leaves_no_trace_in_any_format(alice: User, alices_journal: dict[str, Any]) -> None:
    """Not its text, and not its id in a cue's links, a pin, a surfacing or a savouring made before it was binned."""
    from glimmers.journal import services as journal
    from glimmers.kit import services as kit
    from glimmers.states import services as states

    binned = journal.create_glimmer(alice, text="soon gone", people=["Ola"], tags=["gone"])
    kit.pin(alice, "glimmer", binned.uuid, note="pinned")
    states.link_glimmer(alice, alices_journal["cue"].uuid, binned.uuid)
    kit.savour(alice, binned.uuid, seconds=10)
    journal.delete_glimmer(alice, binned.uuid)
    traces = [str(binned.uuid).encode(), b"soon gone", str(binned.uuid.hex).encode()]
    for name in services.FORMATS:
        text = _readable(exported(alice, name), name)
        assert [trace for trace in traces if trace in text] == [], name
        assert b"MARKER-alice the sun" in text  # the rest is still there


def test_no_secret_is_exported(alice: User, alices_journal: dict[str, Any]) -> None:
    from glimmers.accounts.models import ApiToken

    token = ApiToken.objects.get(user=alice)
    for name in services.FORMATS:
        text = _readable(exported(alice, name), name)
        assert token.digest.encode() not in text and token.key_id.encode() not in text
        assert b"token" not in text.lower()


@pytest.mark.parametrize("name", ["json", "csv", "markdown"])
def test_bobs_export_never_holds_a_byte_of_alices(
    alice: User, bob: User, alices_journal: dict[str, Any], bobs_journal: dict[str, Any], name: str
) -> None:
    text = _readable(exported(bob, name), name)
    assert b"MARKER-bob" in text
    assert b"MARKER-alice" not in text
    for thing in alices_journal.values():
        assert str(thing.uuid).encode() not in text


def _readable(data: bytes, name: str) -> bytes:
    """The text inside an export (the CSV zip's files joined)."""
    if name != "csv":
        return data
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"\n".join(archive.read(member) for member in archive.namelist())


def test_an_unknown_format_is_refused_kindly(alice: User) -> None:
    from glimmers.lib.errors import UserError

    with pytest.raises(UserError, match="json, csv or markdown"):
        exported(alice, "xml")
