"""Web forms for accounts: input at the edge; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from glimmers.accounts import zones


class SignInForm(AuthenticationForm):
    # One message for an unknown name and a wrong password, so the form never reveals who has an account.
    error_messages = {
        "invalid_login": "That name and password don't go together. Please try again (is Caps Lock on?).",
        "inactive": "That name and password don't go together. Please try again (is Caps Lock on?).",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Name"
        self.fields["username"].widget.attrs.update({"autocapitalize": "none", "autocomplete": "username"})


def time_zone_field(*, detect: bool = False) -> forms.ChoiceField:
    """`detect`: let the page start it at the device's own zone (for a new account)."""
    return forms.ChoiceField(
        label="Time zone",
        choices=[(name, name.replace("_", " ")) for name in zones.time_zone_names()],
        help_text="Glimmers dates your glimmers in this zone unless you say otherwise.",
        widget=forms.Select(attrs={"data-detect-time-zone": ""} if detect else {}),
    )


class FirstRunForm(forms.Form):
    username = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="What you will sign in with: letters, digits and . @ + - _",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 10 characters. A few words you will remember work well.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label="The same password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = time_zone_field(detect=True)
        self.fields["time_zone"].initial = "UTC"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", "The two passwords are different. Please type the same one twice.")
        return data


class ProfileForm(forms.Form):
    on_this_day = forms.BooleanField(
        label="On Today, show glimmers from this day in earlier years", required=False, initial=True
    )
    from_before = forms.BooleanField(label="Offer “a glimmer from before” on request", required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = time_zone_field()


class NewTokenForm(forms.Form):
    name = forms.CharField(
        label="Name (what will use it)",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. my phone shortcut"}),
    )
    read_only = forms.BooleanField(label="Read only (it can never change anything)", required=False)


class PasswordForm(PasswordChangeForm):
    """Django's password change, in Glimmers' words: plain labels, one line of help, kind messages."""

    error_messages = {
        "password_incorrect": "That isn't the password you use now. Please try it again (is Caps Lock on?).",
        "password_mismatch": "The two new passwords are different. Please type the same one twice.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        words = {
            "old_password": ("The password you use now", "", "Please type the password you use now."),
            "new_password1": (
                "A new password",
                "At least 10 characters, not only numbers, not close to your name. "
                "A few words you will remember work well.",
                "Please choose a new password.",
            ),
            "new_password2": ("The new password again", "", "Please type the new password a second time."),
        }
        for name, (label, help_text, required) in words.items():
            field = self.fields[name]
            field.label, field.help_text = label, help_text
            field.error_messages["required"] = required

    def clean(self) -> dict[str, Any]:
        # Django would put a weak password's message under the second box; here it goes beside the first,
        # where the password was chosen.
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return forms.Form.clean(self) or {}
