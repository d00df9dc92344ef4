"""Web forms for Your data: input at the edge; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms

FORMAT_CHOICES = [
    ("json", "Glimmers JSON — everything, for another app or a later import"),
    ("csv", "CSV in a zip — one table per kind of thing, for a spreadsheet"),
    ("markdown", "Markdown — your glimmers as one readable document, by month"),
]


class ExportForm(forms.Form):
    format = forms.ChoiceField(label="Format", choices=FORMAT_CHOICES, initial="json", widget=forms.RadioSelect)


class EraseForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To be sure it is you.",
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That isn't your password. Your account is still here, unchanged.")
        return password
