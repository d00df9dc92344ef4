"""Every operation on accounts, tokens and the first-run link. Views, the API and the CLI call these."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from glimmers.accounts.models import ApiToken, FirstRunLink, User
from glimmers.accounts.zones import clean_time_zone
from glimmers.lib.errors import NotFound, UserError

FIRST_RUN_LIFETIME = timedelta(minutes=15)
TOKEN_PREFIX = "glm"
# Writing "last used" on every request would turn every read into a write; once a minute is plenty.
LAST_USED_RESOLUTION = timedelta(minutes=1)
LAST_USED_WAIT_MS = 200
logger = logging.getLogger(__name__)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# --- time zones -----------------------------------------------------------------------------------


# One check for every app, in glimmers.accounts.zones: `clean_time_zone` and `time_zone_names` from there.


# --- people ---------------------------------------------------------------------------------------


def clean_username(name: str) -> str:
    name = name.strip()
    field = User._meta.get_field("username")
    if not name:
        raise ValidationError("Please choose a name to sign in with.", code="required")
    if len(name) > 150:
        raise ValidationError("That name is long: 150 characters at most, please.", code="max_length")
    try:
        for validator in field.validators:
            validator(name)
    except ValidationError:
        raise ValidationError(
            "A name can use letters, digits and . @ + - _ (no spaces).", code="invalid_username"
        ) from None
    return name


def validate_new_password(password: str, user: User | None = None) -> None:
    password_validation.validate_password(password, user)


def create_user(username: str, password: str, *, time_zone: str = "UTC") -> User:
    username = clean_username(username)
    time_zone = clean_time_zone(time_zone)
    candidate = User(username=username, time_zone=time_zone)
    validate_new_password(password, candidate)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"Someone already uses the name “{username}”. Please choose another.", code="taken")
    candidate.set_password(password)
    try:
        candidate.save()
    except IntegrityError:
        raise ValidationError(
            f"Someone already uses the name “{username}”. Please choose another.", code="taken"
        ) from None
    return candidate


def user_by_name(username: str) -> User:
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        raise NotFound(username) from None


def list_users() -> list[User]:
    return list(User.objects.order_by("username"))


def any_user_exists() -> bool:
    return User.objects.exists()


def set_password(user: User, password: str) -> None:
    validate_new_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def delete_user(user: User) -> None:
    """Erase the account and everything it owns: through the erasure an app above registers (portability:
    locked and signed out first, then every row in short batches), else through the database's cascades."""
    from glimmers.lib import erasure

    erase = erasure.eraser()
    if erase is None:
        user.delete()
    else:
        erase(user)


def update_profile(
    user: User, *, time_zone: str | None = None, on_this_day: bool | None = None, from_before: bool | None = None
) -> User:
    """Change what is given of the profile: the time zone, and whether Today shows "on this day" and offers
    "a glimmer from before"."""
    changed = []
    if time_zone is not None:
        user.time_zone = clean_time_zone(time_zone)
        changed.append("time_zone")
    if on_this_day is not None:
        user.on_this_day = bool(on_this_day)
        changed.append("on_this_day")
    if from_before is not None:
        user.from_before = bool(from_before)
        changed.append("from_before")
    if changed:
        user.save(update_fields=changed)
    return user


def set_low_energy(user: User, on: bool) -> User:
    """Low-energy mode: no typing, big targets, very few words. A setting of the person's, honoured by
    every app (the kit, the ladder's check-in control, and apps to come)."""
    user.low_energy = bool(on)
    user.save(update_fields=["low_energy"])
    return user


def user_for_command_line(name: str | None) -> User:
    """The account a command acts for: the one named, else the only one there is."""
    if name:
        try:
            return user_by_name(name)
        except NotFound:
            raise UserError(f"There's no account called “{name}”. `glimmers user list` shows who is here.") from None
    users = list(User.objects.order_by("username")[:2])
    if not users:
        raise UserError("There's no account yet. Create one with: glimmers user create NAME")
    if len(users) > 1:
        raise UserError("Several people use this Glimmers: say whose journal with --user NAME (or GLIMMERS_USER).")
    return users[0]


# --- first run ------------------------------------------------------------------------------------


def create_first_run_link() -> str | None:
    """A fresh one-time token while nobody has an account yet (None once someone has).

    Earlier unused links stop working, so only the newest printed link is live.
    """
    if any_user_exists():
        return None
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        FirstRunLink.objects.filter(used_at__isnull=True).delete()
        FirstRunLink.objects.create(digest=_digest(token), expires_at=timezone.now() + FIRST_RUN_LIFETIME)
    return token


def first_run_link_is_live(token: str) -> bool:
    now = timezone.now()
    return (
        not any_user_exists()
        and FirstRunLink.objects.filter(digest=_digest(token), used_at__isnull=True, expires_at__gt=now).exists()
    )


def complete_first_run(token: str, *, username: str, password: str, time_zone: str) -> User:
    """Create the first account through a live link, and spend the link. Raises NotFound for a dead link."""
    with transaction.atomic():
        now = timezone.now()
        link = (
            FirstRunLink.objects.select_for_update()
            .filter(digest=_digest(token), used_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if link is None or any_user_exists():
            raise NotFound("first-run link")
        user = create_user(username, password, time_zone=time_zone)
        user.is_staff = user.is_superuser = True  # the person who set this server up runs it
        user.save(update_fields=["is_staff", "is_superuser"])
        link.used_at = now
        link.save(update_fields=["used_at"])
    return user


# --- API tokens -----------------------------------------------------------------------------------


def create_token(user: User, *, name: str = "", read_only: bool = False) -> tuple[ApiToken, str]:
    """Make a token; the plain token is returned this once and never stored."""
    name = name.strip()
    if len(name) > 100:
        raise ValidationError("A token's name can be 100 characters at most.", code="max_length")
    for _attempt in range(5):
        key_id = secrets.token_hex(4)
        if not ApiToken.objects.filter(key_id=key_id).exists():
            break
    secret = secrets.token_urlsafe(32)
    plain = f"{TOKEN_PREFIX}_{key_id}_{secret}"
    token = ApiToken.objects.create(user=user, key_id=key_id, name=name, digest=_digest(plain), read_only=read_only)
    return token, plain


def list_tokens(user: User) -> list[ApiToken]:
    return list(ApiToken.objects.owned_by(user))


def revoke_token(user: User, key_id: str) -> None:
    deleted, _ = ApiToken.objects.owned_by(user).filter(key_id=key_id.strip()).delete()
    if not deleted:
        raise NotFound(key_id)


def authenticate_token(plain: str) -> ApiToken | None:
    """The live token for a presented string, or None. Compares digests in constant time."""
    parts = plain.strip().split("_", 2)  # the secret itself may contain "_"
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    token = ApiToken.objects.select_related("user").filter(key_id=parts[1]).first()
    if token is None or not hmac.compare_digest(token.digest, _digest(plain.strip())):
        return None
    if not token.user.is_active:
        return None
    _mark_used(token)
    return token


def _mark_used(token: ApiToken) -> None:
    """Note when a token was last used: at most once a minute, and never at the cost of the request.

    A conditional UPDATE, so that of many requests in the same minute (in any process) only one writes;
    outside the request's transaction and never waiting long for SQLite's write lock, so a busy moment
    leaves the time a little stale instead of failing a read."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at <= LAST_USED_RESOLUTION:
        return
    stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
    try:
        with _briefly(), transaction.atomic():
            ApiToken.objects.filter(stale, pk=token.pk).update(last_used_at=now)
    except DatabaseError as error:
        logger.warning("Couldn't note when token %s was last used: %s", token.key_id, error)
        return
    token.last_used_at = now


@contextmanager
def _briefly() -> Iterator[None]:
    """On SQLite, wait at most a fraction of a second for the write lock (the request itself waits longer)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        (waited,) = cursor.fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {LAST_USED_WAIT_MS}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(waited)}")
