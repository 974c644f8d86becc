"""Who sees which telling (R-PR-1, issue 11 item 1): a gemeente its own; a leerplichtdienst
or RMC-regio each gemeente it serves and their total; the register the national table. A
school and an organisation without gemeenten see none. Aggregates carry no person data; the
cases behind a number are for the organisation that handles them (`mag_gevallen_zien`)."""

from __future__ import annotations

from django.db.models import QuerySet

from verzuim.accounts.models import ROLLEN_MET_PERSOONSGEGEVENS, Rol
from verzuim.audit.context import Actor
from verzuim.organisaties.models import Gemeente, OrganisatieSoort
from verzuim.organisaties.queries import gemeenten_van

#: Roles that see the telling of their organisation (aggregates only).
TELLING_ROLLEN = frozenset(
    {
        Rol.BELEIDSMEDEWERKER,
        Rol.LEERPLICHTAMBTENAAR,
        Rol.ADMINISTRATIEF_MEDEWERKER,
        Rol.RMC_TRAJECTBEGELEIDER,
        Rol.REGISTERBEHEERDER,
    }
)
#: Roles that may mark a telling as checked and delivered.
VASTSTEL_ROLLEN = frozenset({Rol.BELEIDSMEDEWERKER, Rol.LEERPLICHTAMBTENAAR})
#: The casework roles that may open the cases behind a number (R-PR-1: person data).
GEVALLEN_ROLLEN = frozenset(ROLLEN_MET_PERSOONSGEGEVENS) - {Rol.SCHOOLMEDEWERKER}
BEHANDELENDE_SOORTEN = frozenset(
    {OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST, OrganisatieSoort.RMC_REGIO}
)


def is_register(actor: Actor) -> bool:
    return actor.is_systeem or bool(
        actor.organisatie and actor.organisatie.soort == OrganisatieSoort.REGISTER
    )


def gemeenten_voor(actor: Actor) -> QuerySet[Gemeente]:
    """The gemeenten whose telling the actor sees."""
    if is_register(actor):
        return Gemeente.objects.select_related("rmc_regio")
    return gemeenten_van(actor.organisatie).select_related("rmc_regio")


def mag_telling_zien(actor: Actor) -> bool:
    if actor.soort == "api":
        return "cijfers.lezen" in actor.scopes and (
            is_register(actor) or gemeenten_voor(actor).exists()
        )
    return bool(actor.rollen & TELLING_ROLLEN) and (
        is_register(actor) or gemeenten_voor(actor).exists()
    )


def mag_vaststellen(actor: Actor) -> bool:
    return (
        actor.soort == "gebruiker"
        and bool(actor.rollen & VASTSTEL_ROLLEN)
        and actor.organisatie is not None
        and actor.organisatie.soort in BEHANDELENDE_SOORTEN
    )


def mag_gevallen_zien(actor: Actor) -> bool:
    """Only the handling organisation's casework roles; never the register, a school or a
    beleidsmedewerker (aggregates only)."""
    return (
        actor.soort == "gebruiker"
        and bool(actor.rollen & GEVALLEN_ROLLEN)
        and actor.organisatie is not None
        and actor.organisatie.soort in BEHANDELENDE_SOORTEN
    )
