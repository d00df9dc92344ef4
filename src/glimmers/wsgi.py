"""The WSGI application that `glimmers serve` runs."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
application = get_wsgi_application()
