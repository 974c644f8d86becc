"""Fixtures of the cijfers tests: today is 1 Oct 2026 and the hand-built world (wereld.py)."""

from __future__ import annotations

import pytest

from verzuim import clock

from . import wereld as w_


@pytest.fixture(autouse=True)
def _vandaag():
    clock.set_today(w_.VANDAAG)
    yield
    clock.set_today(None)


@pytest.fixture
def wereld(db):
    return w_.bouw()
