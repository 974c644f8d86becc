"""Date helpers shared by the rules: birthdays (29 February), ages, schooljaren.

Nothing here raises for a valid ``date``: results beyond ``date.max`` / before
``date.min`` are clamped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EEN_DAG = dt.timedelta(days=1)


def verjaardag(geboortedatum: dt.date, leeftijd: int) -> dt.date:
    """The date on which a person reaches ``leeftijd`` years.

    Born on 29 February: in a non-leap year the birthday is 1 March (the person has
    not reached the age on 28 February). This is the usual reading in Dutch practice.
    """
    jaar = geboortedatum.year + leeftijd
    if jaar > dt.MAXYEAR:
        return dt.date.max
    if jaar < dt.MINYEAR:
        return dt.date.min
    try:
        return geboortedatum.replace(year=jaar)
    except ValueError:  # 29 February in a non-leap year
        return dt.date(jaar, 3, 1)


def leeftijd(geboortedatum: dt.date, op: dt.date) -> int:
    """Completed years on ``op`` (negative before birth)."""
    jaren = op.year - geboortedatum.year
    if op < verjaardag(geboortedatum, jaren):
        jaren -= 1
    return jaren


def dag_ervoor(d: dt.date) -> dt.date:
    return d if d == dt.date.min else d - EEN_DAG


def dag_erna(d: dt.date) -> dt.date:
    return d if d == dt.date.max else d + EEN_DAG


def plus_dagen(d: dt.date, dagen: int) -> dt.date:
    try:
        return d + dt.timedelta(days=dagen)
    except OverflowError:
        return dt.date.max if dagen > 0 else dt.date.min


def eerste_van_volgende_maand(d: dt.date) -> dt.date:
    if d.month == 12:
        return dt.date.max if d.year == dt.MAXYEAR else dt.date(d.year + 1, 1, 1)
    return dt.date(d.year, d.month + 1, 1)


def maandag_van(d: dt.date) -> dt.date:
    return plus_dagen(d, -d.weekday())


def nl(d: dt.date | None) -> str:
    """A date as the UI writes it: dd-mm-jjjj."""
    if d is None:
        return "onbepaald"
    return f"{d.day:02d}-{d.month:02d}-{d.year}"  # as strftime("%d-%m-%Y"), 3x faster


@dataclass(frozen=True, order=True)
class Schooljaar:
    """A schooljaar runs from 1 August to 31 July (R-LP-1); named by its first year."""

    startjaar: int

    @property
    def begindatum(self) -> dt.date:
        if self.startjaar < dt.MINYEAR:
            return dt.date.min
        return dt.date(self.startjaar, 8, 1)

    @property
    def einddatum(self) -> dt.date:
        if self.startjaar >= dt.MAXYEAR:
            return dt.date.max
        return dt.date(self.startjaar + 1, 7, 31)

    @property
    def label(self) -> str:
        return f"{self.startjaar}-{self.startjaar + 1}"

    def bevat(self, d: dt.date) -> bool:
        return schooljaar_van(d) == self

    def __str__(self) -> str:
        return self.label

    @classmethod
    def uit_label(cls, label: str) -> Schooljaar:
        return cls(int(label.split("-")[0]))


def schooljaar_van(d: dt.date) -> Schooljaar:
    """The schooljaar a date falls in (R-LP-1: 1 August – 31 July)."""
    return Schooljaar(d.year if d.month >= 8 else d.year - 1)
