"""Domain errors of the dossiers services: the register's shared vocabulary
(`verzuim.fouten`) and the one of their own."""

from __future__ import annotations

from verzuim.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig


class DossierGesloten(Conflict):
    """R-CW-11: a closed dossier is read-only except for reopening with a reason."""

    code = "dossier-gesloten"

    def __init__(self, detail: str = "Het dossier is gesloten; heropen het eerst (met reden)."):
        super().__init__(detail)


class OpenDossierBestaat(Conflict):
    """R-CW-1: the pupil already has an open dossier at this organisation."""

    code = "open-dossier-bestaat"

    def __init__(self, detail: str, bestaand):
        super().__init__(detail)
        self.bestaand = bestaand  # the open dossier's uuid

    @property
    def extra(self) -> dict:
        return {"bestaand": str(self.bestaand)}


__all__ = [
    "Conflict",
    "DossierGesloten",
    "GeenToegang",
    "NietGevonden",
    "Ongeldig",
    "OpenDossierBestaat",
]
