"""Load Django on a given data folder. Settings are read at import, so this runs first in a fresh process."""

from __future__ import annotations

import os
from pathlib import Path


def setup(data_dir: Path, *, web: bool) -> None:
    """`web=False` loads only the data apps, as the command line does (glimmers.lib.runtime)."""
    os.environ["GLIMMERS_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "glimmers.settings"
    from glimmers.lib import runtime

    runtime.web = web
    import django

    django.setup()
