"""POST /inschrijvingen, PATCH /inschrijvingen/{uuid}, POST /diplomas, POST /vrijstellingen
(api-contract.md "Register data"): scopes, 404 for another organisation's, problem+json 400
naming every bad field, R-RT-7 in the answer; every answer validated against the generated
OpenAPI document. Idempotency-Key: test_idempotentie.py."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from verzuim.api.tests.openapi_check import assert_conforms
from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.tests.conftest import melding_data
from verzuim.personen.models import Diploma, Inschrijving, Leerling, Vrijstelling
from verzuim.personen.tests.register_wereld import AMSTERDAM, HAARLEM, NIEUW, token_waarde

pytestmark = pytest.mark.django_db


def client(naam: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c


def _post(naam, pad, body, **headers):
    r = client(naam).post(f"/api/v1/{pad}", body, format="json", headers=headers)
    assert_conforms(r)
    return r


def _tellingen():
    return [m.objects.count() for m in (Leerling, Inschrijving, Diploma, Vrijstelling)]


INSCHRIJVING = {
    "leerling": {"burgerservicenummer": NIEUW},
    "vestiging": "99XA00",
    "begindatum": "2026-10-01",
    "onderwijssoort": "havo",
}


def test_inschrijven_201_en_uitschrijven(wereld):
    r = _post("school_a", "inschrijvingen", INSCHRIJVING)
    assert r.status_code == 201, r.json()
    data = r.json()
    assert data["leerling"] == {"burgerservicenummer": NIEUW}
    assert data["vestiging"] == "99XA00" and data["einddatum"] is None
    assert r["Location"] == data["url"] and data["url"].endswith(
        f"/api/v1/inschrijvingen/{data['uuid']}"
    )
    assert r["API-Version"]
    # exact repeat: 200 with the same inschrijving
    r2 = _post("school_a", "inschrijvingen", INSCHRIJVING)
    assert (r2.status_code, r2.json()["uuid"]) == (200, data["uuid"])

    p = client("school_a").patch(
        f"/api/v1/inschrijvingen/{data['uuid']}", {"einddatum": "2026-12-31"}, format="json"
    )
    assert_conforms(p)
    assert p.status_code == 200 and p.json()["einddatum"] == "2026-12-31"
    assert AuditRecord.objects.filter(actie="inschrijving.wijzigen", persoon=NIEUW).exists()


def test_inschrijven_400_noemt_alle_velden(wereld):
    voor = _tellingen()
    r = _post(
        "school_a",
        "inschrijvingen",
        {
            "leerling": {"burgerservicenummer": "123456789"},
            "vestiging": "99XA00",
            "begindatum": "2026-13-01",
            "einddatum": "2026-01-01",
        },
    )
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in r.json()["invalidParams"]} == {
        "leerling.burgerservicenummer",
        "begindatum",
    }
    r = _post("school_a", "inschrijvingen", {"leerling": {"onderwijsnummer": "101222000"}})
    assert {p["name"] for p in r.json()["invalidParams"]} == {
        "leerling.onderwijsnummer",
        "vestiging",
        "begindatum",
    }
    assert _tellingen() == voor


def test_school_a_niet_op_vestiging_of_inschrijving_van_school_b(wereld):
    voor = _tellingen()
    r = _post("school_a", "inschrijvingen", {**INSCHRIJVING, "vestiging": "99XB00"})
    assert r.status_code == 404 and r["Content-Type"] == "application/problem+json"
    van_b = Inschrijving.objects.get(leerling__burgerservicenummer=AMSTERDAM)
    p = client("school_a").patch(
        f"/api/v1/inschrijvingen/{van_b.uuid}", {"einddatum": "2026-12-31"}, format="json"
    )
    assert_conforms(p)
    assert p.status_code == 404
    van_b.refresh_from_db()
    assert van_b.einddatum is None and _tellingen() == voor


def test_scopes_401_403(wereld):
    assert (
        APIClient().post("/api/v1/inschrijvingen", INSCHRIJVING, format="json").status_code == 401
    )
    assert _post("school_a_alleen_melden", "inschrijvingen", INSCHRIJVING).status_code == 403
    assert _post("haarlem", "diplomas", {}).status_code == 403
    assert _post("school_a", "vrijstellingen", {}).status_code == 403


def test_diploma_startkwalificatie(wereld):
    r = _post(
        "school_a",
        "diplomas",
        {"leerling": {"burgerservicenummer": HAARLEM}, "soort": "havo", "datum": "2026-07-01"},
    )
    assert r.status_code == 201, r.json()
    assert r.json()["startkwalificatie"] is True and r.json()["instelling"] == "99XA"
    r = _post(
        "school_a",
        "diplomas",
        {"leerling": {"burgerservicenummer": HAARLEM}, "soort": "vmbo", "datum": "2026-07-01"},
    )
    assert r.json()["startkwalificatie"] is False
    r = _post(
        "school_b",
        "diplomas",
        {"leerling": {"burgerservicenummer": HAARLEM}, "soort": "havo", "datum": "2026-07-02"},
    )
    assert r.status_code == 404


def test_vrijstelling_trekt_overlappende_melding_in(wereld):
    melding = meldingen.meld_verzuim(wereld.melder_a, melding_data()).melding
    body = {
        "leerling": {"burgerservicenummer": HAARLEM},
        "artikel": "5a",
        "begindatum": "2026-09-01",
        "einddatum": "2027-07-31",
    }
    r = _post("haarlem", "vrijstellingen", body)
    assert r.status_code == 201, r.json()
    data = r.json()
    assert data["gemeente"] == "GM0392"
    assert [(m["uuid"], m["status"], m["reden"]) for m in data["ingetrokkenMeldingen"]] == [
        (str(melding.uuid), "ingetrokken", "vrijstelling")
    ]
    melding.refresh_from_db()
    assert melding.status == "ingetrokken"


def test_vrijstelling_andere_gemeente_404_en_schooljaar_400(wereld):
    body = {
        "leerling": {"burgerservicenummer": HAARLEM},
        "artikel": "5a",
        "begindatum": "2026-09-01",
        "einddatum": "2027-07-31",
    }
    assert _post("amsterdam", "vrijstellingen", body).status_code == 404
    r = _post("haarlem", "vrijstellingen", {**body, "einddatum": "2027-08-01"})
    assert r.status_code == 400
    assert [(p["name"], p["code"]) for p in r.json()["invalidParams"]] == [
        ("einddatum", "langer_dan_schooljaar")
    ]
    assert Vrijstelling.objects.filter(leerling__burgerservicenummer=HAARLEM).count() == 0


def test_trailing_slash_404(wereld):
    r = client("school_a").post("/api/v1/inschrijvingen/", INSCHRIJVING, format="json")
    assert r.status_code == 404
