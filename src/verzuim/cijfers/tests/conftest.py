"""Fixtures of the cijfers tests: today is 1 Oct 2026 and the hand-built world (wereld.py)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from verzuim import clock

from . import wereld as w_


@pytest.fixture(autouse=True)
def _vandaag():
    clock.set_today(w_.VANDAAG)
    cache.clear()  # ids repeat between tests' databases: no benchmark from another test
    yield
    clock.set_today(None)


@pytest.fixture
def wereld(db):
    return w_.bouw()
