"""The signal pages (issue 10): worklist, one signal with why, leerplichtigen with search and
CSV export, the menu count; scoping (404 / 403) and constant query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from verzuim.audit.models import AuditRecord
from verzuim.signalen.herberekening import herbereken
from verzuim.signalen.models import Signaal
from verzuim.signalen.tests.conftest import NOOIT, VANDAAG, VIJF, ZANDVOORT, geaudit


@pytest.fixture
def berekend(wereld, settings):
    settings.VERZUIM_2FA_REQUIRED = False
    herbereken(VANDAAG)
    return wereld


def ingelogd(wereld, naam: str) -> Client:
    c = Client()
    c.force_login(wereld.users[naam])
    return c


def test_werklijst_en_menu(berekend):
    c = ingelogd(berekend, "lpa.haarlem")
    r = c.get("/signalen/")
    assert r.status_code == 200
    html = r.content.decode()
    assert html.count("data-signaal=") == 3
    assert "Noor Achternaam111" in html and "•••••0111" in html and NOOIT not in html
    assert '3<span class="vr-visueel-verborgen"> open</span>' in html  # the menu count
    # the start page (the worklist of dossiers, issue 9) names and links the open signals
    assert "3 open signalen" in c.get("/", follow=True).content.decode()


def test_signaal_openen_en_waarom_lezen(berekend):
    s = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    r = ingelogd(berekend, "lpa.haarlem").get(f"/signalen/{s.uuid}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert 'data-regel="R-SG-1"' in html and "Nooit ingeschreven op een school" in html
    assert "nooit ingeschreven" in html and "nog geen dossier" in html
    assert AuditRecord.objects.filter(actie="signaal.inzien", persoon=NOOIT).exists()


def test_andere_organisatie_404_en_rollen_403(berekend):
    zandvoort = Signaal.objects.get(leerling__burgerservicenummer=ZANDVOORT)
    assert ingelogd(berekend, "lpa.haarlem").get(f"/signalen/{zandvoort.uuid}/").status_code == 404
    assert ingelogd(berekend, "lpa.rblzk").get(f"/signalen/{zandvoort.uuid}/").status_code == 200
    for naam in ("beleid.haarlem", "school.a"):
        assert ingelogd(berekend, naam).get("/signalen/").status_code == 403
        assert ingelogd(berekend, naam).get("/signalen/leerplichtigen/").status_code == 403


def test_lrv_weeklijst_leeg(berekend):
    r = ingelogd(berekend, "lpa.haarlem").get("/signalen/?soort=potentieel-lrv")
    assert r.status_code == 200 and "Geen signalen." in r.content.decode()


def test_vast_aantal_queries_werklijst(berekend):
    c = ingelogd(berekend, "lpa.haarlem")
    c.get("/signalen/")
    with CaptureQueriesContext(connection) as drie:
        c.get("/signalen/")
    Signaal.objects.filter(leerling__burgerservicenummer=ZANDVOORT).update(
        ontvanger=Signaal.objects.get(leerling__burgerservicenummer=NOOIT).ontvanger
    )
    with CaptureQueriesContext(connection) as vier:
        c.get("/signalen/")
    assert len(vier) == len(drie)


def test_leerplichtigen_zoeken_met_post_en_export(berekend):
    c = ingelogd(berekend, "lpa.haarlem")
    r = c.get("/signalen/leerplichtigen/")
    assert r.status_code == 200 and r.content.decode().count("data-bsn=") == 5
    r = c.post("/signalen/leerplichtigen/", {"naam": "Vince"})
    html = r.content.decode()
    assert html.count("data-bsn=") == 1 and f'data-bsn="{VIJF}"' in html
    r = c.post(
        "/signalen/leerplichtigen/",
        {"geboortedatum": "2013-13-45", "leeftijd_van": "9", "leeftijd_tot": "3"},
    )
    html = r.content.decode()
    assert "Vul een datum in als dd-mm-jjjj." in html and "Ligt onder de leeftijd vanaf." in html
    assert "data-bsn=" not in html
    r = c.post("/signalen/leerplichtigen/", {"zonder_school": "on", "export": "csv"})
    assert r["Content-Type"].startswith("text/csv")
    assert r["Content-Disposition"] == 'attachment; filename="leerplichtigen-GM0392-2026-11-23.csv"'
    regels = b"".join(r.streaming_content).decode().splitlines()
    assert regels[0].startswith("burgerservicenummer;naam;geboortedatum")
    assert len(regels) == 5
    assert VIJF in geaudit("leerplichtigen.export")


def test_signalen_op_de_leerlingpagina(berekend):
    nooit = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    html = (
        ingelogd(berekend, "lpa.haarlem").get(f"/leerlingen/{nooit.leerling.uuid}").content.decode()
    )
    assert 'data-testid="leerling-signalen"' in html and "open sinds 23-11-2026" in html
    # another gemeente's LPA sees no signal section content for a pupil it cannot see at all
    assert (
        ingelogd(berekend, "lpa.amsterdam").get(f"/leerlingen/{nooit.leerling.uuid}").status_code
        == 404
    )
