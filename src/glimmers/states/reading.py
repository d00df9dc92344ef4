"""Read-only views of the ladder's data, for every channel: a day on one line of time, the weekly balance,
what each cue came with — and the JSON shapes the API and `--json` share.

Each function makes a fixed number of queries, however much there is. Nothing here writes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal import services as journal
from glimmers.journal.ladder import moves
from glimmers.journal.models import Glimmer
from glimmers.journal.reading import glimmer_as_dict
from glimmers.states import services
from glimmers.states.ladder import Ladder, Rung, helps, moved_down, moved_up, shift
from glimmers.states.models import CheckIn, Cue, Trigger
from glimmers.states.palette import LADDER

MAX_WEEKS = 52


# --- cues -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CueSummary:
    cue: Cue
    glimmers: int
    moved_up: int
    moved_down: int
    hard_moments: int | None  # None while hard moments are off

    @property
    def helps(self) -> bool:
        return helps(self.moved_up)


def cue_summaries(user: User) -> list[CueSummary]:
    """Every cue with how many glimmers came with it and how many of those came with a move up. Two queries."""
    on = services.hard_moments_on(user)
    live = Q(glimmers__deleted_at__isnull=True)
    cues = services.cues_of(user).annotate(
        glimmer_count=Count("glimmers", filter=live, distinct=True),
        up_count=Count("glimmers", filter=live & moves("glimmers__", up=True), distinct=True),
        down_count=Count("glimmers", filter=live & moves("glimmers__", up=False), distinct=True),
        hard_count=Count("hard_moments", distinct=True),
    )
    return [
        CueSummary(cue, cue.glimmer_count, cue.up_count, cue.down_count, cue.hard_count if on else None)
        for cue in cues.order_by(Lower("name"))
    ]


@dataclass(frozen=True)
class CueGlimmer:
    glimmer: Glimmer

    @property
    def shift(self) -> int | None:
        return shift(self.glimmer.state_before, self.glimmer.state_after)

    @property
    def up(self) -> bool:
        return moved_up(self.glimmer.state_before, self.glimmer.state_after)

    @property
    def down(self) -> bool:
        return moved_down(self.glimmer.state_before, self.glimmer.state_after)


@dataclass(frozen=True)
class CueStory:
    cue: Cue
    glimmers: list[CueGlimmer]
    hard_moments: list[Trigger] | None  # None while hard moments are off

    @property
    def moved_up(self) -> int:
        return sum(1 for item in self.glimmers if item.up)

    @property
    def moved_down(self) -> int:
        return sum(1 for item in self.glimmers if item.down)

    @property
    def helps(self) -> bool:
        return helps(self.moved_up)


def cue_story(user: User, cue_id: str | uuid.UUID | Cue) -> CueStory:
    cue = cue_id if isinstance(cue_id, Cue) else services.get_cue(user, cue_id)
    glimmers = journal.glimmers_of(user).filter(cues=cue).with_details().order_by("-noticed_at", "-id")
    hard = None
    if services.hard_moments_on(user):
        hard = list(Trigger.objects.owned_by(user).filter(cue=cue).select_related("cue").order_by("-at", "-id"))
    return CueStory(cue, [CueGlimmer(glimmer) for glimmer in glimmers], hard)


# --- a day on one line of time --------------------------------------------------------------------


@dataclass(frozen=True)
class DayEntry:
    at: datetime  # on the clock of the zone it happened in
    checkin: CheckIn | None = None
    glimmer: Glimmer | None = None


def today_for(user: User) -> date:
    return timezone.now().astimezone(journal.profile_zone(user)).date()


def day_line(user: User, day: date) -> list[DayEntry]:
    """The day's check-ins and glimmers in the order they happened (each on its own local day)."""
    entries = [DayEntry(c.local_at, checkin=c) for c in services.checkins_of(user).filter(local_date=day)]
    entries += [
        DayEntry(g.local_noticed_at, glimmer=g) for g in journal.glimmers_of(user).filter(local_date=day).with_details()
    ]
    return sorted(entries, key=lambda entry: entry.at)


# --- the balance ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Week:
    start: date  # a Monday
    glimmers: int
    hard_moments: int | None  # None while hard moments are off
    checkins: dict[str, int]

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def total_checkins(self) -> int:
        return sum(self.checkins.values())

    @property
    def shares(self) -> dict[str, int]:
        """Each state's share of the week's check-ins in whole percent, adding up to 100 (largest remainder)."""
        total = self.total_checkins
        if not total:
            return dict.fromkeys(LADDER, 0)
        exact = {state: self.checkins[state] * 100 / total for state in LADDER}
        shares = {state: int(value) for state, value in exact.items()}
        for state in sorted(LADDER, key=lambda s: exact[s] - shares[s], reverse=True)[: 100 - sum(shares.values())]:
            shares[state] += 1
        return shares

    @property
    def empty(self) -> bool:
        return not (self.glimmers or self.hard_moments or self.total_checkins)


@dataclass(frozen=True)
class Balance:
    weeks: list[Week]  # newest first
    hard_moments_on: bool

    @property
    def empty(self) -> bool:
        return all(week.empty for week in self.weeks)

    @property
    def any_kept(self) -> bool:
        return any(week.glimmers or week.hard_moments for week in self.weeks)

    @property
    def any_checkins(self) -> bool:
        return any(week.total_checkins for week in self.weeks)

    @property
    def most_glimmers(self) -> int:
        return max((week.glimmers for week in self.weeks), default=0)

    @property
    def most_hard_moments(self) -> int:
        return max((week.hard_moments or 0 for week in self.weeks), default=0)

    @property
    def bar_scale(self) -> int:
        """Glimmers and hard moments are drawn on one scale, so side by side they compare fairly."""
        return max(self.most_glimmers, self.most_hard_moments, 1)


def balance(user: User, *, weeks: int = 8, today: date | None = None) -> Balance:
    """Week by week (Monday to Sunday, on each thing's own local day): glimmers, hard moments when they
    are on, and check-ins in each state. Four queries, however long the journal."""
    weeks = max(1, min(weeks, MAX_WEEKS))
    today = today or today_for(user)
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    on = services.hard_moments_on(user)

    def by_day(queryset: Any, *extra: str) -> list[dict[str, Any]]:
        rows = queryset.filter(local_date__gte=first, local_date__lte=today).order_by()
        return list(rows.values("local_date", *extra).annotate(count=Count("id")))

    def week_of(day: date) -> date:
        return day - timedelta(days=day.weekday())

    starts = [first + timedelta(weeks=n) for n in range(weeks)]
    glimmers = dict.fromkeys(starts, 0)
    hard = dict.fromkeys(starts, 0)
    checkins = {start: dict.fromkeys(LADDER, 0) for start in starts}
    for row in by_day(journal.glimmers_of(user)):
        glimmers[week_of(row["local_date"])] += row["count"]
    if on:
        for row in by_day(Trigger.objects.owned_by(user)):
            hard[week_of(row["local_date"])] += row["count"]
    for row in by_day(services.checkins_of(user), "state"):
        checkins[week_of(row["local_date"])][row["state"]] += row["count"]
    return Balance(
        [Week(start, glimmers[start], hard[start] if on else None, checkins[start]) for start in reversed(starts)], on
    )


# --- JSON shapes (the API and `--json` alike) -----------------------------------------------------


def ladder_as_dict(ladder: Ladder) -> dict[str, Any]:
    return {
        rung.state: {
            "name": rung.name,
            "own_name": rung.own_name,
            "colour": rung.colour,
            "marker": rung.marker,
            **{answer.key: answer.text for answer in rung.answers},
            "words": list(rung.words),
            "story": _story(rung),
        }
        for rung in ladder.top_to_bottom
    }


def _story(rung: Rung) -> dict[str, str]:
    return {answer.key: answer.text for answer in rung.story}


def stories_as_dict(ladder: Ladder) -> dict[str, dict[str, str]]:
    return {rung.state: _story(rung) for rung in ladder.top_to_bottom}


def words_as_dict(ladder: Ladder) -> dict[str, list[str]]:
    return {rung.state: list(rung.words) for rung in ladder.top_to_bottom}


def checkin_as_dict(checkin: CheckIn, ladder: Ladder) -> dict[str, Any]:
    """A check-in's JSON: its state, the person's name for it, and the word it was chosen by ("" if none)."""
    return {
        "id": str(checkin.uuid),
        "state": checkin.state,
        "name": ladder.name(checkin.state),
        "word": checkin.word,
        "note": checkin.note,
        "at": checkin.local_at.isoformat(),
        "time_zone": checkin.time_zone,
        "created_at": checkin.created_at.isoformat(),
    }


def hard_moment_as_dict(moment: Trigger) -> dict[str, Any]:
    return {
        "id": str(moment.uuid),
        "text": moment.text,
        "state": moment.state or None,
        "cue": moment.cue.name if moment.cue else None,
        "at": moment.local_at.isoformat(),
        "time_zone": moment.time_zone,
        "created_at": moment.created_at.isoformat(),
    }


def cue_as_dict(summary: CueSummary | CueStory, *, moves_down: bool = False) -> dict[str, Any]:
    cue, hard = summary.cue, summary.hard_moments
    count = summary.glimmers if isinstance(summary, CueSummary) else len(summary.glimmers)
    shape: dict[str, Any] = {
        "id": str(cue.uuid),
        "name": cue.name,
        "note": cue.note,
        "glimmers": count,
        "moved_up": summary.moved_up,
        "helps_me": summary.helps,
        "moved_down": summary.moved_down if moves_down else None,  # shown only when asked for
        "hard_moments": None if hard is None else hard if isinstance(hard, int) else len(hard),  # None: off
        "created_at": cue.created_at.isoformat(),
    }
    return shape


def cue_story_as_dict(story: CueStory, *, moves_down: bool = False) -> dict[str, Any]:
    def moved(item: CueGlimmer) -> str | None:
        if item.up:
            return "up"
        if item.down:
            return "down" if moves_down else None
        return None if item.shift is None else "same"

    shape = cue_as_dict(story, moves_down=moves_down)
    shape["glimmer_list"] = [{**glimmer_as_dict(item.glimmer), "moved": moved(item)} for item in story.glimmers]
    hard = story.hard_moments
    shape["hard_moment_list"] = None if hard is None else [hard_moment_as_dict(moment) for moment in hard]
    return shape


def week_as_dict(week: Week) -> dict[str, Any]:
    shape: dict[str, Any] = {
        "week_of": week.start.isoformat(),
        "glimmers": week.glimmers,
        "checkins": dict(week.checkins),
        "checkin_shares": week.shares,
        "hard_moments": week.hard_moments,  # None while hard moments are off
    }
    return shape
