"""R-PR-5 / R-ID-5: special categories of data and secret addresses, the one policy.

Health (vrijstelling art. 5 onder a), religion (art. 5 onder b; in this product every
vrijstelling ground: docs/decisions.md), criminal data (Halt, proces-verbaal) and the BRP
``geheimhoudingPersoonsgegevens`` (the address of a person with a secret address) are shown
only to the handling leerplichtambtenaar. Everyone else who may see the person (an
administratief medewerker, an RMC-trajectbegeleider, a school) sees that something is
shielded ("afgeschermd"), never what.

It sits in accounts, below every app that shows such data (brieven, personen, meldingen,
signalen, dossiers, cijfers), which ask it rather than decide themselves. That the person
is one of the actor's organisation follows from the scoping every read goes through first
(R-PR-1); this module only answers "which of them may see the special part".
"""

from __future__ import annotations

from verzuim.audit.context import Actor, Rol
from verzuim.organisaties.models import OrganisatieSoort

#: The organisations whose leerplichtambtenaar handles a pupil's case.
HANDELENDE_SOORTEN = frozenset({OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST})

AFGESCHERMD = "afgeschermd"
GROND_AFGESCHERMD = "Er is een vrijstelling geregistreerd (de grond is afgeschermd)."
VRIJSTELLING_AFGESCHERMD = "Vrijstelling (grond afgeschermd)"
ADRES_AFGESCHERMD = "Adres afgeschermd (geheimhouding)"
GEVALLEN_AFGESCHERMD = (
    "De gevallen achter dit cijfer zijn bijzondere persoonsgegevens (gezondheid, "
    "levensovertuiging of strafrechtelijke gegevens): alleen de behandelende "
    "leerplichtambtenaar ziet ze (R-PR-5)."
)


def ziet_bijzondere_gegevens(actor: Actor) -> bool:
    """Whether the actor is the handling leerplichtambtenaar: a user with that role, or an
    API application (the municipal leerplicht package), of a gemeente or leerplichtdienst;
    the system actor always. Never a school, an RMC-regio, the register, an administratief
    medewerker, a beleidsmedewerker or a privacy officer."""
    if actor.is_systeem:
        return True
    if actor.organisatie is None or actor.organisatie.soort not in HANDELENDE_SOORTEN:
        return False
    return actor.soort == "api" or actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR)


def vrijstellingsgrond(actor: Actor, grond: str) -> str:
    """The ground of a vrijstelling (its article's label) as the actor may see it."""
    return grond if ziet_bijzondere_gegevens(actor) else VRIJSTELLING_AFGESCHERMD


def adres(actor: Actor, geheim: bool, regels: list[str]) -> list[str] | None:
    """A person's address lines as the actor may see them; None for a secret address the
    actor may not see (the page then says ``ADRES_AFGESCHERMD``)."""
    if geheim and not ziet_bijzondere_gegevens(actor):
        return None
    return regels
