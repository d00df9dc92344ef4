"""The export's fast reading of glimmers gives exactly the one JSON shape `journal.services.as_dict` gives."""

from __future__ import annotations

import json
from typing import Any

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.models import Glimmer
from glimmers.portability import glimmer_rows


def test_every_row_equals_as_dict(alice: User, bob: User, alices_journal: dict[str, Any]) -> None:
    journal.create_glimmer(alice, text="zz", people=["bea", "Anna", "anna b"], tags=["b", "A"], time_zone="Asia/Tokyo")
    journal.create_glimmer(alice, text="on the hour", when="2026-03-29T01:00:00", time_zone="Europe/London")
    journal.create_glimmer(bob, text="bob's")
    expected = [journal.as_dict(glimmer) for glimmer in Glimmer.objects.owned_by(alice).with_details().order_by("id")]
    rows = [row for batch in glimmer_rows.batches(alice, 2) for row in batch]
    assert rows == expected


def test_every_json_text_is_what_the_encoder_gives_for_as_dict(alice: User, alices_journal: dict[str, Any]) -> None:
    journal.create_glimmer(alice, text='"quoted" \\ tab\tline\n\u2028 ✨ עברית', why="", glow=None, senses=[])
    journal.create_glimmer(
        alice, text="zz", people=['b "q"', "Anna", "anna b"], tags=["b", "Ä"], time_zone="Asia/Tokyo"
    )
    journal.create_glimmer(alice, text="on the hour", when="2026-03-29T01:00:00", time_zone="Europe/London")
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    glimmers = Glimmer.objects.owned_by(alice).with_details().order_by("id")
    expected = [encode(journal.as_dict(glimmer)) for glimmer in glimmers]
    assert [text for batch in glimmer_rows.json_batches(alice, 2) for text in batch] == expected


def test_oldest_first_walks_by_when_they_were_noticed_in_batches(alice: User) -> None:
    for day in (5, 1, 3, 3, 2):
        journal.create_glimmer(alice, text=f"day {day}", when=f"2026-03-0{day}T08:00:00")
    rows = [row["text"] for batch in glimmer_rows.batches(alice, 2, oldest_first=True) for row in batch]
    assert rows == ["day 1", "day 2", "day 3", "day 3", "day 5"]


def test_times_read_as_text_come_out_as_isoformat_gives_them() -> None:
    from datetime import UTC, datetime

    for text in ("2026-03-14 18:00:00", "2026-03-14 18:00:00.000500", "2026-03-14 18:00:00.5", "2026-03-14T18:00:00"):
        assert glimmer_rows._utc_text(text) == datetime.fromisoformat(text).replace(tzinfo=UTC).isoformat()
    assert glimmer_rows._utc_text("2026-03-14 19:00:00.25+01") == "2026-03-14T18:00:00.250000+00:00"
    assert glimmer_rows._uuid("0123456789abcdef0123456789abcdef") == "01234567-89ab-cdef-0123-456789abcdef"
