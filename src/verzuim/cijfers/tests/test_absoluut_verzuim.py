"""Absoluut verzuim in the telling from the register's signals (R-SG-1..3, R-FG-1, R-FG-1a):
unique persons over the schooljaar, > 3 months, resolved, never enrolled / left school, a
signal spanning two schooljaren and a pupil who moved between gemeenten mid-year. Each
expected number is worked out by hand next to it."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from verzuim.cijfers.periode import Periode
from verzuim.cijfers.telling import bereken
from verzuim.personen.models import Leerling
from verzuim.rules import Schooljaar
from verzuim.signalen.models import Signaal

from . import wereld as w_

D = dt.date


def _signaal(ll, gemeente, ontvanger, sinds, opgelost=None, oplossing=""):
    return Signaal.objects.create(
        soort="absoluut-verzuim", leerling=ll, gemeente=gemeente, ontvanger=ontvanger,
        status="opgelost" if opgelost else "open", sinds=sinds, opgelost_op=opgelost,
        oplossing=oplossing, redenen=[{"regel": "R-SG-1", "uitleg": "test"}],
        aangemaakt=w_.moment(sinds), gewijzigd=w_.moment(opgelost or sinds),
    )  # fmt: skip


def _zonder_school(gemeente="0392"):
    p = w_.persoon(gemeente, D(2012, 5, 2))
    return Leerling.objects.create(
        burgerservicenummer=p.burgerservicenummer, geboortedatum=p.geboortedatum
    )


@pytest.fixture
def av(db):
    w = w_.maak_organisaties()
    h, a = w.g["GM0392"], w.g["GM0363"]
    oh, oa = w.org["GM0392"], w.org["GM0363"]
    s = SimpleNamespace(w=w)
    # S1 spans two schooljaren: 1 May – 14 Oct 2025 (opgelost_op 15 Oct), left school before.
    s.s1 = w_.leerling(w, begin=D(2020, 8, 1))
    _signaal(s.s1, h, oh, D(2025, 5, 1), D(2025, 10, 15), "ingeschreven")
    # S2 open since 1 Sep 2025 (unresolved, > 3 months by 31 Jul), never enrolled.
    s.s2 = _zonder_school()
    _signaal(s.s2, h, oh, D(2025, 9, 1))
    # S3 1 – 30 Nov 2025, resolved, short; never enrolled.
    s.s3 = _zonder_school()
    _signaal(s.s3, h, oh, D(2025, 11, 1), D(2025, 12, 1), "vrijgesteld")
    # S4 15 Sep 2025 – 28 Feb 2026, resolved after > 3 months; never enrolled.
    s.s4 = _zonder_school()
    _signaal(s.s4, h, oh, D(2025, 9, 15), D(2026, 3, 1), "ingeschreven")
    # S5 moved Amsterdam → Haarlem: signal there 1 – 30 Sep, here from 1 Oct, open. One
    # person, counted once at Haarlem; the two signals are one continuous absence (> 3 months).
    s.s5 = _zonder_school("0392")
    _signaal(s.s5, a, oa, D(2025, 9, 1), D(2025, 10, 1), "verhuisd")
    _signaal(s.s5, h, oh, D(2025, 10, 1))
    # S6 resolved on 1 Aug 2025: it held until 31 Jul, not in 2025-2026.
    s.s6 = _zonder_school()
    _signaal(s.s6, h, oh, D(2025, 6, 1), D(2025, 8, 1), "ingeschreven")
    return s


def _haarlem(t):
    return t.rij("GM0392").waarden


def test_absoluut_verzuim_2025_2026(av):
    t = bereken(Periode(Schooljaar(2025)), av.w.g.values())
    h = _haarlem(t)
    assert h["absoluutVerzuim.totaal"] == 5  # S1, S2, S3, S4, S5 (S6 ended before)
    assert h["absoluutVerzuim.langerDan3Maanden"] == 4  # S1, S2, S4, S5 — not S3
    assert h["absoluutVerzuim.opgelost"] == 3  # S1, S3, S4 — S2 and S5 still open
    assert h["absoluutVerzuim.schoolverlaters"] == 1  # S1 was enrolled before
    assert h["absoluutVerzuim.nooitIngeschreven"] == 4
    assert t.rij("GM0363").waarden["absoluutVerzuim.totaal"] == 0  # S5 counts in Haarlem
    assert t.totaal["absoluutVerzuim.totaal"] == 5
    assert not t.niet_beschikbaar.get("signalen")


def test_signaal_over_twee_schooljaren_telt_in_beide(av):
    vorig = _haarlem(bereken(Periode(Schooljaar(2024)), [av.w.g["GM0392"]]))
    # 2024-2025: S1 (from 1 May) and S6 (from 1 Jun); by 31 Jul S1 lasted 3 months minus a
    # day: not > 3 months; neither was resolved by 31 Jul.
    assert vorig["absoluutVerzuim.totaal"] == 2
    assert vorig["absoluutVerzuim.langerDan3Maanden"] == 0
    assert vorig["absoluutVerzuim.opgelost"] == 0
    # 2025-2026: S1 again, now > 3 months (still absent on 1 Aug) and resolved (15 Oct).
    nu = bereken(Periode(Schooljaar(2025)), [av.w.g["GM0392"]])
    from verzuim.cijfers.bronnen import signalen

    s1 = signalen.gevallen(nu.periode, av.w.g["GM0392"].pk, "absoluutVerzuim.opgelost")
    assert av.s1.burgerservicenummer in {g.identificatie for g in s1}
