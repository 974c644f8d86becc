"""Intake: validation R-ME-1..3 (all errors at once), R-ME-2, R-ME-4..6,
atomicity."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services
from verzuim.meldingen.fouten import GeenToegang, MeldingOngeldig
from verzuim.meldingen.models import Melding, StatusWijziging

from .conftest import (
    ACHTTIEN,
    AMSTERDAM,
    BIJNA18,
    DRIEENTWINTIG,
    HAARLEM,
    ONDERWIJSNUMMER,
    melding_data,
)


def fouten(actor, data, **kw):
    with pytest.raises(MeldingOngeldig) as e:
        services.meld_verzuim(actor, data, **kw)
    return {f["name"]: f["code"] for f in e.value.fouten}


def test_geldige_melding_wordt_geregistreerd(wereld):
    intake = services.meld_verzuim(wereld.school_a, melding_data())
    m = intake.melding
    assert intake.nieuw
    assert m.status == "geregistreerd"
    assert m.meldingsnummer == f"VM-2026-{m.pk:06d}"  # R-ME-5
    assert m.ontvanger.code == "GM0392"
    assert m.statussen.count() == 1
    assert AuditRecord.objects.filter(actie="melding.aanmaken", persoon=HAARLEM).exists()


def test_meldingsnummer_jaar_volgt_de_nederlandse_tijd(wereld):
    """R-ME-5: the number is derived from the row id and the year received in Dutch time:
    31 December 23:30 UTC is already New Year's Day in Haarlem."""
    m = services.meld_verzuim(wereld.school_a, melding_data()).melding
    m.ontvangen = dt.datetime(2026, 12, 31, 22, 59, tzinfo=dt.UTC)
    assert m.meldingsnummer == f"VM-2026-{m.pk:06d}"
    m.ontvangen = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert m.meldingsnummer == f"VM-2027-{m.pk:06d}"
    assert Melding().meldingsnummer == ""  # not stored yet: no number


def test_alle_fouten_tegelijk(wereld):
    data = melding_data(
        leerling={"burgerservicenummer": "123456789"},
        verzuimsoort="vakantie",
        begindatum="2026-13-01",
        verzuimdeUren=-1,
        teLaatKeren=1.5,
        contactpersoon={"email": "geen-email"},
        verzuimdagen=[{"datum": "gisteren"}],
    )
    assert fouten(wereld.school_a, data) == {
        "leerling.burgerservicenummer": "invalid",
        "verzuimsoort": "invalid",
        "begindatum": "invalid",
        "verzuimdeUren": "out_of_range",
        "teLaatKeren": "invalid",
        "contactpersoon.email": "invalid",
        "verzuimdagen.0.datum": "invalid",
    }


def test_body_geen_object(wereld):
    assert fouten(wereld.school_a, ["geen", "object"]) == {"body": "invalid"}


def test_einddatum_vandaag_mag_morgen_niet(wereld):
    services.meld_verzuim(wereld.school_a, melding_data(einddatum="2026-10-01"))
    assert fouten(wereld.school_a, melding_data(einddatum="2026-10-02")) == {
        "einddatum": "in_de_toekomst"
    }


def test_einddatum_verplicht_bij_16_uur_niet_bij_luxe(wereld):
    data = melding_data()
    del data["einddatum"]
    assert fouten(wereld.school_a, data) == {"einddatum": "required"}
    services.meld_verzuim(wereld.school_a, {**data, "verzuimsoort": "luxe"})


def test_einddatum_voor_begindatum(wereld):
    assert "einddatum" in fouten(wereld.school_a, melding_data(einddatum="2026-09-01"))


def test_18_plus_de_dag_voor_de_18e_verjaardag_geweigerd(wereld):
    data = melding_data(BIJNA18, verzuimsoort="18-plus", begindatum="2026-09-19", verzuimdagen=[])
    assert fouten(wereld.school_a, data) == {"verzuimsoort": "niet_toegestaan"}
    ok = services.meld_verzuim(wereld.school_a, {**data, "begindatum": "2026-09-20"})
    assert ok.melding.doelgroep == "18-plus"


def test_16_uur_niet_voor_18_plusser(wereld):
    assert fouten(wereld.school_a, melding_data(ACHTTIEN)) == {"verzuimsoort": "niet_toegestaan"}


@pytest.mark.parametrize("soort", ["16-uur", "langdurig", "luxe", "overig", "18-plus"])
def test_op_de_23e_verjaardag_niets_toegestaan(wereld, soort):
    data = melding_data(DRIEENTWINTIG, verzuimsoort=soort, begindatum="2026-09-15", verzuimdagen=[])
    assert fouten(wereld.school_a, data) == {"verzuimsoort": "niet_toegestaan"}


def test_r_me_2_niet_ingeschreven_leerling(wereld):
    # AMSTERDAM is enrolled at school B, not A.
    assert fouten(wereld.school_a, melding_data(AMSTERDAM)) == {
        "leerling.burgerservicenummer": "niet_ingeschreven"
    }


def test_r_me_2_niet_ingeschreven_op_een_gemelde_dag(wereld):
    # Enrolment starts 2024-08-19.
    data = melding_data(begindatum="2024-08-12", einddatum="2024-08-30", verzuimdagen=[])
    assert fouten(wereld.school_a, data) == {"begindatum": "niet_ingeschreven"}


def test_verzuimdag_buiten_periode(wereld):
    data = melding_data(verzuimdagen=[{"datum": "2026-09-30", "uren": 2}])
    assert fouten(wereld.school_a, data) == {"verzuimdagen.0.datum": "buiten_periode"}


def test_vestiging_van_andere_school(wereld):
    assert fouten(wereld.school_a, melding_data(vestiging="99XB00")) == {"vestiging": "onbekend"}


def test_alleen_een_school_mag_melden(wereld):
    with pytest.raises(GeenToegang):
        services.meld_verzuim(wereld.haarlem, melding_data())


def test_onderwijsnummer(wereld):
    data = melding_data(
        leerling={
            "onderwijsnummer": ONDERWIJSNUMMER,
            "adres": {"postcode": "1011 ab", "huisnummer": 1},
        }
    )
    m = services.meld_verzuim(wereld.school_a, data).melding
    assert m.opgegeven_adres == {"postcode": "1011AB", "huisnummer": 1}


@pytest.mark.parametrize(
    ("adres", "verwacht"),
    [
        (None, {"leerling.adres": "required"}),
        ({}, {"leerling.adres.postcode": "required", "leerling.adres.huisnummer": "required"}),
        (
            {"gemeente": "GM0392"},
            {"leerling.adres.postcode": "required", "leerling.adres.huisnummer": "required"},
        ),
        ({"postcode": "2011CR"}, {"leerling.adres.huisnummer": "required"}),
        (
            {"postcode": "20", "huisnummer": 0},
            {"leerling.adres.postcode": "invalid", "leerling.adres.huisnummer": "invalid"},
        ),
    ],
)
def test_r_me_1_onderwijsnummer_vraagt_adres(wereld, adres, verwacht):
    leerling = {"onderwijsnummer": ONDERWIJSNUMMER}
    if adres is not None:
        leerling["adres"] = adres
    assert fouten(wereld.school_a, melding_data(leerling=leerling)) == verwacht


def test_precies_een_identificatie(wereld):
    data = melding_data(
        leerling={"burgerservicenummer": HAARLEM, "onderwijsnummer": ONDERWIJSNUMMER}
    )
    assert fouten(wereld.school_a, data) == {"leerling": "invalid"}


def test_exact_duplicaat_geeft_bestaande(wereld):
    eerste = services.meld_verzuim(wereld.school_a, melding_data())
    tweede = services.meld_verzuim(wereld.school_a, melding_data(vermoedelijkeReden="anders"))
    assert not tweede.nieuw
    assert tweede.melding.pk == eerste.melding.pk
    assert Melding.objects.count() == 1


def test_herhaalmelding_sluit_aan(wereld):
    eerste = services.meld_verzuim(wereld.school_a, melding_data()).melding
    # 25 Sep 2026 is a Friday; Monday 28 Sep directly follows.
    vervolg = services.meld_verzuim(
        wereld.school_a,
        melding_data(begindatum="2026-09-28", einddatum="2026-09-30", verzuimdagen=[]),
    ).melding
    assert vervolg.vervolg_op_id == eerste.pk
    los = services.meld_verzuim(
        wereld.school_a,
        melding_data(
            verzuimsoort="luxe", begindatum="2026-09-29", einddatum="2026-09-30", verzuimdagen=[]
        ),
    ).melding
    assert los.vervolg_op_id is None  # other soort


def test_herhaalmelding_niet_na_gat(wereld):
    services.meld_verzuim(wereld.school_a, melding_data(einddatum="2026-09-18"))
    later = services.meld_verzuim(
        wereld.school_a,
        melding_data(begindatum="2026-09-23", einddatum="2026-09-30", verzuimdagen=[]),
    ).melding
    assert later.vervolg_op_id is None


def test_te_laat_r_me_4(wereld):
    # einddatum 2026-09-07 (Mon) + 5 werkdagen = 2026-09-14; received 1 Oct → late.
    laat = services.meld_verzuim(
        wereld.school_a,
        melding_data(begindatum="2026-09-01", einddatum="2026-09-07", verzuimdagen=[]),
    ).melding
    assert laat.te_laat and laat.uiterste_meldingsdatum.isoformat() == "2026-09-14"
    op_tijd = services.meld_verzuim(
        wereld.school_a,
        melding_data(begindatum="2026-09-28", einddatum="2026-09-30", verzuimdagen=[]),
    ).melding
    assert not op_tijd.te_laat


def test_ongeldige_melding_schrijft_niets(wereld):
    """Nothing but the audit record of the BRP read that did happen (R-PR-1)."""
    wijzigingen = AuditRecord.objects.exclude(actie="brp.lezen")
    voor = (Melding.objects.count(), StatusWijziging.objects.count(), wijzigingen.count())
    fouten(wereld.school_a, melding_data(einddatum="2030-01-01"))
    assert voor == (Melding.objects.count(), StatusWijziging.objects.count(), wijzigingen.count())
    assert AuditRecord.objects.filter(actie="brp.lezen").count() == 1


def test_intake_vraagt_weinig_queries(wereld, django_assert_max_num_queries):
    """Issue 3 "Speed": a new melding costs one query per read (leerling with its
    inschrijvingen, BRP person, R-ME-6 candidates) and one per row written (melding, status,
    two audit records, notificatie, e-mail task) — the meldingsnummer needs no second write
    (R-ME-5); reference data (vestiging, gemeente, routering) comes from the per-process
    cache. With BEGIN and COMMIT: 11. The dossiers app (issue 9, R-CW-1) adds two for a
    melding of a pupil with an open dossier — the link (one INSERT … SELECT from the open
    dossier) and its timeline entry: 13. The API's Idempotency-Key adds one INSERT
    (test_idempotentie.py)."""
    # An earlier melding of a pupil in the same gemeente fills the reference cache.
    services.meld_verzuim(
        wereld.school_a,
        melding_data(begindatum="2026-09-28", einddatum="2026-09-30", verzuimdagen=[]),
    )
    with django_assert_max_num_queries(13):
        intake = services.meld_verzuim(wereld.school_a, melding_data())
    assert intake.nieuw
