"""The journal's data. For now the autonomic `State` that glimmers and every app above carry."""

from django.db import models


class State(models.TextChoices):
    """Deb Dana's autonomic ladder, top to bottom. The person names each rung in their own words."""

    VENTRAL = "ventral", "Safe and connected"
    SYMPATHETIC = "sympathetic", "Mobilised"
    DORSAL = "dorsal", "Shut down"
