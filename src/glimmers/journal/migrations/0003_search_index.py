"""Full-text search: each glimmer's search text filled in, then indexed the way its database does it.

SQLite: an FTS5 table with external content (the glimmer table's `search_text`), kept in step by
triggers on insert, on a change of the search text, and on delete; the bin only sets `deleted_at`, so
binning and restoring leave the index as it is and the owner-scoped queryset hides the bin.
PostgreSQL: a stored generated column `search_vector` = `to_tsvector('simple', search_text)`, with a GIN
index. docs/architecture.md says why.
"""

from typing import Any

from django.db import migrations

from glimmers.journal.folding import searchable

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE journal_glimmer_fts USING fts5(
        search_text, content='journal_glimmer', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER journal_glimmer_fts_insert AFTER INSERT ON journal_glimmer BEGIN
        INSERT INTO journal_glimmer_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER journal_glimmer_fts_delete AFTER DELETE ON journal_glimmer BEGIN
        INSERT INTO journal_glimmer_fts(journal_glimmer_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER journal_glimmer_fts_update AFTER UPDATE OF search_text ON journal_glimmer BEGIN
        INSERT INTO journal_glimmer_fts(journal_glimmer_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO journal_glimmer_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    "INSERT INTO journal_glimmer_fts(journal_glimmer_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS journal_glimmer_fts_insert",
    "DROP TRIGGER IF EXISTS journal_glimmer_fts_delete",
    "DROP TRIGGER IF EXISTS journal_glimmer_fts_update",
    "DROP TABLE IF EXISTS journal_glimmer_fts",
]
# A stored tsvector beside the text: matching and ranking read it rather than parsing the text again.
POSTGRES_CREATE = [
    "ALTER TABLE journal_glimmer ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED",
    "CREATE INDEX glimmer_search ON journal_glimmer USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS glimmer_search",
    "ALTER TABLE journal_glimmer DROP COLUMN IF EXISTS search_vector",
]


def fill_search_text(apps: Any, schema_editor: Any) -> None:
    Glimmer = apps.get_model("journal", "Glimmer")
    rows = Glimmer.objects.select_related("place").prefetch_related("people", "tags").order_by("pk")
    batch = []
    for glimmer in rows.iterator(chunk_size=2000):
        glimmer.search_text = searchable(
            glimmer.text,
            glimmer.why,
            [person.name for person in glimmer.people.all()],
            glimmer.place.name if glimmer.place else None,
            [tag.name for tag in glimmer.tags.all()],
        )
        batch.append(glimmer)
        if len(batch) >= 2000:
            Glimmer.objects.bulk_update(batch, ["search_text"])
            batch = []
    if batch:
        Glimmer.objects.bulk_update(batch, ["search_text"])


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("journal", "0002_search_text_and_archived")]

    operations = [
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
