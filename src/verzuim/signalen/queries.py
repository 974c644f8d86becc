"""Scoped reads of signals (R-PR-1). A query never returns a signal outside the caller's
organisation:

- a gemeente, leerplichtdienst or RMC-regio sees the signals it handles (``ontvanger``: the
  gemeente's own organisation or the dienst it routes the doelgroep to, R-RT-2 — as for
  meldingen);
- the register (and the system actor) sees all;
- a school, a beleidsmedewerker, a privacy officer and a user without organisation: none.

No audit here: ``services.lees_signalen`` / ``lees_signaal`` log what is shown. These
functions are also the seam for the apps above (the dossier worklist and its menu count):
``open_signalen_voor(actor)``, ``aantal_open(actor)``, ``tellingen(actor)``.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from verzuim.accounts.models import ROLLEN_MET_PERSOONSGEGEVENS, Rol
from verzuim.audit.context import Actor
from verzuim.invoer import als_uuid
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.signalen.fouten import NietGevonden
from verzuim.signalen.models import Signaal, SignaalStatus, Soort

BEHANDELENDE_SOORTEN = frozenset(
    {OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST, OrganisatieSoort.RMC_REGIO}
)
#: The roles that work signals (domain.md §1): no school, no beleid, no privacy officer.
ROLLEN = (
    frozenset({Rol.LEERPLICHTAMBTENAAR, Rol.ADMINISTRATIEF_MEDEWERKER, Rol.RMC_TRAJECTBEGELEIDER})
    & ROLLEN_MET_PERSOONSGEGEVENS
)


def mag_signalen_zien(actor: Actor) -> bool:
    if actor.is_systeem:
        return True
    org = actor.organisatie
    if org is None:
        return False
    if org.soort == OrganisatieSoort.REGISTER:
        return actor.soort == "api"  # the register's own software; its users see no persons
    if org.soort not in BEHANDELENDE_SOORTEN:
        return False
    return actor.soort == "api" or actor.heeft_rol(*ROLLEN)


def signalen_voor(actor: Actor) -> QuerySet[Signaal]:
    """Every signal (open and resolved) the actor may see."""
    qs = Signaal.objects.select_related("leerling", "gemeente", "ontvanger")
    if not mag_signalen_zien(actor):
        return qs.none()
    if actor.is_systeem or actor.organisatie.soort == OrganisatieSoort.REGISTER:
        return qs
    return qs.filter(ontvanger=actor.organisatie)


def filter_signalen(
    qs: QuerySet[Signaal], *, soort: str | None = None, status: str | None = "open"
) -> QuerySet[Signaal]:
    """The API's and the page's filters: ``soort`` and ``status`` (open, opgelost, alle)."""
    if soort:
        qs = qs.filter(soort=soort)
    if status and status != "alle":
        qs = qs.filter(status=status)
    return qs


def open_signalen_voor(actor: Actor, soort: str | None = None) -> QuerySet[Signaal]:
    """The open signals on the actor's worklist (oldest first)."""
    return filter_signalen(signalen_voor(actor), soort=soort).order_by("sinds", "id")


def aantal_open(actor: Actor, soort: str | None = None) -> int:
    """The menu count: open signals the actor's organisation handles."""
    return open_signalen_voor(actor, soort).count()


def tellingen(actor: Actor) -> dict[str, int]:
    """Open signals per soort, in one query."""
    return signalen_voor(actor).aggregate(
        **{s.value: Count("pk", filter=Q(soort=s.value, status=SignaalStatus.OPEN)) for s in Soort}
    )


def signaal_voor(actor: Actor, signaal_uuid) -> Signaal:
    """One signal by uuid, or NietGevonden (also another organisation's: 404)."""
    u = als_uuid(signaal_uuid)
    signaal = signalen_voor(actor).filter(uuid=u).first() if u else None
    if signaal is None:
        raise NietGevonden("Signaal niet gevonden.")
    return signaal


def historie(signaal: Signaal) -> QuerySet[Signaal]:
    """Every signal of this pupil and soort, newest first (the same person again after a
    resolved one starts a new signal)."""
    return Signaal.objects.filter(leerling_id=signaal.leerling_id, soort=signaal.soort).order_by(
        "-sinds", "-id"
    )
