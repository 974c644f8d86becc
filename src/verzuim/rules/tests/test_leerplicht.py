"""Table tests at the edges of the leerplicht status (R-LP-1..9, R-VR-1)."""

import datetime as dt

import pytest

from verzuim.rules import (
    Diploma,
    Inschrijving,
    LeerplichtPolicy,
    PersoonFeiten,
    SchoolKalender,
    Vrijstelling,
    doelgroep,
    einde_kwalificatieplicht,
    heeft_startkwalificatie,
    leerplicht_status,
)
from verzuim.rules.leerplicht import begin_leerplicht, volle_schooljaren

D = dt.date.fromisoformat


def status(geboortedatum, peildatum, **facts):
    return leerplicht_status(PersoonFeiten(D(geboortedatum), **facts), D(peildatum))


@pytest.mark.parametrize(
    ("geboren", "peildatum", "verwacht", "tot"),
    [
        # 5th birthday on 15 March 2025: leerplichtig from 1 April (R-LP-2)
        ("2020-03-15", "2025-03-14", "niet-leerplichtig", "2025-03-31"),
        ("2020-03-15", "2025-03-15", "niet-leerplichtig", "2025-03-31"),
        ("2020-03-15", "2025-03-31", "niet-leerplichtig", "2025-03-31"),
        ("2020-03-15", "2025-04-01", "leerplichtig", "2036-07-31"),
        # born on the 1st: still the month *after* the birthday
        ("2020-04-01", "2025-04-01", "niet-leerplichtig", "2025-04-30"),
        ("2020-04-01", "2025-05-01", "leerplichtig", "2036-07-31"),
        # born in December: leerplicht starts in January of the next year
        ("2019-12-10", "2024-12-31", "niet-leerplichtig", "2024-12-31"),
        ("2019-12-10", "2025-01-01", "leerplichtig", "2036-07-31"),
        # born 31 July vs 1 August: end of volledige leerplicht (R-LP-1, R-LP-3)
        ("2010-07-31", "2026-07-31", "leerplichtig", "2026-07-31"),
        ("2010-07-31", "2026-08-01", "kwalificatieplichtig", "2028-07-30"),
        ("2010-08-01", "2026-08-01", "leerplichtig", "2027-07-31"),
        ("2010-08-01", "2027-07-31", "leerplichtig", "2027-07-31"),
        ("2010-08-01", "2027-08-01", "kwalificatieplichtig", "2028-07-31"),
        # 18th birthday (R-LP-4, R-LP-6) and 23rd birthday (R-LP-6)
        ("2008-05-02", "2026-05-01", "kwalificatieplichtig", "2026-05-01"),
        ("2008-05-02", "2026-05-02", "18-plus", "2031-05-01"),
        ("2008-05-02", "2031-05-01", "18-plus", "2031-05-01"),
        ("2008-05-02", "2031-05-02", "buiten-doelgroep", None),
        # before birth and at 4 (R-LP-7)
        ("2022-06-01", "2020-01-01", "niet-leerplichtig", "2027-06-30"),
        ("2022-06-01", "2026-06-01", "niet-leerplichtig", "2027-06-30"),
    ],
)
def test_status_edges(geboren, peildatum, verwacht, tot):
    st = status(geboren, peildatum)
    assert st.status == verwacht
    assert st.tot == (D(tot) if tot else None)
    assert st.reasons, "every decision explains itself"


@pytest.mark.parametrize(
    ("peildatum", "verwacht", "tot"),
    [
        ("2025-02-28", "niet-leerplichtig", "2025-03-31"),  # 5th birthday is 1 March 2025
        ("2025-03-01", "niet-leerplichtig", "2025-03-31"),
        ("2025-04-01", "leerplichtig", "2036-07-31"),
        ("2038-02-28", "kwalificatieplichtig", "2038-02-28"),
        ("2038-03-01", "18-plus", "2043-02-28"),  # 18 on 1 March in a non-leap year
        ("2043-03-01", "buiten-doelgroep", None),
    ],
)
def test_born_29_february(peildatum, verwacht, tot):
    st = status("2020-02-29", peildatum)
    assert (st.status, st.tot) == (verwacht, D(tot) if tot else None)


def test_29_february_in_a_leap_year_is_the_birthday():
    # 2032 is a leap year: 12 on 29 February 2032
    from verzuim.rules import leeftijd

    assert leeftijd(D("2020-02-29"), D("2032-02-28")) == 11
    assert leeftijd(D("2020-02-29"), D("2032-02-29")) == 12


def test_reasons_cite_the_articles():
    st = status("2020-03-15", "2025-04-01")
    assert {"R-LP-2", "R-LP-3", "R-LP-8", "R-LP-9"} <= set(st.rule_ids)
    assert st.to_api() == {
        "status": "leerplichtig",
        "tot": "2036-07-31",
        "redenen": [r.to_api() for r in st.reasons],
    }


def test_r_lp_9_age_12_makes_the_pupil_liable():
    jonger = status("2014-05-02", "2026-05-01")
    twaalf = status("2014-05-02", "2026-05-02")
    assert "jonger dan 12" in [r for r in jonger.reasons if r.rule_id == "R-LP-9"][0].uitleg_nl
    assert "12 jaar of ouder" in [r for r in twaalf.reasons if r.rule_id == "R-LP-9"][0].uitleg_nl


def test_first_school_day_policy_r_lp_2():
    kalender = SchoolKalender("noord")
    # 5 on 15 July 2026; 1 August 2026 falls in the zomervakantie noord (until 16 Aug)
    geboren = D("2021-07-15")
    assert begin_leerplicht(geboren) == D("2026-08-01")
    policy = LeerplichtPolicy(start="eerste-schooldag", kalender=kalender)
    assert begin_leerplicht(geboren, policy) == D("2026-08-17")
    facts = PersoonFeiten(geboren)
    assert leerplicht_status(facts, D("2026-08-14"), policy).status == "niet-leerplichtig"
    assert leerplicht_status(facts, D("2026-08-17"), policy).status == "leerplichtig"


def test_first_school_day_policy_needs_a_calendar():
    with pytest.raises(ValueError):
        LeerplichtPolicy(start="eerste-schooldag")


@pytest.mark.parametrize(
    ("soort", "sk"),
    [
        ("havo", True),
        ("vwo", True),
        ("mbo-2", True),
        ("mbo-3", True),
        ("mbo-4", True),
        ("vmbo", False),
        ("mbo-1", False),
        ("praktijkonderwijs", False),
        ("vso-arbeidsmarkt", False),
        ("vso-dagbesteding", False),
    ],
)
def test_heeft_startkwalificatie(soort, sk):
    diplomas = [Diploma(soort, D("2026-07-01"))]
    assert heeft_startkwalificatie(diplomas, D("2026-07-01")) is sk
    assert heeft_startkwalificatie(diplomas, D("2026-06-30")) is False


def test_startkwalificatie_before_16_ends_both_duties():
    vwo = (Diploma("vwo", D("2026-07-01")),)  # 15 years old
    assert status("2011-01-10", "2026-06-30", diplomas=vwo).status == "leerplichtig"
    st = status("2011-01-10", "2026-07-01", diplomas=vwo)
    assert st.status == "buiten-doelgroep"
    assert st.tot is None
    assert "R-LP-4" in st.rule_ids
    # and stays so, also as an adult
    assert status("2011-01-10", "2030-01-01", diplomas=vwo).status == "buiten-doelgroep"


def test_vmbo_is_no_startkwalificatie():
    vmbo = (Diploma("vmbo", D("2025-07-01")),)
    st = status("2009-09-01", "2026-09-01", diplomas=vmbo)
    assert st.status == "kwalificatieplichtig"
    assert any("geen startkwalificatie" in r.uitleg_nl for r in st.reasons)


def test_praktijkonderwijs_ends_kwalificatieplicht_r_lp_5():
    pro = (Diploma("praktijkonderwijs", D("2026-06-15")),)
    assert status("2009-03-01", "2026-06-14", diplomas=pro).status == "kwalificatieplichtig"
    st = status("2009-03-01", "2026-06-15", diplomas=pro)
    assert (st.status, st.fase, st.tot) == ("vrijgesteld", "kwalificatieplichtig", D("2027-02-28"))
    assert st.reasons[0].rule_id == "R-LP-5"
    # no startkwalificatie: RMC doelgroep at 18
    assert status("2009-03-01", "2027-03-01", diplomas=pro).status == "18-plus"


def test_praktijkonderwijs_during_volledige_leerplicht_keeps_leerplicht():
    pro = (Diploma("praktijkonderwijs", D("2025-06-15")),)  # 16 on 1 March 2025
    assert status("2009-03-01", "2025-07-31", diplomas=pro).status == "leerplichtig"
    assert status("2009-03-01", "2025-08-01", diplomas=pro).status == "vrijgesteld"


VRIJ_5A = (Vrijstelling("5a", D("2026-08-01"), D("2027-07-31")),)


@pytest.mark.parametrize(
    ("peildatum", "verwacht", "tot"),
    [
        ("2026-07-31", "leerplichtig", "2026-07-31"),  # the vrijstelling starts tomorrow
        ("2026-08-01", "vrijgesteld", "2027-07-31"),  # first day
        ("2027-07-31", "vrijgesteld", "2027-07-31"),  # last day
        ("2027-08-01", "leerplichtig", "2030-07-31"),
    ],
)
def test_vrijstelling_first_and_last_day(peildatum, verwacht, tot):
    st = status("2014-05-02", peildatum, vrijstellingen=VRIJ_5A)
    assert (st.status, st.tot) == (verwacht, D(tot))
    assert st.fase == "leerplichtig"
    if verwacht == "vrijgesteld":
        assert st.reasons[0].rule_id == "R-VR-1"


def test_vrijstelling_tot_never_beyond_the_duty():
    open_einde = (Vrijstelling("5a", D("2026-08-01"), None),)
    st = status("2014-05-02", "2027-01-01", vrijstellingen=open_einde)
    assert (st.status, st.tot) == ("vrijgesteld", D("2030-07-31"))
    assert status("2014-05-02", "2033-01-01", vrijstellingen=open_einde).status == "18-plus"


def test_artikel_15_only_for_kwalificatieplichtigen():
    art15 = (Vrijstelling("15", D("2020-01-01"), D("2030-01-01")),)
    assert status("2014-05-02", "2026-01-01", vrijstellingen=art15).status == "leerplichtig"
    assert status("2009-05-02", "2026-01-01", vrijstellingen=art15).status == "vrijgesteld"


# R-LP-3: 12 full schooljaren. Born 15 Aug 2010: 16 in schooljaar 2026-2027.
TWAALF_JAAR = (Inschrijving(D("2014-08-15"), None, "po"),)


def test_twelve_schooljaren_end_volledige_leerplicht_earlier():
    volle = volle_schooljaren(TWAALF_JAAR)
    assert (volle[0].label, volle[-1].label, len(volle)) == ("2014-2015", "2025-2026", 12)
    assert status("2010-08-15", "2026-07-31", inschrijvingen=TWAALF_JAAR).tot == D("2026-07-31")
    st = status("2010-08-15", "2026-08-01", inschrijvingen=TWAALF_JAAR)
    assert st.status == "kwalificatieplichtig"
    assert "12 volledige schooljaren" in " ".join(r.uitleg_nl for r in st.reasons)
    # without the history: end of the schooljaar in which 16
    assert status("2010-08-15", "2026-08-01").status == "leerplichtig"


def test_twelve_schooljaren_only_when_the_history_shows_them():
    met_gat = (
        Inschrijving(D("2014-08-15"), D("2020-11-01"), "po"),
        Inschrijving(D("2020-12-01"), None, "po"),  # a gap in 2020-2021
    )
    # 2020-2021 does not count, so the 12th full schooljaar is 2026-2027: no earlier end
    assert "2020-2021" not in [sj.label for sj in volle_schooljaren(met_gat)]
    assert volle_schooljaren(met_gat)[-1].label == "2026-2027"
    assert status("2010-08-15", "2026-08-01", inschrijvingen=met_gat).status == "leerplichtig"
    # a school change without a gap still counts
    aansluitend = (
        Inschrijving(D("2014-08-15"), D("2022-07-31"), "po"),
        Inschrijving(D("2022-08-01"), None, "vo"),
    )
    assert status("2010-08-15", "2026-08-01", inschrijvingen=aansluitend).status == (
        "kwalificatieplichtig"
    )
    uit = LeerplichtPolicy(twaalf_schooljaren=False)
    facts = PersoonFeiten(D("2010-08-15"), inschrijvingen=TWAALF_JAAR)
    assert leerplicht_status(facts, D("2026-08-01"), uit).status == "leerplichtig"


@pytest.mark.parametrize(
    ("geboren", "peildatum", "groep"),
    [
        ("2020-03-15", "2025-03-31", None),
        ("2020-03-15", "2025-04-01", "leerplichtig"),
        ("2010-07-31", "2026-08-01", "kwalificatieplichtig"),
        ("2008-05-02", "2026-05-02", "18-plus"),
        ("2008-05-02", "2031-05-02", None),
    ],
)
def test_doelgroep(geboren, peildatum, groep):
    assert doelgroep(PersoonFeiten(D(geboren)), D(peildatum)).doelgroep == groep


def test_doelgroep_of_a_vrijgestelde_leerplichtige_is_leerplichtig():
    facts = PersoonFeiten(D("2014-05-02"), vrijstellingen=VRIJ_5A)
    assert doelgroep(facts, D("2027-01-01")).doelgroep == "leerplichtig"


@pytest.mark.parametrize(
    ("diplomas", "einde"),
    [
        ((), "2026-05-01"),
        ((Diploma("mbo-2", D("2025-07-01")),), "2025-06-30"),
        ((Diploma("vmbo", D("2024-07-01")),), "2026-05-01"),
    ],
)
def test_einde_kwalificatieplicht(diplomas, einde):
    assert einde_kwalificatieplicht(PersoonFeiten(D("2008-05-02"), diplomas)) == D(einde)
