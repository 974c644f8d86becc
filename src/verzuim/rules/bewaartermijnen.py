"""Retention end dates (R-PR-4), defaults after the Selectielijst gemeenten.

``vernietigen_vanaf`` is the first day on which the data are due for destruction:
the anniversary (N years after) of the starting event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ._datum import nl, verjaardag
from .decisions import Decision, Reason

Categorie = Literal["leerplicht", "kwalificatieplicht", "rmc", "wpg"]


@dataclass(frozen=True)
class BewaarPolicy:
    leerplicht_jaren_na_geboorte: int = 19  # Selectielijst 12.1.3
    kwalificatieplicht_jaren_na_einde: int = 2  # Selectielijst 12.1.4
    rmc_jaren: int = 2  # after startkwalificatie or 23rd birthday
    wpg_jaren: int = 5  # after first processing by a BOA


@dataclass(frozen=True, kw_only=True)
class BewaarBeslissing(Decision):
    categorie: Categorie
    vernietigen_vanaf: dt.date


def _besluit(categorie: Categorie, start: dt.date, jaren: int, uitleg: str) -> BewaarBeslissing:
    datum = verjaardag(start, jaren)
    return BewaarBeslissing(
        categorie=categorie,
        vernietigen_vanaf=datum,
        reasons=(Reason("R-PR-4", f"{uitleg}; vernietigen vanaf {nl(datum)}."),),
    )


def bewaartermijn_leerplicht(
    geboortedatum: dt.date, policy: BewaarPolicy = BewaarPolicy()
) -> BewaarBeslissing:
    n = policy.leerplicht_jaren_na_geboorte
    return _besluit(
        "leerplicht", geboortedatum, n, f"Leerplichtgegevens: {n} jaar na de geboortedatum"
    )


def bewaartermijn_kwalificatieplicht(
    einde_kwalificatieplicht: dt.date, policy: BewaarPolicy = BewaarPolicy()
) -> BewaarBeslissing:
    """``einde_kwalificatieplicht``: its last day (see ``leerplicht.einde_kwalificatieplicht``)."""
    n = policy.kwalificatieplicht_jaren_na_einde
    return _besluit(
        "kwalificatieplicht",
        einde_kwalificatieplicht,
        n,
        f"Kwalificatieplichtgegevens: {n} jaar na het einde van de kwalificatieplicht "
        f"({nl(einde_kwalificatieplicht)})",
    )


def bewaartermijn_rmc(
    geboortedatum: dt.date,
    startkwalificatie_datum: dt.date | None = None,
    policy: BewaarPolicy = BewaarPolicy(),
) -> BewaarBeslissing:
    """2 years after the startkwalificatie or the 23rd birthday, whichever comes first."""
    drieentwintig = verjaardag(geboortedatum, 23)
    if startkwalificatie_datum is not None and startkwalificatie_datum < drieentwintig:
        start, wat = startkwalificatie_datum, "het behalen van de startkwalificatie"
    else:
        start, wat = drieentwintig, "de 23e verjaardag"
    n = policy.rmc_jaren
    return _besluit("rmc", start, n, f"RMC-gegevens: {n} jaar na {wat} ({nl(start)})")


def bewaartermijn_wpg(
    eerste_verwerking: dt.date, policy: BewaarPolicy = BewaarPolicy()
) -> BewaarBeslissing:
    n = policy.wpg_jaren
    return _besluit(
        "wpg",
        eerste_verwerking,
        n,
        f"Gegevens verwerkt door een BOA (Wpg): {n} jaar na de eerste verwerking",
    )


__all__ = [
    "BewaarBeslissing",
    "BewaarPolicy",
    "bewaartermijn_kwalificatieplicht",
    "bewaartermijn_leerplicht",
    "bewaartermijn_rmc",
    "bewaartermijn_wpg",
]
