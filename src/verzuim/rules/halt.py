"""Halt referral for schoolverzuim (R-CW-6)."""

from __future__ import annotations

import datetime as dt

from ._datum import leeftijd
from .decisions import ToetsBeslissing, toets, voorwaarde

HALT_MIN_UREN = 9
HALT_MIN_TE_LAAT = 12
HALT_MAX_UREN = 60
HALT_MAX_TE_LAAT = 60


def halt_toelaatbaar(
    *,
    geboortedatum: dt.date,
    peildatum: dt.date,
    verzuimde_uren: float,
    te_laat_keren: int,
    eerder_halt_schoolverzuim: bool,
    toestemming_leerling: bool,
    toestemming_ouders: bool,
    eigen_toedoen: bool,
    ernstige_onbehandelde_problematiek: bool,
    verwijzer_is_boa: bool,
) -> ToetsBeslissing:
    """Whether a Halt referral is allowed on ``peildatum``; each failing condition is
    its own reason (codes: leeftijd, ondergrens, bovengrens, eerder-halt,
    toestemming-leerling, toestemming-ouders, eigen-toedoen, problematiek, boa)."""
    jaren = leeftijd(geboortedatum, peildatum)
    r = "R-CW-6"
    return toets(
        [
            voorwaarde(
                "leeftijd",
                12 <= jaren <= 17,
                r,
                f"De leerling is {jaren} jaar (12 tot en met 17).",
                f"Halt kan alleen voor leerlingen van 12 tot en met 17 jaar; de leerling is {jaren}.",
            ),
            voorwaarde(
                "ondergrens",
                verzuimde_uren >= HALT_MIN_UREN or te_laat_keren >= HALT_MIN_TE_LAAT,
                r,
                f"{verzuimde_uren:g} uur verzuim / {te_laat_keren} keer te laat: minimaal 9 uur "
                "of 12 keer te laat is bereikt.",
                f"Te weinig verzuim voor Halt: {verzuimde_uren:g} uur en {te_laat_keren} keer "
                "te laat (nodig: minimaal 9 uur of 12 keer te laat).",
            ),
            voorwaarde(
                "bovengrens",
                verzuimde_uren <= HALT_MAX_UREN and te_laat_keren <= HALT_MAX_TE_LAAT,
                r,
                "Niet meer dan 60 uur verzuim en 60 keer te laat.",
                f"Te veel verzuim voor Halt: {verzuimde_uren:g} uur en {te_laat_keren} keer "
                "te laat (maximaal 60 uur en 60 keer te laat).",
            ),
            voorwaarde(
                "eerder-halt",
                not eerder_halt_schoolverzuim,
                r,
                "De leerling is niet eerder voor schoolverzuim naar Halt verwezen.",
                "De leerling is al eerder voor schoolverzuim naar Halt verwezen.",
            ),
            voorwaarde(
                "toestemming-leerling",
                toestemming_leerling,
                r,
                "De leerling stemt in met de Halt-verwijzing.",
                "De leerling stemt niet in met de Halt-verwijzing.",
            ),
            voorwaarde(
                "toestemming-ouders",
                jaren >= 16 or toestemming_ouders,
                r,
                "Toestemming van de ouders is gegeven of niet nodig (16 jaar of ouder).",
                "De ouders van een leerling jonger dan 16 stemmen niet in.",
            ),
            voorwaarde(
                "eigen-toedoen",
                eigen_toedoen,
                r,
                "Het verzuim is aan de leerling zelf te wijten.",
                "Het verzuim is niet aan de leerling zelf te wijten.",
            ),
            voorwaarde(
                "problematiek",
                not ernstige_onbehandelde_problematiek,
                r,
                "Er is geen ernstige onbehandelde problematiek.",
                "Er is ernstige onbehandelde problematiek: eerst hulp, geen Halt.",
            ),
            voorwaarde(
                "boa",
                verwijzer_is_boa,
                r,
                "De verwijzer is een BOA.",
                "Alleen een leerplichtambtenaar die BOA is mag naar Halt verwijzen.",
            ),
        ]
    )


__all__ = ["ToetsBeslissing", "halt_toelaatbaar"]
