"""What the kit adds to pages below it, registered in KitConfig.ready() (glimmers.lib.hooks): the lower apps'
templates name the place; they never import the kit.

- `card_marks`: "in my kit" on a journal card whose glimmer is pinned. The pinned ids are read once per
  request (one query), so a page of cards costs the same however many it holds.
- `page_actions`: on a glimmer's page "Savour this" and pin/unpin; on a person's, place's or cue's page
  pin/unpin — one tap each, as plain forms.
- `welcome`: on a new person's Today, three of the starter ideas to start from (kit.ideas), each a link that
  starts the capture box with its words (app.js fills the box in place).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html

from glimmers.journal.models import Glimmer, Person, Place

CACHE = "_kit_pinned_glimmers"


def pin_mark(request: HttpRequest, thing: Any) -> str:
    if not isinstance(thing, Glimmer):
        return ""
    pinned = getattr(request, CACHE, None)
    if pinned is None:
        from glimmers.kit import services

        pinned = services.pinned_glimmer_ids(request.user)  # type: ignore[arg-type]
        setattr(request, CACHE, pinned)
    if thing.pk not in pinned:
        return ""
    return str(
        format_html(
            '<span class="sep" aria-hidden="true">·</span> <span class="kit-mark">'
            '<span aria-hidden="true">{}</span> in my kit</span>',
            "◈",
        )
    )


def page_actions(request: HttpRequest, thing: Any) -> str:
    from django.template.loader import render_to_string

    from glimmers.kit import services
    from glimmers.states.models import Cue

    if not isinstance(thing, Glimmer | Person | Place | Cue):
        return ""
    context = {
        "thing": thing,
        "is_glimmer": isinstance(thing, Glimmer),
        "anchor": services.anchor_for(request.user, thing),  # type: ignore[arg-type]
        "next": request.get_full_path(),
    }
    return render_to_string("kit/_page_actions.html", context, request=request)


def follow_merge(sender: Any, **kwargs: Any) -> None:
    """journal.names.merged: two people (or places) became one; the kit's anchors follow (kit.anchors)."""
    from glimmers.kit.anchors import follow_merge as follow

    follow(sender, **kwargs)


WELCOME_IDEAS = 3


def welcome_ideas(request: HttpRequest, welcome: Any) -> str:
    from django.template.loader import render_to_string

    from glimmers.kit.ideas import IDEAS

    if not getattr(welcome, "new", False):
        return ""
    return render_to_string("kit/_welcome_ideas.html", {"ideas": IDEAS[:WELCOME_IDEAS]}, request=request)
