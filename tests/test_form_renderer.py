"""glimmers.form_renderer writes Django's widgets and labels in Python: for every form of the project, empty and
filled with awkward values, each field and its label must be the same HTML as Django's own templates make."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test.html import parse_html

from glimmers.form_renderer import FormRenderer, attributes

APPS = ("accounts", "journal", "states", "kit")
AWKWARD = '<b>"Tom & Jerry\'s"</b>\nsecond line'


def _project_forms() -> list[type[forms.Form]]:
    for app in APPS:
        importlib.import_module(f"glimmers.{app}.forms")
    found, todo = [], list(forms.Form.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("glimmers.") and not cls.__name__.startswith("_"):
            found.append(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def _needs(form_class: type[forms.Form]) -> dict[str, Any]:
    """What a form of the ladder's is made with: the plain ladder (no one's own words), two glimmers to link."""
    from datetime import UTC, datetime
    from types import SimpleNamespace
    from uuid import UUID

    from glimmers.states.ladder import ladder_from

    ladder = ladder_from(None)
    when = datetime(2026, 3, 4, 7, 5, tzinfo=UTC)
    glimmers = [SimpleNamespace(uuid=UUID(int=n), text=f"{AWKWARD} {n}", local_noticed_at=when) for n in (1, 2)]
    return {
        "RungForm": {"rung": ladder["sympathetic"]},
        "WordsForm": {"rung": ladder["dorsal"]},
        "StoryForm": {"rung": ladder["ventral"]},
        "HardMomentForm": {"ladder": ladder},
        "LinkForm": {"glimmers": glimmers},
        "PasswordForm": {"user": SimpleNamespace(username="alice", check_password=lambda _password: False)},
        "EraseForm": {"user": SimpleNamespace(username="alice", check_password=lambda _password: False)},
    }.get(form_class.__name__, {})


def _data(form: forms.Form) -> dict[str, Any]:
    """A value for every field: the second choice where there are choices (so one is selected), else text
    that needs escaping."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        choices = [value for value, _label in getattr(field, "choices", [])]
        if isinstance(field, forms.MultipleChoiceField):
            data[name] = choices[:2]
        elif choices:
            data[name] = choices[min(1, len(choices) - 1)]
        elif isinstance(field, forms.BooleanField):
            data[name] = "on"
        else:
            data[name] = AWKWARD
    return data


def _drawn(form: forms.Form) -> list[str]:
    """Each field, its label, and each of its choices drawn alone (as the capture form's chips are)."""
    return [str(bound) + str(bound.label_tag()) + "".join(choice.tag() for choice in bound) for bound in form]


@pytest.mark.parametrize("form_class", _project_forms(), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_each_field_is_the_html_django_would_write(form_class: type[forms.Form], filled: bool) -> None:
    def make(renderer: Any) -> forms.Form:
        form = form_class(renderer=renderer, **_needs(form_class))
        if filled:
            needs = _needs(form_class)
            if "user" in needs:  # the password form takes its person first
                form = form_class(data=_data(form), renderer=renderer, **needs)
            else:
                form = form_class(_data(form), renderer=renderer, **needs)
            form.is_valid()  # errors too: aria-invalid and aria-describedby on the widgets
        return form

    ours, django = _drawn(make(FormRenderer())), _drawn(make(DjangoTemplates()))
    assert ours, f"{form_class.__name__} has no fields"
    for mine, theirs in zip(ours, django, strict=True):
        assert parse_html(mine) == parse_html(theirs), f"{form_class.__name__}:\n{mine}\n!=\n{theirs}"


def test_attributes_are_escaped_and_true_or_false_are_bare_or_left_out() -> None:
    drawn = attributes({"title": '"><script>', "required": True, "disabled": False, "data-n": 3})
    assert drawn == ' title="&quot;&gt;&lt;script&gt;" required data-n="3"'
