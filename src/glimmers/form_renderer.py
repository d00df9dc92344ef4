"""Django's standard form widgets and labels, written out in Python (FORM_RENDERER).

Django draws every input, select, option and label through its own small templates, each including
another for the attributes: on the journal page the search filters alone took about a fifth of the time
of a search. This renderer writes the same markup (the templates under django/forms/templates/django/forms/
widgets/) directly, escaping every value as the templates' autoescape does; any template it doesn't know
— error lists, whole-form layouts, a widget of another kind — still renders from Django's templates.
tests/test_form_renderer.py compares the two for every widget the project uses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape

Context = Mapping[str, Any]
WIDGETS = "django/forms/widgets/"
# Django's inputs of every type are this one template, included under the type's own name.
INPUT_TYPES: tuple[str, ...] = ("text", "search", "email", "password", "number", "hidden", "url", "tel")
INPUT_TYPES += ("color", "date", "datetime", "time", "checkbox", "file")


def attributes(attrs: Mapping[str, Any] | None) -> str:
    """attrs.html: ` name="value"` for each, ` name` alone for True, nothing for False."""
    if not attrs:
        return ""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: Context) -> str:
    value = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
    kind, name = conditional_escape(widget["type"]), conditional_escape(widget["name"])
    return f'<input type="{kind}" name="{name}"{value}{attributes(widget["attrs"])}>'


def _option(option: Context) -> str:
    """input_option.html: one radio button or checkbox, inside its label."""
    field = _input(option)
    if not option["wrap_label"]:
        return field
    label_for = option["attrs"].get("id")
    opening = f'<label for="{conditional_escape(label_for)}">' if label_for else "<label>"
    return f"{opening}{field} {conditional_escape(option['label'])}</label>"


def _select(widget: Context) -> str:
    out = [f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group, options, _index in widget["optgroups"]:
        if group:
            out.append(f'\n  <optgroup label="{conditional_escape(group)}">')
        for option in options:
            out.append(
                f'\n  <option value="{escape(option["value"])}"{attributes(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>"
            )
        if group:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


def _textarea(widget: Context) -> str:
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>\n{value}</textarea>'


def _choices(widget: Context) -> str:
    """multiple_input.html: radio buttons or checkboxes, each an input in its label."""
    own_id, own_class = widget["attrs"].get("id"), widget["attrs"].get("class")
    out = [
        "<div",
        f' id="{conditional_escape(own_id)}"' if own_id else "",
        f' class="{conditional_escape(own_class)}">' if own_class else ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            out.append(f"\n  <div><label>{conditional_escape(group)}</label>")
        for option in options:
            out.append(f"<div>\n    {_option(option)}</div>")
        if group:
            out.append("\n  </div>")
    out.append("\n</div>")
    return "".join(out)


def _label(context: Context) -> str:
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return str(label)
    tag = conditional_escape(context["tag"])
    return f"<{tag}{attributes(context['attrs'])}>{label}</{tag}>"


DRAWN: dict[str, Callable[[Context], str]] = {
    **{f"{WIDGETS}{name}.html": lambda context: _input(context["widget"]) for name in INPUT_TYPES},
    f"{WIDGETS}select.html": lambda context: _select(context["widget"]),
    f"{WIDGETS}textarea.html": lambda context: _textarea(context["widget"]),
    f"{WIDGETS}radio.html": lambda context: _choices(context["widget"]),
    f"{WIDGETS}checkbox_select.html": lambda context: _choices(context["widget"]),
    f"{WIDGETS}radio_option.html": lambda context: _option(context["widget"]),
    f"{WIDGETS}checkbox_option.html": lambda context: _option(context["widget"]),
    "django/forms/label.html": _label,
}


class FormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        draw = DRAWN.get(template_name)
        if draw is None:
            return super().render(template_name, context, request)
        return draw(context)
