"""The application's notion of "today".

Nothing calls ``date.today()`` directly: demos and tests stand on a fixed date through
``VERZUIM_TODAY=YYYY-MM-DD`` (or the scenario's ``vandaag`` in demo mode, which the loader
stores in the database as the register's date).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

_override: dt.date | None = None


def today() -> dt.date:
    if _override is not None:
        return _override
    value = os.environ.get("VERZUIM_TODAY")
    if value:
        return dt.date.fromisoformat(value)
    return dt.date.today()


def now() -> dt.datetime:
    """Aware datetime: the real time of day on the application's date."""
    real = dt.datetime.now(dt.UTC).astimezone()
    day = today()
    if day == real.date():
        return real
    return real.replace(year=day.year, month=day.month, day=day.day)


def set_today(day: dt.date | None) -> None:
    """Fix the date in-process (used by the scenario loader in demo mode and by tests)."""
    global _override
    _override = day


@contextmanager
def op(dag: dt.date) -> Iterator[None]:
    """Run on another day (the demos: each service call on the day it happened)."""
    vorige = _override
    set_today(dag)
    try:
        yield
    finally:
        set_today(vorige)
