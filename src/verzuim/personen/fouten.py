"""Domain errors of the personen services: the register's shared vocabulary
(`verzuim.fouten`: all invalid fields at once with dotted camelCase names, not found — also
another organisation's, API 404 —, no access at all, 403) and the register conflict."""

from __future__ import annotations

from verzuim.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig


class RegisterConflict(Conflict):
    """The request clashes with what the register holds (API 409), e.g. an inschrijving
    with the same leerling, vestiging and begindatum but other data, or a BSN already
    linked to another onderwijsnummer (R-ID-2)."""

    def __init__(self, detail: str, *, bestaand: str | None = None):
        super().__init__(detail)
        self.bestaand = bestaand  # uuid of the clashing row, if any

    @property
    def extra(self) -> dict:
        return {"bestaand": self.bestaand} if self.bestaand else {}


__all__ = ["GeenToegang", "NietGevonden", "Ongeldig", "RegisterConflict"]
