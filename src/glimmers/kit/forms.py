"""Web forms for the kit: input at the edge. The rules (the savour range, note length, states) are the
services', which name the field each complaint is about."""

from __future__ import annotations

from django import forms

from glimmers.kit.models import NOTE_LIMIT, SAVOUR_MAX, SAVOUR_MIN
from glimmers.lib.forms import PlainLabels


class SavourLengthForm(PlainLabels, forms.Form):
    # Any text is taken here; the services say kindly when it isn't a number from 10 to 60.
    savour_seconds = forms.CharField(
        label="How long to savour",
        max_length=20,
        help_text=f"In seconds, from {SAVOUR_MIN} to {SAVOUR_MAX}.",
        widget=forms.NumberInput(attrs={"min": SAVOUR_MIN, "max": SAVOUR_MAX, "step": 1, "inputmode": "numeric"}),
    )


class NoteForm(PlainLabels, forms.Form):
    note = forms.CharField(
        label="A note",
        required=False,
        strip=False,
        max_length=NOTE_LIMIT * 4,
        help_text=f"A few words of your own, like “her laugh on the phone” (up to {NOTE_LIMIT} characters).",
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": NOTE_LIMIT}),
    )


class SavouredForm(PlainLabels, forms.Form):
    seconds = forms.IntegerField(required=False, min_value=1, max_value=3600)
    surfacing = forms.UUIDField(required=False)
