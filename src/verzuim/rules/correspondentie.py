"""Who may receive a letter, and how it may travel (R-CW-4, R-LP-9, R-ID-5, R-PR-5)."""

from __future__ import annotations

import datetime as dt

from ._datum import leeftijd
from .decisions import ToetsBeslissing, toets, voorwaarde

LEERLING_AANSCHRIJVEN_VANAF = 12  # R-LP-9: from 12 the pupil is liable and gets letters


def brief_toegestaan(
    *,
    ontvanger: str,
    via_school: bool,
    geheim_adres: bool,
    geboortedatum: dt.date | None,
    datum: dt.date,
) -> ToetsBeslissing:
    """Whether a letter about a pupil may go to ``ontvanger`` ("ouders", "leerling" or
    "school") on ``datum``.

    - R-CW-4 / R-LP-9: a letter to the pupil only from the age of 12 (birth date needed).
    - R-ID-5 / R-PR-5: for a person with a secret address, letters to the parents or the
      pupil go through the gemeente only, never handed to or addressed through a school.
      (A letter *to* the school carries no address of the pupil at all: its placeholders
      hold none.)
    Codes: leeftijd, geheim-adres.
    """
    voorwaarden = []
    if ontvanger == "leerling":
        jaren = leeftijd(geboortedatum, datum) if geboortedatum else None
        voorwaarden.append(
            voorwaarde(
                "leeftijd",
                jaren is not None and jaren >= LEERLING_AANSCHRIJVEN_VANAF,
                "R-CW-4",
                f"De leerling is {jaren} jaar: vanaf 12 jaar krijgt de leerling zelf een brief.",
                "Een brief aan de leerling kan pas vanaf 12 jaar"
                + (
                    f"; de leerling is {jaren} jaar."
                    if jaren is not None
                    else "; de geboortedatum van de leerling is niet bekend."
                ),
            )
        )
    if ontvanger in ("ouders", "leerling"):
        voorwaarden.append(
            voorwaarde(
                "geheim-adres",
                not (geheim_adres and via_school),
                "R-ID-5",
                "De brief gaat rechtstreeks van de gemeente naar de geadresseerde.",
                "Deze persoon heeft een geheim adres: brieven gaan alleen via de gemeente, "
                "nooit via of naar een school.",
            )
        )
    return toets(voorwaarden)
