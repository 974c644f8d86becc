"""R-SG-1..4 in the pure rules: the edges issue 10 names (5th birthday and the first of the
next month, 31 July / 1 August, grace day 10/11, re-enrolment, RNI, death, 5c, startkwalificatie,
potential LRV at 3 and 4 lesweken with the herfstvakantie inside the window)."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.rules.kalender import SchoolKalender
from verzuim.rules.leerplicht import (
    Diploma,
    Inschrijving,
    PersoonFeiten,
    Vrijstelling,
    leerplicht_status,
)
from verzuim.rules.signalen import (
    BrpFeiten,
    LrvPolicy,
    MeldingFeit,
    SignaalPolicy,
    absoluut_verzuim_signaal,
    fase_grenzen,
    potentieel_lrv,
)

D = dt.date
MIDDEN = SchoolKalender("midden")
HAARLEM = BrpFeiten("0392")


def signaal(feiten, peildatum, brp=HAARLEM, **kw):
    return absoluut_verzuim_signaal(feiten, brp, peildatum, MIDDEN, **kw)


# --- leerplicht begins: the month after the 5th birthday (R-LP-2) -------------------------

VIJF = PersoonFeiten(D(2021, 3, 15))  # 5 on 15-03-2026, leerplichtig from 01-04-2026


@pytest.mark.parametrize(
    ("peildatum", "verwacht"),
    [
        (D(2026, 3, 14), False),  # day before the 5th birthday
        (D(2026, 3, 15), False),  # the birthday itself
        (D(2026, 3, 16), False),  # day after: still not leerplichtig
        (D(2026, 3, 31), False),  # last day of the month
        (D(2026, 4, 1), True),  # first day of the next month
    ],
)
def test_vijfde_verjaardag_en_eerste_van_de_maand(peildatum, verwacht):
    b = signaal(VIJF, peildatum)
    assert b.signaal is verwacht
    assert b.uitkomst == ("signaal" if verwacht else "niet-leerplichtig")
    if verwacht:
        assert b.reasons[0].rule_id == "R-SG-1"
        assert "leerplichtig op 01-04-2026 (5 jaar)" in b.reasons[0].uitleg_nl
        assert "Nooit ingeschreven" in b.reasons[1].uitleg_nl


# --- 31 July / 1 August (R-LP-1, R-LP-3/4) ------------------------------------------------

ZESTIEN = D(2010, 5, 10)  # 16 on 10-05-2026: volledig leerplichtig until 31-07-2026


def test_31_juli_leerplichtig_1_augustus_kwalificatieplichtig():
    feiten = PersoonFeiten(ZESTIEN)
    juli, augustus = signaal(feiten, D(2026, 7, 31)), signaal(feiten, D(2026, 8, 1))
    assert juli.signaal and juli.status.status == "leerplichtig"
    assert augustus.signaal and augustus.status.status == "kwalificatieplichtig"


def test_artikel_15_geldt_pas_vanaf_de_kwalificatieplicht():
    # art. 15 only covers the kwalificatieplicht: on 31 July still absoluut verzuim.
    feiten = PersoonFeiten(ZESTIEN, vrijstellingen=[Vrijstelling("15", D(2026, 7, 1), None)])
    assert signaal(feiten, D(2026, 7, 31)).signaal
    b = signaal(feiten, D(2026, 8, 1))
    assert not b.signaal and b.uitkomst == "vrijgesteld"


def test_einde_schooljaar_uitschrijving_respijt_loopt_door_de_zomer():
    # Uitgeschreven on 31 July; the summer holiday has no school days, so the grace period
    # (R-SG-2) runs into the new schooljaar: midden starts on 31-08-2026.
    feiten = PersoonFeiten(
        D(2012, 9, 9), inschrijvingen=[Inschrijving(D(2024, 8, 19), D(2026, 7, 31))]
    )
    assert signaal(feiten, D(2026, 8, 1)).uitkomst == "respijt"
    assert signaal(feiten, D(2026, 9, 11)).uitkomst == "respijt"  # 10th school day
    b = signaal(feiten, D(2026, 9, 14))  # 11th school day
    assert b.signaal and b.respijt_tot == D(2026, 9, 13)


def test_achttiende_verjaardag():
    feiten = PersoonFeiten(D(2008, 11, 17))
    assert signaal(feiten, D(2026, 11, 16)).signaal
    b = signaal(feiten, D(2026, 11, 17))
    assert not b.signaal and b.uitkomst == "18-plus"


# --- grace period (R-SG-2) ----------------------------------------------------------------

UITGESCHREVEN = Inschrijving(D(2024, 8, 19), D(2026, 11, 6), school="Fictief Lyceum")  # a Friday


@pytest.mark.parametrize(
    ("peildatum", "uitkomst"),
    [
        (D(2026, 11, 9), "respijt"),  # 1st school day after the uitschrijving
        (D(2026, 11, 20), "respijt"),  # 10th school day
        (D(2026, 11, 21), "respijt"),  # the Saturday after it: still 10
        (D(2026, 11, 23), "signaal"),  # 11th school day
    ],
)
def test_respijt_dag_10_en_11(peildatum, uitkomst):
    feiten = PersoonFeiten(D(2013, 1, 1), inschrijvingen=[UITGESCHREVEN])
    b = signaal(feiten, peildatum)
    assert b.uitkomst == uitkomst
    assert b.respijt_tot == D(2026, 11, 22)
    if b.signaal:
        teksten = " ".join(r.uitleg_nl for r in b.reasons)
        assert (
            "Laatste inschrijving bij Fictief Lyceum van 19-08-2024 tot en met 06-11-2026"
            in teksten
        )
        assert "respijttermijn van 10 schooldagen" in teksten
        assert "niet ingeschreven sinds 07-11-2026" in b.reasons[0].uitleg_nl
    else:
        assert b.reasons[0].rule_id == "R-SG-2"


def test_respijt_is_beleid():
    feiten = PersoonFeiten(D(2013, 1, 1), inschrijvingen=[UITGESCHREVEN])
    assert signaal(feiten, D(2026, 11, 9), policy=SignaalPolicy(respijt_schooldagen=0)).signaal
    assert not signaal(
        feiten, D(2026, 11, 23), policy=SignaalPolicy(respijt_schooldagen=15)
    ).signaal


def test_uitschrijving_dan_inschrijving_elders():
    elders = Inschrijving(D(2026, 11, 30), None, school="Ander College")
    feiten = PersoonFeiten(D(2013, 1, 1), inschrijvingen=[UITGESCHREVEN, elders])
    assert signaal(feiten, D(2026, 11, 23)).signaal  # between the two, after the grace period
    b = signaal(feiten, D(2026, 11, 30))
    assert not b.signaal and b.uitkomst == "ingeschreven"


def test_ingekomen_kind_nooit_ingeschreven_meteen_signaal():
    # No uitschrijving, so no grace period: the signal comes at once.
    b = signaal(PersoonFeiten(D(2016, 6, 6)), D(2026, 11, 16))
    assert b.signaal and b.respijt_tot is None and b.sinds == D(2021, 7, 1)


# --- exclusions (R-SG-1) ------------------------------------------------------------------


def test_rni_overleden_geemigreerd():
    feiten = PersoonFeiten(D(2016, 6, 6))
    p = D(2026, 11, 16)
    assert signaal(feiten, p, BrpFeiten("1999")).uitkomst == "rni"
    assert (
        signaal(feiten, p, BrpFeiten("0392", overlijdensdatum=D(2026, 11, 16))).uitkomst
        == "overleden"
    )
    assert signaal(feiten, p, BrpFeiten("0392", overlijdensdatum=D(2026, 11, 17))).signaal
    assert (
        signaal(feiten, p, BrpFeiten("0392", emigratiedatum=D(2026, 1, 1))).uitkomst
        == "geemigreerd"
    )


def test_vrijstelling_5c_school_in_het_buitenland():
    feiten = PersoonFeiten(
        D(2016, 6, 6), vrijstellingen=[Vrijstelling("5c", D(2026, 8, 1), D(2027, 7, 31))]
    )
    assert signaal(feiten, D(2026, 11, 16)).uitkomst == "vrijgesteld"
    assert signaal(feiten, D(2027, 8, 1)).signaal  # the vrijstelling ended


def test_startkwalificatie():
    feiten = PersoonFeiten(D(2009, 3, 3), diplomas=[Diploma("havo", D(2026, 7, 3))])
    assert signaal(feiten, D(2026, 7, 2)).signaal
    b = signaal(feiten, D(2026, 7, 3))
    assert not b.signaal and b.uitkomst == "startkwalificatie"
    vmbo = PersoonFeiten(D(2009, 3, 3), diplomas=[Diploma("vmbo", D(2025, 7, 3))])
    assert signaal(vmbo, D(2026, 7, 3)).signaal  # no startkwalificatie (R-LP-4)


# --- the birth-date window is the rules' own age test -------------------------------------


@pytest.mark.parametrize(
    "peildatum", [D(2026, 11, 16), D(2024, 2, 29), D(2026, 7, 31), D(2026, 8, 1)]
)
def test_fase_grenzen_vallen_samen_met_leerplicht_status(peildatum):
    g = fase_grenzen(peildatum)
    dag = dt.timedelta(days=1)
    for geboren, fase in [
        (g.leerplichtig_tot_en_met + dag, "niet-leerplichtig"),
        (g.leerplichtig_tot_en_met, "leerplichtig"),
        (g.volledig_vanaf, "leerplichtig"),
        (g.volledig_vanaf - dag, "kwalificatieplichtig"),
        (g.kwalificatieplichtig_vanaf, "kwalificatieplichtig"),
        (g.kwalificatieplichtig_vanaf - dag, "18-plus"),
        (g.rmc_vanaf, "18-plus"),
        (g.rmc_vanaf - dag, "buiten-doelgroep"),
    ]:
        assert leerplicht_status(PersoonFeiten(geboren), peildatum).fase == fase, (geboren, fase)


# --- potential LRV (R-SG-4) ---------------------------------------------------------------
# Midden, herfstvakantie 17-25 Oct 2026: the week of Monday 19 Oct is no lesweek.

A = MeldingFeit("16-uur", D(2026, 9, 28), D(2026, 10, 16), nummer="VM-2026-000001")  # weeks 40-42
B = MeldingFeit("16-uur", D(2026, 10, 26), D(2026, 10, 30), nummer="VM-2026-000002")  # week 44


def test_drie_lesweken_geen_signaal():
    b = potentieel_lrv([A], D(2026, 10, 23), MIDDEN)
    assert not b.signaal and b.lesweken == 3 and b.uitkomst == "te-kort"


def test_vier_lesweken_met_herfstvakantie_ertussen():
    b = potentieel_lrv([A, B], D(2026, 10, 30), MIDDEN)
    assert b.signaal and b.lesweken == 4
    assert b.weken == (D(2026, 9, 28), D(2026, 10, 5), D(2026, 10, 12), D(2026, 10, 26))
    teksten = [r.uitleg_nl for r in b.reasons]
    assert "4 aaneengesloten lesweken (week 40 tot en met 44" in teksten[0]
    assert "VM-2026-000001, VM-2026-000002" in teksten[0]
    assert any(r.rule_id == "R-CAL-1" and "1 vakantieweek" in r.uitleg_nl for r in b.reasons)


def test_onderbroken_reeks_telt_niet():
    kort_a = MeldingFeit("16-uur", D(2026, 9, 28), D(2026, 10, 9))  # weeks 40-41
    kort_b = MeldingFeit("16-uur", D(2026, 10, 26), D(2026, 11, 6))  # weeks 44-45
    b = potentieel_lrv([kort_a, kort_b], D(2026, 11, 6), MIDDEN)
    assert not b.signaal and b.lesweken == 2  # week 42 (12 Oct) breaks the run


def test_lrv_melding_sluit_signaal_uit():
    lrv = MeldingFeit("langdurig", D(2026, 10, 26), D(2026, 10, 30), nummer="VM-2026-000003")
    b = potentieel_lrv([A, B, lrv], D(2026, 10, 30), MIDDEN)
    assert not b.signaal and b.uitkomst == "lrv-gemeld"


def _schooldagen(van, tot):
    return tuple(MIDDEN.schooldagen(van, tot))


def test_aaneengesloten_afwezig_28_dagen_over_de_vakantie():
    # overig-meldingen (the lesweken rule does not apply) with every school day absent.
    m1 = MeldingFeit(
        "overig", D(2026, 10, 5), D(2026, 10, 16), _schooldagen(D(2026, 10, 5), D(2026, 10, 16))
    )
    m2 = MeldingFeit(
        "overig", D(2026, 10, 26), D(2026, 11, 2), _schooldagen(D(2026, 10, 26), D(2026, 11, 2))
    )
    kort = potentieel_lrv([m1, m2], D(2026, 10, 30), MIDDEN)
    assert not kort.signaal and kort.dagen == 26
    b = potentieel_lrv([m1, m2], D(2026, 11, 2), MIDDEN)
    assert b.signaal and b.dagen == 29 and b.van == D(2026, 10, 5)


def test_oude_reeks_blijft_niet_op_de_lijst():
    b = potentieel_lrv([A, B], D(2027, 1, 15), MIDDEN, LrvPolicy(recent_lesweken=4))
    assert not b.signaal and b.uitkomst == "niet-recent"
