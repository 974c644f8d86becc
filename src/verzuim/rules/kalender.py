"""School calendar and lesweken (R-CAL-1, R-CAL-2, R-CAL-5).

A school's calendar is its holiday region's holidays (``data/schoolvakanties.csv``,
both dates inclusive) + public holidays (configurable) + its own deviations: extra
closed days (studiedagen) and its own dates for the advisory holidays (herfst,
voorjaar). Weekends are never school days. A **lesweek** is a Monday–Sunday week with
at least one school day.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from ._datum import EEN_DAG, Schooljaar, maandag_van, nl, plus_dagen, schooljaar_van
from .decisions import Decision, Reason

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
VAKANTIES_CSV = DATA_DIR / "schoolvakanties.csv"
GEMEENTE_REGIO_CSV = DATA_DIR / "gemeente-vakantieregio.csv"

REGIO_S = ("noord", "midden", "zuid")


@dataclass(frozen=True)
class Vakantie:
    """A holiday period; ``startdatum`` and ``einddatum`` are both inclusive."""

    schooljaar: str
    vakantie: str
    regio: str
    startdatum: dt.date
    einddatum: dt.date
    landelijk: bool = False
    status: str = "verplicht"  # "verplicht" (OCW) or "advies" (school may deviate)

    def bevat(self, d: dt.date) -> bool:
        return self.startdatum <= d <= self.einddatum


@dataclass(frozen=True)
class VrijePeriode:
    """A school's own closed day(s): studiedag, extra vrije dag (both dates inclusive)."""

    startdatum: dt.date
    einddatum: dt.date
    omschrijving: str = "studiedag"

    def bevat(self, d: dt.date) -> bool:
        return self.startdatum <= d <= self.einddatum


@dataclass(frozen=True)
class Afwijkingen:
    """A school's deviations from its region (R-CAL-2).

    ``vrije_dagen``: extra closed days. ``eigen_vakanties``: the school's own dates for
    an advisory holiday; each replaces the region's holiday with the same schooljaar and
    name (only ``advies`` holidays may be moved).
    """

    vrije_dagen: tuple[VrijePeriode, ...] = ()
    eigen_vakanties: tuple[Vakantie, ...] = ()


@cache
def _alle_vakanties() -> tuple[Vakantie, ...]:
    with VAKANTIES_CSV.open(encoding="utf-8", newline="") as f:
        return tuple(
            Vakantie(
                schooljaar=row["schooljaar"],
                vakantie=row["vakantie"],
                regio=row["regio"],
                startdatum=dt.date.fromisoformat(row["startdatum"]),
                einddatum=dt.date.fromisoformat(row["einddatum"]),
                landelijk=row["landelijk"] == "ja",
                status=row["status"],
            )
            for row in csv.DictReader(f)
        )


def laad_vakanties(regio: str) -> tuple[Vakantie, ...]:
    """The holidays of one region (noord / midden / zuid) from the data file."""
    if regio not in REGIO_S:
        raise ValueError(f"onbekende vakantieregio {regio!r}; kies uit {', '.join(REGIO_S)}")
    return tuple(v for v in _alle_vakanties() if v.regio == regio)


@cache
def _gemeente_regio() -> dict[str, str]:
    with GEMEENTE_REGIO_CSV.open(encoding="utf-8", newline="") as f:
        return {row["gemeentecode"]: row["vakantieregio"] for row in csv.DictReader(f)}


def regio_van_gemeente(gemeentecode: str) -> str:
    """Holiday region of a gemeente (``GM0363`` or ``0363``) → noord / midden / zuid."""
    code = gemeentecode if gemeentecode.upper().startswith("GM") else f"GM{gemeentecode}"
    try:
        return _gemeente_regio()[code.upper()]
    except KeyError:
        raise ValueError(f"onbekende gemeentecode {gemeentecode!r}") from None


def _pasen(jaar: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    maand, dag = divmod(h + ll - 7 * m + 114, 31)
    return dt.date(jaar, maand, dag + 1)


@cache
def feestdagen(jaar: int) -> dict[dt.date, str]:
    """Public holidays on which schools are closed (weekday ones matter).

    Included: Nieuwjaarsdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag (lustrum years),
    Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag. Not included: Goede
    Vrijdag and the Friday after Hemelvaart (they differ per school: use ``Afwijkingen``).
    """
    if not (dt.MINYEAR < jaar < dt.MAXYEAR):
        return {}
    pasen = _pasen(jaar)
    koningsdag = dt.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = dt.date(jaar, 4, 26)
    dagen = {
        dt.date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen + EEN_DAG: "Tweede Paasdag",
        koningsdag: "Koningsdag",
        pasen + dt.timedelta(days=39): "Hemelvaartsdag",
        pasen + dt.timedelta(days=50): "Tweede Pinksterdag",
        dt.date(jaar, 12, 25): "Eerste Kerstdag",
        dt.date(jaar, 12, 26): "Tweede Kerstdag",
    }
    if jaar % 5 == 0:
        dagen[dt.date(jaar, 5, 5)] = "Bevrijdingsdag"
    return dagen


@dataclass(frozen=True, kw_only=True)
class Venster(Decision):
    """A window of lesweken ending on ``einddatum`` (R-CAL-3, explainable per R-CAL-5).

    ``lesweken`` are the Mondays of the lesweken used (oldest first); ``overgeslagen``
    the weekdays in the window that are no school day, with why.
    """

    startdatum: dt.date
    einddatum: dt.date
    lesweken: tuple[dt.date, ...]
    overgeslagen: tuple[tuple[dt.date, str], ...] = ()

    @property
    def overgeslagen_data(self) -> tuple[dt.date, ...]:
        return tuple(d for d, _ in self.overgeslagen)


#: Stop searching back for lesweken after this many weeks (a calendar without school days).
_MAX_ZOEKWEKEN = 104


@dataclass(frozen=True)
class SchoolKalender:
    """The calendar of one school (vestiging): region + public holidays + deviations."""

    regio: str
    vakanties: tuple[Vakantie, ...] | None = None
    afwijkingen: Afwijkingen = field(default_factory=Afwijkingen)
    met_feestdagen: bool = True

    @classmethod
    def voor_gemeente(cls, gemeentecode: str, **kwargs) -> SchoolKalender:
        return cls(regio_van_gemeente(gemeentecode), **kwargs)

    @cached_property
    def _vakanties(self) -> tuple[Vakantie, ...]:
        basis = self.vakanties if self.vakanties is not None else laad_vakanties(self.regio)
        eigen = {(v.schooljaar, v.vakantie): v for v in self.afwijkingen.eigen_vakanties}
        for v in basis:
            if (v.schooljaar, v.vakantie) in eigen and v.status != "advies":
                raise ValueError(
                    f"de {v.vakantie} {v.schooljaar} is verplicht (OCW) en kan niet worden verschoven"
                )
        return tuple(v for v in basis if (v.schooljaar, v.vakantie) not in eigen) + tuple(
            eigen.values()
        )

    @cached_property
    def _schooljaren_met_gegevens(self) -> frozenset[str]:
        return frozenset(v.schooljaar for v in self._vakanties)

    def heeft_gegevens(self, d: dt.date) -> bool:
        """Whether holiday data exist for the schooljaar of ``d``."""
        return schooljaar_van(d).label in self._schooljaren_met_gegevens

    @cached_property
    def _vrij(self) -> dict[dt.date, str | None]:
        return {}

    def reden_vrij(self, d: dt.date) -> str | None:
        """Why ``d`` is no school day (weekend, holiday name, feestdag, studiedag), or None.
        Remembered per calendar: jobs ask the same days for thousands of pupils."""
        try:
            return self._vrij[d]
        except KeyError:
            reden = self._vrij[d] = self._reden_vrij(d)
            return reden

    def _reden_vrij(self, d: dt.date) -> str | None:
        if d.weekday() >= 5:
            return "weekend"
        for v in self._vakanties:
            if v.bevat(d):
                return v.vakantie
        if self.met_feestdagen and d in feestdagen(d.year):
            return feestdagen(d.year)[d]
        for p in self.afwijkingen.vrije_dagen:
            if p.bevat(d):
                return p.omschrijving
        return None

    def is_schooldag(self, d: dt.date) -> bool:
        return self.reden_vrij(d) is None

    def schooldagen(self, van: dt.date, tot: dt.date) -> tuple[dt.date, ...]:
        """School days from ``van`` to ``tot``, both inclusive."""
        dagen = []
        d = van
        while d <= tot:
            if self.is_schooldag(d):
                dagen.append(d)
            if d == dt.date.max:
                break
            d += EEN_DAG
        return tuple(dagen)

    def is_lesweek(self, d: dt.date) -> bool:
        """Whether the Monday–Sunday week containing ``d`` has a school day (R-CAL-1)."""
        maandag = maandag_van(d)
        return any(self.is_schooldag(plus_dagen(maandag, i)) for i in range(5))

    def lesweken(self, van: dt.date, tot: dt.date) -> tuple[dt.date, ...]:
        """Mondays of the lesweken that overlap ``van``..``tot``."""
        weken = []
        maandag = maandag_van(van)
        while maandag <= tot:
            if self.is_lesweek(maandag):
                weken.append(maandag)
            volgende = plus_dagen(maandag, 7)
            if volgende == maandag:
                break
            maandag = volgende
        return tuple(weken)

    def lesweek_index(self, d: dt.date) -> int | None:
        """1-based number of the lesweek of ``d`` within its schooljaar, None if no lesweek.

        The week in which the schooljaar starts (1 August) counts to that schooljaar.
        """
        if not self.is_lesweek(d):
            return None
        return len(self.lesweken(schooljaar_van(d).begindatum, d))

    def eerste_lesweken(self, schooljaar: Schooljaar | str, aantal: int = 2) -> tuple[dt.date, ...]:
        """Mondays of the first ``aantal`` lesweken of a schooljaar (used by R-VL-1)."""
        sj = Schooljaar.uit_label(schooljaar) if isinstance(schooljaar, str) else schooljaar
        weken: list[dt.date] = []
        maandag = maandag_van(sj.begindatum)
        while len(weken) < aantal and maandag <= sj.einddatum:
            if self.is_lesweek(maandag) and plus_dagen(maandag, 6) >= sj.begindatum:
                weken.append(maandag)
            maandag = plus_dagen(maandag, 7)
        return tuple(weken)

    def eerste_twee_lesweken(self, schooljaar: Schooljaar | str) -> tuple[dt.date, ...]:
        return self.eerste_lesweken(schooljaar, 2)

    def venster_4_lesweken(self, einddatum: dt.date, aantal: int = 4) -> Venster:
        """The window of ``aantal`` consecutive lesweken ending on ``einddatum``.

        The window holds the lesweek containing ``einddatum`` (or, when that week is no
        lesweek, the last lesweek before it) and the ``aantal - 1`` lesweken before it;
        holiday weeks in between are skipped (R-CAL-1: "vakantiedagen tellen niet mee").
        """
        weken: list[dt.date] = []
        maandag = maandag_van(einddatum)
        for _ in range(_MAX_ZOEKWEKEN):
            if len(weken) == aantal:
                break
            if self.is_lesweek(maandag):
                weken.append(maandag)
            vorige = plus_dagen(maandag, -7)
            if vorige == maandag:
                break
            maandag = vorige
        weken.reverse()
        startdatum = weken[0] if weken else einddatum
        overgeslagen = []
        d = startdatum
        while d <= einddatum:
            reden = self.reden_vrij(d)
            if reden is not None and reden != "weekend":
                overgeslagen.append((d, reden))
            if d == dt.date.max:
                break
            d += EEN_DAG
        reasons = [
            Reason(
                "R-CAL-1",
                f"Venster van {len(weken)} lesweken van {nl(startdatum)} tot en met "
                f"{nl(einddatum)} (regio {self.regio}); een week zonder schooldag is geen lesweek.",
            )
        ]
        if overgeslagen:
            namen = sorted({r for _, r in overgeslagen})
            reasons.append(
                Reason(
                    "R-CAL-5",
                    f"{len(overgeslagen)} werkdagen zonder les overgeslagen ({', '.join(namen)}); "
                    "vakantiedagen tellen niet mee.",
                )
            )
        if len(weken) < aantal:
            reasons.append(
                Reason("R-CAL-1", f"Slechts {len(weken)} lesweken gevonden in de zoekperiode.")
            )
        zonder = sorted({schooljaar_van(w).label for w in weken if not self.heeft_gegevens(w)})
        if zonder:
            reasons.append(
                Reason(
                    "R-CAL-2",
                    f"Geen vakantiegegevens voor schooljaar {', '.join(zonder)}: "
                    "alleen weekenden, feestdagen en eigen vrije dagen tellen als vrij.",
                )
            )
        return Venster(
            startdatum=startdatum,
            einddatum=einddatum,
            lesweken=tuple(weken),
            overgeslagen=tuple(overgeslagen),
            reasons=tuple(reasons),
        )


__all__ = [
    "Afwijkingen",
    "SchoolKalender",
    "Schooljaar",
    "Vakantie",
    "Venster",
    "VrijePeriode",
    "feestdagen",
    "laad_vakanties",
    "regio_van_gemeente",
    "schooljaar_van",
]
