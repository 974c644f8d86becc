"""The worklist and the dossier page cost a fixed number of queries (issue 9, done-when: "a
constant number of queries (assert the count in a test, not the time)"). Each page is
counted at two sizes of the same kind of data; the second has more of everything the page
shows (dossiers, handlers, open requests; meldingen, activities by several authors, phase
reports, requests, werkaantekeningen) and must cost exactly as many queries as the first.
benchmarks/dossiers.py measures the time at 5,000 dossiers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from verzuim.accounts.testing import inloggen
from verzuim.dossiers import services, verzuimoverzicht, werkaantekeningen
from verzuim.dossiers.models import Dossier

from .conftest import HAARLEM, meld

#: Pupils routed to Haarlem besides HAARLEM (meldingen tests' world).
MEER = ("999990044", "999990081")


def _client(wereld, naam) -> Client:
    c = Client()
    inloggen(c, wereld.users[naam])
    return c


def _tel(client: Client, url: str) -> tuple[int, str]:
    client.get(url)  # caches (session, permissions, reference data) warm, as in a live server
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200, r.status_code
    return len(q.captured_queries), r.content.decode()


def _dossier_van(bsn: str) -> Dossier:
    return Dossier.objects.get(leerling__burgerservicenummer=bsn, status="open")


def _vol(wereld, d: Dossier, ronde: int) -> None:
    """More of everything the dossier page lists, by more than one author."""
    lpa, lpa2 = wereld.lpa_haarlem, wereld.lpa2_haarlem
    for i, (actor, soort, met_wie) in enumerate(
        [
            (lpa, "gesprek", ["ouders"]),
            (lpa2, "telefonisch-contact", ["school"]),
            (lpa, "afspraken", ["leerling"]),
        ]
    ):
        services.voeg_activiteit_toe(
            actor, d, soort, datum=dt.date(2026, 9, 20 + i), tekst=f"ronde {ronde}", met_wie=met_wie
        )
    werkaantekeningen.schrijf_werkaantekening(lpa, d, f"Notitie {ronde}")


@pytest.mark.parametrize("naam", ["lpa.haarlem", "teamleider.haarlem", "admin.haarlem"])
def test_werklijst_kost_een_vast_aantal_queries(wereld, naam):
    meld(wereld)
    c = _client(wereld, naam)
    klein, html = _tel(c, "/dossiers/")
    assert html.count("data-dossier=") == 1
    # more dossiers, each with another handler, an open request, a later follow-up date
    for bsn in MEER:
        m = meld(wereld, bsn)
        d = _dossier_van(bsn)
        verzuimoverzicht.vraag_verzuimoverzicht(wereld.lpa_haarlem, d, m.uuid)
        services.zet_vervolgdatum(wereld.lpa_haarlem, d, dt.date(2026, 10, 5))
    services.wijs_toe(wereld.lpa_haarlem, _dossier_van(HAARLEM), wereld.users["lpa.haarlem"])
    services.wijs_toe(wereld.lpa2_haarlem, _dossier_van(MEER[0]), wereld.users["lpa2.haarlem"])
    groot, html = _tel(c, "/dossiers/")
    assert html.count("data-dossier=") == 3 and "wacht op verzuimoverzicht" in html
    assert groot == klein
    # another folder, phase and order: no more (an empty page skips the BRP and audit)
    for url in ("/dossiers/?map=wacht-op-school&sorteer=-geopend", "/dossiers/?fase=plannen"):
        assert _tel(c, url)[0] <= klein


@pytest.mark.parametrize("naam", ["lpa.haarlem", "teamleider.haarlem", "admin.haarlem"])
def test_dossierpagina_kost_een_vast_aantal_queries(wereld, naam):
    eerste = meld(wereld)
    d = Dossier.objects.get()
    url = f"/dossiers/{d.uuid}/"
    _vol(wereld, d, 1)
    verzuimoverzicht.vraag_verzuimoverzicht(wereld.lpa_haarlem, d, eerste.uuid)
    services.wijzig_fase(wereld.lpa_haarlem, d, "analyseren", bevindingen="b1", besluit="g1")
    c = _client(wereld, naam)
    klein, html = _tel(c, url)
    assert "ronde 1" in html
    # a second and third melding, more activities, requests, phase reports and notes
    for begin, eind in (("2026-09-14", "2026-09-15"), ("2026-09-28", "2026-09-29")):
        m = meld(wereld, verzuimsoort="luxe", begindatum=begin, einddatum=eind)
        verzuimoverzicht.vraag_verzuimoverzicht(wereld.lpa_haarlem, d, m.uuid)
    for ronde in (2, 3, 4):
        _vol(wereld, d, ronde)
    services.wijzig_fase(wereld.lpa_haarlem, d, "plannen", bevindingen="b2", besluit="g2")
    services.wijs_toe(wereld.lpa_haarlem, d, wereld.users["lpa.haarlem"])
    assert d.koppelingen.count() == 3 and d.activiteiten.count() > 15
    groot, html = _tel(c, url)
    assert "ronde 4" in html and html.count("vr-tijdlijn__item") == d.activiteiten.count()
    assert groot == klein
