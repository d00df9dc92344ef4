"""Keep secrets and people's paths out of the logs.

Django logs the path of every 4xx answer. A path can carry a secret (the one-time first-run
link, a calendar feed) or say what someone looked for, and a 404 or 405 is the visitor's own
mistake with nothing for the operator to do: those lines are dropped. Refusals the operator may
need to act on (a CSRF failure from a misconfigured proxy, a wrong host) stay, without the path.
Anything else that names a first-run link or a feed's address has its secret cut out.
"""

from __future__ import annotations

import logging
import re

_FIRST_RUN = re.compile(r"(/welcome/)[^/\s\"']+")
_FEED = re.compile(r"(/feeds/)[^/\s\"']+")
WITHHELD = "(path withheld)"


def redact(text: str) -> str:
    return _FEED.sub(r"\1…", _FIRST_RUN.sub(r"\1…", text))


def _refused(record: logging.LogRecord) -> bool:
    status = getattr(record, "status_code", None)
    return isinstance(status, int) and 400 <= status < 500


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if _refused(record):
            if record.name == "django.request":
                return False
            path = getattr(getattr(record, "request", None), "path", "")
            message = record.getMessage()
            if path and message.endswith(path):  # Django's form: "Forbidden (reason): /the/path"
                record.msg, record.args = message[: -len(path)] + WITHHELD, None
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
