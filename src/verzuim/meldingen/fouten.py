"""Domain errors of the meldingen services: the register's shared vocabulary
(`verzuim.fouten`) and the one of their own. The API renders each as problem+json, the web
pages as messages next to the fields."""

from __future__ import annotations

from verzuim.fouten import Conflict as _Conflict
from verzuim.fouten import GeenToegang, NietGevonden, Ongeldig

#: R-ME-1..3: all invalid fields at once.
MeldingOngeldig = Ongeldig


class OvergangNietToegestaan(_Conflict):
    """R-RT-6: the transition is not in the table for this party; the problem lists the
    transitions that are (`toegestaneOvergangen`)."""

    code = "overgang-niet-toegestaan"

    def __init__(self, detail: str, toegestaan: list[dict]):
        super().__init__(detail)
        self.toegestaan = toegestaan

    @property
    def extra(self) -> dict:
        return {"toegestaneOvergangen": self.toegestaan}


__all__ = [
    "GeenToegang",
    "MeldingOngeldig",
    "NietGevonden",
    "OvergangNietToegestaan",
]
