"""Domain errors of the meldingen services; the API maps them to problem+json, the web
pages to messages next to the fields."""

from __future__ import annotations


class MeldingFout(Exception):
    """Base of the meldingen domain errors."""


class MeldingOngeldig(MeldingFout):
    """R-ME-1..3: all invalid fields at once. `fouten` = [{"name", "code", "reason"}] with
    names as the API's dotted camelCase paths (e.g. `leerling.burgerservicenummer`)."""

    def __init__(self, fouten: list[dict]):
        super().__init__("; ".join(f"{f['name']}: {f['reason']}" for f in fouten))
        self.fouten = fouten


class IdempotencyConflict(MeldingFout):
    """The same Idempotency-Key was used before with a different body (API 409)."""


class NietGevonden(MeldingFout):
    """Unknown, or of another organisation: both look the same to the caller (API 404)."""


class GeenToegang(MeldingFout):
    """The caller's organisation or role may not do this at all (API 403)."""


class OvergangNietToegestaan(MeldingFout):
    """R-RT-6: the transition is not in the table for this party (API 409)."""

    def __init__(self, detail: str, toegestaan: list[dict]):
        super().__init__(detail)
        self.toegestaan = toegestaan
