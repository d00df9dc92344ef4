"""The people `make load` simulates (bench/load.py runs Locust on this file; never part of `make test`).

Each simulated person has an account of their own, made before the run with the command line
(bench/load.py hands the names, passwords and tokens over in the file named by LOAD_ACCOUNTS).
Half use the web as a phone would (signing in through the form, then Today, capture, the journal,
search and check-in, with the CSRF token like a browser); the other half script the API with
their own token. Everyone thinks for a second between steps. With LOAD_HEAVY=1 one more person
sends a glimmer naming 50 new people every second, to show that nobody else waits for it.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import threading

from locust import HttpUser, constant, constant_pacing, task

with open(os.environ["LOAD_ACCOUNTS"]) as _file:
    ACCOUNTS: list[dict[str, str]] = json.load(_file)
_next_account = itertools.count()
_lock = threading.Lock()
WORDS = ["kettle", "birdsong", "sunlight", "rain", "bread", "laughter", "moss", "tea", "breeze", "lamp"]
STATES = ["ventral", "sympathetic", "dorsal"]


def _account() -> dict[str, str]:
    with _lock:
        return ACCOUNTS[next(_next_account) % len(ACCOUNTS)]


def _text() -> str:
    return f"The {random.choice(WORDS)} and the {random.choice(WORDS)} this afternoon"


class WebPerson(HttpUser):
    """Signs in through the web form and uses the pages, as someone on a phone does."""

    weight = 1
    wait_time = constant(1)

    def on_start(self) -> None:
        account = _account()
        self.client.get("/sign-in/", name="sign-in (form)")
        answer = self.client.post(
            "/sign-in/",
            data={"username": account["name"], "password": account["password"], "csrfmiddlewaretoken": self._csrf()},
            allow_redirects=False,
            name="sign-in (post)",
        )
        if answer.status_code != 302:
            raise RuntimeError(f"sign-in for {account['name']} answered {answer.status_code}")

    def _csrf(self) -> str:
        return str(self.client.cookies.get("csrftoken", ""))

    @task(3)
    def today(self) -> None:
        self.client.get("/", name="web: Today")

    @task(2)
    def capture(self) -> None:
        with self.client.post(
            "/glimmers/new/",
            data={"text": _text(), "csrfmiddlewaretoken": self._csrf()},
            allow_redirects=False,
            name="web: capture",
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:  # kept: back to Today
                answer.failure(f"capture answered {answer.status_code}")

    @task(2)
    def journal(self) -> None:
        self.client.get("/journal/", name="web: journal")

    @task(2)
    def search(self) -> None:
        self.client.get(f"/journal/?q={random.choice(WORDS)}", name="web: search")

    @task(1)
    def check_in(self) -> None:
        with self.client.post(
            "/ladder/checkins/new/",
            data={"state": random.choice(STATES), "csrfmiddlewaretoken": self._csrf()},
            allow_redirects=False,
            name="web: check-in",
            catch_response=True,
        ) as answer:
            if answer.status_code not in (200, 302):
                answer.failure(f"check-in answered {answer.status_code}")


class ApiPerson(HttpUser):
    """Scripts the JSON API with a token of their own."""

    weight = 1
    wait_time = constant(1)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {_account()['token']}"

    @task(3)
    def today(self) -> None:
        self.client.get("/api/glimmers?limit=20", name="api: list (Today)")

    @task(2)
    def capture(self) -> None:
        self.client.post("/api/glimmers", json={"text": _text()}, name="api: capture")

    @task(2)
    def journal(self) -> None:
        self.client.get("/api/glimmers?limit=50", name="api: journal")

    @task(2)
    def search(self) -> None:
        self.client.get(f"/api/search?q={random.choice(WORDS)}", name="api: search")

    @task(1)
    def check_in(self) -> None:
        self.client.post("/api/checkins", json={"state": random.choice(STATES)}, name="api: check-in")


class HeavyWriter(HttpUser):
    """One extra person (LOAD_HEAVY=1) keeping a glimmer with 50 new people's names every second."""

    fixed_count = 1
    wait_time = constant_pacing(1)

    def on_start(self) -> None:
        account = ACCOUNTS[-1]  # bench/load.py makes one account more for this person
        self.client.headers["Authorization"] = f"Bearer {account['token']}"
        self.batch = itertools.count()

    @task
    def fifty_names(self) -> None:
        batch = next(self.batch)
        people = [f"Friend {batch}-{number}" for number in range(50)]
        self.client.post("/api/glimmers", json={"text": _text(), "people": people}, name="heavy: 50 names")
