"""The enforcement routes' pages (issue 9 §5, R-CW-5..8): the dossier page shows per route
what the register already decided (refused: why, with rule ids, and no link); the route page
shows the rule's decision and reasons BEFORE the user confirms (refused: no confirm button);
outcomes (Halt negatief → the PV route offered); criminal data shielded for the
administratief medewerker (R-PR-5); another organisation 404 on every route URL; the route
templates (R-CW-9/10) chosen on the dossier."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.dossiers import handhaving as hh
from verzuim.dossiers import services
from verzuim.dossiers.models import Activiteit, Handhaving
from verzuim.personen.models import BrpPersoon, Leerling

from .test_handhaving import HALT, PV
from .test_views import _client

HALT_POST = {
    "route-verzuimde_uren": "20",
    "route-te_laat_keren": "0",
    "route-toestemming_leerling": "ja",
    "route-toestemming_ouders": "ja",
    "route-eigen_toedoen": "ja",
    "route-ernstige_onbehandelde_problematiek": "nee",
    "route-datum": "01-10-2026",
    "route-toelichting": "",
}


def _url(d, soort="halt"):
    return f"/dossiers/{d.uuid}/handhaving/{soort}/"


def test_dossierpagina_biedt_routes_met_redenen(wereld, dossier):
    html = _client(wereld, "lpa.haarlem").get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert _url(dossier, "halt") in html and _url(dossier, "proces-verbaal") in html
    # Kinderbijslag: the pupil is 14 and Haarlem has no SVB agreement: why, and no link.
    blok = html.split('data-testid="route-kinderbijslag"')[1].split("</div>")[0]
    assert "niet mogelijk" in blok and _url(dossier, "kinderbijslag") not in html
    assert "de jongere is 14 (R-CW-8)" not in blok  # the rule id stands apart
    assert "de jongere is 14." in blok and "(R-CW-8)" in blok
    assert "De gemeente heeft geen afspraak met de SVB." in blok
    # Not a BOA: Halt and PV are refused with the BOA reason, no links.
    html = _client(wereld, "lpa2.haarlem").get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert "Alleen een leerplichtambtenaar die BOA is mag naar Halt verwijzen." in html
    assert _url(dossier, "halt") not in html and _url(dossier, "proces-verbaal") not in html


def test_halt_voor_een_elfjarige_geweigerd_zonder_knop(wereld):
    # The BRP says: born 02-10-2014, 12 tomorrow.
    BrpPersoon.objects.filter(burgerservicenummer="999990007").update(
        geboortedatum=dt.date(2014, 10, 2)
    )
    leerling = Leerling.objects.get(burgerservicenummer="999990007")
    d = services.open_dossier(wereld.lpa_haarlem, leerling.uuid, "school", "Via de mentor.")
    c = _client(wereld, "lpa.haarlem")
    html = c.get(f"/dossiers/{d.uuid}/").content.decode()
    blok = html.split('data-testid="route-halt"')[1].split("</div>")[0]
    assert "Halt kan alleen voor leerlingen van 12 tot en met 17 jaar; de leerling is 11." in blok
    assert _url(d) not in html
    r = c.get(_url(d))
    page = r.content.decode()
    assert r.status_code == 200 and 'data-testid="niet-mogelijk"' in page
    assert "<form" not in page.split("<main")[1].split("</main>")[0]  # nothing to click
    r = c.post(_url(d), {**HALT_POST, "bevestigd": "1"})
    assert r.status_code == 400 and not Handhaving.objects.exists()


def test_toets_eerst_dan_bevestigen(wereld, dossier):
    c = _client(wereld, "lpa.haarlem")
    assert c.get(_url(dossier)).status_code == 200
    r = c.post(_url(dossier), HALT_POST)
    html = r.content.decode()
    assert r.status_code == 200 and 'data-testid="beslissing"' in html
    assert "De leerling is 14 jaar (12 tot en met 17)." in html and "(R-CW-6)" in html
    assert 'data-testid="bevestigen"' in html and not Handhaving.objects.exists()
    r = c.post(_url(dossier), {**HALT_POST, "bevestigd": "1"})
    h = Handhaving.objects.get()
    assert (
        r.status_code == 302 and r["Location"] == f"/dossiers/{dossier.uuid}/handhaving/{h.uuid}/"
    )
    assert AuditRecord.objects.filter(actie="halt.verstrekken").count() == 1


@pytest.mark.parametrize(("uren", "toegestaan"), [("8,5", False), ("9", True), ("60,5", False)])
def test_geweigerde_toets_zonder_bevestigknop(wereld, dossier, uren, toegestaan):
    c = _client(wereld, "lpa.haarlem")
    html = c.post(_url(dossier), {**HALT_POST, "route-verzuimde_uren": uren}).content.decode()
    assert ('data-testid="bevestigen"' in html) is toegestaan
    if not toegestaan:
        assert "Niet toegestaan" in html and "(R-CW-6)" in html
        r = c.post(_url(dossier), {**HALT_POST, "route-verzuimde_uren": uren, "bevestigd": "1"})
        assert r.status_code == 200 and not Handhaving.objects.exists()


def test_vragen_onbeantwoord(wereld, dossier):
    r = _client(wereld, "lpa.haarlem").post(_url(dossier), {"route-datum": "01-10-2026"})
    html = r.content.decode()
    assert r.status_code == 400 and "Kies ja of nee." in html


def test_pv_na_negatieve_halt_en_om_uitkomst(wereld, dossier):
    h = hh.start_halt(wereld.lpa_haarlem, dossier, **HALT)
    c = _client(wereld, "lpa.haarlem")
    url = f"/dossiers/{dossier.uuid}/handhaving/{h.uuid}/"
    r = c.post(url, {"uitkomst-uitkomst": "negatief", "uitkomst-datum": "01-10-2026"})
    assert r.status_code == 302
    html = c.get(url).content.decode()
    assert 'data-testid="pv-aanbieden"' in html and _url(dossier, "proces-verbaal") in html
    assert "Uitkomst vastleggen" not in html
    post = {
        "route-absoluut_verzuim": "nee",
        "route-verzuim_bewezen": "ja",
        "route-ouders_verwijtbaar": "ja",
        "route-leerling_verwijtbaar": "ja",
        "route-tegen": ["ouders"],
        "route-datum": "01-10-2026",
    }
    html = c.post(_url(dossier, "proces-verbaal"), post).content.decode()
    assert "Het proces-verbaal kan tegen: leerling en ouders; gekozen: ouders." in html
    c.post(_url(dossier, "proces-verbaal"), {**post, "bevestigd": "1"})
    pv = Handhaving.objects.get(soort="proces-verbaal")
    assert pv.tegen == ["ouders"]
    pv_url = f"/dossiers/{dossier.uuid}/handhaving/{pv.uuid}/"
    c.post(pv_url, {"uitkomst-uitkomst": "dagvaarding", "uitkomst-datum": "01-10-2026"})
    html = c.get(pv_url).content.decode()
    assert '<option value="vonnis">' in html and '<option value="sepot">' not in html
    r = c.post(pv_url, {"uitkomst-uitkomst": "vonnis", "uitkomst-datum": "01-10-2026"})
    assert r.status_code == 400 and "vonnis" in r.content.decode().lower()


def test_administratief_medewerker_ziet_afgeschermd(wereld, dossier):
    h = hh.start_pv(wereld.lpa_haarlem, dossier, **PV)
    c = _client(wereld, "admin.haarlem")
    html = c.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert "Proces-verbaal: <span" in html and "afgeschermd" in html
    assert (
        str(h.uuid) not in html and "tegen" not in html.split('data-testid="handhaving"')[1][:400]
    )
    assert not Activiteit.objects.filter(soort="proces-verbaal", bijzonder=False).exists()
    assert c.get(f"/dossiers/{dossier.uuid}/handhaving/{h.uuid}/").status_code == 404
    assert c.get(_url(dossier)).status_code == 403


def test_andere_organisatie_404_op_elke_route_url(wereld, dossier):
    h = hh.start_halt(wereld.lpa_haarlem, dossier, **HALT)
    urls = [
        _url(dossier, "halt"),
        _url(dossier, "proces-verbaal"),
        _url(dossier, "kinderbijslag"),
        f"/dossiers/{dossier.uuid}/handhaving/{h.uuid}/",
        f"/dossiers/{dossier.uuid}/route/",
    ]
    for naam in ("lpa.amsterdam", "lpa.dienst"):
        c = _client(wereld, naam)
        for url in urls:
            assert c.get(url).status_code in (404, 405), (naam, url)
            assert c.post(url, {**HALT_POST, "bevestigd": "1"}).status_code == 404, (naam, url)
    assert Handhaving.objects.count() == 1
    c = _client(wereld, "beleid.haarlem")
    assert c.get(_url(dossier)).status_code == 403


def test_routesjabloon_kiezen(wereld, dossier):
    c = _client(wereld, "lpa.haarlem")
    r = c.post(f"/dossiers/{dossier.uuid}/route/", {"routekeuze-route": "luxe-verzuim"})
    assert r.status_code == 302
    dossier.refresh_from_db()
    assert dossier.route == "luxe-verzuim"
    assert dossier.volgende_actie_omschrijving == "Verzuimoverzicht en verlofaanvraag van school"
    html = c.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert "Route: Luxe verzuim" in html
    assert Activiteit.objects.filter(soort="route-gekozen").count() == 1
    r = c.post(f"/dossiers/{dossier.uuid}/route/", {"routekeuze-route": "bestaat-niet"})
    assert r.status_code == 400
    c = _client(wereld, "admin.haarlem")  # the LPA's decision
    assert c.post(f"/dossiers/{dossier.uuid}/route/", {"routekeuze-route": ""}).status_code == 403


def test_verloftoets_alleen_op_de_luxe_route(wereld, dossier):
    c = _client(wereld, "lpa.haarlem")
    url = f"/dossiers/{dossier.uuid}/verloftoets/"
    post = {
        "verloftoets-begindatum": "21-09-2026",
        "verloftoets-einddatum": "25-09-2026",
        "verloftoets-specifiek_beroep_ouder": "nee",
    }
    assert c.post(url, post).status_code == 403  # not on the luxe route
    services.kies_route(wereld.lpa_haarlem, dossier, "luxe-verzuim")
    assert 'data-testid="kaart-verloftoets"' in c.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert c.post(url, {}).status_code == 400
    assert c.post(url, post).status_code == 302
    html = c.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert "Verlof had niet verleend kunnen worden" in html
    assert _client(wereld, "lpa.amsterdam").post(url, post).status_code == 404
