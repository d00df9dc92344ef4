"""Erasing an account: locked and signed out everywhere first, then every row of that person in short
batches (no long write lock on SQLite), then the account itself.

The rows are found through portability.tables.ERASED, which the guard keeps complete. Sessions and sign-in
throttle records don't point at the user with a foreign key (a session stores the user's id inside signed
data; django-axes keeps the username), and a command-line process runs without those apps, so they are read
and deleted through their tables directly when the tables are there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.db import connection, transaction

from glimmers.portability.tables import ERASED

if TYPE_CHECKING:
    from glimmers.accounts.models import User

BATCH = 500
SESSION_SALT = "django.contrib.sessions.SessionStore"  # what Django's database sessions sign with
AXES_TABLES = ("axes_accessattempt", "axes_accesslog", "axes_accessfailurelog")
AXES_EXPIRY = "axes_accessattemptexpiration"


def erase_account(user: User, *, batch: int = BATCH) -> None:
    lock(user)
    end_sessions(user.pk, batch=batch)
    forget_sign_in_attempts(user.username)
    for label, path in ERASED:
        model = apps.get_model(label)
        rows = model._base_manager.filter(**{path: user})
        while True:
            with transaction.atomic():
                ids = list(rows.values_list("pk", flat=True)[:batch])
                if not ids:
                    break
                model._base_manager.filter(pk__in=ids).delete()
    user.delete()


def lock(user: User) -> None:
    """No new sign-in, token or session works from here on: the account is inactive (Django's backends
    refuse it), its password unusable (every session's hash check fails), its tokens gone."""
    with transaction.atomic():
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
        user.api_tokens.all().delete()


def end_sessions(user_id: int, *, batch: int = BATCH) -> int:
    """Delete every stored session signed in as this user. Returns how many."""
    from django.core import signing
    from django.core.signing import JSONSerializer

    if "django_session" not in connection.introspection.table_names():
        return 0
    ended = 0
    last = ""
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT session_key, session_data FROM django_session WHERE session_key > %s "
                "ORDER BY session_key LIMIT %s",
                [last, batch],
            )
            rows = cursor.fetchall()
        if not rows:
            return ended
        last = rows[-1][0]
        mine = []
        for key, data in rows:
            try:
                session = signing.loads(data, salt=SESSION_SALT, serializer=JSONSerializer)
            except (signing.BadSignature, ValueError):
                continue  # damaged or signed with another key: no one can use it anyway
            if str(session.get("_auth_user_id")) == str(user_id):
                mine.append(key)
        if mine:
            with transaction.atomic(), connection.cursor() as cursor:
                marks = ", ".join(["%s"] * len(mine))
                cursor.execute(f"DELETE FROM django_session WHERE session_key IN ({marks})", mine)  # noqa: S608
            ended += len(mine)


def forget_sign_in_attempts(username: str) -> None:
    """The sign-in throttle's records of this username (django-axes) go too; an attempt's expiry row first,
    since it points at the attempt."""
    present = set(connection.introspection.table_names())
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if AXES_EXPIRY in present and "axes_accessattempt" in present:
            cursor.execute(
                f"DELETE FROM {quote(AXES_EXPIRY)} WHERE access_attempt_id IN "  # noqa: S608
                f"(SELECT id FROM {quote('axes_accessattempt')} WHERE username = %s)",
                [username],
            )
        for table in AXES_TABLES:
            if table in present:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)} WHERE username = %s", [username])  # noqa: S608
