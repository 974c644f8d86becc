"""The pupil's meldingen on the leerling page (personen.leerlingkaart's section registry):
only those the viewer may see (a school its own, a gemeente or dienst those routed to it,
R-PR-1), read through `services.lees_meldingen`, so the read is audited as one list read."""

from __future__ import annotations

from verzuim.audit.context import Actor
from verzuim.meldingen import queries, services
from verzuim.meldingen.fouten import GeenToegang

MAXIMUM = 50  # the newest; the inbox filters show the rest


def meldingen_sectie(actor: Actor, leerling) -> dict | None:
    qs = queries.meldingen_voor(actor).filter(leerling=leerling).order_by("-ontvangen", "-id")
    try:
        meldingen = services.lees_meldingen(actor, qs[:MAXIMUM])
    except GeenToegang:
        return None
    return {
        "template": "meldingen/_leerling_meldingen.html",
        "stylesheet": "meldingen/meldingen.css",  # vr-status badges, phone-width cards
        "meldingen": meldingen,
    }
