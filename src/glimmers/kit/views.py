"""Kit pages: the kit itself (anchors in order, what has helped, low-energy mode, the savour length), one
anchor's note, and pinning (from a glimmer's, person's, place's or cue's page).

Thin: parse the form, call kit.services (or read through kit.reading), render. A POST without JavaScript
redirects. Someone else's (or a missing) thing is a 404 either way. "I need a glimmer" and savouring are in
need_views.
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

from glimmers.journal import services as journal
from glimmers.kit import reading, services
from glimmers.kit.forms import NoteForm, SavourLengthForm
from glimmers.kit.ideas import IDEAS, STARTER_UNTIL
from glimmers.kit.models import Anchor
from glimmers.kit.reading import label_of
from glimmers.lib.http import SignedInRequest, found_or_404, safe_next
from glimmers.states import services as states


def _anchor_or_404(request: SignedInRequest, anchor_id: uuid.UUID) -> Anchor:
    with found_or_404("No such anchor"):
        return services.get_anchor(request.user, anchor_id)


# --- the kit page ---------------------------------------------------------------------------------


def _kit_context(request: SignedInRequest, **extra: Any) -> dict[str, Any]:
    user = request.user
    ladder = states.ladder_for(user)
    found = services.settings_for(user)
    return {
        "settings": found,
        "low_energy": found.low_energy,
        "resting": services.count_resting(user),
        "learning": reading.learning(user, ladder),
        "ideas": IDEAS if journal.glimmers_of(user).count() < STARTER_UNTIL else (),
        "length_form": SavourLengthForm(initial={"savour_seconds": found.savour_seconds}),
        **extra,
    }


@require_safe
def index(request: SignedInRequest) -> HttpResponse:
    cursor = request.GET.get("cursor") or None
    try:
        page = services.list_anchors(request.user, cursor=cursor, resting=False)
    except ValidationError:
        return redirect("kit:index")
    if request.htmx and cursor:
        context = {"page": page, "first_page": False, "low_energy": request.user.low_energy}
        return render(request, "kit/index.html#anchors", context)
    return render(request, "kit/index.html", _kit_context(request, page=page, first_page=cursor is None))


@require_POST
def low_energy(request: SignedInRequest) -> HttpResponse:
    """The one-tap switch: low-energy mode on or off."""
    on = request.POST.get("low_energy") == "1"
    services.update_settings(request.user, low_energy=on)
    messages.success(request, "Low-energy mode is on." if on else "Low-energy mode is off.")
    return redirect(safe_next(request, reverse("kit:index")))


@require_POST
def savour_length(request: SignedInRequest) -> HttpResponse:
    form = SavourLengthForm(request.POST)
    if form.is_valid():
        try:
            saved = services.update_settings(request.user, savour_seconds=form.cleaned_data["savour_seconds"])
        except ValidationError as error:
            for problem in error.message_dict.get("savour_seconds", error.messages):
                form.add_error("savour_seconds", problem)
        else:
            messages.success(request, f"Savouring now lasts {saved.savour_seconds} seconds.")
            return redirect(reverse("kit:index") + "#savour-heading")
    page = services.list_anchors(request.user, resting=False)
    return render(request, "kit/index.html", _kit_context(request, page=page, first_page=True, length_form=form))


# --- anchors --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def anchor(request: SignedInRequest, anchor_id: uuid.UUID) -> HttpResponse:
    """One anchor: its note, to write or change."""
    found = _anchor_or_404(request, anchor_id)
    form = NoteForm(request.POST or None, initial={"note": found.note})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_anchor(request.user, found.uuid, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error("note", error.message_dict.get("note", error.messages))
        else:
            messages.success(request, "Saved.")
            return redirect(reverse("kit:index") + f"#anchor-{found.uuid}")
    context = {
        "anchor": found,
        "label": label_of(found.thing),
        "form": form,
        "low_energy": request.user.low_energy,
    }
    return render(request, "kit/anchor.html", context)


@require_POST
def anchor_move(request: SignedInRequest, anchor_id: uuid.UUID) -> HttpResponse:
    found = _anchor_or_404(request, anchor_id)
    direction = request.POST.get("direction", "")
    if direction in ("up", "down"):
        services.move_anchor(request.user, found.uuid, direction)
    return redirect(reverse("kit:index") + f"#anchor-{found.uuid}")


@require_POST
def anchor_unpin(request: SignedInRequest, anchor_id: uuid.UUID) -> HttpResponse:
    found = _anchor_or_404(request, anchor_id)
    services.delete_anchor(request.user, found.uuid)
    messages.success(request, f"“{label_of(found.thing)}” is out of your kit; it stays where it was.")
    return redirect(safe_next(request, reverse("kit:index")))


# --- pinning --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def pin(request: SignedInRequest, thing_id: uuid.UUID) -> HttpResponse:
    """Pin a glimmer, person, place or cue into the kit (with a note, if you like), or take it out."""
    with found_or_404():
        kind, found = services.find_pinnable(request.user, thing_id)
    current = services.anchor_for(request.user, found)
    form = NoteForm(request.POST or None, initial={"note": current.note if current else ""})
    if request.method == "POST":
        if request.POST.get("action") == "unpin":
            services.unpin(request.user, kind, found.uuid)
            messages.success(request, f"“{label_of(found)}” is out of your kit; it stays where it was.")
            return redirect(safe_next(request, reverse("kit:index")))
        if form.is_valid():
            note = form.cleaned_data["note"] if "note" in request.POST else None
            try:
                services.pin(request.user, kind, found.uuid, note=note)
            except ValidationError as error:
                form.add_error("note", error.message_dict.get("note", error.messages))
            else:
                messages.success(request, f"“{label_of(found)}” is in your kit.")
                return redirect(safe_next(request, reverse("kit:index")))
    context = {
        "kind": kind,
        "thing": found,
        "label": label_of(found),
        "anchor": current,
        "form": form,
        "low_energy": request.user.low_energy,
    }
    return render(request, "kit/pin.html", context)
