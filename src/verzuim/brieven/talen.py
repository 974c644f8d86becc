"""Letter languages as data: one TOML file per language in ``talen/`` (ISO 639-1 code as
the file name) with the labels of the letter frame, the month names, the date and time
format, and the shipped default texts per letter kind and recipient. A language without
default texts is fine: organisations then write their own templates in it.

Letters write dates in full ("4 december 2026", "4 December 2026"): the usual form in
correspondence, and not misread as month-day by an English reader (docs/decisions.md)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MAP = Path(__file__).parent / "talen"
LABELS = (
    "datum",
    "kenmerk",
    "betreft",
    "pagina",
    "telefoon",
    "email",
    "website",
    "voorbeeld",
    "retouradres",
    # Addressing a letter from a dossier: the parents, care of a school, a reference to come.
    "ouders_van",
    "per_adres",
    "kenmerk_volgt",
)


@dataclass(frozen=True)
class Taal:
    code: str
    naam: str
    maanden: tuple[str, ...]
    datumformaat: str
    tijdformaat: str
    labels: dict[str, str]
    # {(soort, ontvanger): (onderwerp, tekst)}
    sjablonen: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def datum(self, d: dt.date) -> str:
        return self.datumformaat.format(dag=d.day, maand=self.maanden[d.month - 1], jaar=d.year)

    def tijd(self, t: dt.time) -> str:
        return self.tijdformaat.format(uur=t.hour, minuut=t.minute)

    def label(self, naam: str, **waarden) -> str:
        return self.labels[naam].format(**waarden)


def _lees(pad: Path) -> Taal:
    data = tomllib.loads(pad.read_text(encoding="utf-8"))
    sjablonen = {
        (soort, ontvanger): (t["onderwerp"].strip(), t["tekst"].strip())
        for soort, per_ontvanger in data.get("sjablonen", {}).items()
        for ontvanger, t in per_ontvanger.items()
    }
    ontbreekt = [label for label in LABELS if label not in data["labels"]]
    if ontbreekt or len(data["maanden"]) != 12:
        raise ValueError(f"{pad.name}: labels {ontbreekt} of 12 maanden ontbreken")
    return Taal(
        code=pad.stem,
        naam=data["naam"],
        maanden=tuple(data["maanden"]),
        datumformaat=data["datum"],
        tijdformaat=data["tijd"],
        labels=dict(data["labels"]),
        sjablonen=sjablonen,
    )


@cache
def talen() -> dict[str, Taal]:
    """Every language shipped, Dutch first."""
    alle = {p.stem: _lees(p) for p in sorted(MAP.glob("*.toml"))}
    return {"nl": alle.pop("nl"), **alle}


def taal(code: str) -> Taal:
    return talen()[code]


def keuzes() -> list[tuple[str, str]]:
    return [(t.code, t.naam) for t in talen().values()]
