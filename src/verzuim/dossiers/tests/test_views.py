"""The dossier pages (issue 9 items 2-4, 6, 7, 9): the worklist as the LPA's start page, one
dossier with its forms; another organisation's LPA gets 404, a beleidsmedewerker 403 (the
fixed number of queries: test_aantal_queries.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.dossiers import services, verzuimoverzicht, werkaantekeningen
from verzuim.dossiers.models import Dossier
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.models import Melding
from verzuim.personen.models import Leerling
from verzuim.personen.queries import zichtbare_leerlingen

from .conftest import HAARLEM, meld
from .test_openen import _signaal


def _client(wereld, naam) -> Client:
    c = Client()
    inloggen(c, wereld.users[naam])
    return c


@pytest.fixture
def dossier(wereld):
    meld(wereld)
    return Dossier.objects.get()


def test_lpa_begint_op_de_werklijst(wereld, dossier):
    c = _client(wereld, "lpa.haarlem")
    r = c.get("/")
    assert r.status_code == 302 and r["Location"] == "/dossiers/"
    r = c.get("/dossiers/")
    html = r.content.decode()
    assert r.status_code == 200 and str(dossier.uuid) in html
    assert 'data-map="nieuw"' in html
    (rec,) = AuditRecord.objects.filter(actie="dossier.lijst")
    assert list(rec.personen.values_list("persoon", flat=True)) == [HAARLEM]


def test_werklijst_mappen_en_tellingen(wereld, dossier):
    services.zet_vervolgdatum(wereld.lpa_haarlem, dossier, dt.date(2026, 10, 2))
    c = _client(wereld, "lpa.haarlem")
    assert str(dossier.uuid) in c.get("/dossiers/?map=deze-week").content.decode()
    assert str(dossier.uuid) not in c.get("/dossiers/?map=te-laat").content.decode()
    assert str(dossier.uuid) in c.get("/dossiers/?map=nieuw").content.decode()
    assert str(dossier.uuid) in c.get("/dossiers/?map=onverdeeld&fase=waarnemen").content.decode()
    assert str(dossier.uuid) not in c.get("/dossiers/?fase=plannen").content.decode()


def _map(c: Client, naam: str) -> tuple[int, str]:
    html = c.get(f"/dossiers/?map={naam}").content.decode()
    aantal = html.split(f'data-map="{naam}"')[1].split('vr-tab__aantal">')[1]
    return int(aantal.split("</span>")[1].split("<")[0]), html


def test_werklijst_nieuw_en_wacht_op_school_per_organisatie(wereld, dossier):
    """R-CW-3/4: the folders 'nieuw' and 'wacht op verzuimoverzicht' count the user's own
    organisation's dossiers only, and a dossier leaves them when the melding is picked up
    or the school answers."""
    melding = Melding.objects.get()
    amsterdam = meld(wereld, "999990093")  # another gemeente, its own open request
    verzuimoverzicht.vraag_verzuimoverzicht(
        wereld.lpa_amsterdam, Dossier.objects.get(organisatie__code="GM0363"), amsterdam.uuid
    )
    verzoek = verzuimoverzicht.vraag_verzuimoverzicht(wereld.lpa_haarlem, dossier, melding.uuid)
    c = _client(wereld, "lpa.haarlem")
    for naam in ("nieuw", "wacht-op-school"):
        aantal, html = _map(c, naam)
        assert aantal == 1 and str(dossier.uuid) in html, naam
    meldingen.wijzig_status(wereld.lpa_haarlem, melding.uuid, "in-behandeling")
    verzuimoverzicht.beantwoord_verzuimoverzicht(
        wereld.school_a, verzoek.uuid, antwoord="Zie bijlage"
    )
    for naam in ("nieuw", "wacht-op-school"):
        aantal, html = _map(c, naam)
        assert aantal == 0 and str(dossier.uuid) not in html, naam
    assert _map(_client(wereld, "lpa.amsterdam"), "wacht-op-school")[0] == 1


@pytest.mark.parametrize("naam", ["lpa.amsterdam", "lpa.dienst"])
def test_andere_organisatie_404(wereld, dossier, naam):
    c = _client(wereld, naam)
    assert c.get(f"/dossiers/{dossier.uuid}/").status_code == 404
    r = c.post(f"/dossiers/{dossier.uuid}/activiteit/", {"soort": "overig", "datum": "01-10-2026"})
    assert r.status_code == 404
    assert (
        c.post(
            f"/dossiers/{dossier.uuid}/afsluiten/", {"afsluitreden": "verhuisd", "bevestigd": "1"}
        ).status_code
        == 404
    )
    assert str(dossier.uuid) not in c.get("/dossiers/").content.decode()


@pytest.mark.parametrize("naam", ["beleid.haarlem", "school.a"])
def test_geen_dossiers_voor_beleid_en_school(wereld, dossier, naam):
    c = _client(wereld, naam)
    assert c.get("/dossiers/").status_code == 403
    assert c.get(f"/dossiers/{dossier.uuid}/").status_code == 403


def test_dossierpagina_en_activiteit(wereld, dossier):
    c = _client(wereld, "lpa.haarlem")
    r = c.get(f"/dossiers/{dossier.uuid}/")
    html = r.content.decode()
    assert r.status_code == 200 and "Waarnemen" in html and "Activiteit vastleggen" in html
    r = c.post(
        f"/dossiers/{dossier.uuid}/activiteit/",
        {
            "activiteit-soort": "gesprek",
            "activiteit-datum": "30-09-2026",
            "activiteit-tekst": "Gesprek met moeder",
            "activiteit-met_wie": ["ouders"],
        },
    )
    assert r.status_code == 302
    assert dossier.activiteiten.filter(soort="gesprek", datum=dt.date(2026, 9, 30)).exists()
    # an error names the field, nothing stored
    r = c.post(
        f"/dossiers/{dossier.uuid}/activiteit/",
        {"activiteit-soort": "gesprek", "activiteit-datum": "01-10-2026"},
    )
    assert r.status_code == 400 and "Met wie" in r.content.decode()


def test_administratief_medewerker_ziet_geen_bijzondere_gegevens(wereld, dossier):
    services.voeg_activiteit_toe(wereld.lpa_haarlem, dossier, "zorgmelding", tekst="GGZ-traject")
    html = _client(wereld, "admin.haarlem").get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert "GGZ-traject" not in html and "Fase wijzigen" not in html
    # R-PR-5: that there is one and when, not what (no kind either).
    assert html.count('data-testid="afgeschermd"') == 1 and "Zorgmelding" not in html
    assert (
        "GGZ-traject"
        in _client(wereld, "lpa.haarlem").get(f"/dossiers/{dossier.uuid}/").content.decode()
    )


def test_sluiten_met_bevestiging_sluit_de_meldingen(wereld, dossier):
    c = _client(wereld, "lpa.haarlem")
    r = c.post(
        f"/dossiers/{dossier.uuid}/afsluiten/", {"afsluiten-afsluitreden": "verzuim-gestopt"}
    )
    assert r.status_code == 200 and "Dossier sluiten?" in r.content.decode()
    assert Dossier.objects.get().is_open
    r = c.post(
        f"/dossiers/{dossier.uuid}/afsluiten/",
        {"afsluiten-afsluitreden": "verzuim-gestopt", "bevestigd": "1"},
    )
    assert r.status_code == 302
    assert Melding.objects.get().status == "afgesloten"
    html = c.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert 'data-testid="gesloten"' in html and "Activiteit vastleggen" not in html
    r = c.post(f"/dossiers/{dossier.uuid}/heropenen/", {"heropenen-reden": "Verzuim weer begonnen"})
    assert r.status_code == 302 and Dossier.objects.get().is_open


def test_werkaantekeningen_alleen_voor_de_auteur_op_de_pagina(wereld, dossier):
    werkaantekeningen.schrijf_werkaantekening(wereld.lpa_haarlem, dossier, "Geheime notitie")
    assert (
        "Geheime notitie"
        in _client(wereld, "lpa.haarlem").get(f"/dossiers/{dossier.uuid}/").content.decode()
    )
    assert (
        "Geheime notitie"
        not in _client(wereld, "lpa2.haarlem").get(f"/dossiers/{dossier.uuid}/").content.decode()
    )


def test_signaal_in_dossier_opnemen(wereld):
    signaal = _signaal(Leerling.objects.get(burgerservicenummer=HAARLEM), org=wereld.haarlem)
    c = _client(wereld, "lpa.haarlem")
    html = c.get(f"/signalen/{signaal.uuid}/").content.decode()
    assert 'data-testid="opnemen"' in html
    r = c.post(f"/dossiers/uit-signaal/{signaal.uuid}/")
    d = Dossier.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/dossiers/{d.uuid}/"
    html = c.get(f"/signalen/{signaal.uuid}/").content.decode()
    assert f"/dossiers/{d.uuid}/" in html and 'data-testid="opnemen"' not in html
    assert (
        _client(wereld, "lpa.amsterdam").post(f"/dossiers/uit-signaal/{signaal.uuid}/").status_code
        == 404
    )


def test_teamleider_ziet_werkvoorraad_en_wijst_toe(wereld, dossier):
    c = _client(wereld, "teamleider.haarlem")
    assert 'data-testid="werkvoorraad"' in c.get("/dossiers/").content.decode()
    assert (
        'data-testid="werkvoorraad"'
        not in _client(wereld, "lpa.haarlem").get("/dossiers/").content.decode()
    )
    lpa2 = wereld.users["lpa2.haarlem"]
    r = c.post(f"/dossiers/{dossier.uuid}/toewijzen/", {"toewijzen-behandelaar": str(lpa2.pk)})
    assert r.status_code == 302 and Dossier.objects.get().behandelaar == lpa2
    # The workload table links to each colleague's list (the filter keeps to them).
    html = c.get("/dossiers/").content.decode()
    assert 'href="?behandelaar=lpa2.haarlem"' in html
    assert str(dossier.uuid) in c.get("/dossiers/?behandelaar=lpa2.haarlem").content.decode()
    assert str(dossier.uuid) not in c.get("/dossiers/?behandelaar=lpa.haarlem").content.decode()


@pytest.mark.parametrize(
    ("toelichting", "zin"),
    [("", "Verzuim gestopt</strong>. Het"), ("Weer op school.", "Weer op school. Het")],
)
def test_gesloten_melding_een_zin(wereld, dossier, toelichting, zin):
    """R-CW-11: the closed dossier's banner ends the reason's sentence once."""
    services.sluit(wereld.lpa_haarlem, dossier, "verzuim-gestopt", toelichting)
    html = _client(wereld, "lpa.haarlem").get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert zin in html and ".." not in html.split('data-testid="gesloten"')[1].split("</p>")[0]


def test_fase_formulier_kiest_de_volgende_fase_voor():
    """R-CW-2: forward is the usual move, so the form proposes the next phase; going back
    stays possible; in the last phase nothing is proposed."""
    from verzuim.dossiers.forms import FaseForm

    plannen = FaseForm(huidig="plannen")
    assert plannen["fase"].value() == "handelen"
    assert [c for c, _ in plannen.fields["fase"].choices] == [
        "waarnemen",
        "analyseren",
        "handelen",
    ]
    assert FaseForm(huidig="evalueren")["fase"].value() is None


@pytest.mark.parametrize("sorteer", ["actie", "-actie"])
def test_werklijst_zonder_actiedatum_achteraan(wereld, dossier, sorteer):
    """R-CW-4: a dossier without a follow-up date sorts after the dated ones in both
    directions, on SQLite and PostgreSQL alike (their NULL defaults differ)."""
    tweede = services.open_dossier(
        wereld.lpa_haarlem,
        zichtbare_leerlingen(wereld.lpa_haarlem).exclude(pk=dossier.leerling_id).first().uuid,
        "telefonisch",
        "Moeder belde",
    )
    services.zet_vervolgdatum(wereld.lpa_haarlem, dossier, dt.date(2026, 10, 20))
    services.zet_vervolgdatum(wereld.lpa_haarlem, tweede, None)
    html = _client(wereld, "lpa.haarlem").get(f"/dossiers/?sorteer={sorteer}").content.decode()
    assert html.index(str(dossier.uuid)) < html.index(str(tweede.uuid))
