"""What `glimmers restore` does once the files are in place: bring an older schema up to date, check the
database's integrity, and count what is there."""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection

from glimmers.lib.errors import UserError


def after_restore() -> str:
    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA integrity_check")
            result = cursor.fetchone()[0]
        if result != "ok":
            raise UserError(f"The restored database failed its integrity check: {result}.")
    from glimmers.accounts.models import User
    from glimmers.journal.models import Glimmer

    people, glimmers = User.objects.count(), Glimmer.objects.count()
    return f"{people} account{'s' if people != 1 else ''}, {glimmers} glimmer{'s' if glimmers != 1 else ''}"
