"""Inzage: the statutory deadline of a request (R-PR-3; AVG art. 12 lid 3) and what a
requester other than the pupil may learn of a pupil of 16 or older (R-PR-2a).

The controller answers "without undue delay and in any event within one month of receipt".
A period in months ends on the same day of the month as the day of receipt; when that day
does not exist in the last month, on that month's last day (Regulation 1182/71 art. 3(2)(c)
and the Algemene termijnenwet reading): 31 January → 28 (29) February, 30 March → 30 April.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ._datum import leeftijd, nl, verjaardag
from .decisions import Decision, Reason


@dataclass(frozen=True, kw_only=True)
class InzageTermijn(Decision):
    uiterlijk: dt.date


def maanden_later(d: dt.date, maanden: int) -> dt.date:
    """The same day `maanden` months later, or that month's last day."""
    index = d.year * 12 + d.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    dag = min(d.day, calendar.monthrange(jaar, maand + 1)[1])
    return dt.date(jaar, maand + 1, dag)


def inzage_termijn(ontvangen: dt.date) -> InzageTermijn:
    uiterlijk = maanden_later(ontvangen, 1)
    return InzageTermijn(
        uiterlijk=uiterlijk,
        reasons=(
            Reason(
                "R-PR-3",
                f"Inzageverzoek ontvangen op {nl(ontvangen)}: antwoord binnen één maand "
                f"(AVG art. 12 lid 3), uiterlijk {nl(uiterlijk)}.",
            ),
        ),
    )


#: R-PR-2a: from this age the pupil's own reasons are the pupil's to share.
LEEFTIJD_EIGEN_REDENEN = 16


@dataclass(frozen=True, kw_only=True)
class Reikwijdte(Decision):
    """Whether an inzage export may include the reasons and reports (why the pupil was
    absent, what was said in a talk, a phase report, a working note's text) or only that
    and when verzuim occurred and what was done."""

    redenen: bool


def reikwijdte(
    *,
    verzoeker_is_leerling: bool,
    geboortedatum: dt.date | None,
    op: dt.date,
    toestemming_leerling: bool,
) -> Reikwijdte:
    """R-PR-2a: a parent (or anyone but the pupil) of a pupil of 16 or older learns that
    and when verzuim occurred, not the pupil's reasons, unless the pupil consented. The age
    counts on ``op`` (the day the export is made). An unknown birth date is treated as 16+:
    without the date, the reasons are not given without consent."""
    if verzoeker_is_leerling:
        return Reikwijdte(
            redenen=True,
            reasons=(Reason("R-PR-3", "De leerling vraagt zelf inzage: alles wordt verstrekt."),),
        )
    if geboortedatum is not None and leeftijd(geboortedatum, op) < LEEFTIJD_EIGEN_REDENEN:
        grens = verjaardag(geboortedatum, LEEFTIJD_EIGEN_REDENEN)
        return Reikwijdte(
            redenen=True,
            reasons=(
                Reason(
                    "R-PR-2a",
                    f"De leerling is op {nl(op)} jonger dan {LEEFTIJD_EIGEN_REDENEN} jaar "
                    f"(wordt {LEEFTIJD_EIGEN_REDENEN} op {nl(grens)}): de ouder krijgt ook de "
                    "redenen en verslagen.",
                ),
            ),
        )
    leeftijd_tekst = (
        f"is op {nl(op)} {LEEFTIJD_EIGEN_REDENEN} jaar of ouder"
        if geboortedatum is not None
        else "heeft geen bekende geboortedatum"
    )
    if toestemming_leerling:
        return Reikwijdte(
            redenen=True,
            reasons=(
                Reason(
                    "R-PR-2a",
                    f"De leerling {leeftijd_tekst} en heeft toestemming gegeven: de redenen en "
                    "verslagen worden verstrekt.",
                ),
            ),
        )
    return Reikwijdte(
        redenen=False,
        reasons=(
            Reason(
                "R-PR-2a",
                f"De leerling {leeftijd_tekst} en heeft geen toestemming gegeven: het overzicht "
                "laat zien dat en wanneer verzuim was en wat er is gedaan, niet de redenen en "
                "verslagen.",
            ),
        ),
    )


__all__ = [
    "LEEFTIJD_EIGEN_REDENEN",
    "InzageTermijn",
    "Reikwijdte",
    "inzage_termijn",
    "maanden_later",
    "reikwijdte",
]
