"""The register's domain errors: what a service refuses, in one vocabulary for every app.

Each error knows how the API shows it (problem+json, RFC 9457: status, type, detail,
invalidParams and extra members; `api.problems` renders every `DomeinFout` the same way) and
carries what the web pages show next to the fields. Domain apps raise these or subclass
them (`personen.fouten`, `meldingen.fouten`); nothing here knows a domain.
"""

from __future__ import annotations


class DomeinFout(Exception):
    """Base of every domain error. `status` is the HTTP status of the API answer, `code` the
    last part of its problem type (https://verzuimregister.nl/problemen/<code>; empty: the
    status number)."""

    status: int = 400
    code: str = ""

    @property
    def detail(self) -> str:
        """The problem's `detail`."""
        return str(self)

    @property
    def invalid_params(self) -> list[dict] | None:
        """The problem's `invalidParams` ([{"name", "code", "reason"}]), if it has any."""
        return None

    @property
    def extra(self) -> dict:
        """Further members of the problem body."""
        return {}


class Ongeldig(DomeinFout):
    """All invalid fields at once. `fouten` = [{"name", "code", "reason"}] with names as the
    API's dotted camelCase paths (e.g. `leerling.burgerservicenummer`)."""

    def __init__(self, fouten: list[dict]):
        super().__init__("; ".join(f"{f['name']}: {f['reason']}" for f in fouten))
        self.fouten = fouten

    @property
    def detail(self) -> str:
        return "Een of meer velden zijn ongeldig."

    @property
    def invalid_params(self) -> list[dict]:
        return self.fouten


class NietGevonden(DomeinFout):
    """Unknown, or of another organisation: both look the same to the caller (R-PR-1)."""

    status = 404

    @property
    def detail(self) -> str:
        return "De gevraagde resource bestaat niet."


class GeenToegang(DomeinFout):
    """The caller's organisation or role may not do this at all."""

    status = 403
    code = "geen-toegang"


class Conflict(DomeinFout):
    """The request clashes with what the register holds."""

    status = 409
    code = "conflict"
