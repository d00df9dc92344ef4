"""Exceptions that services raise and every adapter (web, API, CLI) turns into a kind answer."""

from __future__ import annotations


class NotFound(Exception):
    """The thing does not exist or belongs to someone else: the same answer either way."""


class UserError(Exception):
    """Something the person can put right; the message says how."""
