"""The injection sweep: markup and script stored in every text field, read back on every page that shows it.

Each field of glimmers, people, places, tags, the ladder map, check-ins, hard moments, cues and
anchors holds a payload (HTML, script, attribute breakouts, template syntax, entities), stored through
the API as a script would. Then every page that shows them is opened in Chromium: no dialog opens, no
element from a payload exists, no script ran, and wherever a field's text is visible it is the stored
text exactly (in a form, the field's value is). The page fixture also fails on any CSP report.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import sign_in
from tests.helpers import clean_env, fresh_database_url, run_cli, serving

pytestmark = pytest.mark.browser

NAME, PASSWORD = "wren", "moss after the rain"

# Short enough for the shortest field (a rung's name: 40 characters) with its marker.
PAYLOADS = [
    "<script data-x>alert(1)</script>",
    "<img src=x onerror=alert(1) data-x>",
    '"><svg onload=alert(1) data-x>',
    "'><b data-x>bold</b>",
    "</textarea><i data-x>i</i>",
    "{{ 7|add:7 }} {% now 'Y' %}",
    "&lt;u data-x&gt; &amp; &quot;",
    "javascript:alert(1)",
    "<a href=javascript:alert(1) data-x>",
    "${alert(1)} `x` \\u003c",
    "<img src=x onerror=__ran=1 data-x>",
]


class Stash:
    """Payloads handed out one per field, each ending in a marker (zq00, zq01, …) naming its field."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}  # field -> the text stored in it
        self.markers: dict[str, str] = {}  # field -> its marker

    def __call__(self, field: str) -> str:
        number = len(self.values)
        self.markers[field] = f"zq{number:02d}"
        self.values[field] = f"{PAYLOADS[number % len(PAYLOADS)]} zq{number:02d}"
        return self.values[field]


def _api(base: str, token: str, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    request = urllib.request.Request(
        f"{base}/api{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read() or b"null")


def _store(base: str, token: str) -> tuple[Stash, dict[str, str]]:
    """Every text field filled with a payload, through the API; what was stored, and the things' ids."""
    field = Stash()
    call = lambda method, path, body=None: _api(base, token, method, path, body)  # noqa: E731
    person = call("POST", "/people", {"name": field("person"), "note": field("person note")})
    place = call("POST", "/places", {"name": field("place"), "note": field("place note")})
    glimmer = call(
        "POST",
        "/glimmers",
        {
            "text": field("text"),
            "why": field("why"),
            "people": [person["name"]],
            "place": place["name"],
            "tags": [field("tag")],
        },
    )
    tag = call("GET", "/tags")["items"][0]
    call("PATCH", f"/tags/{tag['id']}", {"note": field("tag note")})
    rung = {key: field(key) for key in ("name", "body", "feel", "think", "do", "helps")}
    call("PUT", "/ladder", {"ventral": rung})
    call("POST", "/checkins", {"state": "ventral", "note": field("check-in note")})
    call("PATCH", "/ladder/settings", {"hard_moments": True})
    call("POST", "/hard-moments", {"text": field("hard moment"), "cue": field("hard moment cue")})
    cue = call("POST", "/cues", {"name": field("cue"), "note": field("cue note")})
    call("POST", f"/cues/{cue['id']}/glimmers", {"glimmer": glimmer["id"]})
    anchor = call("POST", "/kit/anchors", {"kind": "glimmer", "id": glimmer["id"], "note": field("anchor note")})
    ids = {"glimmer": glimmer["id"], "person": person["id"], "place": place["id"], "tag": tag["id"]}
    ids |= {"cue": cue["id"], "anchor": anchor["id"]}
    # Last, so the markers above keep their numbers: a word of one's own (a chip, and a check-in by it), a story.
    [word] = call("PATCH", "/ladder/words", {"ventral": [field("word")]})["ventral"]
    call("POST", "/checkins", {"word": word})
    story = {key: field(f"story {key}") for key in ("what", "body", "thoughts")}
    call("PATCH", "/ladder/stories", {"ventral": story})
    return field, ids


# Each page, and the fields it must show at the least; any other field it shows is checked too.
GLIMMER = ["text", "why", "person", "place", "tag"]
RUNG = ["name", "body", "feel", "think", "do", "helps"]
STORY = ["story what", "story body", "story thoughts"]
PAGES = {
    "/": ["text"],
    "/journal/": ["text", "person", "place"],
    "/journal/?q=zq04": ["text"],
    "/glimmers/{glimmer}/": GLIMMER,
    "/glimmers/{glimmer}/edit/": ["text", "why"],
    "/people/": ["person"],
    "/people/{person}/": ["person", "person note", "text"],
    "/people/{person}/edit/": ["person", "person note"],
    "/places/": ["place"],
    "/places/{place}/": ["place", "place note", "text"],
    "/places/{place}/edit/": ["place", "place note"],
    "/tags/": ["tag"],
    "/tags/{tag}/": ["tag", "tag note", "text"],
    "/tags/{tag}/edit/": ["tag"],
    "/ladder/": [*RUNG, "word", *STORY],
    "/ladder/edit/?step=ventral": RUNG,
    "/ladder/words/?step=ventral": ["word"],
    "/ladder/story/?state=ventral": STORY,
    "/journal/?q=zq21": ["story what"],  # the landmark story that holds the marker
    "/ladder/day/": ["check-in note", "word"],
    "/ladder/hard-moments/": ["hard moment", "hard moment cue"],
    "/ladder/cues/": ["cue", "hard moment cue"],
    "/ladder/cues/{cue}/": ["cue", "cue note", "text"],
    "/ladder/cues/{cue}/edit/": ["cue", "cue note"],
    "/ladder/balance/": [],
    "/kit/": ["anchor note", "text"],
    "/kit/anchors/{anchor}/": ["anchor note"],
}

# Folded-away parts (<details>) opened first, as a reader would; the search box holds the query, not a field.
SHOWN = """() => {
  document.querySelectorAll('details').forEach((details) => { details.open = true; });
  const inputs = document.querySelectorAll('input:not([type=hidden]):not([name=q]), textarea');
  const fields = [...inputs].map((f) => f.value);
  return {
    text: document.body.innerText,
    fields,
    injected: document.querySelectorAll('[data-x]').length,
    ran: Boolean(window.__ran),
  };
}"""


def test_payloads_in_every_field_show_as_text_on_every_page(tmp_path: Path, page: Any) -> None:
    with fresh_database_url() as database_url:
        env = clean_env(tmp_path, **({"DATABASE_URL": database_url} if database_url else {}))
        for args, stdin in ((["migrate"], ""), (["user", "create", NAME, "--password-stdin"], PASSWORD + "\n")):
            assert run_cli(args, env, stdin=stdin).returncode == 0
        token = run_cli(["token", "create", "--user", NAME], env).stdout.strip().splitlines()[-1]
        with serving(tmp_path, database_url=database_url) as running:
            stored, ids = _store(running.url, token)
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            sign_in(page, running.url, NAME, PASSWORD)
            problems = [
                problem
                for path, fields in PAGES.items()
                for problem in _check(page, running.url, path.format(**ids), fields, stored)
            ]
    assert not dialogs, f"dialogs opened: {dialogs}"
    assert not problems, "\n".join(problems)


def _check(page: Any, base: str, path: str, fields: list[str], stored: Stash) -> list[str]:
    page.goto(base + path)
    shown = page.evaluate(SHOWN)
    text = " ".join(shown["text"].split())
    problems = []
    if shown["injected"] or shown["ran"]:
        problems.append(f"{path}: {shown['injected']} elements from a payload; a payload's script ran: {shown['ran']}")
    for field, value in stored.values.items():
        marker = stored.markers[field]
        in_text = marker in text
        in_forms = [held for held in shown["fields"] if marker in held]
        if in_text and " ".join(value.split()) not in text:
            problems.append(f"{path}: the {field} ({marker}) is shown, but not as stored: {value!r}")
        if any(held != value for held in in_forms):
            problems.append(f"{path}: a form holds the {field} other than as stored: {in_forms} vs {value!r}")
        if field in fields and not (in_text or in_forms):
            problems.append(f"{path}: the {field} ({value!r}) is not shown")
    return problems
