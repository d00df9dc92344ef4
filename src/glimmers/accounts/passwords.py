"""Django's password checks, with kinder words."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation as base
from django.core.exceptions import ValidationError


class LongEnough(base.MinimumLengthValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                f"Please choose a longer password — at least {self.min_length} characters. "
                "A few words you will remember work well.",
                code="password_too_short",
            )

    def get_help_text(self) -> str:
        return f"At least {self.min_length} characters. A few words you will remember work well."


class NotCommon(base.CommonPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if password.lower().strip() in self.passwords:
            raise ValidationError(
                "Many people use that password, so it would be easy to guess. Please choose another: "
                "a few words you will remember work well.",
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return "Not one that many people use."


class NotOnlyDigits(base.NumericPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if password.isdigit():
            raise ValidationError(
                "A password of only numbers is easy to guess. Please add a few letters or words.",
                code="password_entirely_numeric",
            )

    def get_help_text(self) -> str:
        return "Not only numbers."


class NotLikeYourName(base.UserAttributeSimilarityValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(
                "That password is very close to your name, so it would be easy to guess. Please choose another.",
                code="password_too_similar",
            ) from None

    def get_help_text(self) -> str:
        return "Not too close to your name."
