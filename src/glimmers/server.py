"""`glimmers serve`: Glimmers behind gunicorn, static files through whitenoise.

Django's development server is never how people run Glimmers. gunicorn forks its workers
from this process, stops them gracefully on Ctrl-C or SIGTERM, and logs errors (never an
access log: paths can carry one-time tokens, and nobody needs a record of who read what).
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from typing import Any

from gunicorn.app.base import BaseApplication

# gunicorn's most (its default is 4094): comfortably above settings.URL_LIMIT (4096) plus the method
# and protocol on the same line.
REQUEST_LINE_LIMIT = 8190


class PortInUse(Exception):
    pass


def check_port_free(host: str, port: int) -> None:
    """Fail early and clearly when the address is taken, rather than gunicorn retrying for seconds."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = socket.socket(family, socket.SOCK_STREAM)
    try:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
    except OSError as error:
        if error.errno in (errno.EADDRINUSE, errno.EACCES):
            raise PortInUse(str(error.strerror)) from None
        raise
    finally:
        probe.close()


def strong_enough(secret_key: str) -> bool:
    """Django's own minimum for a key that signs sessions (the one `check --deploy` applies)."""
    from django.core.checks.security import base

    return (
        len(secret_key) >= base.SECRET_KEY_MIN_LENGTH
        and len(set(secret_key)) >= base.SECRET_KEY_MIN_UNIQUE_CHARACTERS
        and not secret_key.startswith(base.SECRET_KEY_INSECURE_PREFIX)
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


class GlimmersServer(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from glimmers.wsgi import application

        return application


def run(host: str, port: int, workers: int) -> None:
    shown = f"[{host}]" if ":" in host else host
    GlimmersServer(
        {
            "bind": f"{shown}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": 4,
            "timeout": 60,
            # gunicorn answers a longer request line itself, in plain HTML, before Glimmers runs; above
            # settings.URL_LIMIT, so that Glimmers answers 414 in its own words (JSON under /api/).
            "limit_request_line": REQUEST_LINE_LIMIT,
            "graceful_timeout": 10,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "glimmers",
        }
    ).run()
