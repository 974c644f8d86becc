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
from .leerplicht import (
    STARTKWALIFICATIE_SOORTEN,
    PersoonFeiten,
    eerste_diploma,
    einde_kwalificatieplicht,
)

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


#: The categories of a pupil's casework; the person's own record (pupil, enrolments,
#: vrijstellingen, diplomas, signals, letters) goes when all three are due.
PERSOONSCATEGORIEEN: tuple[Categorie, ...] = ("leerplicht", "kwalificatieplicht", "rmc")


@dataclass(frozen=True, kw_only=True)
class PersoonBewaring(Decision):
    """What of one person's data is due for destruction on ``datum`` (R-PR-4)."""

    datum: dt.date
    termijnen: dict[str, BewaarBeslissing]
    te_vernietigen: frozenset[str]  # the categories whose term has passed

    @property
    def persoon_vervalt(self) -> bool:
        """All categories are due: the person's own record goes too."""
        return self.te_vernietigen >= set(PERSOONSCATEGORIEEN)


def bewaring(
    feiten: PersoonFeiten, datum: dt.date, policy: BewaarPolicy = BewaarPolicy()
) -> PersoonBewaring:
    """Which of the person's categories are due on ``datum``: leerplicht (from the birth
    date), kwalificatieplicht (from its end) and RMC (from the startkwalificatie or the 23rd
    birthday), each on its first day ``vernietigen_vanaf`` and not the day before."""
    sk = eerste_diploma(feiten.diplomas, STARTKWALIFICATIE_SOORTEN, dt.date.max)
    termijnen = {
        "leerplicht": bewaartermijn_leerplicht(feiten.geboortedatum, policy),
        "kwalificatieplicht": bewaartermijn_kwalificatieplicht(
            einde_kwalificatieplicht(feiten), policy
        ),
        "rmc": bewaartermijn_rmc(feiten.geboortedatum, sk.datum if sk else None, policy),
    }
    due = frozenset(c for c, b in termijnen.items() if b.vernietigen_vanaf <= datum)
    return PersoonBewaring(
        datum=datum,
        termijnen=termijnen,
        te_vernietigen=due,
        reasons=tuple(r for b in termijnen.values() for r in b.reasons),
    )


__all__ = [
    "PERSOONSCATEGORIEEN",
    "PersoonBewaring",
    "bewaring",
    "BewaarBeslissing",
    "BewaarPolicy",
    "bewaartermijn_kwalificatieplicht",
    "bewaartermijn_leerplicht",
    "bewaartermijn_rmc",
    "bewaartermijn_wpg",
]
