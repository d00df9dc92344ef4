"""Spreadsheet cells that can't run as formulas: the CSV export's one rule, and its exact inverse.

A spreadsheet treats a cell that begins with `=`, `+`, `-` or `@` (and, in some programs, a tab or a carriage
return) as a formula, so a glimmer that reads "=HYPERLINK(…)" could act when the file is opened. Such a cell
gets one leading `'`, which spreadsheets show as "text follows". A cell that already begins with `'` (or
several) followed by one of those characters gets one too, so that `restore` — used by the Glimmers CSV
importer — can always remove exactly the one that was added, and every text comes back as it was.
"""

from __future__ import annotations

STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    return text.lstrip("'").startswith(STARTS)


def neutralise(text: str) -> str:
    return "'" + text if _needs_quote(text) else text


def restore(text: str) -> str:
    """The text `neutralise` was given."""
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text
