"""Practice's forms: a ritual, a glimmer kept from an occasion, the intention. Input at the edge; the rules
(names, schedules, lengths) live in the services."""

from __future__ import annotations

from typing import Any

from django import forms

from glimmers.journal.models import Sense
from glimmers.journal.text import TEXT_LIMIT
from glimmers.lib.forms import PlainLabels
from glimmers.practice import schedules
from glimmers.practice.models import ABOUT_LIMIT, INTENTION_LIMIT, NAME_LIMIT, Ritual

SCHEDULE_CHOICES = [
    ("daily", "Every day"),
    ("weekdays", "On some days of the week"),
    ("every", "Every few days"),
    ("whenever", "Whenever I like (no schedule)"),
]
WEEKDAY_CHOICES = list(zip(schedules.WEEKDAYS, [name[:-1] for name in schedules.DAY_NAMES], strict=True))


class RitualForm(PlainLabels, forms.Form):
    name = forms.CharField(
        label="Name", required=False, strip=False, max_length=NAME_LIMIT * 4,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "Morning coffee"}),
    )  # fmt: skip
    about = forms.CharField(label="A few words on what it is", required=False, strip=False, max_length=ABOUT_LIMIT * 4)
    sense = forms.ChoiceField(label="Sense", choices=[("", "—"), *Sense.choices], required=False)
    schedule = forms.ChoiceField(label="When", choices=SCHEDULE_CHOICES, initial="daily", widget=forms.RadioSelect)
    weekdays = forms.MultipleChoiceField(
        label="Which days", choices=WEEKDAY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    every = forms.IntegerField(label="Every how many days", required=False, min_value=1, max_value=366, initial=2)
    time_of_day = forms.TimeField(
        label="Time of day", required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def service_kwargs(self) -> dict[str, Any]:
        """The cleaned input as practice.services takes it; the schedule's shape → an RRULE (a refusal is a
        ValidationError naming `schedule`, shown on the form)."""
        from glimmers.lib.errors import on_field
        from glimmers.practice.services import schedule_from

        data = self.cleaned_data
        shape = data["schedule"]
        rule = on_field(
            "schedule",
            schedule_from,
            daily=shape == "daily",
            weekdays=data["weekdays"] if shape == "weekdays" else None,
            every=data["every"] or 0 if shape == "every" else None,
        )
        return {
            "name": data["name"],
            "about": data["about"],
            "sense": data["sense"],
            "schedule": rule,
            "time_of_day": data["time_of_day"],
        }

    @staticmethod
    def initial_for(ritual: Ritual) -> dict[str, Any]:
        shape = schedules.read(ritual.schedule)
        return {
            "name": ritual.name,
            "about": ritual.about,
            "sense": ritual.sense,
            "schedule": shape.kind if shape.kind != "custom" else "daily",
            "weekdays": list(shape.weekdays),
            "every": shape.every if shape.kind == "every" else 2,
            "time_of_day": ritual.time_of_day,
        }


class KeepForm(PlainLabels, forms.Form):
    """A glimmer kept from an occasion (or, later, a noticing practice): the text, pre-filled, and its sense."""

    text = forms.CharField(
        label="What glimmered?",
        strip=False,
        required=False,  # the journal's services say, kindly, when it is empty
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": TEXT_LIMIT, "autocomplete": "off", "autofocus": True}),
    )
    senses = forms.MultipleChoiceField(
        label="Through which sense?", choices=Sense.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class IntentionForm(PlainLabels, forms.Form):
    text = forms.CharField(
        label="My intention", required=False, strip=False, max_length=INTENTION_LIMIT * 4,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "notice 3 glimmers"}),
    )  # fmt: skip
    scope = forms.ChoiceField(
        label="For",
        choices=[("every_day", "Every day"), ("today", "Just today")],
        initial="every_day",
        widget=forms.RadioSelect,
    )


MINUTE_CHOICES = [(str(n), f"{n} minute{'' if n == 1 else 's'}") for n in range(1, 6)]


class NoticingForm(PlainLabels, forms.Form):
    """Choosing a noticing practice: how long, which senses (any may be left out), the breath pacer."""

    minutes = forms.ChoiceField(label="How long", choices=MINUTE_CHOICES, initial="3", widget=forms.RadioSelect)
    senses = forms.MultipleChoiceField(
        label="Which senses", choices=Sense.choices, required=False, widget=forms.CheckboxSelectMultiple,
        initial=list(Sense.values),
    )  # fmt: skip
    pacer = forms.BooleanField(label="A breath pacer, with a longer out-breath, if it feels right", required=False)


class PromptForm(PlainLabels, forms.Form):
    sense = forms.ChoiceField(label="Sense", choices=Sense.choices)
    text = forms.CharField(
        label="Prompt", strip=False, required=False, max_length=800,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "What feels soft nearby?"}),
    )  # fmt: skip


class FeedForm(PlainLabels, forms.Form):
    """The calendar feed's options (Settings): what it holds besides rituals."""

    noticing_at = forms.TimeField(
        label="A few minutes of noticing, every day at",
        required=False,
        help_text="Leave it empty for no such event.",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    evening = forms.BooleanField(label="The evening's glimmers: a quiet look back at 18:00", required=False)
    past_glimmer = forms.BooleanField(
        label="Show a past glimmer in my calendar",
        required=False,
        help_text="Its words then pass through your calendar app (and its servers, for Google Calendar).",
    )
