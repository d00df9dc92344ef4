"""People, places and tags on the web: a list each, a page each with their latest glimmers, add,
rename (a name that is taken offers to merge), merge, archive and "don't bring this back".

One set of views serves the three kinds; urls.py passes `kind`. Thin: parse, call journal.names,
render; a POST redirects. Someone else's (or a missing) person, place or tag is a 404 either way.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from glimmers.journal import names, search
from glimmers.journal.forms import NameForm
from glimmers.journal.kinds import ONE
from glimmers.lib.errors import NotFound
from glimmers.lib.http import SignedInRequest, attach_errors, found_or_404

WORDS: dict[str, dict[str, str]] = {
    "people": {
        "title": "People",
        "archived_title": "Archived people",
        "add": "Add someone",
        "with": "with",
        "nobody": "People you keep glimmers with will gather here: add them with “Who was there”, "
        "or write @Sam in a glimmer.",
    },
    "places": {
        "title": "Places",
        "archived_title": "Archived places",
        "add": "Add a place",
        "with": "at",
        "nobody": "Places where glimmers find you will gather here: add them with “Where”, "
        "or write +beach in a glimmer.",
    },
    "tags": {
        "title": "Tags",
        "archived_title": "",
        "add": "",
        "with": "tagged",
        "nobody": "Tags you give glimmers will gather here: write #tag in a glimmer, or use “Tags”.",
    },
}


def _urls(kind: str, thing: Any = None) -> dict[str, str]:
    one = ONE[kind]
    found = {"list": reverse(f"journal:{kind}")}
    if kind != "tags":
        found["add"] = reverse(f"journal:{one}_add")
    if thing is not None:
        key = {"thing_id": thing.uuid}
        found |= {
            "page": reverse(f"journal:{one}", kwargs=key),
            "edit": reverse(f"journal:{one}_edit", kwargs=key),
            "merge": reverse(f"journal:{one}_merge", kwargs=key),
            "journal": reverse("journal:timeline") + f"?{one}={thing.uuid}",
        }
        found["resurface"] = reverse(f"journal:{one}_resurface", kwargs=key)
        if kind != "tags":
            found["archive"] = reverse(f"journal:{one}_archive", kwargs=key)
    return found


def _thing_or_404(request: SignedInRequest, kind: str, thing_id: uuid.UUID) -> Any:
    with found_or_404(f"No such {ONE[kind]}"):
        return names.get_name(request.user, kind, thing_id)


def _context(kind: str, thing: Any = None, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "one": ONE[kind], "words": WORDS[kind], "urls": _urls(kind, thing), "thing": thing, **extra}


@require_safe
def name_list(request: SignedInRequest, kind: str) -> HttpResponse:
    archived = request.GET.get("archived") == "1" and kind != "tags"
    try:
        page = names.list_names(request.user, kind, archived=archived, cursor=request.GET.get("cursor") or None)
    except ValidationError:
        return redirect(request.path)
    form = NameForm(auto_id=f"id_new_{ONE[kind]}_%s")
    return render(request, "journal/names.html", _context(kind, page=page, archived=archived, form=form))


@require_POST
def name_add(request: SignedInRequest, kind: str) -> HttpResponse:
    form = NameForm(request.POST, auto_id=f"id_new_{ONE[kind]}_%s")
    if form.is_valid():
        try:
            thing = names.add_name(request.user, kind, form.cleaned_data["name"], note=form.cleaned_data["note"])
        except names.NameTaken as taken:
            messages.info(request, f"You already have “{taken.other.name}”.")
            return redirect(_urls(kind, taken.other)["page"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Added “{thing.name}”.")
            return redirect(_urls(kind, thing)["page"])
    page = names.list_names(request.user, kind)
    return render(request, "journal/names.html", _context(kind, page=page, archived=False, form=form))


@require_safe
def name_detail(request: SignedInRequest, kind: str, thing_id: uuid.UUID) -> HttpResponse:
    thing = _thing_or_404(request, kind, thing_id)
    row = names.counted(request.user, kind, thing.uuid)
    try:
        found = search.find_glimmers(
            request.user,
            filters=search.about(kind, thing),
            cursor=request.GET.get("cursor") or None,
        )
    except ValidationError:
        return redirect(request.path)
    more_url = f"?cursor={found.next_cursor}" if found.next_cursor else ""
    context = _context(kind, thing, row=row, page=found, more_url=more_url)
    if request.htmx and request.GET.get("cursor"):
        return render(request, "journal/name.html#page", context)
    return render(request, "journal/name.html", context)


@require_http_methods(["GET", "POST"])
def name_edit(request: SignedInRequest, kind: str, thing_id: uuid.UUID) -> HttpResponse:
    """Rename, or change the note. A name another of theirs has already offers to make the two one."""
    thing = _thing_or_404(request, kind, thing_id)
    form = NameForm(request.POST or None, initial={"name": thing.name, "note": thing.note})
    taken = None
    if request.method == "POST" and form.is_valid():
        try:
            with_name = names.rename(request.user, kind, thing.uuid, form.cleaned_data["name"])
            names.update_name(request.user, kind, with_name.uuid, note=form.cleaned_data["note"])
        except names.NameTaken as error:
            taken = error.other
            attach_errors(form, error)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(_urls(kind, thing)["page"])
    return render(request, "journal/name_edit.html", _context(kind, thing, form=form, taken=taken))


@require_http_methods(["GET", "POST"])
def name_merge(request: SignedInRequest, kind: str, thing_id: uuid.UUID) -> HttpResponse:
    """Make two one: this one's glimmers go to the one picked, under its name."""
    thing = _thing_or_404(request, kind, thing_id)
    problem = ""
    if request.method == "POST":
        try:
            into = names.merge(request.user, kind, thing.uuid, request.POST.get("into", ""))
        except NotFound:
            raise Http404(f"No such {ONE[kind]}") from None
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"“{thing.name}” and “{into.name}” are one now, as “{into.name}”.")
            return redirect(_urls(kind, into)["page"])
    others = names.choices(request.user, kind, but=thing)
    return render(request, "journal/name_merge.html", _context(kind, thing, others=others, problem=problem))


# What archive and resurface say back: after a yes, after a no.
SWITCHED = {
    "archived": ("“{name}” is archived: kept on past glimmers, out of your lists.", "“{name}” is back in your lists."),
    "resurface": (
        "Glimmers may bring “{name}” back to you again.",
        "Glimmers won't bring “{name}” back unless you ask.",
    ),
}


def _switch(request: SignedInRequest, kind: str, thing_id: uuid.UUID, field: str) -> HttpResponse:
    """Archive and resurface: a yes/no the form posts as "1" (yes) or anything else (no), saved and said back."""
    thing = _thing_or_404(request, kind, thing_id)
    value = request.POST.get(field) == "1"
    change: dict[str, Any] = {field: value}
    names.update_name(request.user, kind, thing.uuid, **change)
    yes, no = SWITCHED[field]
    messages.success(request, (yes if value else no).format(name=thing.name))
    return redirect(_urls(kind, thing)["page"])


@require_POST
def name_archive(request: SignedInRequest, kind: str, thing_id: uuid.UUID) -> HttpResponse:
    return _switch(request, kind, thing_id, "archived")


@require_POST
def name_resurface(request: SignedInRequest, kind: str, thing_id: uuid.UUID) -> HttpResponse:
    return _switch(request, kind, thing_id, "resurface")
