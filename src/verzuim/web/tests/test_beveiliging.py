"""Production security (issue 8 §2): HTTPS-only defaults outside demo/debug, configurable by
environment; `check --deploy` clean; a strict Content-Security-Policy on every response, and
no template that would need it relaxed.

Settings are read once per process, so the environment cases run in a subprocess."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from verzuim.accounts.testing import inloggen
from verzuim.accounts.tests.factories import WACHTWOORD, GebruikerFactory

SRC = Path(django_settings.BASE_DIR).parent
JAAR = 365 * 24 * 3600


def productie_env(tmp_path, **extra) -> dict[str, str]:
    """The caller's environment without any Verzuimregister/Django configuration, plus a
    production configuration: a secret key, no demo, no debug."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("VERZUIM_", "DJANGO_")) and k != "DATABASE_URL"
    }
    env.update(
        PYTHONPATH=str(SRC),
        DJANGO_SETTINGS_MODULE="verzuim.settings",
        VERZUIM_VAR_DIR=str(tmp_path / "var"),
        VERZUIM_SECRET_KEY=secrets.token_urlsafe(50),
        VERZUIM_ALLOWED_HOSTS="verzuim.example.nl",
    )
    env.update(extra)
    return env


def instellingen(tmp_path, **env) -> dict:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k, "
        "None) for k in ['SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', "
        "'SECURE_PROXY_SSL_HEADER', 'CONTENT_SECURITY_POLICY']}))"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code],
        env=productie_env(tmp_path, **env),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(uit.stdout)


def check_deploy(tmp_path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "verzuim.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=productie_env(tmp_path, **env),
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


def test_check_deploy_reports_nothing_for_the_production_configuration(tmp_path):
    uit = check_deploy(tmp_path)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "System check identified no issues" in uit.stdout


def test_check_deploy_fails_when_a_secure_default_is_switched_off(tmp_path):
    """The check above can fail: plain-http cookies bring back W012 and W016."""
    uit = check_deploy(tmp_path, VERZUIM_SECURE_COOKIES="0")
    assert uit.returncode != 0
    assert "security.W012" in uit.stderr and "security.W016" in uit.stderr


def test_production_defaults_are_https_only(tmp_path):
    s = instellingen(tmp_path)
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SESSION_COOKIE_SECURE"] is True and s["CSRF_COOKIE_SECURE"] is True
    assert s["SECURE_HSTS_SECONDS"] == JAAR and s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert s["SECURE_HSTS_PRELOAD"] is False
    # The proxy header is trusted only when the operator names it.
    assert s["SECURE_PROXY_SSL_HEADER"] is None


@pytest.mark.parametrize("modus", ["VERZUIM_DEMO", "VERZUIM_DEBUG"])
def test_demo_and_debug_serve_plain_http(tmp_path, modus):
    s = instellingen(tmp_path, **{modus: "1"})
    assert s["SECURE_SSL_REDIRECT"] is False
    assert s["SESSION_COOKIE_SECURE"] is False and s["CSRF_COOKIE_SECURE"] is False
    assert s["SECURE_HSTS_SECONDS"] == 0
    # The CSP is the same in every mode.
    assert s["CONTENT_SECURITY_POLICY"] == instellingen(tmp_path)["CONTENT_SECURITY_POLICY"]


def test_environment_overrides(tmp_path):
    s = instellingen(
        tmp_path,
        VERZUIM_SECURE_SSL_REDIRECT="0",
        VERZUIM_HSTS_SECONDS="300",
        VERZUIM_HSTS_INCLUDE_SUBDOMAINS="0",
        VERZUIM_HSTS_PRELOAD="1",
        VERZUIM_PROXY_SSL_HEADER="X-Forwarded-Proto",
        VERZUIM_CSP_REPORT_URI="https://csp.example.nl/rapport",
    )
    assert s["SECURE_SSL_REDIRECT"] is False and s["SESSION_COOKIE_SECURE"] is True
    assert s["SECURE_HSTS_SECONDS"] == 300
    assert s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False and s["SECURE_HSTS_PRELOAD"] is True
    assert s["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert s["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["report-uri"] == [
        "https://csp.example.nl/rapport"
    ]
    # Demo may opt in to the secure settings (a demo behind TLS).
    s = instellingen(tmp_path, VERZUIM_DEMO="1", VERZUIM_SECURE_COOKIES="1")
    assert s["SESSION_COOKIE_SECURE"] is True and s["SECURE_SSL_REDIRECT"] is False


@pytest.fixture
def achter_tls_proxy(settings):
    """Production as deployed: redirect on, X-Forwarded-Proto from the TLS proxy trusted.
    (The suite itself runs with the redirect off: the test client speaks plain http.)"""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, achter_tls_proxy, settings):
    resp = client.get("/keuzehulp?stap=1")
    assert resp.status_code == 301
    assert resp["Location"] == "https://testserver/keuzehulp?stap=1"
    # The proxy header cannot be forged into https by a client when it is not trusted.
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client.get("/keuzehulp", **HTTPS).status_code == 301


@pytest.mark.django_db
def test_https_through_the_proxy_gets_hsts(client, achter_tls_proxy):
    resp = client.get("/keuzehulp", **HTTPS)
    assert resp.status_code == 200
    assert resp["Strict-Transport-Security"] == f"max-age={JAAR}; includeSubDomains"


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_secure(client, achter_tls_proxy):
    user = GebruikerFactory(rollen=["leerplichtambtenaar"])
    resp = client.get("/account/inloggen/", **HTTPS)
    assert resp.cookies["csrftoken"]["secure"] is True
    resp = client.post(
        "/account/inloggen/", {"username": user.username, "password": WACHTWOORD}, **HTTPS
    )
    assert resp.status_code == 302  # on to the 2FA step, signed in by password
    assert resp.cookies["sessionid"]["secure"] is True
    assert resp.cookies["sessionid"]["httponly"] is True


CSP_RICHTLIJNEN = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def csp(resp) -> dict[str, str]:
    richtlijnen = [r.strip().split(" ", 1) for r in resp["Content-Security-Policy"].split(";")]
    return {naam: waarde for naam, waarde in richtlijnen}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pad", ["/keuzehulp", "/account/inloggen/", "/bestaat-niet", "/api/v1/openapi.json"]
)
def test_every_response_carries_the_strict_csp(client, pad):
    assert csp(client.get(pad)) == CSP_RICHTLIJNEN


@pytest.mark.django_db
def test_signed_in_pages_and_beheer_carry_the_csp(client):
    inloggen(client, GebruikerFactory(rollen=["registerbeheerder"], organisatie=None))
    for pad in ["/", "/beheer/", "/beheer/organisaties/organisatie/add/"]:
        resp = client.get(pad)
        assert resp.status_code == 200, pad
        assert csp(resp) == CSP_RICHTLIJNEN, pad


# What a strict CSP blocks, as it can appear in a template: a <script> without src, a <style>
# element, a style="" attribute, an on…="" event handler, a javascript: URL.
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


def test_no_template_needs_inline_script_or_style():
    """Pages the browser tests do not reach are covered here: every template in the source."""
    templates = sorted(SRC.glob("verzuim/**/templates/**/*.html"))
    assert len(templates) > 20
    gevonden = [
        f"{pad.relative_to(SRC)}: {m.group(0)!r}"
        for pad in templates
        for m in INLINE.finditer(pad.read_text(encoding="utf-8"))
    ]
    assert gevonden == []


def test_inline_pattern_finds_what_the_csp_blocks():
    for fout in [
        "<script>alert(1)</script>",
        '<script type="module">x()</script>',
        "<style>p{}</style>",
        '<p style="color:red">',
        '<button onclick="x()">',
        '<a href="javascript:x()">',
    ]:
        assert INLINE.search(fout), fout
    for goed in ['<script src="/static/x.js" defer></script>', '<p class="vr-stijl">']:
        assert not INLINE.search(goed), goed
