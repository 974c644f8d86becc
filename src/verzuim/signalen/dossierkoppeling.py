"""The seam for "taken into a dossier" (issue 10 item 4, R-CW-1/R-CW-9) without importing the
dossiers app, which lives above this one: a dossier refers to the signal it was opened for,
and the dossiers app registers here, in its AppConfig.ready(), how to find them:

    from verzuim.signalen import dossierkoppeling
    dossierkoppeling.registreer(lambda signaal_ids: {signaal_id: dossier_uuid, …})

Until something registers, every signal answers ``dossier: null`` (API) and "nog geen
dossier" (pages)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

Bron = Callable[[list[int]], dict[int, uuid.UUID]]
_bron: Bron | None = None


def registreer(bron: Bron | None) -> None:
    """Set (or with None: clear) the lookup signal ids → dossier uuid."""
    global _bron
    _bron = bron


def dossiers_van(signaal_ids: Iterable[int]) -> dict[int, uuid.UUID]:
    """The dossier of each signal that has one (one call for a whole page)."""
    ids = list(signaal_ids)
    if _bron is None or not ids:
        return {}
    return _bron(ids)
