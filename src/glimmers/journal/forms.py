"""The glimmer form, for capture on Today and for editing. Input at the edge; the rules live in services."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms

from glimmers.journal.models import Glimmer, Sense, State
from glimmers.journal.text import TEXT_LIMIT

GLOW_CHOICES = [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
STATE_CHOICES = [("", "—"), *State.choices]


class GlimmerForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    text = forms.CharField(
        label="What did you notice?",
        strip=False,
        required=False,  # the services say, kindly, when it is empty
        widget=forms.Textarea(
            attrs={
                "rows": 2,
                "maxlength": TEXT_LIMIT,
                "data-enter-submits": "",
                "autocomplete": "off",
                "autofocus": True,
                "aria-describedby": "capture-hint",
            }
        ),
    )
    senses = forms.MultipleChoiceField(
        label="Through which sense?", choices=Sense.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    glow = forms.ChoiceField(
        label="How much did it glow?", choices=GLOW_CHOICES, required=False, widget=forms.RadioSelect
    )
    when = forms.CharField(
        label="When",
        required=False,
        max_length=100,
        help_text="Leave empty for now, or write “this morning”, “yesterday 6pm”, “2 hours ago”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    # A plain text field, not a DateTimeField: Django would read the time in the server's zone, but
    # it belongs to the glimmer's own zone, which the services apply.
    when_exact = forms.CharField(
        label="Or pick a date and time",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    people = forms.CharField(
        label="Who was there", required=False, help_text="Names, separated by commas. Pets count too."
    )
    place = forms.CharField(label="Where", required=False)
    tags = forms.CharField(label="Tags", required=False, help_text="Separated by commas; #tags in the text count too.")
    why = forms.CharField(
        label="Why it mattered", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    state_before = forms.ChoiceField(label="How I was before", choices=STATE_CHOICES, required=False)
    state_after = forms.ChoiceField(label="How I was after", choices=STATE_CHOICES, required=False)
    resurface = forms.BooleanField(label="Glimmers may bring this back to me later", required=False, initial=True)

    def clean_when_exact(self) -> datetime | None:
        value = self.cleaned_data["when_exact"].strip()
        if not value:
            return None
        for pattern in ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"):
            try:
                return datetime.strptime(value, pattern)  # naive on purpose, see above
            except ValueError:
                continue
        raise forms.ValidationError("Please give a date and time like 2026-03-14 08:30.")

    def service_kwargs(self, *, changed_only: bool = False) -> dict[str, Any]:
        """The cleaned input as the keyword arguments journal.services takes."""
        data = self.cleaned_data
        kwargs = {
            "text": data["text"],
            "when": data["when_exact"] or data["when"] or None,
            "senses": data["senses"],
            "glow": int(data["glow"]) if data["glow"] else None,
            "people": data["people"],
            "place": data["place"],
            "tags": data["tags"],
            "why": data["why"],
            "state_before": data["state_before"] or None,
            "state_after": data["state_after"] or None,
            "resurface": data["resurface"],
        }
        if changed_only and "when" not in self.changed_data and "when_exact" not in self.changed_data:
            del kwargs["when"]  # re-saving the shown minute must not move the moment
        return kwargs

    @staticmethod
    def initial_for(glimmer: Glimmer) -> dict[str, Any]:
        return {
            "text": glimmer.text,
            "senses": glimmer.senses,
            "glow": str(glimmer.glow) if glimmer.glow else "",
            "when_exact": glimmer.local_noticed_at.strftime("%Y-%m-%dT%H:%M"),
            "people": ", ".join(p.name for p in glimmer.people.all()),
            "place": glimmer.place.name if glimmer.place else "",
            "tags": ", ".join(t.name for t in glimmer.tags.all()),
            "why": glimmer.why,
            "state_before": glimmer.state_before,
            "state_after": glimmer.state_after,
            "resurface": glimmer.resurface,
        }
