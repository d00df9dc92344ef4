"""What every app's web forms share: labels that end without a colon ("When", not "When:"), as every page of
Glimmers writes them."""

from __future__ import annotations

from typing import Any


class PlainLabels:
    """Mixed into a form, before `forms.Form`: its labels without a trailing colon (a form may still pass its
    own `label_suffix`). A mixin, not a form, so the renderer comparison (tests/test_form_renderer.py) walks only
    real forms."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
