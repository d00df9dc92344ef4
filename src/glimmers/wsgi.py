"""The WSGI application that `glimmers serve` runs."""

import os

from django.core.wsgi import get_wsgi_application

from glimmers.lib.datadir import keep_files_private

keep_files_private()  # also when another WSGI server imports this module directly
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
application = get_wsgi_application()
