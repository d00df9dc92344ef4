"""Bringing glimmers back unasked: "on this day" on Today, and "a glimmer from before" on request.

Both read only what may come back (`Glimmer.objects.resurfaceable`, the journal's one rule), and each is
turned off by its own profile setting (`on_this_day`, `from_before`).

The days are a pure rule (`days_on_this_day`, `a_month_before`), tested without a database; the two
queries below them are bounded and served by indexes:
- on this day reads `local_date IN (…)` — this day in each earlier year the journal spans (a hundred at
  most) and one day a month ago — through
  the `glimmer_day` index (owner, local_date; outside the bin), and keeps three;
- a glimmer from before picks a random moment between the first glimmer and today and takes the nearest
  glimmer at or before it (else after it) through the `glimmer_timeline` index (owner, noticed_at).
  A glimmer after a long quiet stretch comes up a little more often than one in a busy week: the price of
  never counting or shuffling the whole journal.
"""

from __future__ import annotations

import calendar
import random
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone

from glimmers.accounts.models import User
from glimmers.journal.models import Glimmer, GlimmerQuerySet, attach_names

ON_THIS_DAY = 3  # at most this many on Today
YEARS_BACK = 100  # how far back "this day in earlier years" looks: a bound on the query, past any journal


def days_on_this_day(today: date, *, years: int = YEARS_BACK) -> list[date]:
    """This day's date in each earlier year, newest first. A 29 February glimmer comes back on 28 February in
    the years that have none (and on 29 February in those that do); 28 February in a leap year shows only
    the 28ths, since the 29th comes the next day."""
    days: list[date] = []
    for year in range(today.year - 1, today.year - 1 - years, -1):
        if year < 1:
            break
        if today.month == 2 and today.day == 29:
            if calendar.isleap(year):
                days.append(date(year, 2, 29))
            continue
        days.append(date(year, today.month, today.day))
        if today.month == 2 and today.day == 28 and not calendar.isleap(today.year) and calendar.isleap(year):
            days.append(date(year, 2, 29))
    return days


def a_month_before(today: date) -> date:
    """The same day a month earlier; a day the earlier month lacks (31 March) becomes its last (28 or 29
    February)."""
    year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def local_today(user: User) -> date:
    """Today as the person's own clock reads it (their profile's zone)."""
    return timezone.now().astimezone(ZoneInfo(user.time_zone)).date()


def on_this_day(user: User) -> list[Glimmer]:
    """At most three glimmers from this day in earlier years, newest first; when there are none, from the same
    day a month ago. Empty when the setting is off. Names are not read here: Today reads them with its own
    glimmers' in one query (journal.services.todays_glimmers).

    Two queries: the first glimmer's day, so that only the years the journal spans are asked for (a list of a
    hundred days made PostgreSQL expect thousands of rows and start parallel workers: 16 ms rather than 1);
    then both kinds of day at once, the earlier years' first, so a month ago only fills in when the years
    bring nothing."""
    if not user.on_this_day:
        return []
    today = local_today(user)
    month_ago = a_month_before(today)
    first = Glimmer.objects.owned_by(user).order_by("local_date").values_list("local_date", flat=True).first()
    years = min(YEARS_BACK, today.year - first.year) if first else 0
    earlier_first = models.Case(
        models.When(local_date=month_ago, then=models.Value(1)),
        default=models.Value(0),
        output_field=models.IntegerField(),
    )
    rows = list(
        Glimmer.objects.resurfaceable(user)
        .filter(local_date__in=[*days_on_this_day(today, years=years), month_ago])
        .select_related("place")
        .order_by(earlier_first, "-local_date", "-noticed_at", "-id")[:ON_THIS_DAY]
    )
    if any(row.local_date != month_ago for row in rows):
        rows = [row for row in rows if row.local_date != month_ago]
    return rows


def a_glimmer_from_before(user: User, *, rng: random.Random | None = None) -> Glimmer | None:
    """One older glimmer (before today) at random that may come back, or None: when there is none, or when the
    setting is off."""
    if not user.from_before:
        return None
    start_of_today = datetime.combine(local_today(user), time(), tzinfo=ZoneInfo(user.time_zone))
    older: GlimmerQuerySet = Glimmer.objects.resurfaceable(user).filter(noticed_at__lt=start_of_today)
    first = Glimmer.objects.owned_by(user).order_by("noticed_at").values_list("noticed_at", flat=True).first()
    if first is None or first >= start_of_today:
        return None
    moment = first + (start_of_today - first) * (rng or random.SystemRandom()).random()
    # Both neighbours are always asked for, so the page asks the same number of questions every time.
    at_or_before = older.filter(noticed_at__lte=moment).order_by("-noticed_at", "-id").select_related("place").first()
    after = older.filter(noticed_at__gt=moment).order_by("noticed_at", "id").select_related("place").first()
    found = at_or_before or after
    if found is not None:
        attach_names([found])
    return found
