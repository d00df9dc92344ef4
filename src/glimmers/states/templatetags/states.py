"""What the ladder contributes to pages it doesn't own, so that no lower app ever imports states:

- `{% checkin_control %}` — the small "where am I?" control base.html shows on every signed-in page.
  (Today's capture form offers a recent check-in as "before" through states.hooks.capture_before.)
- `{% hard_moments_setting %}` — the "Hard moments" switch on the Settings page.
- `{{ ladder|rung:state }}` — one rung of a ladder, for showing a state in the person's own words.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db import DatabaseError

from glimmers.lib.http import signed_in_request
from glimmers.states import services
from glimmers.states.checkin_control import checkin_context
from glimmers.states.ladder import Ladder, Rung

register = template.Library()


@register.inclusion_tag("states/_checkin_control.html", takes_context=True)
def checkin_control(context: template.Context) -> dict[str, Any]:
    if (request := signed_in_request(context)) is None:
        return {"hidden": True}
    given = context.get("ladder")
    try:
        values = checkin_context(request, ladder=given if isinstance(given, Ladder) else None)
    except DatabaseError:  # an error page while the database is away: leave the control out quietly
        return {"hidden": True}
    values["csrf_token"] = context.get("csrf_token")
    return values


@register.inclusion_tag("states/_settings_section.html", takes_context=True)
def hard_moments_setting(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    return {"on": services.hard_moments_on(request.user), "csrf_token": context.get("csrf_token")}


@register.filter
def rung(ladder: Ladder, state: str) -> Rung | None:
    return ladder.rungs.get(state) if isinstance(ladder, Ladder) else None


@register.simple_tag(takes_context=True)
def hard_moments_enabled(context: template.Context) -> bool:
    """Whether to show hard moments at all (off: they are kept, and shown nowhere)."""
    request = signed_in_request(context)
    return request is not None and services.hard_moments_on(request.user)


@register.inclusion_tag("states/_bar.html")
def bar(value: int, scale: int, kind: str) -> dict[str, Any]:
    """A plain bar, drawn on the server: `value` of `scale`, as a share of the row's width."""
    return {"width": round(100 * value / scale, 2) if scale else 0, "kind": kind}


@register.inclusion_tag("states/_shares_bar.html")
def shares_bar(shares: dict[str, int], ladder: Ladder) -> dict[str, Any]:
    """Each state's share of a week's check-ins, side by side in the person's own colours (top of the ladder first)."""
    parts, x = [], 0
    for rung_ in ladder.top_to_bottom:
        share = shares.get(rung_.state, 0)
        if share:
            parts.append({"x": x, "width": share, "colour": rung_.colour})
            x += share
    return {"parts": parts}


@register.filter
def rung_share(shares: dict[str, int], state: str) -> int:
    return shares.get(state, 0) if isinstance(shares, dict) else 0
