"""The calendar feed on the web: the feed itself (public, by its secret address only) and its section of Settings
(turn on or off, a new address, what it holds). Thin: practice.reminders does the work.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_POST, require_safe

from glimmers.lib.http import SignedInRequest, found_or_404
from glimmers.practice import reminders
from glimmers.practice.forms import FeedForm


@login_not_required  # public by its secret only: an old, revoked or made-up secret is the same 404
@require_safe
def feed(request: HttpRequest, secret: str) -> HttpResponse:
    with found_or_404("No such feed"):
        found = reminders.feed_for(secret)
    last_modified = int(found.last_modified.timestamp())
    response = get_conditional_response(request, etag=found.etag, last_modified=last_modified)
    if response is None:  # not a 304: the calendar itself
        response = HttpResponse(found.body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="glimmers.ics"'
    response["ETag"] = found.etag
    response["Last-Modified"] = http_date(last_modified)
    # Only the calendar app that holds the address keeps a copy, and asks again before using it.
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_POST
def feed_settings(request: SignedInRequest) -> HttpResponse:
    """One form with four buttons: turn on, save what it holds, a new address, turn off."""
    action = request.POST.get("action", "save")
    user = request.user
    if action == "off":
        reminders.turn_feed_off(user)
        messages.success(request, "Your calendar feed is off; its address no longer works.")
    elif action == "rotate":
        reminders.rotate_feed(user)
        messages.success(request, "Your calendar feed has a new address. The old one no longer works.")
    else:
        form = FeedForm(request.POST)
        if not form.is_valid():
            said = [str(error) for errors in form.errors.values() for error in errors]
            messages.info(request, "Nothing was changed: " + " ".join(said))
            return redirect(reverse("accounts:settings") + "#feed-heading")
        reminders.set_feed_options(user, **form.cleaned_data)
        if action == "on":
            reminders.turn_feed_on(user)
            messages.success(request, "Your calendar feed is on. Add its address to your calendar app.")
        else:
            messages.success(request, "Saved.")
    return redirect(reverse("accounts:settings") + "#feed-heading")
