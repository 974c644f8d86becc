"""The schooljaar of a telling and its dates (R-LP-1), parsed from "2025-2026"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from verzuim import clock
from verzuim.rules import Schooljaar, schooljaar_van

LABEL = re.compile(r"^(\d{4})-(\d{4})$")
#: The count date of leerplichtigen: 1 October, as DUO's teldatum (docs/decisions.md).
PEILDAG = (10, 1)


class OngeldigSchooljaar(ValueError):
    pass


def lees_schooljaar(label: str | None) -> Schooljaar:
    """ "2025-2026" → Schooljaar(2025); empty → the current one. Raises OngeldigSchooljaar."""
    if not label:
        return schooljaar_van(clock.today())
    m = LABEL.match(label.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise OngeldigSchooljaar(
            "Schrijf het schooljaar als twee opeenvolgende jaren, bv. 2025-2026 (R-LP-1)."
        )
    sj = Schooljaar(int(m.group(1)))
    if sj.begindatum > clock.today():
        raise OngeldigSchooljaar(f"Schooljaar {sj.label} is nog niet begonnen.")
    if sj.startjaar < 2000:
        raise OngeldigSchooljaar("Het register telt geen schooljaren vóór 2000-2001.")
    return sj


@dataclass(frozen=True)
class Periode:
    """The dates a telling is about: the schooljaar up to today (for the current one)."""

    schooljaar: Schooljaar

    @property
    def begin(self) -> dt.date:
        return self.schooljaar.begindatum

    @property
    def eind(self) -> dt.date:
        """The last day counted: 31 July, or today while the schooljaar runs."""
        return min(self.schooljaar.einddatum, clock.today())

    @property
    def afgelopen(self) -> bool:
        return self.schooljaar.einddatum < clock.today()

    @property
    def peildatum(self) -> dt.date:
        """The day leerplichtigen are counted: 1 October of the schooljaar (or today before)."""
        return min(dt.date(self.schooljaar.startjaar, *PEILDAG), self.eind)

    @property
    def label(self) -> str:
        return self.schooljaar.label


def beschikbare_schooljaren(eerste: Schooljaar) -> list[Schooljaar]:
    """From `eerste` up to the current schooljaar, newest first."""
    huidig = schooljaar_van(clock.today())
    return [Schooljaar(j) for j in range(huidig.startjaar, eerste.startjaar - 1, -1)]
