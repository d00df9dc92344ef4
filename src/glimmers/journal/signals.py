"""Signals the journal sends for apps above it (they listen; the journal never imports them)."""

from django.dispatch import Signal

# Sent inside a merge's transaction, before `source` is deleted, so apps above the journal (the kit's
# anchors) can point what they hold at `into` instead. Arguments: kind, source, into.
merged = Signal()
