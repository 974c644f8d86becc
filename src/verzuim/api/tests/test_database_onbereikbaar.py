"""The database unreachable (issue 8 §4): 503 with Retry-After — problem+json for the API, a
Dutch page for people — not a 500, and the service recovers by itself. Against a real refused
connection and (PostgreSQL) a real session ended by the server, not a mock."""

from __future__ import annotations

import contextlib
import importlib.util
import socket
import time

import dj_database_url
import pytest
from django.db import IntegrityError, OperationalError, ProgrammingError, connection, connections
from django.db.backends.postgresql.base import DatabaseWrapper
from django.test import Client, RequestFactory

from verzuim.accounts.models import ApiApplicatie, ApiToken, hash_token
from verzuim.api.testing import alleen_postgresql, beeindig_sessie, wsgi_verzoek
from verzuim.api.unavailable import RETRY_AFTER, database_unavailable, server_error
from verzuim.organisaties.models import Organisatie


@contextlib.contextmanager
def _default_database(poort: int, django_db_blocker, **opties):
    """The default connection points at 127.0.0.1:`poort` for the duration."""
    url = f"postgres://verzuim@127.0.0.1:{poort}/verzuim"
    instellingen = connections.configure_settings({"default": dj_database_url.parse(url)})
    instellingen["default"]["OPTIONS"].update(opties)
    echt = connections["default"]
    connections["default"] = DatabaseWrapper(instellingen["default"], "default")
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        connections["default"] = echt


@pytest.fixture
def database_weigert(django_db_blocker):
    """A port that is bound but never listens: each connection attempt meets a real
    'connection refused', as while PostgreSQL is down."""
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        with _default_database(bezet.getsockname()[1], django_db_blocker):
            yield


@pytest.fixture
def database_zwijgt(django_db_blocker):
    """A port that accepts TCP connections and never answers, as a hung server or a lost
    network: only the connect timeout ends the wait (libpq's minimum, 2 s)."""
    with (
        socket.create_server(("127.0.0.1", 0)) as stil,
        _default_database(stil.getsockname()[1], django_db_blocker, connect_timeout=2),
    ):
        yield


def _token() -> str:
    # A token this process has not cached, so authenticating it needs the database.
    return f"nooit-gezien-{time.monotonic_ns()}"


@pytest.mark.parametrize("methode", ["get", "post"])
def test_api_answers_503_problem_with_retry_after(database_weigert, methode):
    t0 = time.monotonic()
    response = getattr(Client(raise_request_exception=False), methode)(
        "/api/v1/meldingen",
        data={} if methode == "post" else None,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {_token()}",
        HTTP_IDEMPOTENCY_KEY="k-1",
    )
    assert time.monotonic() - t0 < 5  # refused at once, no hang
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert response["API-Version"].startswith("1.")
    body = response.json()
    assert body["status"] == 503
    assert body["title"] == "Tijdelijk niet beschikbaar"
    assert body["type"].endswith("/database-onbereikbaar")
    assert body["instance"] == "/api/v1/meldingen"
    assert "Idempotency-Key" in body["detail"]


def test_a_silent_server_answers_503_after_the_connect_timeout(database_zwijgt):
    t0 = time.monotonic()
    response = Client(raise_request_exception=False).get(
        "/api/v1/meldingen", HTTP_AUTHORIZATION=f"Bearer {_token()}"
    )
    assert 1.5 < time.monotonic() - t0 < 10  # waited for the server, then gave up
    assert response.status_code == 503 and response["Retry-After"] == str(RETRY_AFTER)


def test_production_settings_bound_the_connect_wait(monkeypatch):
    instellingen = _settings_met(monkeypatch, "postgres://verzuim@db:5432/verzuim")
    assert instellingen["OPTIONS"]["connect_timeout"] == 5
    assert instellingen["CONN_HEALTH_CHECKS"] and instellingen["CONN_MAX_AGE"] == 60
    eigen = _settings_met(monkeypatch, "postgres://verzuim@db:5432/verzuim?connect_timeout=12")
    assert eigen["OPTIONS"]["connect_timeout"] == 12


def _settings_met(monkeypatch, database_url: str) -> dict:
    """DATABASES["default"] as the settings module builds it from this DATABASE_URL."""
    import verzuim.settings

    monkeypatch.setenv("DATABASE_URL", database_url)
    spec = importlib.util.spec_from_file_location("_settings", verzuim.settings.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.DATABASES["default"]


def test_web_page_answers_dutch_503(database_weigert, settings):
    """A signed-in user's session lives in the database: the failure comes from the session
    middleware, before any view, and still gets the Dutch page."""
    client = Client(raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = "s" * 32
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Tijdelijk niet beschikbaar" in html
    assert "Er is niets half opgeslagen." in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_other_errors_stay_500():
    request = RequestFactory().get("/api/v1/meldingen")
    for fout in (ValueError("kapot"), IntegrityError("dubbel"), ProgrammingError("geen tabel")):
        try:
            raise fout
        except Exception:
            response = server_error(request)
        assert response.status_code == 500 and "Retry-After" not in response
    assert database_unavailable(OperationalError("server closed the connection unexpectedly"))
    assert not database_unavailable(None)


@pytest.fixture
def token(db):
    org = Organisatie.objects.create(code="99ZZ", soort="school", naam="Fictieve school")
    app = ApiApplicatie.objects.create(naam="LAS", organisatie=org, scopes=["meldingen.lezen"])
    ApiToken.objects.create(applicatie=app, token_hash=hash_token("db-token"), prefix="db-token")
    return "Bearer db-token"


@alleen_postgresql
def test_a_session_ended_by_a_restart_is_replaced_before_the_next_request(token):
    """The server's persistent connection (CONN_MAX_AGE) is checked before reuse
    (CONN_HEALTH_CHECKS): the first request after a restart gets its answer, not an error."""
    assert wsgi_verzoek("GET", "/api/v1/meldingen", Authorization=token).status_code == 200
    pid = connection.connection.info.backend_pid
    assert wsgi_verzoek("GET", "/api/v1/meldingen", Authorization=token).status_code == 200
    assert connection.connection.info.backend_pid == pid  # persistent: the same session
    beeindig_sessie(connection)
    assert wsgi_verzoek("GET", "/api/v1/meldingen", Authorization=token).status_code == 200
    assert connection.connection.info.backend_pid != pid


@alleen_postgresql
def test_without_the_check_the_ended_session_answers_503_once(token):
    """What the check prevents, and what still holds without it: the request that meets the
    ended session gets 503 with Retry-After (never a 500), the next one is answered."""
    connection.close()
    connection.settings_dict["CONN_HEALTH_CHECKS"] = False
    try:
        assert wsgi_verzoek("GET", "/api/v1/meldingen", Authorization=token).status_code == 200
        beeindig_sessie(connection)
        response = wsgi_verzoek("GET", "/api/v1/meldingen", Authorization=token)
        assert response.status_code == 503
        assert response.headers["Retry-After"] == str(RETRY_AFTER)
        assert response.headers["Content-Type"] == "application/problem+json"
        assert wsgi_verzoek("GET", "/api/v1/meldingen", Authorization=token).status_code == 200
    finally:
        connection.close()
        connection.settings_dict["CONN_HEALTH_CHECKS"] = True


@pytest.mark.django_db
def test_schema_documents_503_with_retry_after_on_every_operation(client):
    schema = client.get("/api/v1/openapi.json").json()
    operaties = [
        op for ops in schema["paths"].values() for op in ops.values() if isinstance(op, dict)
    ]
    assert operaties
    for op in operaties:
        antwoord = op["responses"]["503"]
        assert "Retry-After" in antwoord["headers"], op["operationId"]
        assert "application/problem+json" in antwoord["content"]
