"""The enforcement routes on a dossier (R-CW-5..8), decided by the rules library before
anything is written, at the legal edges: Halt (R-CW-6: 8.5/9 and 60/60.5 hours, age
11/12 and 17/18 on the day before the birthday, a second referral, consent, only a BOA),
proces-verbaal (R-CW-7, R-LP-9: only a BOA, against whom), kinderbijslag (R-CW-8: 16-17 and
only with the gemeente's SVB agreement); outcomes; the handover recorded as a processing
with its own purpose (issue 12 §3); criminal data shielded (R-PR-5)."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim import clock
from verzuim.audit.context import SYSTEEM
from verzuim.audit.models import AuditRecord
from verzuim.dossiers import handhaving as hh
from verzuim.dossiers import queries, services
from verzuim.dossiers.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig
from verzuim.dossiers.models import Activiteit, Dossier, Handhaving
from verzuim.organisaties.models import Gemeente
from verzuim.personen.models import Leerling

from .conftest import AMSTERDAM, meld

BIJNA18 = "999990044"  # born 2008-09-20, Haarlem: 17 on 19-09-2026, 18 on 20-09-2026

# Halt: everything the LPA answers in order (14-year-old pupil, 20 hours).
HALT = {
    "verzuimde_uren": 20,
    "te_laat_keren": 0,
    "toestemming_leerling": True,
    "toestemming_ouders": True,
    "eigen_toedoen": True,
    "ernstige_onbehandelde_problematiek": False,
}
PV = {
    "absoluut_verzuim": False,
    "verzuim_bewezen": True,
    "ouders_verwijtbaar": True,
    "leerling_verwijtbaar": True,
}


@pytest.fixture
def dossier18(wereld):
    leerling = Leerling.objects.get(burgerservicenummer=BIJNA18)
    return services.open_dossier(wereld.lpa_haarlem, leerling.uuid, "telefonisch", "Moeder belde.")


def _codes(e) -> set[str]:
    return {v.code for v in e.value.beslissing.voorwaarden if not v.voldaan}


# --- Halt (R-CW-6) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uren", "te_laat", "geweigerd"),
    [
        (8.5, 0, {"ondergrens"}),
        (9, 0, set()),
        (0, 11, {"ondergrens"}),
        (0, 12, set()),
        (60, 0, set()),
        (60.5, 0, {"bovengrens"}),
    ],
)
def test_halt_uren_grenzen(wereld, dossier, uren, te_laat, geweigerd):
    toegestaan = not geweigerd
    invoer = {**HALT, "verzuimde_uren": uren, "te_laat_keren": te_laat}
    beslissing = hh.toets(wereld.lpa_haarlem, dossier, "halt", **invoer)
    assert beslissing.toegestaan is toegestaan
    if not toegestaan:
        assert {r.rule_id for r in beslissing.reasons} == {"R-CW-6"}
        with pytest.raises(hh.Geweigerd) as e:
            hh.start_halt(wereld.lpa_haarlem, dossier, **invoer)
        assert _codes(e) == geweigerd
        assert not Handhaving.objects.exists()
    else:
        h = hh.start_halt(wereld.lpa_haarlem, dossier, **invoer)
        assert (h.soort, h.gestart, h.uitkomst) == ("halt", dt.date(2026, 10, 1), "")


@pytest.mark.parametrize(
    ("bsn", "datum", "toegestaan"),
    [
        # 02-05-2012: 11 on the day before the 12th birthday, 12 on it.
        ("999990007", dt.date(2024, 5, 1), False),
        ("999990007", dt.date(2024, 5, 2), True),
        # 20-09-2008: 17 on the day before the 18th birthday, 18 on it.
        (BIJNA18, dt.date(2026, 9, 19), True),
        (BIJNA18, dt.date(2026, 9, 20), False),
    ],
)
def test_halt_leeftijd_grenzen(wereld, bsn, datum, toegestaan):
    leerling = Leerling.objects.get(burgerservicenummer=bsn)
    d = services.open_dossier(wereld.lpa_haarlem, leerling.uuid, "telefonisch", "Via school.")
    if toegestaan:
        assert hh.start_halt(wereld.lpa_haarlem, d, datum=datum, **HALT).gestart == datum
    else:
        with pytest.raises(hh.Geweigerd) as e:
            hh.start_halt(wereld.lpa_haarlem, d, datum=datum, **HALT)
        assert _codes(e) == {"leeftijd"}
        assert "Halt kan alleen voor leerlingen van 12 tot en met 17 jaar" in str(e.value)


def test_halt_toestemming(wereld, dossier, dossier18):
    # Under 16 the parents must consent; the pupil always.
    with pytest.raises(hh.Geweigerd) as e:
        hh.start_halt(wereld.lpa_haarlem, dossier, **{**HALT, "toestemming_ouders": False})
    assert _codes(e) == {"toestemming-ouders"}
    with pytest.raises(hh.Geweigerd) as e:
        hh.start_halt(wereld.lpa_haarlem, dossier, **{**HALT, "toestemming_leerling": False})
    assert _codes(e) == {"toestemming-leerling"}
    # 17: the parents' consent is not needed.
    h = hh.start_halt(
        wereld.lpa_haarlem,
        dossier18,
        datum=dt.date(2026, 9, 19),
        **{**HALT, "toestemming_ouders": False},
    )
    assert h.pk


def test_halt_alleen_door_een_boa(wereld, dossier):
    with pytest.raises(hh.Geweigerd) as e:
        hh.start_halt(wereld.lpa2_haarlem, dossier, **HALT)  # an LPA, not a BOA
    assert _codes(e) == {"boa"}
    assert e.value.extra["redenen"] == [
        {
            "regel": "R-CW-6",
            "tekst": "Alleen een leerplichtambtenaar die BOA is mag naar Halt verwijzen.",
        }
    ]
    with pytest.raises(GeenToegang):
        hh.start_halt(wereld.admin_haarlem, dossier, **HALT)
    with pytest.raises(NietGevonden):
        hh.start_halt(wereld.lpa_amsterdam, dossier, **HALT)
    assert not Handhaving.objects.exists() and not Activiteit.objects.filter(bron="route")


def test_halt_tweede_verwijzing_geweigerd(wereld, dossier):
    h = hh.start_halt(wereld.lpa_haarlem, dossier, **HALT)
    with pytest.raises(Conflict):  # still running in this dossier
        hh.start_halt(wereld.lpa_haarlem, dossier, **HALT)
    hh.halt_uitkomst(wereld.lpa_haarlem, h, "positief")
    with pytest.raises(hh.Geweigerd) as e:
        hh.start_halt(wereld.lpa_haarlem, dossier, **HALT)
    assert _codes(e) == {"eerder-halt"}
    # Also in a later dossier, at another organisation: once per pupil, anywhere.
    services.sluit(wereld.lpa_haarlem, dossier, "halt-afgerond")
    d2 = services.open_dossier(
        wereld.lpa_haarlem, dossier.leerling.uuid, "telefonisch", "Weer verzuim."
    )
    assert hh.toets(wereld.lpa_haarlem, d2, "halt", **HALT).niet_voldaan == ("eerder-halt",)


def test_halt_invoer_ontbreekt(wereld, dossier):
    with pytest.raises(Ongeldig) as e:
        hh.start_halt(wereld.lpa_haarlem, dossier, verzuimde_uren=-1, te_laat_keren="x")
    namen = {f["name"] for f in e.value.fouten}
    assert {"toestemming_leerling", "eigen_toedoen", "verzuimde_uren", "te_laat_keren"} <= namen
    with pytest.raises(Ongeldig):
        hh.start_halt(wereld.lpa_haarlem, dossier, datum=dt.date(2026, 10, 2), **HALT)


def test_halt_tijdlijn_audit_en_verstrekking(wereld, dossier):
    h = hh.start_halt(wereld.lpa_haarlem, dossier, toelichting="Afgesproken met ouders.", **HALT)
    a = Activiteit.objects.get(soort="halt-verwijzing")
    assert (a.bron, a.bron_referentie, a.bijzonder) == ("route", str(h.uuid), True)
    assert "Afgesproken met ouders." in a.tekst and "12 tot en met 17" in a.tekst
    assert (
        AuditRecord.objects.filter(actie="dossier.halt", object_id=str(dossier.uuid)).count() == 1
    )
    v = AuditRecord.objects.get(actie="halt.verstrekken")
    assert (v.persoon, v.doel, v.details["ontvanger"]) == ("999990007", hh.DOEL_HALT, "Halt")
    assert "77e" in v.grondslag and v.verwerkingsactiviteit.endswith(":v1")
    assert h.redenen and all(r["regel"] == "R-CW-6" for r in h.redenen)


def test_halt_negatief_dan_proces_verbaal(wereld, dossier):
    h = hh.start_halt(wereld.lpa_haarlem, dossier, **HALT)
    with pytest.raises(Ongeldig):
        hh.halt_uitkomst(wereld.lpa_haarlem, h, "sepot")
    with pytest.raises(Ongeldig):  # not before the referral
        hh.halt_uitkomst(wereld.lpa_haarlem, h, "negatief", datum=dt.date(2026, 9, 30))
    hh.halt_uitkomst(wereld.lpa_haarlem, h, "negatief", toelichting="Niet verschenen.")
    h.refresh_from_db()
    assert (h.uitkomst, h.uitkomst_datum, h.afgerond) == ("negatief", dt.date(2026, 10, 1), True)
    with pytest.raises(Conflict):
        hh.halt_uitkomst(wereld.lpa_haarlem, h, "positief")
    assert Activiteit.objects.filter(soort="halt-uitkomst", bijzonder=True).count() == 1
    pv = hh.start_pv(wereld.lpa_haarlem, dossier, **PV)
    assert pv.tegen == ["leerling", "ouders"]


# --- proces-verbaal (R-CW-7, R-LP-9) -------------------------------------------------------


def test_pv_alleen_boa_en_tegen_wie(wereld, dossier):
    with pytest.raises(hh.Geweigerd) as e:
        hh.start_pv(wereld.lpa2_haarlem, dossier, **PV)
    assert _codes(e) == {"boa"}
    with pytest.raises(Ongeldig) as e:  # the pupil is 14: both possible, not "school"
        hh.start_pv(wereld.lpa_haarlem, dossier, tegen=["school"], **PV)
    assert e.value.fouten[0]["name"] == "tegen"
    pv = hh.start_pv(wereld.lpa_haarlem, dossier, tegen=["ouders"], **PV)
    assert pv.tegen == ["ouders"] and pv.bijzonder
    a = Activiteit.objects.get(soort="proces-verbaal")
    assert a.bijzonder and a.tekst.startswith("Tegen: de ouders.")
    v = AuditRecord.objects.get(actie="proces-verbaal.verstrekken")
    assert (v.doel, v.details["ontvanger"]) == (hh.DOEL_OM, "OM")


def test_pv_jonger_dan_12_alleen_ouders(wereld):
    leerling = Leerling.objects.get(burgerservicenummer="999990007")
    d = services.open_dossier(wereld.lpa_haarlem, leerling.uuid, "telefonisch", "Via school.")
    b = hh.toets(wereld.lpa_haarlem, d, "proces-verbaal", datum=dt.date(2024, 5, 1), **PV)
    assert b.toegestaan and b.tegen == frozenset({"ouders"})  # 11
    b = hh.toets(wereld.lpa_haarlem, d, "proces-verbaal", datum=dt.date(2024, 5, 2), **PV)
    assert b.tegen == frozenset({"ouders", "leerling"})  # 12
    with pytest.raises(hh.Geweigerd) as e:  # only the pupil to blame, and 11
        hh.start_pv(
            wereld.lpa_haarlem,
            d,
            datum=dt.date(2024, 5, 1),
            **{**PV, "ouders_verwijtbaar": False},
        )
    assert _codes(e) == {"verwijtbaar"}


def test_pv_uitkomsten_van_het_om(wereld, dossier):
    pv = hh.start_pv(wereld.lpa_haarlem, dossier, **PV)
    with pytest.raises(Ongeldig):  # a vonnis only after a dagvaarding
        hh.pv_uitkomst(wereld.lpa_haarlem, pv, "vonnis", toelichting="Boete")
    hh.pv_uitkomst(wereld.lpa_haarlem, pv, "dagvaarding")
    pv.refresh_from_db()
    assert not pv.afgerond
    with pytest.raises(Conflict):  # a second PV while the first waits for its vonnis
        hh.start_pv(wereld.lpa_haarlem, dossier, **PV)
    with pytest.raises(Ongeldig):  # the vonnis is named
        hh.pv_uitkomst(wereld.lpa_haarlem, pv, "vonnis")
    hh.pv_uitkomst(wereld.lpa_haarlem, pv, "vonnis", toelichting="Taakstraf 20 uur.")
    pv.refresh_from_db()
    assert (pv.uitkomst, pv.afgerond) == ("vonnis", True)
    assert Activiteit.objects.filter(soort="pv-uitkomst", bijzonder=True).count() == 2


# --- kinderbijslag (R-CW-8) -----------------------------------------------------------------


def test_svb_alleen_met_afspraak_en_16_17(wereld, dossier, dossier18):
    haarlem = Gemeente.objects.get(code="GM0392")
    zeventien = {"datum": dt.date(2026, 9, 19), "ouders_verwijtbaar": True}
    with pytest.raises(hh.Geweigerd) as e:
        hh.svb_stop(wereld.lpa_haarlem, dossier18, **zeventien)
    assert _codes(e) == {"svb-afspraak"}
    with pytest.raises(GeenToegang):
        hh.zet_svb_afspraak(wereld.lpa_haarlem, haarlem, dt.date(2026, 1, 1))
    hh.zet_svb_afspraak(SYSTEEM, haarlem, dt.date(2026, 1, 1))
    with pytest.raises(hh.Geweigerd) as e:  # 18 on the day of the report
        hh.svb_stop(
            wereld.lpa_haarlem, dossier18, datum=dt.date(2026, 9, 20), ouders_verwijtbaar=True
        )
    assert _codes(e) == {"leeftijd"}
    with pytest.raises(hh.Geweigerd) as e:  # 14
        hh.svb_stop(wereld.lpa_haarlem, dossier, ouders_verwijtbaar=True)
    assert _codes(e) == {"leeftijd"}
    with pytest.raises(hh.Geweigerd) as e:
        hh.svb_stop(wereld.lpa_haarlem, dossier18, **{**zeventien, "ouders_verwijtbaar": False})
    assert _codes(e) == {"ouders-verwijtbaar"}
    # Not a BOA: an LPA reports to the SVB.
    stop = hh.svb_stop(wereld.lpa2_haarlem, dossier18, **zeventien)
    assert not stop.bijzonder
    assert AuditRecord.objects.filter(actie="kinderbijslag.verstrekken").count() == 1
    hh.svb_hervatting(wereld.lpa2_haarlem, stop, toelichting="Weer ingeschreven.")
    stop.refresh_from_db()
    assert (stop.uitkomst, stop.afgerond) == ("hervat", True)
    tekst = Activiteit.objects.get(soort="kinderbijslag-hervat").tekst
    assert "01-10-2026" in tekst  # the quarter of the report
    assert AuditRecord.objects.filter(actie="kinderbijslag.verstrekken").count() == 2


def test_svb_afspraak_vanaf_datum(wereld, dossier18):
    hh.zet_svb_afspraak(SYSTEEM, Gemeente.objects.get(code="GM0392"), dt.date(2026, 9, 20))
    invoer = {"ouders_verwijtbaar": True}
    assert hh.toets(
        wereld.lpa_haarlem, dossier18, "kinderbijslag", datum=dt.date(2026, 9, 19), **invoer
    ).niet_voldaan == ("svb-afspraak",)
    hh.zet_svb_afspraak(SYSTEEM, Gemeente.objects.get(code="GM0392"), None)
    assert not hh.heeft_svb_afspraak(dossier18, clock.today())


def test_kwartaal_begin():
    assert [hh.kwartaal_begin(dt.date(2026, m, 15)).month for m in (1, 3, 4, 6, 7, 12)] == [
        1,
        1,
        4,
        4,
        7,
        10,
    ]


# --- criminal data (R-PR-5) ------------------------------------------------------------------


def test_strafrechtelijke_gegevens_afgeschermd(wereld, dossier):
    halt = hh.start_halt(wereld.lpa_haarlem, dossier, **HALT)
    d = Dossier.objects.get()
    voor_admin = hh.handhavingen_van(wereld.admin_haarlem, d)
    assert [(h.soort, h.afgeschermd) for h in voor_admin] == [("halt", True)]
    assert [h.afgeschermd for h in hh.handhavingen_van(wereld.lpa2_haarlem, d)] == [False]
    with pytest.raises(NietGevonden):
        hh.handhaving_voor(wereld.admin_haarlem, halt.uuid)
    with pytest.raises(NietGevonden):
        hh.handhaving_voor(wereld.lpa_amsterdam, halt.uuid)
    soorten = {a.soort_id for a in queries.activiteiten_van(wereld.admin_haarlem, d)}
    assert "halt-verwijzing" not in soorten


def test_andere_organisatie_ziet_de_route_niet(wereld):
    meld(wereld, bsn=AMSTERDAM)
    d = Dossier.objects.get()
    with pytest.raises(NietGevonden):
        hh.toets(wereld.lpa_haarlem, d, "halt", **HALT)


# --- luxe verzuim: could verlof have been granted? (R-CW-10, R-VL-1) ---------------------


def test_verloftoets_op_de_luxe_route(wereld, dossier):
    services.kies_route(wereld.lpa_haarlem, dossier, "luxe-verzuim")
    week = {"begindatum": dt.date(2026, 9, 21), "einddatum": dt.date(2026, 9, 25)}
    b = hh.verloftoets(wereld.lpa_haarlem, dossier, specifiek_beroep_ouder=True, **week)
    assert b.toegestaan and b.schooldagen == 5
    b = hh.verloftoets(wereld.lpa_haarlem, dossier, specifiek_beroep_ouder=False, **week)
    assert not b.toegestaan and b.niet_voldaan == ("beroep",)
    lang = {"begindatum": dt.date(2026, 9, 14), "einddatum": dt.date(2026, 9, 30)}
    b = hh.verloftoets(wereld.lpa_haarlem, dossier, specifiek_beroep_ouder=True, **lang)
    assert not b.toegestaan and "max-10-schooldagen" in b.niet_voldaan
    teksten = list(
        Activiteit.objects.filter(soort="verloftoets")
        .order_by("pk")
        .values_list("tekst", flat=True)
    )
    assert teksten[0].startswith("Verlof had verleend kunnen worden (R-CW-10).")
    assert teksten[1].startswith("Verlof had niet verleend kunnen worden")
    assert "specifieke beroep van een ouder. (R-VL-1)" in teksten[1]
    assert AuditRecord.objects.filter(actie="dossier.verloftoets").count() == 3
    with pytest.raises(Ongeldig):
        hh.verloftoets(
            wereld.lpa_haarlem,
            dossier,
            begindatum=dt.date(2026, 9, 25),
            einddatum=dt.date(2026, 9, 21),
            specifiek_beroep_ouder=True,
        )
    with pytest.raises(GeenToegang):
        hh.verloftoets(wereld.admin_haarlem, dossier, specifiek_beroep_ouder=True, **week)
