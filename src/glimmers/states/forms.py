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
    EXAMPLE_WORDS,
    FIELD_LIMIT,
    FIELDS,
    HARD_MOMENT_LIMIT,
    NAME_LIMIT,
    NOTE_LIMIT,
    PALETTE,
    STORY_FIELDS,
    STORY_LIMIT,
    WORD_LIMIT,
    WORDS_PER_STATE,
)
from glimmers.states.words import read_chip, split_words


def _questions(questions: dict[str, str], *, rows: int, limit: int) -> dict[str, forms.Field]:
    """Optional free-text answers, one a question (the map's, a landmark story's); the services check limits."""
    return {
        key: forms.CharField(
            label=question,
            required=False,
            strip=False,
            widget=forms.Textarea(attrs={"rows": rows, "maxlength": limit}),
        )
        for key, question in questions.items()
    }


class CheckInForm(PlainLabels, forms.Form):
    """The small "where am I?" control on every page: a chip (one of the person's words, or a state's name),
    and a note if one likes. Pages below the ladder may still send a bare `state`."""

    state = forms.ChoiceField(choices=State.choices, required=False)
    chip = forms.CharField(required=False, max_length=16 + 1 + WORD_LIMIT * 4)
    note = forms.CharField(required=False, strip=False, max_length=NOTE_LIMIT * 4)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        state, word = read_chip(data.get("chip", ""))
        data["state"], data["word"] = (state, word) if state else (data.get("state", ""), "")
        if data["state"] not in State.values:
            raise forms.ValidationError("Please choose where you are on your ladder.")
        return data


class WordsForm(PlainLabels, forms.Form):
    """One step of the guided word list: the person's words for one state, and examples to take or leave."""

    words = forms.CharField(
        label="My words for it",
        required=False,
        strip=False,
        max_length=WORD_LIMIT * WORDS_PER_STATE * 8,  # the services say the limit plainly
        help_text=f"One a line, or with commas between. Up to {WORDS_PER_STATE}.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    examples = forms.MultipleChoiceField(
        label="Some words other people use", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, rung: Rung, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"words": "\n".join(rung.words)})
        super().__init__(*args, **kwargs)
        field = self.fields["examples"]
        assert isinstance(field, forms.MultipleChoiceField)
        # Every example stays a choice (one already on the list is merged, not doubled).
        field.choices = [(word, word) for word in EXAMPLE_WORDS[rung.state]]

    def word_list(self) -> list[str]:
        return [*split_words(self.cleaned_data["words"]), *self.cleaned_data["examples"]]


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
        self.fields.update(_questions(FIELDS, rows=2, limit=FIELD_LIMIT))

    def service_kwargs(self) -> dict[str, Any]:
        return {key: self.cleaned_data[key] for key in ("name", "colour", *FIELDS)}


def _example(state: str) -> str:
    return {"ventral": "calm and here", "sympathetic": "wired", "dorsal": "fog"}[state]


class StoryForm(PlainLabels, forms.Form):
    """A landmark story for one state: three short questions, each optional."""

    def __init__(self, *args: Any, rung: Rung, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {answer.key: answer.text for answer in rung.story})
        super().__init__(*args, **kwargs)
        self.fields.update(_questions(STORY_FIELDS, rows=3, limit=STORY_LIMIT))

    def service_kwargs(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key in STORY_FIELDS}


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
