"""CSV cells can't run as formulas and still give back every text; Markdown reads as a journal by month."""

from __future__ import annotations

import csv
import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.portability import cells, services

DANGEROUS = ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=already quoted", "''=twice", "'+", "=cmd|' /C calc'!A0"]


def test_a_cell_that_could_run_as_a_formula_gets_one_quote() -> None:
    for text in DANGEROUS:
        assert cells.neutralise(text) == "'" + text
    for text in ("plain", "'just a quote", "1+1", "a=b", "", "'", "€5"):
        assert cells.neutralise(text) == text


@given(st.text())
def test_neutralising_then_restoring_gives_back_every_text(text: str) -> None:
    assert cells.restore(cells.neutralise(text)) == text
    assert not cells.neutralise(text).startswith(cells.STARTS)


def _csv(user: User, name: str) -> list[dict[str, str]]:
    data = b"".join(services.export(user, "csv"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = archive.read(f"{name}.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_export_neutralises_formulas_and_round_trips_the_text(alice: User) -> None:
    texts = ['=HYPERLINK("http://x")', "+44 20 7946 0000 rang", "-ish, a calm day", "@home at last", "'=quoted"]
    for text in texts:
        journal.create_glimmer(alice, text=text, people=["=Mum"], why="=why", mentions=False)
    rows = _csv(alice, "glimmers")
    assert sorted(cells.restore(row["text"]) for row in rows) == sorted(texts)
    for row in rows:
        assert not row["text"].startswith(("=", "+", "-", "@"))
        assert row["why"] == "'=why"
        assert row["people"] == '["=Mum"]'  # a list is a JSON array, which can't start a formula
    [person] = _csv(alice, "people")
    assert person["name"] == "'=Mum"


def test_every_kind_has_its_own_csv_file(alice: User) -> None:
    data = b"".join(services.export(alice, "csv"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
    assert {"account.csv", "glimmers.csv", "people.csv", "check_ins.csv", "ladder_map.csv", "anchors.csv"} <= names


def test_the_markdown_export_groups_glimmers_by_month_oldest_first(alice: User) -> None:
    journal.create_glimmer(alice, text="# not a heading\nsecond line", when="2026-03-02T08:00:00")
    journal.create_glimmer(alice, text="birdsong", when="2026-01-05T08:00:00", people=["Anna"], glow=3)
    text = b"".join(services.export(alice, "markdown")).decode()
    assert text.index("## January 2026") < text.index("birdsong") < text.index("## March 2026")
    assert "With: Anna" in text and "Glow: 3 of 5" in text
    assert "\\# not a heading\nsecond line" in text  # the person's words never become the document's headings
