"""Journals made by hypothesis — emoji, right-to-left text, newlines, every field — come out of the JSON export
exactly as they went in (after the text rules, DESIGN §2)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer, Sense
from glimmers.journal.text import clean_name, clean_text
from glimmers.portability import services

SAMPLES = ["🌅 sun on my face 🐦", "שלום, ציפור בחלון", "مرحبا بالشمس", "line one\nline two\n\nthree", "tea\tand toast"]
TEXT = st.one_of(st.sampled_from(SAMPLES), st.text(st.characters(exclude_categories=("Cs",)), max_size=80)).filter(
    lambda text: bool(clean_text(text, label="text"))
)
NAME = st.one_of(st.sampled_from(["Anna", "جدتي", "😺 Miso", "Zoë"]), st.text(min_size=1, max_size=20)).filter(
    lambda name: "\x00" not in name and bool(clean_name(name, label="name") if not _surrogate(name) else "")
)
ZONES = ["Europe/London", "Asia/Tehran", "America/St_Johns", "Pacific/Chatham", "UTC"]
GLIMMER = st.fixed_dictionaries(
    {
        "text": TEXT,
        "why": st.one_of(st.just(""), TEXT),
        "when": st.datetimes(datetime(2001, 1, 1), datetime(2026, 11, 1), timezones=st.just(UTC)),
        "time_zone": st.sampled_from(ZONES),
        "senses": st.lists(st.sampled_from(Sense.values), unique=True),
        "people": st.lists(NAME, max_size=3, unique_by=lambda name: clean_name(name, label="n").casefold()),
        "place": st.one_of(st.none(), NAME),
        "glow": st.one_of(st.none(), st.integers(1, 5)),
        "state_before": st.sampled_from([None, "ventral", "sympathetic", "dorsal"]),
        "state_after": st.sampled_from([None, "ventral", "sympathetic", "dorsal"]),
        "resurface": st.booleans(),
    }
)


def _surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


@given(journal_of=st.lists(GLIMMER, min_size=1, max_size=4))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_journal_survives_the_json_export_unchanged(alice: User, journal_of: list[dict[str, object]]) -> None:
    Glimmer.objects.filter(owner=alice).delete()
    made = {}
    for fields in journal_of:
        glimmer = journal.create_glimmer(alice, mentions=False, **fields)  # type: ignore[arg-type]
        made[str(glimmer.uuid)] = fields
    document = json.loads(b"".join(services.export(alice, "json")).decode())
    assert {row["id"] for row in document["glimmers"]} == set(made)
    for row in document["glimmers"]:
        given_fields = made[row["id"]]
        assert row["text"] == clean_text(given_fields["text"], label="text")  # type: ignore[arg-type]
        assert row["why"] == clean_text(given_fields["why"], label="why")  # type: ignore[arg-type]
        noticed = datetime.fromisoformat(row["noticed_at"])
        assert noticed == given_fields["when"] and row["time_zone"] == given_fields["time_zone"]
        assert noticed.utcoffset() == noticed.astimezone(ZoneInfo(row["time_zone"])).utcoffset()
        assert set(row["senses"]) == set(given_fields["senses"])  # type: ignore[arg-type]
        people = {clean_name(name, label="n").casefold() for name in given_fields["people"]}  # type: ignore[attr-defined]
        assert {name.casefold() for name in row["people"]} == people
        place = given_fields["place"]
        # Names are one per person ignoring case: "anna" given after "Anna" is Anna.
        assert (row["place"] or "").casefold() == (clean_name(place, label="n") if place else "").casefold()
        for key in ("glow", "state_before", "state_after", "resurface"):
            assert row[key] == given_fields[key]
