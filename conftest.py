"""Shared pytest fixtures. Settings are the production defaults (DEMO off, 2FA on, secure
cookies, HSTS, CSP); tests that need demo mode or another backend override `settings`
themselves."""

import os
from pathlib import Path

import pytest


def find_shared_dir() -> Path:
    """VERZUIM_SHARED_DIR, else ../shared beside the checkout (as CI has it)."""
    candidates = [os.environ.get("VERZUIM_SHARED_DIR"), Path(__file__).parent.parent / "shared"]
    for c in candidates:
        if c and (Path(c) / "specs").is_dir():
            return Path(c)
    raise RuntimeError("shared/ not found: set VERZUIM_SHARED_DIR")


SHARED_DIR = find_shared_dir()
os.environ["VERZUIM_SHARED_DIR"] = str(SHARED_DIR)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED_DIR


def pytest_configure(config):
    """The test client, the live server and WSGI apps built at import time speak plain http,
    so the production redirect to https is off for the whole run, before any middleware is
    built. Every other production default stays on; web/tests/test_beveiliging.py tests the
    redirect itself."""
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
