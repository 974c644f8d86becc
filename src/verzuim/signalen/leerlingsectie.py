"""The pupil's signals on the leerling page (personen.leerlingkaart's section registry): only
for an organisation that works signals and only those it handles (R-PR-1); read through
``services.lees_signalen``, so the read is audited as one list read."""

from __future__ import annotations

from verzuim.audit.context import Actor
from verzuim.signalen import queries, services


def signalen_sectie(actor: Actor, leerling) -> dict | None:
    if not queries.mag_signalen_zien(actor):
        return None  # a school never sees signals
    qs = queries.signalen_voor(actor).filter(leerling=leerling).order_by("-sinds", "-id")
    return {
        "template": "signalen/_leerling_signalen.html",
        "signalen": services.lees_signalen(actor, qs[:50]),
    }
