"""Domain errors of the brieven services; pages show them next to the field, an API would
map them to problem+json (invalidParams)."""

from __future__ import annotations


class BriefFout(Exception):
    """Base of the brieven domain errors."""


class BriefOngeldig(BriefFout):
    """Everything wrong with a letter request at once. `fouten` = [{"name", "code",
    "reason"}] with dotted names (e.g. `gegevens.gesprek.datum`), as the meldingen API."""

    def __init__(self, fouten: list[dict]):
        super().__init__("; ".join(f"{f['name']}: {f['reason']}" for f in fouten))
        self.fouten = fouten


class BriefNietToegestaan(BriefFout):
    """A rule forbids this letter (R-ID-5 secret address, R-CW-4 pupil under 12); the
    reasons are the rules' own [(rule id, Dutch explanation)]."""

    def __init__(self, redenen: list[dict]):
        super().__init__(" ".join(r["uitleg"] for r in redenen))
        self.redenen = redenen


class NietGevonden(BriefFout):
    """Unknown, or of another organisation: both look the same to the caller (404)."""


class GeenToegang(BriefFout):
    """The caller's organisation or role may not do this at all (403)."""
