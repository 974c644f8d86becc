"""Proces-verbaal: whether and against whom (R-LP-9, R-CW-7, R-CW-10)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ._datum import leeftijd
from .decisions import Reason, ToetsBeslissing, toets, voorwaarde


@dataclass(frozen=True, kw_only=True)
class PvBeslissing(ToetsBeslissing):
    """``tegen``: the parties a proces-verbaal can be made against ("ouders", "leerling")."""

    tegen: frozenset[str] = frozenset()


def proces_verbaal_mogelijk(
    *,
    geboortedatum: dt.date,
    pleegdatum: dt.date,
    absoluut_verzuim: bool,
    verzuim_bewezen: bool,
    ouders_verwijtbaar: bool,
    leerling_verwijtbaar: bool,
    opsteller_is_boa: bool,
) -> PvBeslissing:
    """Who a proces-verbaal can be against.

    Absoluut verzuim (not enrolled): always the parents (the duty to enrol is theirs).
    Relatief verzuim (also luxe, R-CW-10): the parents when it is their fault; the pupil
    too when 12 or older on the pleegdatum and it is the pupil's fault (art. 2 lid 3).
    """
    jaren = leeftijd(geboortedatum, pleegdatum)
    tegen: set[str] = set()
    redenen: list[Reason] = []
    if absoluut_verzuim:
        tegen.add("ouders")
        redenen.append(Reason("R-CW-7", "Absoluut verzuim: het proces-verbaal is tegen de ouders."))
    else:
        if ouders_verwijtbaar:
            tegen.add("ouders")
            redenen.append(Reason("R-CW-7", "Het verzuim is de ouders te verwijten."))
        if leerling_verwijtbaar and jaren >= 12:
            tegen.add("leerling")
            redenen.append(
                Reason("R-LP-9", f"De leerling is {jaren} (12 of ouder) en zelf aanspreekbaar.")
            )
        elif leerling_verwijtbaar:
            redenen.append(
                Reason(
                    "R-LP-9",
                    f"De leerling is {jaren}: jonger dan 12 is alleen een proces-verbaal "
                    "tegen de ouders mogelijk.",
                )
            )
    basis = toets(
        [
            voorwaarde(
                "boa",
                opsteller_is_boa,
                "R-CW-7",
                "De opsteller is een BOA.",
                "Alleen een leerplichtambtenaar die BOA is mag een proces-verbaal opmaken.",
            ),
            voorwaarde(
                "bewezen",
                verzuim_bewezen,
                "R-CW-7",
                "Het verzuim is bewezen.",
                "Het verzuim is niet bewezen.",
            ),
            voorwaarde(
                "leeftijd",
                jaren < 18,
                "R-LP-4",
                f"De leerling was {jaren} op de pleegdatum (leer- of kwalificatieplichtig).",
                "De persoon was 18 of ouder op de pleegdatum: geen leerplicht of "
                "kwalificatieplicht meer.",
            ),
            voorwaarde(
                "verwijtbaar",
                bool(tegen),
                "R-CW-7",
                "Het verzuim is verwijtbaar.",
                "Het verzuim is niemand te verwijten die aangesproken kan worden.",
            ),
        ]
    )
    toegestaan = basis.toegestaan
    return PvBeslissing(
        toegestaan=toegestaan,
        voorwaarden=basis.voorwaarden,
        tegen=frozenset(tegen) if toegestaan else frozenset(),
        reasons=basis.reasons + (tuple(redenen) if toegestaan else ()),
    )


__all__ = ["PvBeslissing", "proces_verbaal_mogelijk"]
