"""The seam for "the dossier this melding belongs to" (issue 9 §1, R-CW-1) without importing
the dossiers app, which lives above this one (as `signalen.dossierkoppeling`): a routed
melding joins its handling organisation's dossier for the pupil, and the dossiers app
registers here, in its AppConfig.ready(), how to find it and who may open it:

    from verzuim.meldingen import dossierkoppeling
    dossierkoppeling.registreer(
        lambda organisatie_id, melding_ids: {melding_id: dossier_uuid, …},
        mag_openen=lambda actor: bool,
    )

Only the handling organisation (the melding's receiver) is told: the school never (R-ME-7:
the casework stays with the gemeente), nor the register. Until something registers, every
melding answers ``dossier: null`` (API) and the page shows no link."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from verzuim.audit.context import Actor
from verzuim.meldingen import queries

Bron = Callable[[int, list[int]], dict[int, uuid.UUID]]
_bron: Bron | None = None
_mag_openen: Callable[[Actor], bool] | None = None


def registreer(bron: Bron | None, *, mag_openen: Callable[[Actor], bool] | None = None) -> None:
    """Set (or with None: clear) the lookup (organisation id, melding ids) → dossier uuid of
    the organisation's current link, and whether an actor may open a dossier page."""
    global _bron, _mag_openen
    _bron, _mag_openen = bron, mag_openen


def dossiers_van(actor: Actor, meldingen: Iterable) -> dict[int, uuid.UUID]:
    """The dossier of each of ``meldingen`` that the actor handles and that has one, by
    melding id (one call for a whole page). Empty for the school and the register: only the
    receiving organisation's own dossier is named."""
    if _bron is None:
        return {}
    ids = [m.pk for m in meldingen if ontvangt(actor, m)]
    if not ids:
        return {}
    return _bron(actor.organisatie.pk, ids)


def ontvangt(actor: Actor, melding) -> bool:
    """Whether the actor's organisation is the melding's receiver, the one that is told its
    dossier (the API's `dossier` field is present exactly then)."""
    return queries.partij(actor, melding) == "ontvanger"


def mag_openen(actor: Actor) -> bool:
    """Whether the page may link the actor to the dossier (e.g. not an RMC-trajectbegeleider,
    who handles meldingen but has no dossiers)."""
    return _mag_openen is not None and _mag_openen(actor)
