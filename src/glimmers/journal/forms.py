"""The glimmer form, for capture on Today and for editing. Input at the edge; the rules live in services."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.urls import reverse_lazy

from glimmers import messages
from glimmers.journal.ladder import PLAIN_NAMES
from glimmers.journal.models import Glimmer, Sense
from glimmers.journal.text import NAME_LIMIT, TEXT_LIMIT
from glimmers.lib.forms import PlainLabels

GLOW_CHOICES = [("", "No number"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]  # "": none, or cleared


def state_choices(names: dict[str, str] | None, empty: str) -> list[tuple[str, str]]:
    """A state select's options in the person's own words (journal.ladder.state_names), top of the ladder first."""
    return [("", empty), *(names or PLAIN_NAMES).items()]


def when_field(examples: str) -> forms.CharField:
    """The time in words, on every form that asks when: empty is now, and the services read the words (in
    the thing's own zone). `examples`: a few of the words it takes, quoted."""
    return forms.CharField(
        label="When",
        required=False,
        max_length=100,
        help_text=f"Leave empty for now, or write {examples}.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


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


class GlimmerForm(PlainLabels, forms.Form):
    asking_which_time = False

    def __init__(self, *args: Any, state_names: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("state_before", "state_after"):
            self.fields[name].choices = state_choices(state_names, "—")  # type: ignore[attr-defined]

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
    when = when_field("“this morning”, “yesterday 6pm”, “2 hours ago”")
    # A plain text field, not a DateTimeField: Django would read the time in the server's zone, but
    # it belongs to the glimmer's own zone, which the services apply.
    when_exact = forms.CharField(
        label="Or pick a date and time",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        show_hidden_initial=True,  # the form carries what it showed, so a save can tell whether it was changed
    )
    # Asked only when words and a picked time disagree (journal.moments): which one was meant.
    when_choice = forms.ChoiceField(
        label="Which time did you mean?",
        choices=[("words", "as written"), ("picked", "as picked")],
        required=False,
        widget=forms.RadioSelect,
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
    state_before = forms.ChoiceField(label="How I was before", choices=state_choices(None, "—"), required=False)
    state_after = forms.ChoiceField(label="How I was after", choices=state_choices(None, "—"), required=False)
    # The check-in offered as "before" on Today (the ladder shows it openly, as a box to untick): the
    # services use it only when it was made in the 30 minutes before the glimmer's own moment.
    before_checkin = forms.UUIDField(required=False, widget=forms.HiddenInput)
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

    def times(self) -> tuple[str | None, datetime | None, str]:
        """The words and the picked time, each only if changed from what the form showed, and which one
        the person said they meant (for journal.moments.time_meant)."""
        data = self.cleaned_data
        shown = self["when_exact"]
        if shown.html_initial_name in self.data:
            changed = "when_exact" in self.changed_data
        else:  # a form from before the hidden field: compare with what it would have shown
            changed = shown.field.has_changed(self.initial.get("when_exact"), shown.data)
        picked = data["when_exact"] if changed else None
        return data["when"].strip() or None, picked, data["when_choice"]

    def ask_which_time(self, question: str, from_words: str, picked: str) -> None:
        """Offer both moments, with the question, and keep the form as typed (nothing was saved)."""
        self.asking_which_time = True
        options = messages.WHICH_TIME_OPTIONS
        choice = self.fields["when_choice"]
        assert isinstance(choice, forms.ChoiceField)
        choice.choices = [
            ("words", options["words"].format(when=from_words)),
            ("picked", options["picked"].format(when=picked)),
        ]
        self.add_error(None, question)

    def service_kwargs(self) -> dict[str, Any]:
        """The cleaned input as the keyword arguments journal.services takes (the time: see times())."""
        data = self.cleaned_data
        kwargs = {
            "text": data["text"],
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
        if data.get("before_checkin"):  # only Today's capture form offers one (states' hook)
            kwargs["before_checkin"] = str(data["before_checkin"])
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


class SearchForm(PlainLabels, forms.Form):
    """The journal's search box and filters: a GET form, so every view of the journal has an address.
    Fields are loose on purpose; journal.search checks the values, once, for every channel."""

    def __init__(self, *args: Any, state_names: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("state_before", "state_after"):
            self.fields[name].widget.choices = state_choices(state_names, "Any")

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
        label="How I was before", required=False, widget=forms.Select(choices=state_choices(None, "Any"))
    )
    state_after = forms.CharField(
        label="How I was after", required=False, widget=forms.Select(choices=state_choices(None, "Any"))
    )

    FILTERS = ("since", "until", "sense", "person", "place", "tag", "glow", "state_before", "state_after")

    def values(self) -> dict[str, str]:
        """What was asked for, as given (journal.search answers an unknown choice kindly)."""
        return {name: self.cleaned_data.get(name) or "" for name in ("q", "order", *self.FILTERS)}


class NameForm(PlainLabels, forms.Form):
    name = forms.CharField(
        label="Name", required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": NAME_LIMIT})
    )
    note = forms.CharField(label="A note", required=False, widget=forms.Textarea(attrs={"rows": 3}))
