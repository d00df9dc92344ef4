"""The text rules (DESIGN §2), the same for every channel: web, API, CLI and importers.

Text is kept exactly as given, except that control characters other than tab and newline
are removed (NUL among them: PostgreSQL refuses it, SQLite keeps it, so both end up the
same), CRLF becomes LF, and white space at either end is trimmed. Text that is not valid
Unicode (a lone surrogate) is refused with a clear message rather than mangled.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

# The limits every channel keeps (web forms, API schemas, CLI, importers): a glimmer's text or why, a
# name, and how many people or tags one glimmer may carry (so that no one request holds the database
# for long, whatever it sends).
TEXT_LIMIT = 2000
NAME_LIMIT = 100
NAMES_LIMIT = 50

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_HASHTAG = re.compile(r"(?<![\w&#/])#(\w[\w-]*)")


def clean_text(value: str, *, label: str, limit: int = TEXT_LIMIT, required: bool = False) -> str:
    if _SURROGATE.search(value):
        raise ValidationError(
            f"The {label} holds characters that aren't valid text (a broken emoji or symbol, perhaps). "
            "Please type or paste it again.",
            code="invalid_unicode",
        )
    cleaned = _CONTROL.sub("", value.replace("\r\n", "\n")).strip()
    if required and not cleaned:
        raise ValidationError(f"Please write a few words for the {label}.", code="required")
    if len(cleaned) > limit:
        raise ValidationError(
            f"The {label} is {len(cleaned):,} characters long; {limit:,} is the most it can hold. "
            "Could you shorten it a little?",
            code="too_long",
        )
    return cleaned


def clean_name(value: str, *, label: str, limit: int = NAME_LIMIT) -> str:
    """A name (a person's, place's, tag's, cue's, a ladder state's): the text rules, on one line, at most
    `limit` characters."""
    cleaned = " ".join(clean_text(value, label=label, limit=limit * 4).split())
    if len(cleaned) > limit:
        raise ValidationError(
            f"The {label} can be {limit} characters at most; “{cleaned[:20]}…” is longer.", code="too_long"
        )
    return cleaned


def hashtags(text: str) -> list[str]:
    """`#tags` written in the text, in order, without repeats (ignoring case)."""
    seen: dict[str, str] = {}
    for match in _HASHTAG.finditer(text):
        name = match.group(1).rstrip("-")
        seen.setdefault(name.lower(), name)
    return list(seen.values())


# `@Sam` names someone, `+beach` a place: a letter first, then letters, digits, "_" or "-"; "_" stands for
# a space (`@Aunt_May` is "Aunt May"). Not inside a word, so e-mail addresses and "2+2" are left alone.
_PERSON = re.compile(r"(?<![\w@+&#/])@([^\W\d_][\w-]*)")
_PLACE = re.compile(r"(?<![\w@+&#/])\+([^\W\d_][\w-]*)")


def _mentioned(pattern: re.Pattern[str], text: str) -> list[str]:
    seen: dict[str, str] = {}
    for match in pattern.finditer(text):
        name = " ".join(match.group(1).rstrip("-").replace("_", " ").split())
        if name:
            seen.setdefault(name.lower(), name)
    return list(seen.values())


def mentioned_people(text: str) -> list[str]:
    """`@names` written in the text, in order, without repeats (ignoring case)."""
    return _mentioned(_PERSON, text)


def mentioned_places(text: str) -> list[str]:
    """`+places` written in the text, in order, without repeats (ignoring case)."""
    return _mentioned(_PLACE, text)


def new_in(found: list[str], before: list[str]) -> list[str]:
    """What an edit added: the names in `found` that `before` did not have (ignoring case)."""
    had = {name.lower() for name in before}
    return [name for name in found if name.lower() not in had]
