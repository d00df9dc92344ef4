"""Practice pages: the practice page, a ritual's page, adding and editing rituals, marking one done, "did it
glimmer?", keeping a glimmer from an occasion, and the intention.

Thin: parse the form, call practice.services, render. A POST without JavaScript redirects; the same POST from
htmx answers with the part that changed. Someone else's (or a missing) ritual or occasion is a 404 either way.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from glimmers.lib.http import SignedInRequest, attach_errors, found_or_404, safe_next
from glimmers.practice import schedules, services
from glimmers.practice.forms import IntentionForm, KeepForm, RitualForm
from glimmers.practice.models import Occasion, Ritual


def _ritual_or_404(request: SignedInRequest, ritual_id: uuid.UUID) -> Ritual:
    with found_or_404("No such ritual"):
        return services.get_ritual(request.user, ritual_id)


def _occasion_or_404(request: SignedInRequest, occasion_id: uuid.UUID) -> Occasion:
    with found_or_404("No such occasion"):
        return services.get_occasion(request.user, occasion_id)


# --- the practice page ----------------------------------------------------------------------------------


@require_safe
def index(request: SignedInRequest) -> HttpResponse:
    user = request.user
    intention = services.intention_today(user)
    context = {
        "rituals": [(ritual, schedules.describe(ritual.schedule)) for ritual in services.rituals_of(user)],
        "retired": list(services.rituals_of(user, retired=True)),
        "glimmer_most": services.glimmer_most(user),
        "intention": intention,
        "intention_form": IntentionForm(initial={"text": intention.default}),
        "sessions": services.recent_sessions(user),
    }
    return render(request, "practice/index.html", context)


@require_POST
def intention(request: SignedInRequest) -> HttpResponse:
    form = IntentionForm(request.POST)
    just_today = form.is_valid() and form.cleaned_data["scope"] == "today"
    try:
        if "clear" in request.POST:
            services.clear_intention(request.user, just_today=just_today)
            messages.success(request, "No intention today." if just_today else "Your intention is cleared.")
        else:
            services.set_intention(request.user, form.data.get("text", ""), just_today=just_today)
            messages.success(request, "Your intention for today is set." if just_today else "Your intention is set.")
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    return redirect(safe_next(request, reverse("practice:index")))


# --- rituals ----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def ritual_add(request: SignedInRequest) -> HttpResponse:
    form = RitualForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ritual = services.create_ritual(request.user, **form.service_kwargs())
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"“{ritual.name}” is one of your rituals now.")
            return redirect("practice:ritual", ritual_id=ritual.uuid)
    return render(request, "practice/ritual_form.html", {"form": form, "ritual": None})


@require_safe
def ritual(request: SignedInRequest, ritual_id: uuid.UUID) -> HttpResponse:
    found = _ritual_or_404(request, ritual_id)
    context = {
        "ritual": found,
        "schedule": schedules.describe(found.schedule),
        "counts": services.month_counts(request.user, found),
        "history": services.history(request.user, found),
    }
    return render(request, "practice/ritual.html", context)


@require_http_methods(["GET", "POST"])
def ritual_edit(request: SignedInRequest, ritual_id: uuid.UUID) -> HttpResponse:
    found = _ritual_or_404(request, ritual_id)
    form = RitualForm(request.POST or None, initial=RitualForm.initial_for(found))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_ritual(request.user, found.uuid, **form.service_kwargs())
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("practice:ritual", ritual_id=found.uuid)
    return render(request, "practice/ritual_form.html", {"form": form, "ritual": found})


@require_POST
def ritual_retire(request: SignedInRequest, ritual_id: uuid.UUID) -> HttpResponse:
    found = _ritual_or_404(request, ritual_id)
    if request.POST.get("retire", "1") == "0":
        services.unretire_ritual(request.user, found.uuid)
        messages.success(request, f"“{found.name}” is back among your rituals.")
    else:
        services.retire_ritual(request.user, found.uuid)
        messages.success(request, f"“{found.name}” is retired; its history stays here.")
    return redirect("practice:ritual", ritual_id=found.uuid)


@require_http_methods(["GET", "POST"])
def ritual_delete(request: SignedInRequest, ritual_id: uuid.UUID) -> HttpResponse:
    found = _ritual_or_404(request, ritual_id)
    if request.method == "POST":
        services.delete_ritual(request.user, found.uuid)
        messages.success(request, f"“{found.name}” is deleted. The glimmers it brought stay in your journal.")
        return redirect("practice:index")
    return render(request, "practice/ritual_delete.html", {"ritual": found})


# --- done, and did it glimmer? -------------------------------------------------------------------------------


def _row(request: SignedInRequest, occasion: Occasion, **extra: Any) -> HttpResponse:
    """The ritual's row on Today, as it is now (htmx)."""
    context = {"ritual": occasion.ritual, "occasion": occasion, "next": safe_next(request, reverse("journal:today"))}
    return render(request, "practice/_ritual_row.html", context | extra)


@require_POST
def ritual_done(request: SignedInRequest, ritual_id: uuid.UUID) -> HttpResponse:
    found = _ritual_or_404(request, ritual_id)
    with found_or_404("No such ritual"):  # retired
        done = services.mark_done(request.user, found.uuid)
    if request.htmx:
        return _row(request, done.occasion, asking=True)
    messages.success(request, f"“{found.name}” done. Did it glimmer? You can say below, if you like.")
    return redirect(safe_next(request, reverse("journal:today")))


@require_POST
def occasion_answer(request: SignedInRequest, occasion_id: uuid.UUID) -> HttpResponse:
    occasion = _occasion_or_404(request, occasion_id)
    said = request.POST.get("glimmered", "")
    if said == "yes":  # the capture box, pre-filled; the occasion is marked "yes" once a glimmer is kept
        target = reverse("practice:occasion_glimmer", kwargs={"occasion_id": occasion.uuid})
        if request.htmx:
            return _row(request, occasion, keep_form=_keep_form(occasion))
        return redirect(target)
    services.answer_glimmered(request.user, occasion.uuid, False if said == "no" else None)
    occasion.refresh_from_db()
    if request.htmx:
        return _row(request, occasion)
    return redirect(safe_next(request, reverse("journal:today")))


def _keep_form(occasion: Occasion, data: Any = None) -> KeepForm:
    sense = [occasion.ritual.sense] if occasion.ritual.sense else []
    return KeepForm(data, initial={"text": services.prefill(occasion.ritual), "senses": sense})


@require_http_methods(["GET", "POST"])
def occasion_glimmer(request: SignedInRequest, occasion_id: uuid.UUID) -> HttpResponse:
    occasion = _occasion_or_404(request, occasion_id)
    form = _keep_form(occasion, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.keep_glimmer(
                request.user, occasion.uuid, text=form.cleaned_data["text"], senses=form.cleaned_data["senses"],
                source="web",
            )  # fmt: skip
        except ValidationError as error:
            attach_errors(form, error)
        else:
            occasion.refresh_from_db()
            if request.htmx:
                return _row(request, occasion, kept=True)
            messages.success(request, "Kept, and linked to this ritual.")
            return redirect(safe_next(request, reverse("journal:today")))
    if request.htmx:
        return _row(request, occasion, keep_form=form)
    return render(request, "practice/occasion_glimmer.html", {"occasion": occasion, "form": form})
