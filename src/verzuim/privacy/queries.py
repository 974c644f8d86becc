"""Scoped reads of inzage requests (R-PR-1, R-PR-3): only the privacy officer and the
leerplichtambtenaar of the organisation that registered a request see it; another
organisation's request is NietGevonden (404)."""

from __future__ import annotations

import uuid as uuid_mod

from django.db.models import QuerySet

from verzuim.audit.context import Actor, Rol
from verzuim.fouten import NietGevonden
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.privacy.models import Inzageverzoek

#: Organisations that answer inzage requests about their leerplicht casework (the ones that
#: keep dossiers and send letters, domain.md §1).
ORGANISATIES = frozenset(
    {OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST, OrganisatieSoort.RMC_REGIO}
)
ROLLEN = frozenset({Rol.PRIVACY_OFFICER, Rol.LEERPLICHTAMBTENAAR})


def mag_inzage_behandelen(actor: Actor) -> bool:
    org = actor.organisatie
    return (
        actor.soort == "gebruiker"
        and org is not None
        and org.soort in ORGANISATIES
        and actor.heeft_rol(*ROLLEN)
    )


def verzoeken_voor(actor: Actor) -> QuerySet[Inzageverzoek]:
    if not mag_inzage_behandelen(actor):
        return Inzageverzoek.objects.none()
    return Inzageverzoek.objects.filter(organisatie=actor.organisatie)


def open_verzoeken(actor: Actor) -> QuerySet[Inzageverzoek]:
    """The worklist: unanswered requests, the nearest deadline first."""
    return verzoeken_voor(actor).filter(beantwoord__isnull=True).order_by("uiterlijk", "id")


def verzoek_voor(actor: Actor, uuid, *, for_update: bool = False) -> Inzageverzoek:
    try:
        sleutel = uuid_mod.UUID(str(uuid))
    except ValueError:
        raise NietGevonden("Inzageverzoek niet gevonden.") from None
    qs = verzoeken_voor(actor).select_related("organisatie", "leerling")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    verzoek = qs.filter(uuid=sleutel).first()
    if verzoek is None:
        raise NietGevonden("Inzageverzoek niet gevonden.")
    return verzoek
