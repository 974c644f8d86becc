"""The MAS phases of a case (R-CW-2) and the follow-up date (R-CW-4), as data and pure
decisions.

A case moves forward one phase at a time (waarnemen → analyseren → plannen → handelen →
evalueren), recording what the phase it leaves found and decided; from any phase it may go
back to an earlier one (an evaluation that shows the plan did not work starts a new round:
analyseren or plannen again). Skipping a phase forward is refused: MAS asks for each
phase's findings before the next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .decisions import Decision, Reason

#: R-CW-2, in order.
FASEN: tuple[str, ...] = ("waarnemen", "analyseren", "plannen", "handelen", "evalueren")
FASE_LABELS: dict[str, str] = {
    "waarnemen": "Waarnemen",
    "analyseren": "Analyseren",
    "plannen": "Plannen",
    "handelen": "Handelen",
    "evalueren": "Evalueren",
}
#: R-CW-4: the default number of weeks to the next follow-up after agreements.
STANDAARD_VERVOLG_WEKEN = 4
#: The range an organisation may set (beheer): at least a week, at most half a year.
VERVOLG_WEKEN_MIN, VERVOLG_WEKEN_MAX = 1, 26


@dataclass(frozen=True, kw_only=True)
class FaseBeslissing(Decision):
    toegestaan: bool
    #: the phases the case may move to from ``van``
    mogelijk: tuple[str, ...]

    def __bool__(self) -> bool:
        return self.toegestaan


def volgende_fasen(van: str) -> tuple[str, ...]:
    """Where a case in phase ``van`` may go: the next phase and every earlier one."""
    i = FASEN.index(van)
    return tuple(f for j, f in enumerate(FASEN) if j < i or j == i + 1)


def fase_overgang(van: str, naar: str) -> FaseBeslissing:
    """Whether a case may move from ``van`` to ``naar`` (R-CW-2), with the reason."""
    if van not in FASEN:
        raise ValueError(f"onbekende fase {van!r}")
    mogelijk = volgende_fasen(van)
    keuze = ", ".join(FASE_LABELS[f].lower() for f in mogelijk)
    if naar not in FASEN:
        uitleg = f"Onbekende fase ‘{naar}’. Kies uit: {keuze}."
        return FaseBeslissing(
            toegestaan=False, mogelijk=mogelijk, reasons=(Reason("R-CW-2", uitleg),)
        )
    if naar == van:
        uitleg = f"Het dossier is al in de fase {FASE_LABELS[van].lower()}. Kies uit: {keuze}."
        return FaseBeslissing(
            toegestaan=False, mogelijk=mogelijk, reasons=(Reason("R-CW-2", uitleg),)
        )
    if naar not in mogelijk:
        uitleg = (
            f"Van {FASE_LABELS[van].lower()} naar {FASE_LABELS[naar].lower()} slaat een fase "
            f"over: MAS legt per fase vast wat is gevonden en besloten. Kies uit: {keuze}."
        )
        return FaseBeslissing(
            toegestaan=False, mogelijk=mogelijk, reasons=(Reason("R-CW-2", uitleg),)
        )
    terug = FASEN.index(naar) < FASEN.index(van)
    uitleg = (
        f"Terug naar {FASE_LABELS[naar].lower()}: een nieuwe ronde na {FASE_LABELS[van].lower()}."
        if terug
        else f"Van {FASE_LABELS[van].lower()} naar {FASE_LABELS[naar].lower()}."
    )
    return FaseBeslissing(toegestaan=True, mogelijk=mogelijk, reasons=(Reason("R-CW-2", uitleg),))


def volgende_actiedatum(afspraken_op: dt.date, weken: int = STANDAARD_VERVOLG_WEKEN) -> dt.date:
    """R-CW-4: the follow-up date after agreements made on ``afspraken_op``."""
    if weken < 1:
        raise ValueError("weken moet minstens 1 zijn")
    return afspraken_op + dt.timedelta(weeks=weken)


__all__ = [
    "FASEN",
    "FASE_LABELS",
    "FaseBeslissing",
    "STANDAARD_VERVOLG_WEKEN",
    "VERVOLG_WEKEN_MAX",
    "VERVOLG_WEKEN_MIN",
    "fase_overgang",
    "volgende_actiedatum",
    "volgende_fasen",
]
