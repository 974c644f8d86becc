"""Domain errors of the signalen services: the register's one vocabulary (the API maps it
once to problem+json)."""

from __future__ import annotations

from verzuim.personen.fouten import GeenToegang, NietGevonden, Ongeldig, RegisterConflict

__all__ = ["GeenToegang", "NietGevonden", "Ongeldig", "RegisterConflict"]
