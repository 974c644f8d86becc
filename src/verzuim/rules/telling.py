"""Counting rules of the leerplichttelling (R-FG-1, R-FG-1a, R-SG-3): how a case (an LRV
melding chain, an absoluut-verzuim signal) that runs over time is classified for one
schooljaar. Pure: dates in, classification with reasons out.

A *period* is the span a case lasted: from ``begin`` up to and including ``laatste_dag``
(None while it is still open). The telling looks at the schooljaar up to ``eind`` (31 July,
or today while the year runs).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ._datum import nl
from .decisions import Decision, Reason

DRIE_MAANDEN = 3


def plus_maanden(d: dt.date, maanden: int) -> dt.date:
    """The same day ``maanden`` calendar months later (clamped to the month's last day)."""
    m = d.month - 1 + maanden
    jaar, maand = d.year + m // 12, m % 12 + 1
    return dt.date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


@dataclass(frozen=True)
class Periode:
    begin: dt.date
    laatste_dag: dt.date | None  # None: still open

    def tot(self, eind: dt.date) -> dt.date:
        """The last day the period is known to have lasted, looking no further than `eind`."""
        return eind if self.laatste_dag is None else min(self.laatste_dag, eind)

    def overlapt(self, begin: dt.date, eind: dt.date) -> bool:
        return self.begin <= eind and (self.laatste_dag is None or self.laatste_dag >= begin)


def langer_dan_drie_maanden(periode: Periode, eind: dt.date) -> bool:
    """R-SG-3/R-FG-1: the case still lasted on the day three calendar months after it began
    (looking no further than `eind`)."""
    return periode.tot(eind) >= plus_maanden(periode.begin, DRIE_MAANDEN)


def samenvoegen(perioden: Iterable[Periode]) -> list[Periode]:
    """Overlapping or adjacent periods of one person (a melding and its vervolgmeldingen)
    are one continuous case."""
    uit: list[Periode] = []
    for p in sorted(perioden, key=lambda p: p.begin):
        if uit:
            vorige = uit[-1]
            if vorige.laatste_dag is None or p.begin <= vorige.laatste_dag + dt.timedelta(days=1):
                laatste = (
                    None
                    if vorige.laatste_dag is None or p.laatste_dag is None
                    else max(vorige.laatste_dag, p.laatste_dag)
                )
                uit[-1] = Periode(vorige.begin, laatste)
                continue
        uit.append(p)
    return uit


@dataclass(frozen=True, kw_only=True)
class Indeling(Decision):
    """How one person's cases count in one schooljaar (R-FG-1a for LRV; R-SG-3)."""

    telt: bool
    bij_aanvang: bool = False  # a case was running on the first day of the schooljaar
    nieuw: bool = False  # not running at the start; a case began in the schooljaar
    langer_dan_drie_maanden: bool = False
    lopend: bool = False  # still open at the end of the count


def deel_in(perioden: Iterable[Periode], begin: dt.date, eind: dt.date) -> Indeling:
    """Classify one person's cases for the schooljaar ``begin``..``eind``."""
    gevallen = [p for p in samenvoegen(perioden) if p.overlapt(begin, eind)]
    if not gevallen:
        return Indeling(
            telt=False,
            reasons=(Reason("R-FG-1a", "Geen geval in dit schooljaar."),),
        )
    redenen = []
    bij_aanvang = any(p.begin < begin for p in gevallen)
    if bij_aanvang:
        redenen.append(
            Reason("R-FG-1a", f"Liep al bij de aanvang van het schooljaar ({nl(begin)}).")
        )
    else:
        redenen.append(Reason("R-FG-1a", f"Nieuw geval, begonnen op {nl(gevallen[0].begin)}."))
    lang = any(langer_dan_drie_maanden(p, eind) for p in gevallen)
    if lang:
        redenen.append(Reason("R-SG-3", "Langer dan 3 maanden aaneengesloten."))
    lopend = any(p.laatste_dag is None or p.laatste_dag >= eind for p in gevallen)
    return Indeling(
        telt=True,
        bij_aanvang=bij_aanvang,
        nieuw=not bij_aanvang,
        langer_dan_drie_maanden=lang,
        lopend=lopend,
        reasons=tuple(redenen),
    )
