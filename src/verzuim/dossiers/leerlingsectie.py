"""The "Dossier" section of the leerling page (personen.leerlingkaart's seam, filled in
DossiersConfig.ready()): the pupil's open dossier at the viewer's organisation, or the form to
open one by hand with a reason (R-CW-1). Only for who may change dossiers; a school, a
beleidsmedewerker or an RMC-trajectbegeleider gets no section."""

from __future__ import annotations

from verzuim.audit.context import Actor
from verzuim.dossiers import queries
from verzuim.dossiers.forms import OpenenForm
from verzuim.dossiers.routes import ROUTES


def routekeuzes() -> list[tuple[str, str]]:
    """The route templates (R-CW-9/10) a hand-opened dossier may start with."""
    return [(r.code, r.label) for r in ROUTES.values()]


def dossier_sectie(actor: Actor, leerling) -> dict | None:
    if actor.soort != "gebruiker" or not queries.mag_dossiers_wijzigen(actor):
        return None
    open_dossier = queries.open_dossiers_voor(actor).filter(leerling=leerling).first()
    return {
        "template": "dossiers/_leerling_dossier.html",
        "open_dossier": open_dossier,
        "form": None if open_dossier else OpenenForm(routes=routekeuzes()),
    }
