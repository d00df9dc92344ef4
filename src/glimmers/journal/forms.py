"""The glimmer form, for capture on Today and for editing. Input at the edge; the rules live in services."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.urls import reverse_lazy

from glimmers.journal.models import Glimmer, Sense, State
from glimmers.journal.text import NAME_LIMIT, TEXT_LIMIT

GLOW_CHOICES = [("", "No number"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]  # "": none, or cleared
STATE_CHOICES = [("", "—"), *State.choices]


def picker(kind: str) -> dict[str, Any]:
    """A plain text input that, with htmx, offers the owner's names as they type (a <datalist>
    `<kind>-options` that the template puts beside it). Without JavaScript it is just a text input."""
    return {
        "list": f"{kind}-options",
        "autocomplete": "off",
        "hx-get": reverse_lazy(f"journal:suggest_{kind}"),
        "hx-trigger": "input changed delay:200ms",
        "hx-target": f"#{kind}-options",
        "hx-swap": "innerHTML",
    }


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
        label="Who was there",
        required=False,
        help_text="Names, separated by commas. Pets count too; @Sam in the text counts as well.",
        widget=forms.TextInput(attrs=picker("people")),
    )
    place = forms.CharField(label="Where", required=False, widget=forms.TextInput(attrs=picker("places")))
    tags = forms.CharField(
        label="Tags",
        required=False,
        help_text="Separated by commas; #tags in the text count too.",
        widget=forms.TextInput(attrs=picker("tags")),
    )
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
            "people": ", ".join(glimmer.people_names),
            "place": glimmer.place.name if glimmer.place else "",
            "tags": ", ".join(glimmer.tag_names),
            "why": glimmer.why,
            "state_before": glimmer.state_before,
            "state_after": glimmer.state_after,
            "resurface": glimmer.resurface,
        }


ORDER_CHOICES = [("newest", "Newest first"), ("relevance", "Best match first")]
SENSE_FILTER_CHOICES = [("", "Any sense"), *Sense.choices]
GLOW_FILTER_CHOICES = [("", "Any glow"), *[(str(n), f"{n} or more") for n in range(1, 5)], ("5", "5, shining")]
STATE_FILTER_CHOICES = [("", "Any"), *State.choices]


class SearchForm(forms.Form):
    """The journal's search box and filters: a GET form, so every view of the journal has an address.
    Fields are loose on purpose; journal.search checks the values, once, for every channel."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    q = forms.CharField(
        label="Search your journal",
        required=False,
        help_text="Words find words that begin with them: “sun” finds “sunset”. “Quotes” find words in a row.",
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
    )
    order = forms.CharField(label="Order", required=False, widget=forms.Select(choices=ORDER_CHOICES))
    since = forms.CharField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.CharField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sense = forms.CharField(label="Through", required=False, widget=forms.Select(choices=SENSE_FILTER_CHOICES))
    person = forms.CharField(label="With", required=False, widget=forms.TextInput(attrs=picker("people")))
    place = forms.CharField(label="At", required=False, widget=forms.TextInput(attrs=picker("places")))
    tag = forms.CharField(label="Tagged", required=False, widget=forms.TextInput(attrs=picker("tags")))
    glow = forms.CharField(label="Glow", required=False, widget=forms.Select(choices=GLOW_FILTER_CHOICES))
    state_before = forms.CharField(
        label="How I was before", required=False, widget=forms.Select(choices=STATE_FILTER_CHOICES)
    )
    state_after = forms.CharField(
        label="How I was after", required=False, widget=forms.Select(choices=STATE_FILTER_CHOICES)
    )

    FILTERS = ("since", "until", "sense", "person", "place", "tag", "glow", "state_before", "state_after")

    def values(self) -> dict[str, str]:
        """What was asked for, as given (journal.search answers an unknown choice kindly)."""
        return {name: self.cleaned_data.get(name) or "" for name in ("q", "order", *self.FILTERS)}


class NameForm(forms.Form):
    name = forms.CharField(
        label="Name", required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": NAME_LIMIT})
    )
    note = forms.CharField(label="A note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
