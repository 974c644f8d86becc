"""The database session ends in the middle of an intake (issue 8 §4): the client gets 503 with
Retry-After, nothing of the melding is stored, and the retry with the same Idempotency-Key
stores it exactly once (R-ME-6, api-contract.md "Writes accept an Idempotency-Key").

The fault is real: a trigger makes PostgreSQL end the session itself while the intake's
transaction is inserting the notification, after the melding, its status and audit record."""

from __future__ import annotations

from django.db import connection

from verzuim.api.models import IdempotencyRecord
from verzuim.api.testing import alleen_postgresql, wsgi_verzoek
from verzuim.audit.models import AuditRecord
from verzuim.meldingen.models import Melding, Notificatie, StatusWijziging

from .conftest import melding_data, token_waarde

SESSIE_EINDIGT = """
CREATE FUNCTION test_sessie_eindigt() RETURNS trigger AS $$
BEGIN
    PERFORM pg_terminate_backend(pg_backend_pid());
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER test_sessie_eindigt BEFORE INSERT ON meldingen_notificatie
    FOR EACH ROW EXECUTE FUNCTION test_sessie_eindigt();
"""
OPRUIMEN = """
DROP TRIGGER IF EXISTS test_sessie_eindigt ON meldingen_notificatie;
DROP FUNCTION IF EXISTS test_sessie_eindigt();
"""


def _meld():
    return wsgi_verzoek(
        "POST",
        "/api/v1/meldingen",
        melding_data(),
        Authorization=f"Bearer {token_waarde('school_a')}",
        **{"Idempotency-Key": "k-herstart"},
    )


@alleen_postgresql
def test_session_ends_mid_intake_then_the_retry_stores_it_once(wereld):
    with connection.cursor() as c:
        c.execute(SESSIE_EINDIGT)
    try:
        response = _meld()
    finally:
        with connection.cursor() as c:
            c.execute(OPRUIMEN)
    assert response.status_code == 503, response.content
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.headers["Retry-After"]
    # Nothing half-saved: the melding, status, audit record and key went with the session.
    for model in (Melding, StatusWijziging, Notificatie, IdempotencyRecord):
        assert not model.objects.exists(), model
    assert not AuditRecord.objects.filter(actie="melding.aanmaken").exists()

    eerste = _meld()
    assert eerste.status_code == 201, eerste.content
    herhaald = _meld()
    assert herhaald.status_code == 201
    assert herhaald.json()["uuid"] == eerste.json()["uuid"]
    assert Melding.objects.count() == 1
    assert StatusWijziging.objects.count() == Notificatie.objects.count() == 1
