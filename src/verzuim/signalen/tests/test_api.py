"""GET /api/v1/signalen (api-contract.md "Signalen", issue 10 item 7)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from verzuim.audit.models import AuditRecord
from verzuim.personen.models import BrpPersoon
from verzuim.signalen import dossierkoppeling
from verzuim.signalen.herberekening import herbereken
from verzuim.signalen.models import Signaal
from verzuim.signalen.tests.conftest import (
    NOOIT,
    UITGESCHREVEN,
    VANDAAG,
    VIJF,
    ZANDVOORT,
    geaudit,
    token_waarde,
)

URL = "/api/v1/signalen"


def client(naam: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c


@pytest.fixture
def berekend(wereld):
    herbereken(VANDAAG)
    return wereld


def test_lijst_met_contractvelden(berekend):
    r = client("haarlem").get(URL, {"soort": "absoluut-verzuim"})
    assert r.status_code == 200 and r["API-Version"].startswith("1.")
    body = r.json()
    assert body["count"] == 3
    per_bsn = {s["leerling"]["burgerservicenummer"]: s for s in body["results"]}
    assert set(per_bsn) == {NOOIT, UITGESCHREVEN, VIJF}
    s = per_bsn[NOOIT]
    assert s["leerling"] == {
        "burgerservicenummer": NOOIT,
        "naam": "Noor Achternaam111",
        "geboortedatum": "2016-06-06",
    }
    assert (s["soort"], s["status"], s["sinds"], s["opgelostOp"]) == (
        "absoluut-verzuim",
        "open",
        "2026-11-23",
        None,
    )
    assert s["redenen"][0]["regel"] == "R-SG-1" and "niet ingeschreven" in s["redenen"][0]["uitleg"]
    assert s["dossier"] is None and s["gemeente"] == "GM0392"
    assert s["url"].endswith(f"/api/v1/signalen/{s['uuid']}")
    # every pupil shown is in the audit log (R-PR-1)
    assert geaudit("signaal.lijst") == {NOOIT, UITGESCHREVEN, VIJF}


def test_filters_status_en_soort(berekend):
    BrpPersoon.objects.filter(burgerservicenummer=NOOIT).update(overlijdensdatum=VANDAAG)
    herbereken(VANDAAG + dt.timedelta(days=1))
    c = client("haarlem")
    assert c.get(URL).json()["count"] == 2
    opgelost = c.get(URL, {"status": "opgelost"}).json()["results"]
    assert [
        (s["leerling"]["burgerservicenummer"], s["oplossing"], s["opgelostOp"]) for s in opgelost
    ] == [(NOOIT, "overleden", "2026-11-24")]
    assert c.get(URL, {"status": "alle"}).json()["count"] == 3
    assert c.get(URL, {"soort": "potentieel-lrv"}).json()["count"] == 0
    r = c.get(URL, {"soort": "iets", "status": "dicht"})
    assert r.status_code == 400
    assert {p["name"] for p in r.json()["invalidParams"]} == {"soort", "status"}


def test_scoping_en_404_voor_een_andere_organisatie(berekend):
    zandvoort = Signaal.objects.get(leerling__burgerservicenummer=ZANDVOORT)
    assert client("haarlem").get(f"{URL}/{zandvoort.uuid}").status_code == 404
    r = client("dienst").get(f"{URL}/{zandvoort.uuid}")
    assert r.status_code == 200 and r.json()["leerling"]["burgerservicenummer"] == ZANDVOORT
    assert client("dienst").get(URL).json()["count"] == 1
    assert client("amsterdam").get(URL).json()["count"] == 0
    assert client("haarlem").get(f"{URL}/{uuid.uuid4()}").status_code == 404
    assert AuditRecord.objects.filter(actie="signaal.inzien", persoon=ZANDVOORT).count() == 1


def test_school_en_scope(berekend):
    assert client("school_a").get(URL).status_code == 403
    assert client("haarlem_zonder_scope").get(URL).status_code == 403
    assert APIClient().get(URL).status_code == 401
    assert client("haarlem").get(URL + "/").status_code == 404


def test_dossier_uit_de_koppeling(berekend):
    s = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    dossier = uuid.uuid4()
    echt = dossierkoppeling._bron  # the dossiers app's, installed: put back afterwards
    dossierkoppeling.registreer(lambda ids: {i: dossier for i in ids if i == s.pk})
    try:
        r = client("haarlem").get(f"{URL}/{s.uuid}")
    finally:
        dossierkoppeling.registreer(echt)
    assert r.json()["dossier"] == str(dossier)


def test_vast_aantal_queries(berekend):
    c = client("haarlem")
    c.get(URL)  # token cache warm
    with CaptureQueriesContext(connection) as een:
        c.get(URL, {"pageSize": 1})
    with CaptureQueriesContext(connection) as drie:
        c.get(URL, {"pageSize": 3})
    assert len(drie) == len(een)
