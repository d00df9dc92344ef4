"""Ladder pages: the map and its guided steps, check-ins and the day, hard moments, cues, the balance.

Thin: parse the form, call states.services (or read through states.reading), render. A POST without
JavaScript redirects; the check-in control's POST from htmx answers with the control alone.
Nothing here reacts to which state someone checks in with: every check-in gets the same quiet reply.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from glimmers.journal import services as journal
from glimmers.lib.errors import NotFound
from glimmers.lib.http import SignedInRequest, attach_errors, found_or_404, safe_next
from glimmers.states import reading, services
from glimmers.states.checkin_control import checkin_context
from glimmers.states.forms import (
    CheckInForm,
    CueForm,
    HardMomentForm,
    LinkForm,
    RungForm,
    SettingsForm,
    StoryForm,
    WordsForm,
)
from glimmers.states.hooks import capture_before
from glimmers.states.palette import FILL_ORDER
from glimmers.states.words import word_steps

LINKABLE = 50  # the latest glimmers offered for linking to a cue
HARD_MOMENTS_SHOWN = 20


# --- the map --------------------------------------------------------------------------------------


@require_safe
def ladder(request: SignedInRequest) -> HttpResponse:
    context = {
        "ladder": services.ladder_for(request.user),
        "recent": list(services.checkins_of(request.user)[:5]),
        "first_step": FILL_ORDER[0],
    }
    return render(request, "states/ladder.html", context)


@require_safe
def ladder_about(request: SignedInRequest) -> HttpResponse:
    """The ladder's help: the one page that shows the method's own words, and says what they are."""
    return render(request, "states/ladder_about.html", {"ladder": services.ladder_for(request.user)})


def _after(page: str, steps: tuple[str, ...], index: int, end: str, query: str = "") -> str:
    """Where a guided page goes after step `index`: its next step, or `end` after the last."""
    return f"{reverse(page)}?step={steps[index + 1]}{query}" if index + 1 < len(steps) else end


def _step_answer(request: SignedInRequest, form: Any, save: Any, *, after: str, done: str) -> HttpResponse | None:
    """A guided page's POST: Skip goes on; a valid step is saved by `save()` and goes on (saying `done`, if
    any); None to show the page again — on a GET, or with the problems beside their fields, nothing saved."""
    if request.method != "POST":
        return None
    if "skip" in request.POST:
        return redirect(after)
    if form.is_valid():
        try:
            save()
        except ValidationError as error:
            attach_errors(form, error)
        else:
            if done:
                messages.success(request, done)
            return redirect(after)
    return None


@require_http_methods(["GET", "POST"])
def ladder_edit(request: SignedInRequest) -> HttpResponse:
    """The guided map, one state a step: sympathetic, dorsal, ventral — so it always ends in safety.
    Each step may be skipped, and come back to at any time."""
    step = request.POST.get("step") or request.GET.get("step") or FILL_ORDER[0]
    if step not in FILL_ORDER:
        return redirect(f"{reverse('states:ladder_edit')}?step={FILL_ORDER[0]}")
    index = FILL_ORDER.index(step)
    after = _after("states:ladder_edit", FILL_ORDER, index, reverse("states:ladder"))
    current = services.ladder_for(request.user)
    form = RungForm(request.POST or None, rung=current[step])
    answered = _step_answer(
        request,
        form,
        lambda: services.update_rung(request.user, step, **form.service_kwargs()),
        after=after,
        done="Your ladder is saved." if index + 1 == len(FILL_ORDER) else "",
    )
    if answered:
        return answered
    context = {"form": form, "rung": current[step], "ladder": current, "number": index + 1, "steps": len(FILL_ORDER)}
    return render(request, "states/ladder_edit.html", context)


@require_http_methods(["GET", "POST"])
def ladder_words(request: SignedInRequest) -> HttpResponse:
    """The guided word lists, one state a step: the map's order, or beginning with the state the person
    picks — and always ending with the settled state (states.words.word_steps)."""
    first = request.POST.get("first") or request.GET.get("first") or ""
    steps = word_steps(first)
    step = request.POST.get("step") or request.GET.get("step") or steps[0]
    if step not in steps:
        return redirect(reverse("states:ladder_words"))
    index = steps.index(step)
    query = f"&first={first}" if first in steps else ""
    after = _after("states:ladder_words", steps, index, reverse("states:ladder") + "#words-heading", query)
    current = services.ladder_for(request.user)
    form = WordsForm(request.POST or None, rung=current[step])
    answered = _step_answer(
        request,
        form,
        lambda: services.set_words(request.user, {step: form.word_list()}),
        after=after,
        done="Your words are saved. They are your check-in choices now." if index + 1 == len(steps) else "",
    )
    if answered:
        return answered
    context = {
        "form": form,
        "rung": current[step],
        "ladder": current,
        "number": index + 1,
        "steps": len(steps),
        "first": first if first in steps else "",
        "starts": [current[state] for state in steps[:-1]] if index == 0 else [],
    }
    return render(request, "states/ladder_words.html", context)


@require_http_methods(["GET", "POST"])
def ladder_story(request: SignedInRequest) -> HttpResponse:
    """One state's landmark story — a time I was really there — in three short, optional questions."""
    state = request.POST.get("state") or request.GET.get("state") or ""
    if state not in FILL_ORDER:
        return redirect(f"{reverse('states:ladder_story')}?state={FILL_ORDER[-1]}")
    current = services.ladder_for(request.user)
    form = StoryForm(request.POST or None, rung=current[state])
    if request.method == "POST" and form.is_valid():
        try:
            services.set_stories(request.user, {state: form.service_kwargs()})
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Your story is kept with your ladder.")
            return redirect(reverse("states:ladder") + f"#rung-{state}")
    return render(request, "states/ladder_story.html", {"form": form, "rung": current[state], "ladder": current})


# --- check-ins and the day ------------------------------------------------------------------------


@require_POST
def checkin(request: SignedInRequest) -> HttpResponse:
    form = CheckInForm(request.POST)
    saved, problem = None, ""
    if form.is_valid():
        try:
            data = form.cleaned_data
            saved = services.check_in(request.user, state=data["state"], word=data["word"], note=data["note"])
        except ValidationError as error:
            problem = " ".join(error.messages)
    else:
        problem = "Please choose where you are on your ladder."
    if request.htmx:
        context = checkin_context(request, saved=saved, problem=problem, note=request.POST.get("note", ""))
        if saved and safe_next(request, "") == reverse("journal:today"):
            context["before_offer"] = capture_before(request, None)  # Today's capture form offers it at once
        return render(request, "states/_checkin_answer.html", context)
    if saved:
        name = saved.word or services.ladder_for(request.user).name(saved.state)
        messages.success(request, f"Noted: {name}, {saved.local_at:%H:%M}.")
    else:
        messages.info(request, problem)
    return redirect(safe_next(request, reverse("states:day")))


@require_POST
def checkin_delete(request: SignedInRequest, checkin_id: uuid.UUID) -> HttpResponse:
    with found_or_404():
        found = services.get_checkin(request.user, checkin_id)
        services.delete_checkin(request.user, found.uuid)
    messages.success(request, "That check-in is removed.")
    day_url = f"{reverse('states:day')}?date={found.local_date.isoformat()}"
    return redirect(safe_next(request, day_url))


@require_safe
def day(request: SignedInRequest) -> HttpResponse:
    today = reading.today_for(request.user)
    try:
        shown = date.fromisoformat(request.GET.get("date", "")) if request.GET.get("date") else today
    except ValueError:
        return redirect("states:day")
    if not date(1900, 1, 2) <= shown <= today + timedelta(days=1):
        return redirect("states:day")  # before anything could have been kept, or not yet lived
    context = {
        "day": shown,
        "today": today,
        "entries": reading.day_line(request.user, shown),
        "ladder": services.ladder_for(request.user),
        "earlier": shown - timedelta(days=1),
        "later": shown + timedelta(days=1) if shown < today else None,
    }
    return render(request, "states/day.html", context)


# --- hard moments ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def hard_moments(request: SignedInRequest) -> HttpResponse:
    user = request.user
    ladder_now = services.ladder_for(user)
    on = services.hard_moments_on(user)
    form = HardMomentForm(request.POST or None, ladder=ladder_now)
    if request.method == "POST" and on and form.is_valid():
        try:
            data = form.cleaned_data
            services.add_hard_moment(
                user, text=data["text"], state=data["state"] or None, cue=data["cue"] or None, when=data["when"] or None
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Noted. Thank you for writing it down.")
            return redirect("states:hard_moments")
    context: dict[str, Any] = {"on": on, "form": form, "ladder": ladder_now}
    if on:
        context["moments"] = services.list_hard_moments(user, limit=HARD_MOMENTS_SHOWN).items
        context["cue_names"] = list(services.cues_of(user).values_list("name", flat=True))
    return render(request, "states/hard_moments.html", context)


@require_POST
def hard_moment_delete(request: SignedInRequest, moment_id: uuid.UUID) -> HttpResponse:
    try:
        services.delete_hard_moment(request.user, moment_id)
    except NotFound:
        raise Http404("Nothing here with that id") from None
    except ValidationError as error:  # turned off: kept, and not to be touched from here
        messages.info(request, " ".join(error.messages))
        return redirect("states:hard_moments")
    messages.success(request, "Removed.")
    return redirect("states:hard_moments")


@require_POST
def settings(request: SignedInRequest) -> HttpResponse:
    form = SettingsForm(request.POST)
    on = services.set_hard_moments(request.user, form.is_valid() and form.cleaned_data["hard_moments"])
    messages.success(request, "Hard moments are on." if on else "Hard moments are off; nothing was deleted.")
    return redirect(reverse("accounts:settings") + "#hard-moments-heading")


# --- cues -----------------------------------------------------------------------------------------


def _cue_or_404(request: SignedInRequest, cue_id: uuid.UUID) -> Any:
    with found_or_404():
        return services.get_cue(request.user, cue_id)


@require_http_methods(["GET", "POST"])
def cues(request: SignedInRequest) -> HttpResponse:
    form = CueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cue = services.create_cue(request.user, name=form.cleaned_data["name"], note=form.cleaned_data["note"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            return redirect("states:cue", cue_id=cue.uuid)
    return render(request, "states/cues.html", {"form": form, "summaries": reading.cue_summaries(request.user)})


@require_safe
def cue(request: SignedInRequest, cue_id: uuid.UUID) -> HttpResponse:
    found = _cue_or_404(request, cue_id)
    story = reading.cue_story(request.user, found)
    linked = {item.glimmer.pk for item in story.glimmers}
    latest = [g for g in journal.list_glimmers(request.user, limit=LINKABLE).items if g.pk not in linked]
    context = {
        "story": story,
        "show_down": request.GET.get("moves") == "down",
        "link_form": LinkForm(glimmers=latest) if latest else None,
        "ladder": services.ladder_for(request.user),
    }
    return render(request, "states/cue.html", context)


@require_http_methods(["GET", "POST"])
def cue_edit(request: SignedInRequest, cue_id: uuid.UUID) -> HttpResponse:
    found = _cue_or_404(request, cue_id)
    form = CueForm(request.POST or None, initial={"name": found.name, "note": found.note})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_cue(request.user, found.uuid, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("states:cue", cue_id=found.uuid)
    return render(request, "states/cue_edit.html", {"cue": found, "form": form})


@require_POST
def cue_delete(request: SignedInRequest, cue_id: uuid.UUID) -> HttpResponse:
    found = _cue_or_404(request, cue_id)
    services.delete_cue(request.user, found.uuid)
    messages.success(request, f"The cue “{found.name}” is removed; its glimmers stay in your journal.")
    return redirect("states:cues")


@require_POST
def cue_link(request: SignedInRequest, cue_id: uuid.UUID) -> HttpResponse:
    found = _cue_or_404(request, cue_id)
    try:
        services.link_glimmer(request.user, found.uuid, request.POST.get("glimmer", ""))
    except NotFound:
        messages.info(request, "That glimmer isn't in your journal. Please choose another.")
    return redirect("states:cue", cue_id=found.uuid)


@require_POST
def cue_unlink(request: SignedInRequest, cue_id: uuid.UUID) -> HttpResponse:
    found = _cue_or_404(request, cue_id)
    with contextlib.suppress(NotFound):  # not linked, or not theirs: there is nothing to undo either way
        services.unlink_glimmer(request.user, found.uuid, request.POST.get("glimmer", ""))
    return redirect("states:cue", cue_id=found.uuid)


# --- the balance ----------------------------------------------------------------------------------


@require_safe
def balance(request: SignedInRequest) -> HttpResponse:
    try:
        weeks = int(request.GET.get("weeks", "8"))
    except ValueError:
        weeks = 8
    context = {"balance": reading.balance(request.user, weeks=weeks), "ladder": services.ladder_for(request.user)}
    return render(request, "states/balance.html", context)
