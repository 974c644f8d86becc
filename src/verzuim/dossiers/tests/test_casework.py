"""The casework on an open dossier: activities from the code list (R-CW-3/4), the
follow-up date (R-CW-4, per organisation), MAS phases (R-CW-2), closure with an
afsluitreden that closes the meldingen (R-CW-11), reopening with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.dossiers import services
from verzuim.dossiers.fouten import DossierGesloten, GeenToegang, Ongeldig
from verzuim.dossiers.models import Dossier, DossierInstelling, FaseVerslag
from verzuim.meldingen.models import Melding

from .conftest import meld

VANDAAG = dt.date(2026, 10, 1)


@pytest.fixture
def dossier(wereld):
    meld(wereld)
    return Dossier.objects.get()


def _velden(e) -> dict:
    return {f["name"]: f for f in e.value.fouten}


def test_activiteit_uit_de_codelijst(wereld, dossier):
    a = services.voeg_activiteit_toe(
        wereld.lpa_haarlem,
        dossier.uuid,
        "gesprek",
        datum=dt.date(2026, 9, 30),
        tekst="Gesprek op school; leerling slaapt slecht.",
        met_wie=["ouders", "leerling"],
    )
    assert (a.soort_id, a.met_wie, a.bron, a.auteur_label) == (
        "gesprek",
        ["leerling", "ouders"],
        "handmatig",
        "lpa.haarlem",
    )
    assert (
        AuditRecord.objects.filter(actie="dossier.activiteit", object_id=str(dossier.uuid)).count()
        == 1
    )


def test_activiteit_weigeringen(wereld, dossier):
    with pytest.raises(Ongeldig) as e:
        services.voeg_activiteit_toe(
            wereld.lpa_haarlem, dossier, "gesprek", datum=VANDAAG + dt.timedelta(days=1)
        )
    assert set(_velden(e)) == {"datum", "metWie"}
    with pytest.raises(Ongeldig) as e:
        services.voeg_activiteit_toe(wereld.lpa_haarlem, dossier, "dossier-gesloten")
    assert "register zelf" in _velden(e)["soort"]["reason"]
    with pytest.raises(Ongeldig) as e:
        services.voeg_activiteit_toe(wereld.lpa_haarlem, dossier, "bestaat-niet")
    assert set(_velden(e)) == {"soort"}


def test_systeemsoort_via_een_andere_bron_mag(wereld, dossier):
    """The generic entry point for routes and letters: a non-manual soort with its source."""
    a = services.voeg_activiteit_toe(
        wereld.lpa_haarlem,
        dossier,
        "verzuimoverzicht-opgevraagd",
        bron="brief",
        bron_referentie="doc-1",
    )
    assert (a.bron, a.bron_referentie) == ("brief", "doc-1")


def test_afspraken_zetten_de_vervolgdatum_standaard_4_weken(wereld, dossier):
    services.voeg_activiteit_toe(
        wereld.lpa_haarlem, dossier, "afspraken", datum=dt.date(2026, 9, 29), met_wie=["ouders"]
    )
    dossier.refresh_from_db()
    assert dossier.volgende_actie == dt.date(2026, 10, 27)
    # per organisation: Haarlem works with 2 weeks
    DossierInstelling.objects.create(organisatie=wereld.haarlem, vervolg_weken=2)
    services.voeg_activiteit_toe(wereld.lpa_haarlem, dossier, "afspraken", met_wie=["school"])
    dossier.refresh_from_db()
    assert dossier.volgende_actie == VANDAAG + dt.timedelta(weeks=2)
    # an explicit date wins
    services.voeg_activiteit_toe(
        wereld.lpa_haarlem,
        dossier,
        "afspraken",
        met_wie=["school"],
        vervolgdatum=dt.date(2026, 12, 1),
    )
    dossier.refresh_from_db()
    assert dossier.volgende_actie == dt.date(2026, 12, 1)


def test_vervolgdatum_zetten(wereld, dossier):
    services.zet_vervolgdatum(
        wereld.admin_haarlem, dossier, dt.date(2026, 10, 8), "Bellen met school"
    )
    dossier.refresh_from_db()
    assert (dossier.volgende_actie, dossier.volgende_actie_omschrijving) == (
        dt.date(2026, 10, 8),
        "Bellen met school",
    )
    with pytest.raises(Ongeldig):
        services.zet_vervolgdatum(wereld.lpa_haarlem, dossier, dt.date(2026, 9, 30))


def test_mas_fasen(wereld, dossier):
    with pytest.raises(Ongeldig) as e:
        services.wijzig_fase(wereld.lpa_haarlem, dossier, "plannen", bevindingen="", besluit="")
    assert set(_velden(e)) == {"fase", "bevindingen", "besluit"}
    assert "(R-CW-2)" in _velden(e)["fase"]["reason"]
    v = services.wijzig_fase(
        wereld.lpa_haarlem,
        dossier,
        "analyseren",
        bevindingen="17,5 uur in 3 weken",
        besluit="Gesprek",
    )
    assert (v.fase, v.naar_fase) == ("waarnemen", "analyseren")
    dossier.refresh_from_db()
    assert dossier.fase == "analyseren"
    assert dossier.activiteiten.filter(soort="fase-gewijzigd").count() == 1
    # the phase is the LPA's decision, not the administratief medewerker's
    with pytest.raises(GeenToegang):
        services.wijzig_fase(wereld.admin_haarlem, dossier, "plannen", bevindingen="x", besluit="y")
    assert FaseVerslag.objects.count() == 1


def test_afsluiten_sluit_de_meldingen(wereld, dossier):
    tweede = meld(wereld, verzuimsoort="luxe", begindatum="2026-09-14", einddatum="2026-09-15")
    with pytest.raises(Ongeldig) as e:
        services.sluit(wereld.lpa_haarlem, dossier, "")
    assert _velden(e)["afsluitreden"]["code"] == "required"
    with pytest.raises(Ongeldig) as e:  # R-CW-6: only a BOA closes with Halt afgerond
        services.sluit(wereld.lpa2_haarlem, dossier, "halt-afgerond")
    assert "BOA" in _velden(e)["afsluitreden"]["reason"]
    services.sluit(wereld.lpa_haarlem, dossier, "verzuim-gestopt", "Gaat weer naar school")
    dossier.refresh_from_db()
    assert (dossier.status, dossier.afsluitreden, dossier.volgende_actie) == (
        "gesloten",
        "verzuim-gestopt",
        None,
    )
    for m in Melding.objects.all():
        assert (m.status, m.statussen.last().reden) == ("afgesloten", "verzuim-gestopt")
    assert tweede.pk in {m.pk for m in Melding.objects.all()}
    record = AuditRecord.objects.get(actie="dossier.afsluiten")
    assert len(record.details["meldingenAfgesloten"]) == 2


def test_gesloten_dossier_is_alleen_lezen_tot_heropenen(wereld, dossier):
    services.sluit(wereld.lpa_haarlem, dossier, "verhuisd")
    with pytest.raises(DossierGesloten):
        services.voeg_activiteit_toe(wereld.lpa_haarlem, dossier, "overig", tekst="x")
    with pytest.raises(DossierGesloten):
        services.zet_vervolgdatum(wereld.lpa_haarlem, dossier, dt.date(2026, 11, 1))
    with pytest.raises(DossierGesloten):
        services.wijzig_fase(
            wereld.lpa_haarlem, dossier, "analyseren", bevindingen="x", besluit="y"
        )
    with pytest.raises(Ongeldig) as e:
        services.heropen(wereld.lpa_haarlem, dossier, "  ")
    assert set(_velden(e)) == {"reden"}
    services.heropen(wereld.lpa_haarlem, dossier, "Toch niet verhuisd")
    dossier.refresh_from_db()
    assert (dossier.status, dossier.afsluitreden, dossier.gesloten) == ("open", "", None)
    assert dossier.activiteiten.get(soort="dossier-heropend").tekst == "Toch niet verhuisd"
    services.voeg_activiteit_toe(wereld.lpa_haarlem, dossier, "overig", tekst="x")


def test_heropenen_naast_een_nieuw_open_dossier_kan_niet(wereld, dossier):
    from verzuim.dossiers.fouten import OpenDossierBestaat

    services.sluit(wereld.lpa_haarlem, dossier, "verhuisd")
    meld(wereld, begindatum="2026-09-28", einddatum="2026-09-30")
    with pytest.raises(OpenDossierBestaat):
        services.heropen(wereld.lpa_haarlem, dossier, "Vergissing")


def test_toewijzen(wereld, dossier):
    lpa2 = wereld.users["lpa2.haarlem"]
    services.wijs_toe(wereld.lpa2_haarlem, dossier, lpa2)  # takes an unassigned one
    with pytest.raises(GeenToegang):  # not someone else's
        services.wijs_toe(wereld.lpa_haarlem, dossier, wereld.users["lpa.haarlem"])
    services.wijs_toe(wereld.teamleider_haarlem, dossier, wereld.users["lpa.haarlem"])
    dossier.refresh_from_db()
    assert dossier.behandelaar.username == "lpa.haarlem"
    with pytest.raises(Ongeldig):  # only an LPA of the organisation
        services.wijs_toe(wereld.teamleider_haarlem, dossier, wereld.users["lpa.amsterdam"])
    with pytest.raises(Ongeldig):
        services.wijs_toe(wereld.teamleider_haarlem, dossier, wereld.users["admin.haarlem"])
