"""Idempotency-Key on the register writes (api-contract.md "General", issue 8 §5): POST
/inschrijvingen, PATCH /inschrijvingen/{uuid}, POST /diplomas and POST /vrijstellingen. The
same key and body give the first answer (status and body), audited as a read of the
pupil's data; the same key with another body is a 409 and writes nothing; two requests
with one key at the same time both get the first answer (PostgreSQL)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from verzuim.api.models import IdempotencyRecord
from verzuim.api.tests.gelijktijdig import alleen_postgresql, gelijktijdig
from verzuim.api.tests.openapi_check import assert_conforms
from verzuim.audit.models import AuditRecord
from verzuim.personen.models import Diploma, Inschrijving, Vrijstelling
from verzuim.personen.tests.register_wereld import AMSTERDAM, HAARLEM, NIEUW, token_waarde

INSCHRIJVING = {
    "leerling": {"burgerservicenummer": NIEUW},
    "vestiging": "99XA00",
    "begindatum": "2026-10-01",
    "onderwijssoort": "havo",
}
DIPLOMA = {"leerling": {"burgerservicenummer": HAARLEM}, "soort": "havo", "datum": "2026-07-01"}
VRIJSTELLING = {
    "leerling": {"burgerservicenummer": HAARLEM},
    "artikel": "5a",
    "begindatum": "2026-09-01",
    "einddatum": "2027-07-31",
}


def schrijf(naam: str, methode: str, pad: str, body: dict, key: str | None = None):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    headers = {"Idempotency-Key": key} if key else {}
    r = getattr(c, methode)(f"/api/v1/{pad}", body, format="json", headers=headers)
    assert_conforms(r)
    return r


def inschrijving_van(bsn: str) -> Inschrijving:
    return Inschrijving.objects.get(leerling__burgerservicenummer=bsn)


def _409(r) -> None:
    assert r.status_code == 409, r.content
    assert r.json()["type"].endswith("/idempotency-key")


# (token, method, path, body, another body, status of the first answer, rows it writes)
ENDPOINTS = {
    "inschrijven": (
        "school_a",
        "post",
        lambda: "inschrijvingen",
        INSCHRIJVING,
        {**INSCHRIJVING, "begindatum": "2026-10-02"},
        201,
        lambda: Inschrijving.objects.filter(leerling__burgerservicenummer=NIEUW).count(),
    ),
    "uitschrijven": (
        "school_a",
        "patch",
        lambda: f"inschrijvingen/{inschrijving_van(HAARLEM).uuid}",
        {"einddatum": "2026-12-31"},
        {"einddatum": "2027-01-31"},
        200,
        lambda: AuditRecord.objects.filter(actie="inschrijving.wijzigen").count(),
    ),
    "diploma": (
        "school_a",
        "post",
        lambda: "diplomas",
        DIPLOMA,
        {**DIPLOMA, "soort": "vwo"},
        201,
        lambda: Diploma.objects.count(),
    ),
    "vrijstelling": (
        "haarlem",
        "post",
        lambda: "vrijstellingen",
        VRIJSTELLING,
        {**VRIJSTELLING, "artikel": "5b"},
        201,
        lambda: Vrijstelling.objects.filter(leerling__burgerservicenummer=HAARLEM).count(),
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_zelfde_key_eerste_antwoord_andere_body_409(wereld, endpoint):
    naam, methode, pad, body, ander, status, rijen = ENDPOINTS[endpoint]
    voor = rijen()
    r1 = schrijf(naam, methode, pad(), body, "k-1")
    assert r1.status_code == status, r1.content
    r2 = schrijf(naam, methode, pad(), body, "k-1")
    assert (r2.status_code, r2.json()) == (status, r1.json())
    _409(schrijf(naam, methode, pad(), ander, "k-1"))
    assert rijen() == voor + 1
    # The replay shows the pupil's data again: audited, with the pupil.
    herhaald = AuditRecord.objects.get(actie="registratie.herhaald")
    assert herhaald.persoon and herhaald.details == {"idempotencyKey": True}
    assert herhaald.object_id == r1.json()["uuid"]
    assert IdempotencyRecord.objects.filter(sleutel="k-1").count() == 1


@pytest.mark.django_db
def test_key_per_organisatie_en_per_adres(wereld):
    assert schrijf("school_a", "post", "inschrijvingen", INSCHRIJVING, "k-1").status_code == 201
    # The same key on another address of the same organisation: another request, 409.
    _409(schrijf("school_a", "post", "diplomas", DIPLOMA, "k-1"))
    assert not Diploma.objects.exists()
    # Another organisation has its own keys.
    body = {**INSCHRIJVING, "leerling": {"burgerservicenummer": AMSTERDAM}, "vestiging": "99XB00"}
    assert schrijf("school_b", "post", "inschrijvingen", body, "k-1").status_code in (200, 201)


@pytest.mark.django_db
def test_geweigerde_schrijfactie_legt_geen_key_vast(wereld):
    r = schrijf("school_a", "post", "inschrijvingen", {**INSCHRIJVING, "vestiging": "99XB00"}, "k")
    assert r.status_code == 404 and not IdempotencyRecord.objects.exists()
    assert schrijf("school_a", "post", "inschrijvingen", INSCHRIJVING, "k").status_code == 201


@alleen_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_gelijktijdig_zelfde_key_krijgt_het_eerste_antwoord(wereld, monkeypatch, endpoint):
    """A client retry after a timeout while the first request is still running: the second
    waits for the first (PostgreSQL shows it waiting for a lock) and gets its answer — not
    a 409 —, and the write happened once."""
    naam, methode, pad, body, _, status, rijen = ENDPOINTS[endpoint]
    voor, url = rijen(), pad()
    eerste, tweede = gelijktijdig(monkeypatch, lambda: schrijf(naam, methode, url, body, "g"))
    assert (eerste.status_code, tweede.status_code) == (status, status), tweede.content
    assert eerste.json() == tweede.json()
    assert rijen() == voor + 1
    assert AuditRecord.objects.filter(actie="registratie.herhaald").count() == 1
