"""Kinderbijslag stop via the SVB (R-CW-8)."""

from __future__ import annotations

import datetime as dt

from ._datum import leeftijd
from .decisions import ToetsBeslissing, toets, voorwaarde


def kinderbijslag_stop_toegestaan(
    *,
    geboortedatum: dt.date,
    peildatum: dt.date,
    ouders_verwijtbaar: bool,
    gemeente_heeft_svb_afspraak: bool,
) -> ToetsBeslissing:
    """Whether the LPA may report non-compliance to the SVB (kinderbijslag stops).

    Payment resumes from the quarter in which later compliance is reported.
    """
    jaren = leeftijd(geboortedatum, peildatum)
    r = "R-CW-8"
    return toets(
        [
            voorwaarde(
                "leeftijd",
                16 <= jaren <= 17,
                r,
                f"De jongere is {jaren} jaar (16 of 17).",
                f"Kinderbijslag stopzetten kan alleen bij 16- en 17-jarigen; de jongere is {jaren}.",
            ),
            voorwaarde(
                "ouders-verwijtbaar",
                ouders_verwijtbaar,
                r,
                "Het verzuim is de ouders te verwijten.",
                "Het verzuim is de ouders niet te verwijten.",
            ),
            voorwaarde(
                "svb-afspraak",
                gemeente_heeft_svb_afspraak,
                r,
                "De gemeente heeft een afspraak met de SVB.",
                "De gemeente heeft geen afspraak met de SVB.",
            ),
        ]
    )


__all__ = ["kinderbijslag_stop_toegestaan"]
