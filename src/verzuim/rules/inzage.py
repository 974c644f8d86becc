"""The statutory deadline of an inzage request (R-PR-3; AVG art. 12 lid 3).

The controller answers "without undue delay and in any event within one month of receipt".
A period in months ends on the same day of the month as the day of receipt; when that day
does not exist in the last month, on that month's last day (Regulation 1182/71 art. 3(2)(c)
and the Algemene termijnenwet reading): 31 January → 28 (29) February, 30 March → 30 April.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ._datum import nl
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


__all__ = ["InzageTermijn", "inzage_termijn", "maanden_later"]
