"""Leerplichtigen in my gemeente (issue 10 item 1): the list, its filters and search, the
rules' status per row, scoping, audit, the CSV export, and POST /api/v1/leerplichtstatus for
every resident (not only known pupils)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from verzuim.audit.models import AuditRecord
from verzuim.personen.models import BrpPersoon, Leerling
from verzuim.signalen import services
from verzuim.signalen.fouten import GeenToegang
from verzuim.signalen.leerplichtigen import Filters, leerplichtigen
from verzuim.signalen.tests.conftest import (
    BUITENLAND,
    INGESCHREVEN,
    NOOIT,
    UITGESCHREVEN,
    VANDAAG,
    VIER,
    VIJF,
    geaudit,
    token_waarde,
)

HAARLEM_DOELGROEP = {NOOIT, UITGESCHREVEN, INGESCHREVEN, VIJF, BUITENLAND}


def bsns(actor, **kw) -> set[str]:
    return set(
        leerplichtigen(actor, Filters(VANDAAG, **kw)).values_list("burgerservicenummer", flat=True)
    )


def test_doelgroep_van_de_gemeente(wereld):
    # not: died, emigrated, RNI, startkwalificatie (R-LP-4), 4 years old, Zandvoort's
    assert bsns(wereld.lpa_haarlem) == HAARLEM_DOELGROEP
    assert bsns(wereld.lpa_amsterdam) == set()


@pytest.mark.parametrize(
    ("filters", "verwacht"),
    [
        ({"status": "vrijgesteld"}, {BUITENLAND}),
        ({"status": "leerplichtig"}, {NOOIT, UITGESCHREVEN, INGESCHREVEN, VIJF}),
        ({"status": "kwalificatieplichtig"}, set()),
        ({"zonder_school": True}, {NOOIT, UITGESCHREVEN, VIJF, BUITENLAND}),
        ({"school": "99XA00"}, {INGESCHREVEN}),
        ({"school": "99xa"}, {INGESCHREVEN}),
        ({"leeftijd_van": 10, "leeftijd_tot": 12}, {NOOIT, BUITENLAND}),
        ({"leeftijd_van": 14}, {INGESCHREVEN}),
        ({"naam": "noor achternaam111"}, {NOOIT}),
        ({"geboortedatum": dt.date(2013, 1, 1)}, {UITGESCHREVEN}),
        ({"adres": "2011 rd"}, HAARLEM_DOELGROEP),
    ],
)
def test_filters_en_zoeken(wereld, filters, verwacht):
    assert bsns(wereld.lpa_haarlem, **filters) == verwacht


def test_geheim_adres_niet_doorzoekbaar_of_zichtbaar_voor_administratie(wereld):
    BrpPersoon.objects.filter(burgerservicenummer=NOOIT).update(geheimhouding_persoonsgegevens=True)
    assert NOOIT in bsns(wereld.lpa_haarlem, adres="Grote Markt")
    assert NOOIT not in bsns(wereld.admin_haarlem, adres="Grote Markt")
    _, rijen = services.lees_leerplichtigen(wereld.admin_haarlem, Filters(VANDAAG, naam="Noor"))
    assert rijen[0].adres_afgeschermd and rijen[0].adres == []
    _, rijen = services.lees_leerplichtigen(wereld.lpa_haarlem, Filters(VANDAAG, naam="Noor"))
    assert rijen[0].adres == ["Grote Markt 11", "2011RD Haarlem"]


def test_rijen_met_de_status_van_de_regels_en_audit(wereld):
    page, rijen = services.lees_leerplichtigen(wereld.lpa_haarlem, Filters(VANDAAG))
    per = {r.persoon.burgerservicenummer: r for r in rijen}
    assert per[BUITENLAND].status.status == "vrijgesteld"
    assert per[VIJF].status.status == "leerplichtig" and per[VIJF].leeftijd == 5
    assert per[INGESCHREVEN].school == "Fictief Lyceum Haarlem"
    assert per[NOOIT].school is None
    assert geaudit("leerplichtigen.lijst") == HAARLEM_DOELGROEP


def test_grond_van_de_vrijstelling_alleen_voor_de_leerplichtambtenaar(wereld):
    """R-PR-5: BUITENLAND's status reason names the article (5c) for the LPA only; the
    administratief medewerker sees that a vrijstelling is registered, not on which ground."""
    _, rijen = services.lees_leerplichtigen(wereld.lpa_haarlem, Filters(VANDAAG))
    [lpa] = [r for r in rijen if r.persoon.burgerservicenummer == BUITENLAND]
    assert any("buitenland" in r.uitleg_nl for r in lpa.status.reasons)
    _, rijen = services.lees_leerplichtigen(wereld.admin_haarlem, Filters(VANDAAG))
    [adm] = [r for r in rijen if r.persoon.burgerservicenummer == BUITENLAND]
    assert adm.status.status == "vrijgesteld"
    uitleg = " ".join(r.uitleg_nl for r in adm.status.reasons)
    assert "buitenland" not in uitleg and "afgeschermd" in uitleg


def test_rmc_regio_ziet_de_18_plussers(wereld):
    BrpPersoon.objects.create(
        burgerservicenummer="999990251", geslachtsnaam="Achttien", geboortedatum=dt.date(2006, 1, 1),
        gemeente_van_inschrijving="0392",
    )  # fmt: skip
    from verzuim.audit.context import actor_for_user

    rmc = actor_for_user(wereld.users["rmc.kennemerland"])
    assert bsns(rmc) == {"999990251"}
    assert "999990251" not in bsns(wereld.lpa_haarlem)
    assert "999990251" in bsns(wereld.lpa_haarlem, status="18-plus")


def test_geen_toegang(wereld):
    for actor in (wereld.beleid_haarlem, wereld.school_gebruiker):
        with pytest.raises(GeenToegang):
            services.lees_leerplichtigen(actor, Filters(VANDAAG))


def test_vast_aantal_queries(wereld):
    with CaptureQueriesContext(connection) as twee:
        services.lees_leerplichtigen(wereld.lpa_haarlem, Filters(VANDAAG), per_pagina=2)
    with CaptureQueriesContext(connection) as vijf:
        services.lees_leerplichtigen(wereld.lpa_haarlem, Filters(VANDAAG), per_pagina=5)
    assert len(vijf) == len(twee)


def test_csv_export_alles_en_geaudit(wereld):
    regels = list(services.exporteer_leerplichtigen(wereld.lpa_haarlem, Filters(VANDAAG)))
    assert regels[0] == services.CSV_KOLOMMEN
    assert {r[0] for r in regels[1:]} == HAARLEM_DOELGROEP
    vijf = next(r for r in regels if r[0] == VIJF)
    assert vijf[2:5] == ["15-10-2021", "5", "leerplichtig"]
    assert geaudit("leerplichtigen.export") == HAARLEM_DOELGROEP


# --- POST /api/v1/leerplichtstatus for every resident -------------------------------------


def status(naam: str, bsn: str):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c.post(
        "/api/v1/leerplichtstatus",
        {"leerling": {"burgerservicenummer": bsn}, "peildatum": "2027-08-01"},
        format="json",
    )


def test_leerplichtstatus_van_een_inwoner_die_geen_leerling_is(wereld):
    assert not Leerling.objects.filter(burgerservicenummer=VIER).exists()
    r = status("haarlem", VIER)
    assert r.status_code == 200, r.content
    assert r.json()["status"] == "leerplichtig"  # 5 on 1 Jun 2027: leerplichtig from 1 Jul
    assert status("amsterdam", VIER).status_code == 404
    assert status("school_a", VIER).status_code == 404  # a school: only its own pupils
    rec = AuditRecord.objects.get(actie="leerplichtstatus.lezen", persoon=VIER)
    assert (rec.organisatie, rec.object_type) == ("GM0392", "brppersoon")


# --- the API ------------------------------------------------------------------------------


def api(naam: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c


def test_api_lijst_en_zoeken(wereld):
    r = api("haarlem").get(
        "/api/v1/leerplichtigen", {"zonderSchool": "true", "peildatum": "2026-11-23"}
    )
    assert r.status_code == 200, r.content
    body = r.json()
    assert {x["burgerservicenummer"] for x in body["results"]} == {
        NOOIT,
        UITGESCHREVEN,
        VIJF,
        BUITENLAND,
    }
    vijf = next(x for x in body["results"] if x["burgerservicenummer"] == VIJF)
    assert (vijf["status"], vijf["leeftijd"], vijf["gemeente"], vijf["school"]) == (
        "leerplichtig",
        5,
        "GM0392",
        None,
    )
    assert vijf["redenen"][0]["regel"] == "R-LP-2"
    r = api("haarlem").post("/api/v1/leerplichtigen/_zoek", {"naam": "Isa"}, format="json")
    [isa] = r.json()["results"]
    assert isa["school"] == {"vestiging": "99XA00", "naam": "Fictief Lyceum Haarlem"}
    assert api("haarlem").post("/api/v1/leerplichtigen/_zoek", {}, format="json").status_code == 400
    r = api("haarlem").get("/api/v1/leerplichtigen", {"status": "iets", "leeftijdVan": "x"})
    assert {p["name"] for p in r.json()["invalidParams"]} == {"status", "leeftijdVan"}
    assert api("school_a").get("/api/v1/leerplichtigen").status_code == 403
    assert api("amsterdam").get("/api/v1/leerplichtigen").json()["count"] == 0
