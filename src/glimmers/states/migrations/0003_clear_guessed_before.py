"""Take back the "before" that Today's capture form guessed for another moment (issue 11).

Until now the form filled "How I was before" from any check-in of the last 30 minutes, whatever moment the
glimmer was dated — a week earlier, or 20 minutes before that check-in — and hid it under "More". This
clears a glimmer's `state_before` only when all three hold:

(a) it came from the web capture (`source = "web"`): the CLI, the API and imports were chosen by a person;
(b) its "before" is the state of a check-in made in the 30 minutes before the glimmer was kept
    (`created_at`) — what the old form would have filled in;
(c) no check-in at all was made in the 30 minutes before the glimmer's own moment (`noticed_at`), so the
    new rule would not have filled it.

It lives in states because it reads check-ins (the journal may not). It works in batches, on SQLite and
PostgreSQL alike, and says how many it changed (on stderr, when the journal has any glimmers). Going back leaves the glimmers as they are.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Any

from django.db import migrations
from django.db.models import Exists, OuterRef

WINDOW = timedelta(minutes=30)
BATCH = 500


def guessed(apps: Any) -> Any:
    """The glimmers whose "before" was guessed by the old form, as a queryset (conditions a–c above)."""
    glimmer = apps.get_model("journal", "Glimmer")
    checkin = apps.get_model("states", "CheckIn")
    same_owner = checkin.objects.filter(owner=OuterRef("owner"))
    old_prefill = same_owner.filter(
        state=OuterRef("state_before"),
        at__gte=OuterRef("created_at") - WINDOW,
        at__lte=OuterRef("created_at"),
    )
    fits_its_moment = same_owner.filter(at__gte=OuterRef("noticed_at") - WINDOW, at__lte=OuterRef("noticed_at"))
    return (
        glimmer.objects.filter(source="web")
        .exclude(state_before="")
        .filter(Exists(old_prefill))
        .exclude(Exists(fits_its_moment))
    )


def clear_guessed_before(apps: Any, schema_editor: Any) -> None:
    glimmer = apps.get_model("journal", "Glimmer")
    changed = 0
    while True:
        ids = list(guessed(apps).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not ids:
            break
        # Each batch leaves the set (its "before" is now empty), so the next query finds the rest.
        changed += glimmer.objects.filter(pk__in=ids).update(state_before="")
    if changed or glimmer.objects.exists():
        # Said on stderr (`glimmers migrate` runs quietly, and stdout may be a command's --json); a fresh
        # database says nothing.
        plural = "" if changed == 1 else "s"
        sys.stderr.write(f"Glimmers: a “before” guessed for another moment was cleared on {changed} glimmer{plural}.\n")


class Migration(migrations.Migration):
    dependencies = [
        ("states", "0002_plain_state_words"),
        ("journal", "0004_search_index_no_pending_list"),
    ]

    operations = [migrations.RunPython(clear_guessed_before, migrations.RunPython.noop, elidable=True)]
