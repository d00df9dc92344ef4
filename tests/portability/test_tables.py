"""The guard that grows: every model holding a person's data is in the export's table and the erasure's table.

A model holds a person's data when it points at the user with a foreign key, or at a model that does (its
owner's things: a glimmer's people, a cue's glimmers). A new one fails here until it has a place in both.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps

from glimmers.journal.models import Glimmer
from glimmers.portability import reading
from glimmers.portability.tables import ERASED, EXPORTED, Left

TABLES = "src/glimmers/portability/tables.py"


def models_holding_a_persons_data(every: list[type[models.Model]] | None = None) -> set[str]:
    """The labels of the user model and of every model that reaches it through foreign keys, however many
    steps away (a cue's link to a glimmer → the glimmer → its owner)."""
    user = get_user_model()
    holding: set[type[models.Model]] = {user}
    every = every if every is not None else apps.get_models(include_auto_created=True)
    grew = True
    while grew:
        grew = False
        for model in every:
            if model in holding:
                continue
            for field in model._meta.get_fields():
                if field.concrete and field.is_relation and field.related_model in holding:
                    holding.add(model)
                    grew = True
                    break
    return {model._meta.label for model in holding}


def missing_from_export(holding: set[str]) -> str:
    missing = sorted(holding - set(EXPORTED))
    return (
        f"{missing} hold a person's data but the export doesn't say where they go: add each to EXPORTED in {TABLES} "
        "with the export section that carries its rows (and write them in portability/reading.py), or Left(reason) "
        "if it must never be exported (a secret)."
        if missing
        else ""
    )


def missing_from_erasure(holding: set[str]) -> str:
    missing = sorted(holding - {label for label, _path in ERASED} - {get_user_model()._meta.label})
    return (
        f"{missing} hold a person's data but erasing an account wouldn't remove them: add each to ERASED in {TABLES} "
        "as (label, the lookup from it to the user), before anything it points at."
        if missing
        else ""
    )


def test_every_model_holding_a_persons_data_is_exported_or_left_out_with_a_reason() -> None:
    message = missing_from_export(models_holding_a_persons_data())
    assert not message, message


def test_every_model_holding_a_persons_data_is_erased() -> None:
    message = missing_from_erasure(models_holding_a_persons_data())
    assert not message, message


@isolate_apps("tests.portability")
def test_a_new_model_two_steps_from_the_user_is_found_and_named_with_where_to_add_it() -> None:
    """What a later issue's model meets: a photo's caption points at a glimmer, which points at its owner."""

    class Caption(models.Model):
        glimmer = models.ForeignKey(Glimmer, on_delete=models.CASCADE)

        class Meta:
            app_label = "later"

    class Echo(models.Model):  # three steps: an echo of a caption
        caption = models.ForeignKey(Caption, on_delete=models.CASCADE)

        class Meta:
            app_label = "later"

    class Weather(models.Model):  # points at nothing of anyone's: not theirs to export
        city = models.CharField(max_length=20)

        class Meta:
            app_label = "later"

    holding = models_holding_a_persons_data([Echo, Weather, Caption, *apps.get_models(include_auto_created=True)])
    assert {"later.Caption", "later.Echo"} <= holding and "later.Weather" not in holding
    for message in (missing_from_export(holding), missing_from_erasure(holding)):
        assert "['later.Caption', 'later.Echo']" in message and TABLES in message


def test_the_tables_name_only_real_models_and_real_sections() -> None:
    holding = models_holding_a_persons_data()
    assert set(EXPORTED) <= holding, f"EXPORTED names models that hold no one's data: {set(EXPORTED) - holding}"
    for label, section in EXPORTED.items():
        assert isinstance(section, Left) or section in reading.SECTIONS, f"{label}: no export section {section!r}"
    for label, path in ERASED:
        model = apps.get_model(label)
        model._base_manager.filter(**{path: get_user_model()(pk=1)})  # a wrong lookup raises FieldError here


def test_erasure_deletes_children_before_what_they_point_at() -> None:
    order = [apps.get_model(label) for label, _path in ERASED]
    for position, model in enumerate(order):
        for field in model._meta.get_fields():
            if field.concrete and field.is_relation and field.related_model in order:
                pointed = order.index(field.related_model)
                assert pointed > position or field.related_model is model, (
                    f"{model._meta.label} points at {field.related_model._meta.label}, which ERASED deletes first: "
                    f"move it later in {TABLES}"
                )
