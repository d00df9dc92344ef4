"""PostgreSQL: the search index takes each new glimmer's words at once (GIN `fastupdate = off`).

With PostgreSQL's default a GIN index gathers new entries in a pending list of up to 4 MB, which every
search reads through in full until (auto)vacuum merges it: after an import of 100,000 glimmers a search
for a rare word took 3 ms in the index instead of 0.1 ms. Writing straight into the index costs each
capture a fraction of a millisecond (filling 100,000 glimmers at once: 36 s rather than 30 s). The list
already pending is merged here. SQLite's FTS5 has nothing like it: nothing to do there.
"""

from typing import Any

from django.db import migrations


def _on_postgresql(*statements: str) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("journal", "0003_search_index")]

    operations = [
        migrations.RunPython(
            _on_postgresql(
                "ALTER INDEX glimmer_search SET (fastupdate = off)",
                "SELECT gin_clean_pending_list('glimmer_search'::regclass)",
            ),
            _on_postgresql("ALTER INDEX glimmer_search RESET (fastupdate)"),
        ),
    ]
