"""Django's password checks, with kinder words: each validator keeps Django's own check and says its
complaint through `get_error_message`, the hook Django gives for that."""

from __future__ import annotations

from django.contrib.auth import password_validation as base


class LongEnough(base.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return (
            f"Please choose a longer password — at least {self.min_length} characters. "
            "A few words you will remember work well."
        )

    def get_help_text(self) -> str:
        return f"At least {self.min_length} characters. A few words you will remember work well."


class NotCommon(base.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return (
            "Many people use that password, so it would be easy to guess. Please choose another: "
            "a few words you will remember work well."
        )

    def get_help_text(self) -> str:
        return "Not one that many people use."


class NotOnlyDigits(base.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "A password of only numbers is easy to guess. Please add a few letters or words."

    def get_help_text(self) -> str:
        return "Not only numbers."


class NotLikeYourName(base.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return "That password is very close to your name, so it would be easy to guess. Please choose another."

    def get_help_text(self) -> str:
        return "Not too close to your name."
