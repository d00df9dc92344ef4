""" "I need a glimmer" and savouring on the web: where are you? → one glimmer brought back → this helped / not
now / another one → savour → how do you feel now?

Thin: parse, call kit.services, render. Every step is a plain form that works without JavaScript (a POST
redirects to the next page); htmx only answers "this helped / not now" in place, and app.js only runs the
savour timer.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from glimmers.journal import services as journal
from glimmers.kit import reading, services
from glimmers.kit.forms import SavouredForm
from glimmers.kit.models import Surfacing
from glimmers.lib.errors import NotFound
from glimmers.lib.http import SignedInRequest, found_or_404
from glimmers.states import services as states

# Gentle invitations to remember through the senses a glimmer came through (none noted: all of them, briefly).
SENSE_INVITATIONS = {
    "sight": "What did you see — the light, the colours, the shapes?",
    "sound": "What could you hear, near and far?",
    "touch": "What did you feel on your skin — warmth, air, something in your hands?",
    "smell": "Was there a smell in the air?",
    "taste": "What did you taste?",
    "movement": "How were you moving, or being still?",
    "body": "How did it feel inside your body — your breath, your chest, your shoulders?",
}
ANY_SENSE = "What did your senses take in — sights, sounds, smells, warmth?"


def _surfacing_or_404(request: SignedInRequest, surfacing_id: uuid.UUID) -> Surfacing:
    with found_or_404():
        return services.get_surfacing(request.user, surfacing_id)


# --- where are you? and one glimmer brought back ----------------------------------------------------


@require_http_methods(["GET", "POST"])
def need(request: SignedInRequest) -> HttpResponse:
    """GET asks "where are you?" (optional); POST brings one back and records it (then its own page)."""
    ladder = states.ladder_for(request.user)
    low = request.user.low_energy
    if request.method == "GET":
        return render(request, "kit/need.html", {"ladder": ladder, "low_energy": low})
    try:
        brought = services.need(request.user, state=request.POST.get("state") or None, ladder=ladder)
    except ValidationError:  # not a state on the ladder: ask again
        return render(request, "kit/need.html", {"ladder": ladder, "low_energy": low}, status=400)
    if brought.surfacing is not None:
        return redirect("kit:surfacing", surfacing_id=brought.surfacing.uuid)
    # Nothing was written: the answer is the page itself (a kind word, and ideas while the journal is young).
    context = {"ladder": ladder, "low_energy": low, "brought": brought, "message": reading.REASONS[brought.reason]}
    return render(request, "kit/need.html", context)


def _surfacing_context(request: SignedInRequest, surfacing: Surfacing, **extra: Any) -> dict[str, Any]:
    ladder = states.ladder_for(request.user)
    return {
        "surfacing": surfacing,
        "glimmer": surfacing.glimmer,
        "ladder": ladder,
        "state_name": ladder.name(surfacing.state_before) if surfacing.state_before else "",
        "low_energy": request.user.low_energy,
        **extra,
    }


@require_safe
def surfacing(request: SignedInRequest, surfacing_id: uuid.UUID) -> HttpResponse:
    found = _surfacing_or_404(request, surfacing_id)
    return render(request, "kit/surfacing.html", _surfacing_context(request, found))


@require_POST
def surfacing_answer(request: SignedInRequest, surfacing_id: uuid.UUID) -> HttpResponse:
    """ "This helped" (helped=1) or "not now" (helped=0): one tap; saying it twice is still one answer."""
    found = _surfacing_or_404(request, surfacing_id)
    given = request.POST.get("helped")
    if given in ("0", "1"):
        found = services.answer(request.user, found.uuid, helped=given == "1")
    if request.htmx:
        return render(request, "kit/surfacing.html#answer", _surfacing_context(request, found, answered=True))
    if given in ("0", "1"):
        messages.success(request, "Noted — thank you." if given == "1" else "Noted. Another time, perhaps.")
    return redirect("kit:surfacing", surfacing_id=found.uuid)


# --- savouring ------------------------------------------------------------------------------------


def _invitations(glimmer: Any) -> list[str]:
    senses = [SENSE_INVITATIONS[sense] for sense in glimmer.senses if sense in SENSE_INVITATIONS]
    return senses or [ANY_SENSE]


@require_http_methods(["GET", "POST"])
def savour(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    """The glimmer's words, invitations to remember, a calm timer (with JavaScript), and "I'm done"."""
    with found_or_404():
        glimmer = journal.get_glimmer(request.user, glimmer_id)
    found = services.settings_for(request.user)
    if request.method == "POST":
        form = SavouredForm(request.POST)
        seconds = surfacing_id = None
        if form.is_valid():
            seconds, surfacing_id = form.cleaned_data["seconds"], form.cleaned_data["surfacing"]
        with found_or_404():
            savouring = services.savour(request.user, glimmer.uuid, seconds=seconds, surfacing_id=surfacing_id)
        return redirect("kit:feel", savouring_id=savouring.uuid)
    came_from = None
    wanted = request.GET.get("surfacing", "")
    if wanted:
        try:
            came_from = services.get_surfacing(request.user, wanted)
        except NotFound:
            came_from = None
        if came_from is not None and came_from.glimmer_id != glimmer.pk:
            came_from = None
    context = {
        "glimmer": glimmer,
        "seconds": found.savour_seconds,
        "low_energy": found.low_energy,
        "surfacing": came_from,
        "invitations": _invitations(glimmer),
    }
    return render(request, "kit/savour.html", context)


@require_http_methods(["GET", "POST"])
def feel(request: SignedInRequest, savouring_id: uuid.UUID) -> HttpResponse:
    """ "How do you feel now?" — a check-in on the ladder, in the person's own words (or skip it)."""
    with found_or_404():
        savouring = services.get_savouring(request.user, savouring_id)
    ladder = states.ladder_for(request.user)
    problem = ""
    if request.method == "POST":
        try:
            checkin = services.feel_now(request.user, savouring.uuid, request.POST.get("state", ""), ladder=ladder)
        except ValidationError:
            problem = "Please choose where you are on your ladder, or skip this."
        else:
            messages.success(request, f"Noted: {ladder.name(checkin.state)}, {checkin.local_at:%H:%M}.")
            return redirect("kit:index")
    context = {
        "savouring": savouring,
        "ladder": ladder,
        "problem": problem,
        "low_energy": request.user.low_energy,
    }
    return render(request, "kit/feel.html", context, status=400 if problem else 200)
