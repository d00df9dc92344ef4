"""Every operation on the ladder: the map, check-ins, hard moments, cues, and the settings.

Views, the API and the CLI all come here. Reads go through `owned_by(user)`; a function never
takes an id without the user, and someone else's thing is NotFound, the same as a missing one.
Reading views of the data (the day, the balance, a cue's story) live in glimmers.states.reading.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.accounts.zones import zone_named
from glimmers.journal import services as journal
from glimmers.journal.folding import words as search_words
from glimmers.journal.models import State
from glimmers.journal.text import clean_name, clean_text
from glimmers.lib.errors import NotFound
from glimmers.lib.errors import full_uuid as _full_uuid
from glimmers.lib.errors import on_field as _field
from glimmers.lib.owned import OwnedQuerySet
from glimmers.lib.paging import Page, keyset_page
from glimmers.lib.when import parse_when
from glimmers.states.ladder import Ladder, Rung, ladder_from, resolve_state
from glimmers.states.models import CheckIn, Cue, LadderMap, StatesSettings, Trigger
from glimmers.states.palette import (
    CUE_NAME_LIMIT,
    FIELD_LIMIT,
    FIELDS,
    HARD_MOMENT_LIMIT,
    LADDER,
    NAME_LIMIT,
    NOTE_LIMIT,
    PALETTE,
    STORY_FIELDS,
    STORY_LIMIT,
    WORD_LIMIT,
)
from glimmers.states.words import clean_words

PREFILL_WINDOW = timedelta(minutes=30)  # a check-in this soon before a glimmer's moment may be its "before"
PAGE_SIZE = 20
MIN_PREFIX = 6
UNSET: Any = object()  # "leave this as it is" in an edit

HARD_MOMENTS_OFF = (
    "Hard moments are turned off. You can turn them on in Settings, under “Hard moments”; "
    "nothing you kept before is lost."
)


class HardMomentsOff(ValidationError):
    """Hard moments were asked for while the setting is off (the API answers 400, the CLI exits 1)."""

    def __init__(self) -> None:
        super().__init__(HARD_MOMENTS_OFF, code="hard_moments_off")


def _at(when: str | datetime | None, zone: ZoneInfo) -> datetime:
    """A moment that has happened: now, or a time in words or digits read in `zone`."""
    now = timezone.now()
    if when is None or when == "":
        return now
    moment = when if isinstance(when, datetime) else parse_when(when, zone, now)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=zone)
    if moment > now + journal.FUTURE_GRACE:
        raise ValidationError("That time is more than a day ahead. When was it?", code="future")
    if moment < journal.EARLIEST:
        raise ValidationError("That time is before 1900. Please check the year.", code="too_early")
    return moment


# --- the ladder map -------------------------------------------------------------------------------


def ladder_for(user: User) -> Ladder:
    """The person's ladder: their own words where written, short plain defaults elsewhere. One query."""
    return ladder_from(LadderMap.objects.owned_by(user).first())


def _clean_rung(state: str, values: Mapping[str, Any]) -> dict[str, str]:
    """The columns for one rung from what was given; unknown states, colours or long texts are refused."""
    columns: dict[str, str] = {}
    label = f"“{State(state).label}”"  # the plain words: the method's terms stay on the ladder's help page
    if "name" in values:
        columns[f"{state}_name"] = _field(
            "name", clean_name, values["name"] or "", label=f"name for {label}", limit=NAME_LIMIT
        )
    if "colour" in values:
        colour = (values["colour"] or "").strip().lower()
        if colour and colour not in PALETTE:
            raise ValidationError(
                {"colour": [f"“{values['colour']}” isn't one of the ladder's colours: {', '.join(PALETTE)}."]}
            )
        columns[f"{state}_colour"] = colour
    for key, question in FIELDS.items():
        if key in values:
            columns[f"{state}_{key}"] = _field(
                key, clean_text, values[key] or "", label=f"“{question.lower()}” for {label}", limit=FIELD_LIMIT
            )
    return columns


def _check_names(ladder: Ladder) -> None:
    """Each rung needs a name of its own, so "where am I?" in words always means one state."""
    seen: dict[str, str] = {}
    for rung in ladder.top_to_bottom:
        key = rung.name.casefold()
        clash = seen.get(key) or next((s for s in LADDER if s == key and s != rung.state), None)
        if clash:
            raise ValidationError(
                {"name": [f"“{rung.name}” already names another state on your ladder. Please choose another name."]}
            )
        seen[key] = rung.state
        if ladder.state_of_word(key) not in (None, rung.state):
            raise ValidationError(
                {"name": [f"“{rung.name}” is one of your words for another state. Please choose another name."]}
            )


def update_ladder(user: User, rungs: Mapping[str, Mapping[str, Any]], *, replace: bool = False) -> Ladder:
    """Change the map: for each state given, only the fields given (`replace`: every field of every
    state; what is left out is cleared). Everything is checked before anything is saved."""
    unknown = [state for state in rungs if state not in LADDER]
    if unknown:
        raise ValidationError(f"The ladder has three states — {', '.join(LADDER)} — not “{unknown[0]}”.")
    columns: dict[str, str] = {}
    for state in LADDER:
        given = rungs.get(state, {})
        if replace:
            given = {key: given.get(key, "") for key in ("name", "colour", *FIELDS)}
        columns.update(_clean_rung(state, given))
    with transaction.atomic():
        ladder_map, _created = LadderMap.objects.select_for_update().get_or_create(owner=user)
        for column, value in columns.items():
            setattr(ladder_map, column, value)
        ladder = ladder_from(ladder_map)
        _check_names(ladder)
        ladder_map.save()
    return ladder


def update_rung(user: User, state: str, **values: Any) -> Ladder:
    """One step of the map (the web's guided page, `glimmers ladder edit`)."""
    return update_ladder(user, {state: {key: value for key, value in values.items() if value is not UNSET}})


# --- each state's own words -----------------------------------------------------------------------


def _check_words(ladder: Ladder, state: str, words: list[str]) -> None:
    """A word means one state: it may not be another state's name, nor on another state's list."""
    for word in words:
        key = word.casefold()
        for rung in ladder.top_to_bottom:
            if rung.state == state:
                continue
            if key in (rung.state, rung.name.casefold(), rung.standard.casefold()):
                raise ValidationError(
                    {"words": [f"“{word}” is the name of another state on your ladder. Please choose another word."]}
                )
            if key in map(str.casefold, rung.words):
                raise ValidationError(
                    {"words": [f"“{word}” is already one of your words for “{rung.name}”: a word can mean one state."]}
                )


def _known_state(state: str) -> str:
    if state not in LADDER:
        raise ValidationError(f"The ladder has three states — {', '.join(LADDER)} — not “{state}”.", code="state")
    return state


def set_words(user: User, words_by_state: Mapping[str, list[str]]) -> Ladder:
    """Replace the word lists of the states given (the others stay). Empty words are dropped and repeats
    merged; a list past the limit, or a word that already means another state, is refused — and then
    nothing is saved."""
    before = ladder_for(user)  # the person's names, for the messages
    cleaned = {
        state: _field("words", clean_words, words, state_name=before.name(_known_state(state)))
        for state, words in words_by_state.items()
    }
    with transaction.atomic():
        ladder_map, _created = LadderMap.objects.select_for_update().get_or_create(owner=user)
        for state, words in cleaned.items():
            setattr(ladder_map, f"{state}_words", words)
        ladder = ladder_from(ladder_map)
        for state, words in cleaned.items():
            _check_words(ladder, state, words)
        ladder_map.save()
    return ladder


def add_words(user: User, state: str, words: list[str]) -> Ladder:
    """Add to one state's list (a word already there is merged, not doubled)."""
    return set_words(user, {state: [*ladder_for(user)[_known_state(state)].words, *words]})


def remove_words(user: User, words: list[str]) -> tuple[Ladder, list[str]]:
    """Take words off whichever lists hold them (ignoring case); gives the ladder and the words not found."""
    ladder = ladder_for(user)
    wanted = {" ".join(word.split()).casefold() for word in words}
    lists = {r.state: [w for w in r.words if w.casefold() not in wanted] for r in ladder.top_to_bottom}
    held = {w.casefold() for r in ladder.top_to_bottom for w in r.words}
    missing = [word for word in words if " ".join(word.split()).casefold() not in held]
    return set_words(user, lists), missing


# --- landmark stories -----------------------------------------------------------------------------


def set_stories(user: User, stories: Mapping[str, Mapping[str, Any]]) -> Ladder:
    """Write the landmark stories of the states given: for each, only the answers given ("" clears one).
    Every answer is checked before anything is saved."""
    columns: dict[str, str] = {}
    for state, answers in stories.items():
        _known_state(state)
        unknown = [key for key in answers if key not in STORY_FIELDS]
        if unknown:
            raise ValidationError(f"A landmark story has {', '.join(STORY_FIELDS)} — not “{unknown[0]}”.")
        for key, value in answers.items():
            label = f"answer to “{STORY_FIELDS[key]}”"
            columns[f"{state}_story_{key}"] = _field(key, clean_text, value or "", label=label, limit=STORY_LIMIT)
    with transaction.atomic():
        ladder_map, _created = LadderMap.objects.select_for_update().get_or_create(owner=user)
        for column, value in columns.items():
            setattr(ladder_map, column, value)
        ladder_map.save()
    return ladder_from(ladder_map)


def stories_matching(user: User, text: str, ladder: Ladder | None = None) -> list[Rung]:
    """The states whose landmark story holds every word of `text`, read as search reads words. No query
    beyond the ladder's (already read on the page)."""
    ladder = ladder or ladder_for(user)
    wanted = search_words(text)
    return [rung for rung in ladder.top_to_bottom if rung.story_matches(wanted)]


def state_named(user: User, word: str, ladder: Ladder | None = None) -> str:
    """A state from its standard name, the person's own, or one of their words, ignoring case."""
    return resolve_state(ladder or ladder_for(user), word)


# --- check-ins ------------------------------------------------------------------------------------


def check_in(
    user: User,
    *,
    state: str = "",
    word: str = "",
    note: str = "",
    when: str | datetime | None = None,
    time_zone: str | None = None,
    ladder: Ladder | None = None,
) -> CheckIn:
    """ "Where am I?" — by the standard name, the person's own, or one of their words. A `word` given with a
    state is recorded as it is (a chip from before the list was edited still lands on the state it showed);
    a word alone finds its state. Nothing else is set off by it."""
    ladder = ladder or ladder_for(user)
    if not (state or "").strip() and not (word or "").strip():
        raise ValidationError({"state": ["Please say where you are: a state on your ladder, or one of your words."]})
    zone_name = time_zone or user.time_zone
    zone = _field("time_zone", zone_named, zone_name)
    chosen = _field("state", state_named, user, state if (state or "").strip() else word, ladder)
    if (word or "").strip():
        word = _field("word", clean_name, word, label="word", limit=WORD_LIMIT)
        if ladder.state_of_word(word) == chosen:
            word = ladder.own_word(word)  # kept as the person spells it on their list
    elif ladder.state_of_word(state) == chosen:
        word = ladder.own_word(state)  # `glimmers checkin foggy`: recorded with the word, as a chip would be
    checkin = CheckIn(
        owner=user,
        state=chosen,
        word=word or "",
        note=_field("note", clean_text, note or "", label="note", limit=NOTE_LIMIT),
        at=_field("when", _at, when, zone),
        time_zone=zone_name,
    )
    checkin.local_date = checkin.at.astimezone(zone).date()
    checkin.save()
    return checkin


def checkins_of(user: User) -> OwnedQuerySet[CheckIn]:
    return CheckIn.objects.owned_by(user)


def list_checkins(user: User, *, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[CheckIn]:
    return keyset_page(checkins_of(user), cursor=cursor, limit=limit, key="at")


def get_checkin(user: User, checkin_id: str | uuid.UUID) -> CheckIn:
    try:
        return checkins_of(user).get(uuid=_full_uuid(checkin_id))
    except CheckIn.DoesNotExist:
        raise NotFound(str(checkin_id)) from None


def delete_checkin(user: User, checkin_id: str | uuid.UUID) -> None:
    get_checkin(user, checkin_id).delete()


def recent_checkin(user: User, *, now: datetime | None = None) -> CheckIn | None:
    """The latest check-in of the 30 minutes before `now`: Today's capture form offers it as "before"."""
    now = now or timezone.now()
    return checkins_of(user).filter(at__gte=now - PREFILL_WINDOW, at__lte=now).order_by("-at", "-id").first()


def state_before_from(user: User, checkin_id: str | uuid.UUID, moment: datetime) -> str:
    """The state of a check-in offered as a glimmer's "before" — only when it was made in the 30 minutes
    before the glimmer's own moment; "" for one dated earlier, later, or a check-in that is gone. A "before"
    is never guessed for another moment (it feeds every "moved up" count)."""
    try:
        checkin = get_checkin(user, checkin_id)
    except (NotFound, ValidationError):
        return ""
    return checkin.state if moment - PREFILL_WINDOW <= checkin.at <= moment else ""


# --- settings -------------------------------------------------------------------------------------


def hard_moments_on(user: User) -> bool:
    return StatesSettings.objects.owned_by(user).filter(hard_moments=True).exists()


def set_hard_moments(user: User, on: bool) -> bool:
    """Turning hard moments off hides them everywhere and deletes nothing; turning on shows them again."""
    StatesSettings.objects.update_or_create(owner=user, defaults={"hard_moments": bool(on)})
    return bool(on)


# --- cues -----------------------------------------------------------------------------------------


def cues_of(user: User) -> OwnedQuerySet[Cue]:
    return Cue.objects.owned_by(user)


def get_cue(user: User, cue_id: str | uuid.UUID) -> Cue:
    try:
        return cues_of(user).get(uuid=_full_uuid(cue_id))
    except Cue.DoesNotExist:
        raise NotFound(str(cue_id)) from None


def find_cue(user: User, words: str) -> Cue:
    """For the command line: a cue by its name (ignoring case), its id, or a unique id prefix."""
    name = " ".join(words.split())
    by_name = cues_of(user).filter(name__iexact=name).first()
    if by_name is not None:
        return by_name
    wanted = name.lower().replace("-", "")
    if len(wanted) >= MIN_PREFIX and all(ch in "0123456789abcdef" for ch in wanted):
        low, high = uuid.UUID(wanted.ljust(32, "0")[:32]), uuid.UUID(wanted.ljust(32, "f")[:32])
        matches = list(cues_of(user).filter(uuid__gte=low, uuid__lte=high)[:2])
        if len(matches) == 1:
            return matches[0]
    raise NotFound(words)


def _cue_name(value: str) -> str:
    name = clean_name(value or "", label="cue's name", limit=CUE_NAME_LIMIT)
    if not name:
        raise ValidationError("Please give the cue a name, like “the dog” or “rain on the window”.", code="required")
    return name


def _save_cue(cue: Cue) -> Cue:
    try:
        with transaction.atomic():
            cue.save()
    except IntegrityError:
        raise ValidationError({"name": [f"You already have a cue called “{cue.name}”."]}, code="taken") from None
    return cue


def create_cue(user: User, *, name: str, note: str = "") -> Cue:
    cue = Cue(
        owner=user,
        name=_field("name", _cue_name, name),
        note=_field("note", clean_text, note or "", label="note", limit=FIELD_LIMIT),
    )
    return _save_cue(cue)


def cue_called(user: User, name: str) -> Cue:
    """The person's cue with this name (ignoring case), made when there is none yet."""
    clean = _field("cue", _cue_name, name)
    return cues_of(user).filter(name__iexact=clean).first() or _save_cue(Cue(owner=user, name=clean))


def update_cue(user: User, cue_id: str | uuid.UUID, *, name: str = UNSET, note: str = UNSET) -> Cue:
    """Rename a cue or change its note; its glimmers and hard moments stay with it."""
    cue = get_cue(user, cue_id)
    if name is not UNSET:
        cue.name = _field("name", _cue_name, name)
    if note is not UNSET:
        cue.note = _field("note", clean_text, note or "", label="note", limit=FIELD_LIMIT)
    return _save_cue(cue)


def delete_cue(user: User, cue_id: str | uuid.UUID) -> None:
    """The cue goes; its glimmers and hard moments stay, without it."""
    get_cue(user, cue_id).delete()


def link_glimmer(user: User, cue_id: str | uuid.UUID, glimmer_id: str | uuid.UUID) -> Cue:
    """Say a glimmer came with a cue. Both must be the person's own (else NotFound)."""
    cue = get_cue(user, cue_id)
    cue.glimmers.add(journal.get_glimmer(user, glimmer_id))
    return cue


def unlink_glimmer(user: User, cue_id: str | uuid.UUID, glimmer_id: str | uuid.UUID) -> Cue:
    cue = get_cue(user, cue_id)
    cue.glimmers.remove(journal.get_glimmer(user, glimmer_id))
    return cue


# --- hard moments ---------------------------------------------------------------------------------


def hard_moments_of(user: User) -> OwnedQuerySet[Trigger]:
    """The person's hard moments; HardMomentsOff while the setting is off (they are kept, unseen)."""
    if not hard_moments_on(user):
        raise HardMomentsOff
    return Trigger.objects.owned_by(user)


def add_hard_moment(
    user: User,
    *,
    text: str,
    state: str | None = None,
    cue: str | None = None,
    when: str | datetime | None = None,
    time_zone: str | None = None,
) -> Trigger:
    """A short note of what moved me down: when, where on the ladder, and what came with it (optional)."""
    if not hard_moments_on(user):
        raise HardMomentsOff
    zone_name = time_zone or user.time_zone
    zone = _field("time_zone", zone_named, zone_name)
    moment = Trigger(
        owner=user,
        text=_field("text", clean_text, text or "", label="hard moment", limit=HARD_MOMENT_LIMIT, required=True),
        state=_field("state", state_named, user, state) if state else "",
        at=_field("when", _at, when, zone),
        time_zone=zone_name,
    )
    moment.local_date = moment.at.astimezone(zone).date()
    with transaction.atomic():
        moment.cue = cue_called(user, cue) if cue and cue.strip() else None
        moment.save()
    return moment


def list_hard_moments(user: User, *, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[Trigger]:
    return keyset_page(hard_moments_of(user).select_related("cue"), cursor=cursor, limit=limit, key="at")


def get_hard_moment(user: User, moment_id: str | uuid.UUID) -> Trigger:
    """Missing and someone else's are NotFound first; one's own while the setting is off is HardMomentsOff."""
    try:
        moment = Trigger.objects.owned_by(user).select_related("cue").get(uuid=_full_uuid(moment_id))
    except Trigger.DoesNotExist:
        raise NotFound(str(moment_id)) from None
    if not hard_moments_on(user):
        raise HardMomentsOff
    return moment


def delete_hard_moment(user: User, moment_id: str | uuid.UUID) -> None:
    get_hard_moment(user, moment_id).delete()
