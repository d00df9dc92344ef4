"""With GLIMMERS_HTTPS=1 (behind a proxy): HSTS, secure cookies, a redirect from HTTP, and a clean deploy check."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit

from tests.helpers import clean_env, run_cli, serving, serving_with_account

HTTPS = {"GLIMMERS_HTTPS": "1", "GLIMMERS_TRUST_PROXY": "1"}


def test_the_deploy_check_is_clean_with_https(tmp_path: Path) -> None:
    result = run_cli(["manage", "check", "--deploy", "--fail-level", "WARNING"], clean_env(tmp_path, **HTTPS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_still_speaks_up_when_a_setting_is_missing(tmp_path: Path) -> None:
    result = run_cli(["manage", "check", "--deploy", "--fail-level", "WARNING"], clean_env(tmp_path))
    assert result.returncode != 0
    assert "SESSION_COOKIE_SECURE" in result.stderr + result.stdout


def _get(url: str, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request("GET", path, headers=headers)
    return connection.getresponse()


def test_https_answers_carry_hsts_and_secure_cookies(tmp_path: Path) -> None:
    with serving(tmp_path, env_extra=HTTPS) as running:
        plain = _get(running.url, "/sign-in/", {})
        assert plain.status == 301
        assert plain.getheader("Location", "").startswith("https://")
        assert _get(running.url, "/healthz", {}).status == 200  # load balancers may probe over HTTP

        secure = _get(running.url, "/sign-in/", {"X-Forwarded-Proto": "https"})
        assert secure.status == 200
        assert secure.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")
        cookie = secure.getheader("Set-Cookie", "")
        assert "csrftoken=" in cookie
        for flag in ("Secure", "HttpOnly", "SameSite=Lax"):
            assert flag in cookie


def test_the_session_cookie_is_secure_httponly_and_samesite(tmp_path: Path) -> None:
    import re

    with serving_with_account(tmp_path, "sam", "kettle song at dawn", env_extra=HTTPS) as running:
        over_https = {"X-Forwarded-Proto": "https"}
        form = _get(running.url, "/sign-in/", over_https)
        csrf_cookie = form.getheader("Set-Cookie", "").split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.read().decode())
        assert token is not None
        parts = urlsplit(running.url)
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        body = f"csrfmiddlewaretoken={token.group(1)}&username=sam&password=kettle+song+at+dawn"
        connection.request(
            "POST",
            "/sign-in/",
            body=body,
            headers={
                **over_https,
                "Cookie": csrf_cookie,
                "Origin": f"https://{parts.netloc}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        signed_in = connection.getresponse()
        assert signed_in.status == 302, signed_in.read()[:300]
        session = next(c for c in signed_in.headers.get_all("Set-Cookie") or [] if c.startswith("sessionid="))
        for flag in ("Secure", "HttpOnly", "SameSite=Lax"):
            assert flag in session
