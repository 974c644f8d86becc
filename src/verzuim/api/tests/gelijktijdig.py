"""Two API requests with one Idempotency-Key at the same time, for the tests of every write
endpoint (issue 8 §5). PostgreSQL only: SQLite lets one writer in at a time, so there the
requests cannot overlap.

The first request is held inside its transaction just after it has recorded its key — every
row it writes is still uncommitted and locked — until PostgreSQL shows the second waiting
for a lock (a row lock, a unique index, or the key itself); then the first commits. Both
answers are returned, so a test can check that the second got the first's answer.

Mark such a test `django_db(transaction=True, serialized_rollback=True)`, as the other
transactional tests under src/ are: pytest-django runs the transactional tests last, in
collection order, and a serialized one after a flush without it finds the content types
recreated under new ids and fails to restore (the live-server and browser tests under
tests/ come after all of them)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection

from verzuim.api import idempotentie

WACHTTIJD = 30.0

alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only: SQLite serialises writers, two requests cannot overlap there",
)


def _iemand_wacht_op_een_slot() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0] > 0


def gelijktijdig(monkeypatch, verzoek: Callable[[], object]) -> tuple:
    """Send `verzoek()` twice, overlapping as described above; (first, second) answer."""
    echt = idempotentie.voeg_in_tenzij_bestaand
    vastgelegd, los = threading.Event(), threading.Event()

    def vasthouden(obj, *uniek):
        gelukt = echt(obj, *uniek)
        if threading.current_thread().name == "eerste":
            vastgelegd.set()
            los.wait(timeout=WACHTTIJD)
        return gelukt

    monkeypatch.setattr(idempotentie, "voeg_in_tenzij_bestaand", vasthouden)
    antwoorden: dict[str, object] = {}

    def draai(naam: str) -> None:
        try:
            antwoorden[naam] = verzoek()
        finally:
            connection.close()

    eerste = threading.Thread(target=draai, args=("eerste",), name="eerste")
    tweede = threading.Thread(target=draai, args=("tweede",), name="tweede")
    eerste.start()
    try:
        assert vastgelegd.wait(timeout=WACHTTIJD), "the first request recorded no key"
        tweede.start()
        einde, gewacht = time.monotonic() + WACHTTIJD, False
        while not gewacht and time.monotonic() < einde and tweede.is_alive():
            gewacht = _iemand_wacht_op_een_slot()
            time.sleep(0.01)
    finally:
        los.set()
        eerste.join(timeout=WACHTTIJD)
        if tweede.is_alive() or tweede.ident is not None:
            tweede.join(timeout=WACHTTIJD)
    assert gewacht, "the second request never waited for the first"
    return antwoorden["eerste"], antwoorden["tweede"]
