"""Hypothesis properties: no date raises; status only moves forward; one outcome."""

import ast
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verzuim.rules import (
    Diploma,
    Inschrijving,
    KeuzehulpAntwoorden,
    PersoonFeiten,
    SchoolKalender,
    Vrijstelling,
    absoluut_verzuim,
    doelgroep,
    keuzehulp,
    leerplicht_status,
)
from verzuim.rules.leerplicht import DIPLOMA_SOORTEN, VOLGORDE, VRIJSTELLING_ARTIKELEN

SNEL = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

alle_data = st.dates()
realistisch = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))


def _facts(datums):
    diploma = st.builds(Diploma, st.sampled_from(sorted(DIPLOMA_SOORTEN)), datums)
    inschrijving = st.builds(Inschrijving, datums, st.none() | datums, st.none() | st.just("po"))
    vrijstelling = st.builds(
        Vrijstelling, st.sampled_from(sorted(VRIJSTELLING_ARTIKELEN)), datums, st.none() | datums
    )
    return st.builds(
        PersoonFeiten,
        datums,
        st.lists(diploma, max_size=2).map(tuple),
        st.lists(inschrijving, max_size=2).map(tuple),
        st.lists(vrijstelling, max_size=2).map(tuple),
    )


@SNEL
@given(_facts(alle_data), alle_data)
def test_no_date_raises_leerplicht(facts, peildatum):
    st_ = leerplicht_status(facts, peildatum)
    assert st_.status in (*VOLGORDE, "vrijgesteld")
    assert st_.reasons
    assert st_.tot is None or st_.tot >= peildatum or st_.tot == dt.date.min
    doelgroep(facts, peildatum)
    absoluut_verzuim(facts, peildatum)


@SNEL
@given(_facts(realistisch), realistisch, realistisch)
def test_status_only_moves_forward(facts, d1, d2):
    vroeg, laat = sorted((d1, d2))
    a, b = leerplicht_status(facts, vroeg), leerplicht_status(facts, laat)
    assert VOLGORDE.index(a.fase) <= VOLGORDE.index(b.fase)
    # vrijgesteld is only an overlay on a duty
    for s in (a, b):
        if s.status == "vrijgesteld":
            assert s.fase in ("leerplichtig", "kwalificatieplichtig")
        else:
            assert s.status == s.fase


@SNEL
@given(_facts(realistisch), realistisch)
def test_tot_is_the_last_day_of_the_status(facts, peildatum):
    s = leerplicht_status(facts, peildatum)
    if s.tot is not None and s.tot < dt.date(2100, 1, 1):
        assert leerplicht_status(facts, s.tot).status == s.status
        if s.status != "vrijgesteld":  # overlapping vrijstellingen may follow each other
            assert leerplicht_status(facts, s.tot + dt.timedelta(days=1)).status != s.status


uren = st.floats(0, 200, allow_nan=False)


@SNEL
@given(
    st.builds(
        KeuzehulpAntwoorden,
        geboortedatum=alle_data,
        eerste_verzuimdag=alle_data,
        ziekte=st.booleans(),
        vakantie_zonder_verlof=st.booleans(),
        aaneengesloten_afwezig_dagen=st.integers(0, 400),
        verzuimde_uren_in_4_lesweken=uren,
        afspraak_18_plus_melden=st.booleans(),
        startkwalificatie=st.booleans(),
        vermoeden_misbruik_ziekmelding=st.booleans(),
    )
)
def test_keuzehulp_always_ends_in_exactly_one_outcome(antwoorden):
    u = keuzehulp(antwoorden)
    assert u.uitkomst in ("melden", "niet-melden", "vastleggen")
    assert (u.verzuimsoort is not None) == (u.uitkomst == "melden")
    assert not u.verplicht or u.uitkomst == "melden"
    assert u.pad and u.reasons
    assert len({s.node_id for s in u.pad}) == len(u.pad)  # no node visited twice


@settings(max_examples=60, deadline=None)
@given(alle_data, st.sampled_from(["noord", "midden", "zuid"]))
def test_no_date_raises_kalender(datum, regio):
    kal = SchoolKalender(regio)
    v = kal.venster_4_lesweken(datum)
    assert len(v.lesweken) <= 4
    assert list(v.lesweken) == sorted(v.lesweken)
    assert all(kal.is_lesweek(w) for w in v.lesweken)
    kal.lesweek_index(datum)


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2023, 9, 1), dt.date(2030, 6, 30)), st.sampled_from(["noord", "zuid"]))
def test_window_has_four_lesweken_within_the_data(datum, regio):
    kal = SchoolKalender(regio)
    v = kal.venster_4_lesweken(datum)
    assert len(v.lesweken) == 4
    assert all(not kal.is_schooldag(d) for d in v.overgeslagen_data)


def test_no_django_imports_in_the_rules_package():
    pakket = Path(__file__).resolve().parent.parent
    for pad in pakket.rglob("*.py"):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for node in ast.walk(boom):
            namen = []
            if isinstance(node, ast.Import):
                namen = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                namen = [node.module]
            assert not any(n.split(".")[0] in ("django", "rest_framework") for n in namen), pad
