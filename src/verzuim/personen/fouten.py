"""Domain errors of the personen services. The input/permission errors are the same types
the meldingen services raise (one error vocabulary for the whole register; the API maps
them once to problem+json): all invalid fields at once with dotted camelCase names, not
found (also: another organisation's, API 404), no access at all (403)."""

from __future__ import annotations

from verzuim.meldingen.fouten import (
    GeenToegang,
    IdempotencyConflict,
    MeldingOngeldig,
    NietGevonden,
)

#: R-ID-1 etc.: `fouten` = [{"name": "leerling.burgerservicenummer", "code", "reason"}].
Ongeldig = MeldingOngeldig


class RegisterConflict(Exception):
    """The request clashes with what the register holds (API 409), e.g. an inschrijving
    with the same leerling, vestiging and begindatum but other data, or a BSN already
    linked to another onderwijsnummer (R-ID-2)."""

    def __init__(self, detail: str, *, bestaand: str | None = None):
        super().__init__(detail)
        self.bestaand = bestaand  # uuid of the clashing row, if any


__all__ = [
    "GeenToegang",
    "IdempotencyConflict",
    "NietGevonden",
    "Ongeldig",
    "RegisterConflict",
]
