"""Fixtures of the cijfers tests: today is 1 Oct 2026 and the hand-built world (wereld.py)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from verzuim import clock

from . import wereld as w_

D = dt.date


@pytest.fixture(autouse=True)
def _vandaag():
    clock.set_today(w_.VANDAAG)
    yield
    clock.set_today(None)


@pytest.fixture
def wereld(db):
    w = w_.maak_organisaties()
    ll = SimpleNamespace()
    # --- relatief verzuim ---
    # P1: two 16-uur meldingen in Haarlem → 2 meldingen, 1 leerling (unique across two).
    ll.p1 = w_.leerling(w)
    w_.melding(w, ll.p1, "16-uur", D(2025, 10, 6))
    w_.melding(w, ll.p1, "16-uur", D(2026, 2, 2), status="afgesloten", gesloten=D(2026, 3, 1))
    # P2: 16-uur and luxe in Haarlem → 2 meldingen, 1 leerling, 1 luxe leerling.
    ll.p2 = w_.leerling(w, soort="vmbo")
    w_.melding(w, ll.p2, "16-uur", D(2025, 11, 3))
    w_.melding(w, ll.p2, "luxe", D(2026, 5, 18))
    # P3: only `overig` → not counted anywhere (R-FG-1a).
    ll.p3 = w_.leerling(w)
    w_.melding(w, ll.p3, "overig", D(2025, 12, 1))
    # P4: a withdrawn 16-uur melding → not counted.
    ll.p4 = w_.leerling(w)
    w_.melding(w, ll.p4, "16-uur", D(2026, 1, 12), status="ingetrokken", gesloten=D(2026, 1, 20))
    # P5 moved from Amsterdam to Haarlem mid-year: a melding in each gemeente. Meldingen count
    # where handled (Amsterdam 1, Haarlem 1); the pupil once, at the last: Haarlem. Her last
    # onderwijssoort is po (enrolled at the Amsterdam primary school only).
    ll.p5 = w_.leerling(
        w, "0392", D(2014, 3, 3), vestiging=w.vestiging_po, soort="po",
        verhuizingen=[{"datum": "2014-03-03", "gemeente": "0363"},
                      {"datum": "2026-01-15", "gemeente": "0392"}],
    )  # fmt: skip
    w_.melding(
        w, ll.p5, "16-uur", D(2025, 10, 13), gemeente="GM0363", vestiging=w.vestiging_po,
        status="afgesloten", gesloten=D(2025, 11, 30),
    )  # fmt: skip
    w_.melding(w, ll.p5, "16-uur", D(2026, 3, 9), vestiging=w.vestiging_po)
    # P6: begindatum in the previous schooljaar (received in August) → 2024-2025, not here.
    ll.p6 = w_.leerling(w)
    w_.melding(w, ll.p6, "16-uur", D(2025, 7, 7), ontvangen=D(2025, 8, 20))
    # P7: a forwarded melding, Haarlem → Amsterdam: counts in Amsterdam (the last handler).
    ll.p7 = w_.leerling(w, "0363")
    m7 = w_.melding(w, ll.p7, "luxe", D(2026, 4, 20))
    w_.doorsturen(w, m7, "GM0363", D(2026, 5, 1))

    # --- langdurig relatief verzuim (Haarlem unless said) ---
    # L1 began 1 May 2025, still open: running at the start, > 3 months (open on 1 Aug).
    ll.l1 = w_.leerling(w)
    w_.melding(w, ll.l1, "langdurig", D(2025, 5, 1), status="in-behandeling")
    # L2 3 Nov – 15 Dec 2025: new, 6 weeks.
    ll.l2 = w_.leerling(w)
    w_.melding(w, ll.l2, "langdurig", D(2025, 11, 3), status="afgesloten", gesloten=D(2025, 12, 15))
    # L3 5 Jan – 30 Jun 2026 with a vervolgmelding (one case): new, resolved after > 3 months.
    ll.l3 = w_.leerling(w)
    w_.melding(w, ll.l3, "langdurig", D(2026, 1, 5), status="afgesloten", gesloten=D(2026, 3, 1))
    w_.melding(w, ll.l3, "langdurig", D(2026, 3, 2), status="afgesloten", gesloten=D(2026, 6, 30))
    # L4 in Zandvoort (dienst): 2 Feb – 20 Mar 2026, closed because the pupil moved away.
    ll.l4 = w_.leerling(w, "0473")
    w_.melding(
        w, ll.l4, "langdurig", D(2026, 2, 2), gemeente="GM0473", ontvanger=w.dienst,
        status="afgesloten", gesloten=D(2026, 3, 20), reden="verhuisd",
    )  # fmt: skip
    # L5 1 Mar – 1 Jun 2025: over before the schooljaar → not counted.
    ll.l5 = w_.leerling(w)
    w_.melding(w, ll.l5, "langdurig", D(2025, 3, 1), status="afgesloten", gesloten=D(2025, 6, 1))
    # L6 in Amsterdam: began 2 Mar 2026, the pupil died 10 Apr 2026 (BRP): new, overleden.
    ll.l6 = w_.leerling(w, "0363", overleden=D(2026, 4, 10))
    w_.melding(w, ll.l6, "langdurig", D(2026, 3, 2), gemeente="GM0363")

    # --- vrijstellingen ---
    ll.v1 = w_.leerling(w)
    w_.vrijstelling(ll.v1, "5a", D(2025, 8, 1), D(2026, 7, 31), w.g["GM0392"])
    w_.vrijstelling(ll.v1, "5a", D(2026, 8, 1), D(2027, 7, 31), w.g["GM0392"])  # next year
    ll.v2 = w_.leerling(w)
    w_.vrijstelling(ll.v2, "3a", D(2025, 9, 1), None, w.g["GM0392"])
    ll.v3 = w_.leerling(w)
    w_.vrijstelling(ll.v3, "5b", D(2024, 8, 1), D(2025, 7, 31), w.g["GM0392"])  # last year

    # --- leerplichtigen on the peildatum 1 Oct 2025 (besides the pupils above) ---
    w_.persoon("0392", D(2020, 9, 30))  # leerplicht began 1 Oct 2025: counted
    w_.persoon("0392", D(2020, 10, 1))  # begins 1 Nov 2025: not yet
    w_.persoon("0392", D(2007, 10, 1))  # 18 on the peildatum: no longer
    w_.persoon("0392", D(2007, 10, 2))  # 17: counted
    w_.persoon("0392", D(2012, 1, 1), overleden=D(2025, 9, 1))  # died before: not
    # Moved Amsterdam → Haarlem on 15 Jan 2026: on the peildatum still in Amsterdam.
    w_.persoon("0392", D(2013, 1, 1), verhuizingen=[{"datum": "2013-01-01", "gemeente": "0363"},
                                                    {"datum": "2026-01-15", "gemeente": "0392"}])  # fmt: skip
    sk = w_.leerling(w, geboren=D(2008, 3, 1))
    w_.diploma(sk, "havo", D(2025, 7, 10))  # startkwalificatie before the peildatum: not
    return SimpleNamespace(w=w, ll=ll)
