"""`{% hook "place" thing %}`: what apps above add to a lower app's page (see glimmers.lib.hooks).

A template of any app may load this without depending on any other app: it knows only the registry."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from glimmers.lib import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def hook(context: template.Context, place: str, thing: Any) -> SafeString:
    return hooks.render(place, context.get("request"), thing)
