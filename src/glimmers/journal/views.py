"""Journal pages: Today with its capture box, one glimmer, and the bin (the journal itself, with search,
is in search_views; people, places and tags in names_views).

Thin: parse the form, call journal.services, render. A POST without JavaScript redirects;
the same POST from htmx answers with the part of the page that changed.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from glimmers import messages as texts
from glimmers.journal import before, moments, services
from glimmers.journal.forms import GlimmerForm
from glimmers.journal.ladder import state_names
from glimmers.journal.models import BIN_DAYS, Glimmer
from glimmers.journal.text import TEXT_LIMIT
from glimmers.lib.errors import NotFound
from glimmers.lib.http import SignedInRequest, attach_errors, found_or_404, safe_next

UNDO_KEY = "journal:undo"


def _glimmer_or_404(request: SignedInRequest, glimmer_id: uuid.UUID, *, binned: bool = False) -> Glimmer:
    with found_or_404("No such glimmer"):
        return services.get_glimmer(request.user, glimmer_id, binned=binned)


def undo_offer(request: SignedInRequest) -> Glimmer | None:
    """The glimmer just moved to the bin, offered back once."""
    glimmer_id = request.session.pop(UNDO_KEY, None)
    if not glimmer_id:
        return None
    try:
        return services.get_glimmer(request.user, glimmer_id, binned=True)
    except NotFound:
        return None


def _form(request: SignedInRequest, *args: Any, **kwargs: Any) -> GlimmerForm:
    """The glimmer form, its state choices in the person's own words."""
    return GlimmerForm(*args, state_names=state_names(request.user, request), **kwargs)


def _today_context(
    request: SignedInRequest, form: GlimmerForm | None = None, *, whole_page: bool = True, **extra: Any
) -> dict[str, Any]:
    # ?text= starts the box with words (an idea from the welcome, a shortcut); they are only shown, not kept.
    start = request.GET.get("text", "")[:TEXT_LIMIT] if request.method == "GET" else ""
    # On this day is outside the capture box: htmx's answer to a capture (the box alone) doesn't ask for it.
    earlier = before.on_this_day(request.user) if whole_page else []
    return {
        "form": form or _form(request, initial={"resurface": True, "text": start, "glow": ""}),
        "welcome": services.welcome_for(request.user),
        "glimmers": services.todays_glimmers(request.user, along=earlier),
        "on_this_day": earlier,
        "today": timezone.now().astimezone(services.profile_zone(request.user)).date(),
        "capture_here": True,  # for apps above: the capture form is on this page
        **extra,
    }


@require_safe
def today(request: SignedInRequest) -> HttpResponse:
    return render(request, "journal/today.html", _today_context(request, undo=undo_offer(request)))


def _time_meant(form: GlimmerForm, zone_name: str) -> Any:
    """The time the form meant (journal.moments); when it can't tell, the form asks, or shows why."""
    words, picked, prefer = form.times()
    try:
        return moments.time_meant(words, picked, zone_name, prefer=prefer)
    except moments.WhichTime as question:
        form.ask_which_time(question.question, question.from_words, question.picked)
    except ValidationError as error:
        attach_errors(form, error)
    return None


@require_POST
def capture(request: SignedInRequest) -> HttpResponse:
    form = _form(request, request.POST)
    saved = None
    if form.is_valid():
        when = _time_meant(form, request.user.time_zone)
        if form.is_valid():  # no question about the time, no words refused
            try:
                saved = services.create_glimmer(request.user, source="web", when=when, **form.service_kwargs())
            except ValidationError as error:
                attach_errors(form, error)
    said = texts.WEB_KEPT.format(when=moments.said(saved)) if saved else ""
    if request.htmx:
        # Kept: a fresh box, ready for the next one. Not kept: the box keeps every word typed.
        context = _today_context(request, None if saved else form, whole_page=False, saved=said)
        return render(request, "journal/today.html#capture", context)
    if saved:
        messages.success(request, said)
        return redirect("journal:today")
    return render(request, "journal/today.html", _today_context(request, form))


@require_safe
def from_before(request: SignedInRequest) -> HttpResponse:
    """One older glimmer at random, on request; "another" asks again."""
    glimmer = before.a_glimmer_from_before(request.user)
    shown = [glimmer] if glimmer else []
    return render(request, "journal/from_before.html", {"glimmers": shown, "off": not request.user.from_before})


@require_safe
def detail(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = _glimmer_or_404(request, glimmer_id)
    names = state_names(request.user, request)
    people, tags = services.people_and_tags(glimmer)
    context = {
        "glimmer": glimmer,
        "people": people,
        "tags": tags,
        "before": names.get(glimmer.state_before, ""),  # in the person's own words
        "after": names.get(glimmer.state_after, ""),
    }
    return render(request, "journal/detail.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = _glimmer_or_404(request, glimmer_id)
    form = _form(request, request.POST or None, initial=GlimmerForm.initial_for(glimmer))
    if request.method == "POST" and form.is_valid():
        when = _time_meant(form, glimmer.time_zone)
        if form.is_valid():  # no question about the time, no words refused
            changes = form.service_kwargs() | ({} if when is None else {"when": when})  # None: the time stays
            try:
                saved = services.update_glimmer(request.user, glimmer.uuid, **changes)
            except ValidationError as error:
                attach_errors(form, error)  # nothing was saved; the form keeps what was typed
            else:
                messages.success(request, texts.WEB_SAVED.format(when=moments.said(saved)))
                return redirect("journal:detail", glimmer_id=glimmer.uuid)
    return render(request, "journal/edit.html", {"glimmer": glimmer, "form": form})


@require_POST
def delete(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = _glimmer_or_404(request, glimmer_id)
    services.delete_glimmer(request.user, glimmer.uuid)
    request.session[UNDO_KEY] = str(glimmer.uuid)
    return redirect("journal:timeline")


@require_safe
def bin_list(request: SignedInRequest) -> HttpResponse:
    page = services.list_glimmers(request.user, binned=True, limit=200)
    rows = [(glimmer, services.bin_expires_on(glimmer)) for glimmer in page.items]
    return render(request, "journal/bin.html", {"rows": rows, "days": BIN_DAYS})


@require_POST
def restore(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = _glimmer_or_404(request, glimmer_id, binned=True)
    services.restore_glimmer(request.user, glimmer.uuid)
    messages.success(request, "It's back in your journal.")
    return redirect(safe_next(request, reverse("journal:detail", kwargs={"glimmer_id": glimmer.uuid})))


@require_http_methods(["GET", "POST"])
def erase(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = _glimmer_or_404(request, glimmer_id, binned=True)
    if request.method == "POST":
        services.delete_forever(request.user, glimmer.uuid)
        messages.success(request, "Erased for good.")
        return redirect("journal:bin")
    return render(request, "journal/erase.html", {"glimmer": glimmer})
