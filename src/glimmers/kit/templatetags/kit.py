"""What the kit contributes to the project's own template (base.html may load it; no lower app does):

- `{{ anchor|thing_url }}`, `{{ thing|label }}` — where an anchor's thing lives, and its name in a line.
- `{% need_button %}` — "I need a glimmer", on every signed-in page. In low-energy mode it carries
  `data-low-energy`, which app.css uses to make the check-in control and the kit need no typing, with
  larger targets (the ladder's templates never learn about the kit).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from glimmers.kit.models import Anchor
from glimmers.kit.reading import label_of
from glimmers.lib.http import signed_in_request

register = template.Library()


@register.inclusion_tag("kit/_need_button.html", takes_context=True)
def need_button(context: template.Context) -> dict[str, Any]:
    if (request := signed_in_request(context)) is None:
        return {"hidden": True}
    return {"low_energy": request.user.low_energy, "current": request.path}  # the profile's setting: no query


URLS = {
    "glimmer": ("journal:detail", "glimmer_id"),
    "person": ("journal:person", "thing_id"),
    "place": ("journal:place", "thing_id"),
    "cue": ("states:cue", "cue_id"),
}


@register.filter
def thing_url(anchor: Anchor) -> str:
    """The page of what an anchor holds."""
    name, key = URLS[anchor.kind]
    return reverse(name, kwargs={key: anchor.thing.uuid})


@register.filter
def label(thing: Any) -> str:
    return label_of(thing)
