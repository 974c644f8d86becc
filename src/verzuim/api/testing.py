"""Test support for faults of the database (issue 8 §4): requests through Django's own WSGI
handler, as gunicorn calls it (unlike the test client, it opens, checks and closes database
connections per request), and ending a database session from outside, as a restart does."""

from __future__ import annotations

import io
import json
from wsgiref.util import setup_testing_defaults

from django.core.handlers.wsgi import WSGIHandler


def alleen_postgresql(test):
    """Decorator: a transactional test (the server's connection is the test's own) that
    needs PostgreSQL's sessions; skipped on SQLite before any fixture runs, since a skipped
    transactional test would still flush the database. serialized_rollback as the suite's
    other transactional tests."""
    import pytest
    from django.db import connection

    test = pytest.mark.django_db(transaction=True, serialized_rollback=True)(test)
    return pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL only: a SQLite file has no server session to end",
    )(test)


class Antwoord:
    def __init__(self, status: str, headers: list[tuple[str, str]], inhoud: bytes):
        self.status_code = int(status.split()[0])
        self.headers = dict(headers)
        self.content = inhoud

    def json(self):
        return json.loads(self.content)


def wsgi_verzoek(methode: str, pad: str, body: dict | None = None, **headers: str) -> Antwoord:
    """One request through a fresh WSGIHandler; `headers` as `Authorization="Bearer …"`."""
    data = json.dumps(body).encode() if body is not None else b""
    environ = {
        "REQUEST_METHOD": methode,
        "PATH_INFO": pad,
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(data)),
        "wsgi.input": io.BytesIO(data),
        **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()},
    }
    setup_testing_defaults(environ)
    begin: list = []
    response = WSGIHandler()(environ, lambda status, hdrs, *_: begin.extend([status, hdrs]))
    try:
        inhoud = b"".join(response)
    finally:
        response.close()  # request_finished: Django closes or keeps the connection
    return Antwoord(begin[0], begin[1], inhoud)


def beeindig_sessie(connection) -> None:
    """End the PostgreSQL session behind `connection` from a second session (what a fast
    shutdown does to every session) and wait until it is gone."""
    import psycopg

    info = connection.connection.info
    with psycopg.connect(info.dsn, autocommit=True) as beheer:
        pid = info.backend_pid
        beheer.execute("SELECT pg_terminate_backend(%s)", [pid])
        for _ in range(500):
            if not beheer.execute(
                "SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]
            ).fetchone():
                return
            beheer.execute("SELECT pg_sleep(0.01)")
    raise AssertionError(f"sessie {pid} bleef bestaan")
