"""The noticing practice on the web: choose (how long, which senses, the pacer), practise (one sense at a time,
with practice/noticing.js), then at the end "did anything glimmer?" and an optional check-in; and the person's own
prompts. Thin: parse, call practice.services, render. Someone else's session or prompt is a 404.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from glimmers.journal.models import Sense
from glimmers.lib.http import SignedInRequest, attach_errors, found_or_404
from glimmers.practice import services
from glimmers.practice.forms import NoticingForm, PromptForm
from glimmers.practice.models import KEEP_MOST, NoticingSession, Prompt
from glimmers.states import services as states

SENSE_NAMES = dict(Sense.choices)


def _session_or_404(request: SignedInRequest, session_id: uuid.UUID) -> NoticingSession:
    with found_or_404("No such session"):
        return services.get_session(request.user, session_id)


def _prompt_or_404(request: SignedInRequest, prompt_id: uuid.UUID) -> Prompt:
    with found_or_404("No such prompt"):
        return services.get_prompt(request.user, prompt_id)


@require_safe
def noticing(request: SignedInRequest) -> HttpResponse:
    """Choose a practice, or (with ?minutes=…) practise it: the plan is drawn here and shown as steps."""
    low = services.low_energy(request.user)
    form = NoticingForm(request.GET if "minutes" in request.GET else None)
    if form.is_bound and form.is_valid():
        try:
            plan = services.plan_session(
                request.user, minutes=form.cleaned_data["minutes"], senses=form.cleaned_data["senses"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            steps = [(SENSE_NAMES[step.sense], step) for step in plan.steps]
            context = {"plan": plan, "steps": steps, "pacer": form.cleaned_data["pacer"], "low_energy": low}
            return render(request, "practice/noticing_run.html", context)
    return render(request, "practice/noticing.html", {"form": form, "low_energy": low})


@require_POST
def noticing_done(request: SignedInRequest) -> HttpResponse:
    """The practice ended (its time, or "I'm done" at any moment): record it, then "did anything glimmer?"."""
    try:
        session = services.record_session(
            request.user,
            minutes=request.POST.get("minutes", ""),
            senses=request.POST.getlist("senses"),
            seconds=request.POST.get("seconds") or None,
            low=services.low_energy(request.user),
        )
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
        return redirect("practice:noticing")
    return redirect("practice:session", session_id=session.uuid)


@require_safe
def session(request: SignedInRequest, session_id: uuid.UUID) -> HttpResponse:
    found = _session_or_404(request, session_id)
    return render(request, "practice/session.html", _session_context(request, found))


def _session_context(request: SignedInRequest, found: NoticingSession, **extra: object) -> dict[str, object]:
    kept = services.kept_of(request.user, found)
    return {
        "session": found,
        "kept": kept,
        "room": KEEP_MOST - len(kept),
        "senses": [(sense, SENSE_NAMES[sense]) for sense in found.senses],
        "ladder": states.ladder_for(request.user),
        "low_energy": services.low_energy(request.user),
        **extra,
    }


@require_POST
def session_keep(request: SignedInRequest, session_id: uuid.UUID) -> HttpResponse:
    found = _session_or_404(request, session_id)
    try:
        services.keep_from_session(
            request.user, found.uuid, text=request.POST.get("text", ""), sense=request.POST.get("sense") or None
        )
    except ValidationError as error:
        context = _session_context(request, found, problem=" ".join(error.messages), typed=request.POST.get("text", ""))
        return render(request, "practice/session.html", context, status=400)
    messages.success(request, "Kept in your journal.")
    return redirect("practice:session", session_id=found.uuid)


@require_POST
def session_checkin(request: SignedInRequest, session_id: uuid.UUID) -> HttpResponse:
    found = _session_or_404(request, session_id)
    try:
        checkin = services.check_in_after(request.user, found.uuid, request.POST.get("state", ""))
    except ValidationError:
        context = _session_context(request, found, problem="Please choose where you are on your ladder, or skip this.")
        return render(request, "practice/session.html", context, status=400)
    messages.success(request, f"Noted: {states.ladder_for(request.user).name(checkin.state)}.")
    return redirect("practice:session", session_id=found.uuid)


# --- the person's own prompts -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def prompts(request: SignedInRequest) -> HttpResponse:
    form = PromptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_prompt(request.user, sense=form.cleaned_data["sense"], text=form.cleaned_data["text"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Your prompt is added; it will be offered beside the others.")
            return redirect("practice:prompts")
    own = [(prompt, SENSE_NAMES[prompt.sense]) for prompt in services.prompts_of(request.user)]
    return render(request, "practice/prompts.html", {"form": form, "own": own})


@require_http_methods(["GET", "POST"])
def prompt_edit(request: SignedInRequest, prompt_id: uuid.UUID) -> HttpResponse:
    found = _prompt_or_404(request, prompt_id)
    form = PromptForm(request.POST or None, initial={"sense": found.sense, "text": found.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_prompt(
                request.user, found.uuid, sense=form.cleaned_data["sense"], text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("practice:prompts")
    return render(request, "practice/prompt_edit.html", {"form": form, "prompt": found})


@require_POST
def prompt_hide(request: SignedInRequest, prompt_id: uuid.UUID) -> HttpResponse:
    found = _prompt_or_404(request, prompt_id)
    hidden = request.POST.get("hidden", "1") != "0"
    services.hide_prompt(request.user, found.uuid, hidden=hidden)
    messages.success(request, "Hidden: it won't be offered." if hidden else "It will be offered again.")
    return redirect("practice:prompts")
