"""What practice adds to Today, a journal page, registered in PracticeConfig.ready() (glimmers.lib.hooks): the
journal's template names the places; it never imports practice.

- `today_intention`: today's intention, with what was noticed so far ("2 glimmers so far today"; before the
  first, the intention alone; in the evening, what was noticed and nothing about what wasn't). It sits inside
  the capture box's part of the page, so a glimmer kept with htmx updates the count. One or two queries.
- `today_sections`: the rituals due today (and any done today though not due), each done in one tap. Two
  queries, however many rituals.
- `settings_sections`: the daily intention's every-day default, and the calendar feed (its address while it is
  on, what it holds). Two queries.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

EVENING_FROM = 18  # the hour Today starts looking back on the day


def today_intention(request: HttpRequest, thing: Any) -> str:
    from django.template.loader import render_to_string

    from glimmers.practice import services, words

    user = request.user
    intention = services.intention_today(user)  # type: ignore[arg-type]
    if not intention.text:
        return ""
    evening = timezone.now().astimezone(services.zone_of(user)).hour >= EVENING_FROM  # type: ignore[arg-type]
    said = words.noticed_today(intention.noticed) if evening else intention.so_far
    return render_to_string("practice/_intention.html", {"intention": intention, "said": said}, request=request)


def today_sections(request: HttpRequest, thing: Any) -> str:
    from django.template.loader import render_to_string

    from glimmers.practice import services

    rows = services.today_rituals(request.user)  # type: ignore[arg-type]
    if not rows:
        return ""
    return render_to_string("practice/_today.html", {"rows": rows, "next": request.path}, request=request)


def settings_section(request: HttpRequest, user: Any) -> str:
    from django.template.loader import render_to_string

    from glimmers.practice import reminders, services
    from glimmers.practice.forms import FeedForm

    _text, _just_today, default = services.intention_for(user)
    mine = reminders.reminders_of(user, make=False)
    base = reminders.base_url(request.build_absolute_uri("/"))
    feed = {
        "on": mine.feed_on,
        "url": reminders.feed_url(user, base, mine),
        "form": FeedForm(
            initial={"noticing_at": mine.noticing_at, "evening": mine.evening, "past_glimmer": mine.past_glimmer}
        ),
    }
    return render_to_string("practice/_settings.html", {"default": default, "feed": feed}, request=request)
