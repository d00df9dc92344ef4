"""A check Schemathesis doesn't make on its own, loaded through `hooks` in bench/fuzz/schemathesis.toml.

Schemathesis's `ignored_auth` only asks that a request without valid credentials is not answered 2xx.
Glimmers promises more (DESIGN §5): no or a bad Bearer token is answered 401, with `WWW-Authenticate:
Bearer` and a JSON `{"detail"}` — never a 403 about CSRF, which would tell a script with a revoked token
the wrong thing. Once per operation, the request just made is sent again without credentials, and with a
token that is not one (with the operation's own method).
"""

from __future__ import annotations

from typing import Any

import requests
import schemathesis

_checked: set[str] = set()
WITHOUT = {"no credentials": None, "a bad token": "Bearer not-a-real-token"}


@schemathesis.check
def bad_credentials_answer_401(ctx: Any, response: Any, case: Any) -> bool | None:
    label = case.operation.label
    sent = response.request
    # The unsupported-method phase sends TRACE, DELETE… to an operation's path: 405 comes before any
    # question of credentials there (and Schemathesis checks that 405 itself), so only the operation's
    # own method is probed here, and a probe of another method doesn't use up the operation's turn.
    if label in _checked or str(sent.method).upper() != str(case.operation.method).upper():
        return None
    _checked.add(label)
    problems = []
    for what, authorization in WITHOUT.items():
        headers = {k: v for k, v in sent.headers.items() if k.lower() not in ("authorization", "cookie")}
        if authorization:
            headers["Authorization"] = authorization
        answer = requests.request(sent.method, sent.url, headers=headers, data=sent.body, timeout=30)
        challenge = answer.headers.get("WWW-Authenticate", "")
        json_answer = answer.headers.get("Content-Type", "").startswith("application/json")
        if answer.status_code != 401 or "bearer" not in challenge.lower() or not json_answer:
            problems.append(
                f"with {what}: {answer.status_code}, WWW-Authenticate {challenge!r}, "
                f"{answer.headers.get('Content-Type', '?')}: {answer.text[:80]!r}"
            )
    if problems:
        raise AssertionError(
            f"{label} should answer 401 with WWW-Authenticate: Bearer and JSON; " + "; ".join(problems)
        )
    return None
