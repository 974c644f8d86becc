"""The leerplichttelling on a hand-built scenario (R-FG-1, R-FG-1a, R-SG-3): every expected
number is worked out by hand in the comments next to it."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim import clock
from verzuim.cijfers.periode import Periode, lees_schooljaar
from verzuim.cijfers.telling import bereken
from verzuim.rules import Schooljaar

from . import wereld as w_

D = dt.date
SJ = Periode(Schooljaar(2025))  # 1 Aug 2025 – 31 Jul 2026


def _rij(telling, code):
    return telling.rij(code).waarden


def test_relatief_verzuim_en_luxe(wereld):
    t = bereken(SJ, wereld.w.g.values())
    haarlem, amsterdam = _rij(t, "GM0392"), _rij(t, "GM0363")
    # Haarlem meldingen: P1 2 + P2 2 + P5 1 = 5 (16-uur 4, luxe 1); P3 overig, P4 withdrawn,
    # P6 last year and P7 forwarded do not count here.
    assert haarlem["relatiefVerzuim.meldingen"] == 5
    assert haarlem["relatiefVerzuim.perVerzuimsoort.16-uur"] == 4
    assert haarlem["relatiefVerzuim.perVerzuimsoort.luxe"] == 1
    # Unique pupils in Haarlem: P1, P2, P5 (her last melding is here) = 3.
    assert haarlem["relatiefVerzuim.leerlingen"] == 3
    assert haarlem["luxeVerzuim"] == 1  # P2
    # By last onderwijssoort: P1 havo and P2 vmbo → vo 2; P5 po 1.
    assert haarlem["relatiefVerzuim.perOnderwijssoort.vo"] == 2
    assert haarlem["relatiefVerzuim.perOnderwijssoort.po"] == 1
    # Amsterdam: P5's first melding (1) + P7's forwarded luxe (1) = 2 meldingen; pupils: P7
    # only (P5 counts in Haarlem).
    assert amsterdam["relatiefVerzuim.meldingen"] == 2
    assert amsterdam["relatiefVerzuim.perVerzuimsoort.16-uur"] == 1
    assert amsterdam["relatiefVerzuim.perVerzuimsoort.luxe"] == 1
    assert amsterdam["relatiefVerzuim.leerlingen"] == 1
    assert amsterdam["luxeVerzuim"] == 1
    # National: 7 meldingen, 4 unique pupils (P1, P2, P5, P7): the total adds up, the mover
    # is not double-counted.
    assert t.totaal["relatiefVerzuim.meldingen"] == 7
    assert t.totaal["relatiefVerzuim.leerlingen"] == 4


def test_vorig_schooljaar_telt_de_melding_van_juli(wereld):
    t = bereken(Periode(Schooljaar(2024)), [wereld.w.g["GM0392"]])
    # 2024-2025: only P6 (begindatum 7 Jul 2025); L5 and L1 are LRV.
    assert _rij(t, "GM0392")["relatiefVerzuim.meldingen"] == 1
    assert _rij(t, "GM0392")["relatiefVerzuim.leerlingen"] == 1


def test_langdurig_relatief_verzuim(wereld):
    t = bereken(SJ, wereld.w.g.values())
    haarlem, zandvoort, amsterdam = (_rij(t, c) for c in ("GM0392", "GM0473", "GM0363"))
    # Haarlem: L1 (at the start), L2 and L3 (new); L5 ended before the schooljaar.
    assert haarlem["langdurigRelatiefVerzuim.totaal"] == 3
    assert haarlem["langdurigRelatiefVerzuim.bijAanvang"] == 1
    assert haarlem["langdurigRelatiefVerzuim.nieuw"] == 2
    # > 3 months: L1 (1 May 2025 → still open on 1 Aug 2025) and L3 (5 Jan → 30 Jun 2026,
    # the vervolgmelding joins the case); L2 lasted 6 weeks.
    assert haarlem["langdurigRelatiefVerzuim.langerDan3Maanden"] == 2
    assert haarlem["langdurigRelatiefVerzuim.verhuisdOfOverleden"] == 0
    # Zandvoort: L4, new, closed because the pupil moved.
    assert zandvoort["langdurigRelatiefVerzuim.totaal"] == 1
    assert zandvoort["langdurigRelatiefVerzuim.nieuw"] == 1
    assert zandvoort["langdurigRelatiefVerzuim.verhuisdOfOverleden"] == 1
    # Amsterdam: L6 died on 10 Apr 2026 → the case ended then (not > 3 months).
    assert amsterdam["langdurigRelatiefVerzuim.totaal"] == 1
    assert amsterdam["langdurigRelatiefVerzuim.verhuisdOfOverleden"] == 1
    assert amsterdam["langdurigRelatiefVerzuim.langerDan3Maanden"] == 0


def test_lrv_in_het_lopende_schooljaar(wereld):
    # 2026-2027 up to today (1 Oct 2026): only L1 is still running (at the start, > 3 months).
    t = bereken(Periode(Schooljaar(2026)), [wereld.w.g["GM0392"]])
    assert _rij(t, "GM0392")["langdurigRelatiefVerzuim.totaal"] == 1
    assert _rij(t, "GM0392")["langdurigRelatiefVerzuim.bijAanvang"] == 1


def test_vrijstellingen(wereld):
    haarlem = _rij(bereken(SJ, [wereld.w.g["GM0392"]]), "GM0392")
    assert haarlem["vrijstellingen.5a"] == 1  # V1 (its next-year vrijstelling is not counted)
    assert haarlem["vrijstellingen.3a"] == 1  # V2, open-ended
    assert haarlem["vrijstellingen.5b"] == 0  # V3 ended 31 Jul 2025
    assert haarlem["vervangendeLeerplicht"] == 1


def test_leerplichtigen_op_de_peildatum(wereld):
    t = bereken(SJ, wereld.w.g.values())
    # Pupils made with w_.leerling (born 2012 or 2014, living in the gemeente): Haarlem p1 p2
    # p3 p4 p5 p6 l1 l2 l3 l5 v1 v2 v3 = 13 — but p5 moved in from Amsterdam on 15 Jan 2026,
    # after the peildatum: 12. Plus the edge persons: born 30-09-2020 and 02-10-2007 = 14.
    # Not: born 01-10-2020 (leerplicht from 1 Nov), 01-10-2007 (18), the one who died, the
    # one with a havo diploma, and the mover (in Amsterdam on 1 Oct 2025).
    assert _rij(t, "GM0392")["leerplichtigen"] == 14
    # Amsterdam: p7, l6 (died only in April 2026), p5 and the mover = 4; Zandvoort: l4.
    assert _rij(t, "GM0363")["leerplichtigen"] == 4
    assert _rij(t, "GM0473")["leerplichtigen"] == 1


def test_bronnen_die_er_niet_zijn_geven_none_niet_nul(wereld, settings):
    from verzuim.cijfers.bronnen import dossiers, signalen

    t = bereken(SJ, [wereld.w.g["GM0392"]])
    for bron in (signalen.BRON, dossiers.BRON):
        if bron.beschikbaar() is None:
            continue
        naam = bron.naam
        assert "nog niet" in t.niet_beschikbaar[naam]
        sleutels = [d.sleutel for d in t.definities if d.bron == naam]
        assert sleutels and all(_rij(t, "GM0392")[k] is None for k in sleutels)
        assert all(t.totaal[k] is None for k in sleutels)


def test_schooljaar_lezen():
    clock.set_today(w_.VANDAAG)
    assert lees_schooljaar("2025-2026") == Schooljaar(2025)
    assert lees_schooljaar(None) == Schooljaar(2026)
    for fout in ("2025-2027", "2025", "25-26", "2027-2028"):
        with pytest.raises(ValueError):
            lees_schooljaar(fout)
