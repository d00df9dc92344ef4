"""Keep secrets out of the logs.

The one-time first-run link carries its token in the path; Django logs the path of
every 4xx answer (a spent link, say). This filter rewrites such paths before any
handler writes them.
"""

from __future__ import annotations

import logging
import re

_FIRST_RUN = re.compile(r"(/welcome/)[^/\s\"']+")


def redact(text: str) -> str:
    return _FIRST_RUN.sub(r"\1…", text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
