"""Web forms for the ladder: input at the edge. The rules (limits, the palette, names) live in services,
which name the field each complaint is about."""

from __future__ import annotations

from typing import Any

from django import forms

from glimmers.journal.forms import when_field
from glimmers.journal.models import Glimmer, State
from glimmers.lib.forms import PlainLabels
from glimmers.states.ladder import Ladder, Rung
from glimmers.states.palette import (
    CUE_NAME_LIMIT,
    FIELD_LIMIT,
    FIELDS,
    HARD_MOMENT_LIMIT,
    NAME_LIMIT,
    NOTE_LIMIT,
    PALETTE,
)


class CheckInForm(PlainLabels, forms.Form):
    """The small "where am I?" control on every page: a state button, and a note if one likes."""

    state = forms.ChoiceField(choices=State.choices)
    note = forms.CharField(required=False, strip=False, max_length=NOTE_LIMIT * 4)


class RungForm(PlainLabels, forms.Form):
    """One step of the ladder map: one state, in the person's own words. Every field may stay empty."""

    name = forms.CharField(
        label="My name for it",
        required=False,
        max_length=NAME_LIMIT * 4,  # the services say kindly when it is too long
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": NAME_LIMIT}),
    )
    colour = forms.ChoiceField(
        label="Its colour", required=False, choices=list(PALETTE.items()), widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, rung: Rung, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"name": rung.own_name, "colour": rung.colour, **{a.key: a.text for a in rung.answers}},
        )
        super().__init__(*args, **kwargs)
        self.rung = rung
        self.fields["name"].help_text = f"A few words, like “{_example(rung.state)}”. Left empty: “{rung.name}”."
        for key, question in FIELDS.items():
            self.fields[key] = forms.CharField(
                label=question,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 2, "maxlength": FIELD_LIMIT}),
            )

    def service_kwargs(self) -> dict[str, Any]:
        return {key: self.cleaned_data[key] for key in ("name", "colour", *FIELDS)}


def _example(state: str) -> str:
    return {"ventral": "calm and here", "sympathetic": "wired", "dorsal": "fog"}[state]


class HardMomentForm(PlainLabels, forms.Form):
    text = forms.CharField(
        label="What happened",
        required=False,  # the services ask gently when it is empty
        strip=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": HARD_MOMENT_LIMIT}),
    )
    state = forms.ChoiceField(label="Where it left me", required=False)
    cue = forms.CharField(
        label="What came with it",
        required=False,
        max_length=CUE_NAME_LIMIT * 4,
        help_text="A cue, if there was one: a new name makes a new cue.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "list": "cue-names"}),
    )
    when = when_field("“this morning”, “yesterday 6pm”")

    def __init__(self, *args: Any, ladder: Ladder, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["state"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *((rung.state, rung.name) for rung in ladder.top_to_bottom)]


class CueForm(PlainLabels, forms.Form):
    name = forms.CharField(
        label="Name",
        required=False,
        max_length=CUE_NAME_LIMIT * 4,
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": CUE_NAME_LIMIT}),
        help_text="Like “the dog”, “rain on the window”, “a loud room”.",
    )
    note = forms.CharField(
        label="Note", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 2, "maxlength": FIELD_LIMIT})
    )


class LinkForm(PlainLabels, forms.Form):
    """Which glimmer came with this cue: one of the latest ones."""

    # Any id is taken here; the services find it among the person's own glimmers (or say it isn't there).
    glimmer = forms.CharField(label="A glimmer that came with it", max_length=64)

    def __init__(self, *args: Any, glimmers: list[Glimmer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["glimmer"].widget = forms.Select(
            choices=[
                (str(g.uuid), f"{g.local_noticed_at:%d %b} · {g.text[:60]}{'…' if len(g.text) > 60 else ''}")
                for g in glimmers
            ]
        )


class SettingsForm(PlainLabels, forms.Form):
    hard_moments = forms.BooleanField(label="Keep notes of hard moments", required=False)
