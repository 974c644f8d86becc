"""Scoped reads of meldingen (R-PR-1, R-ME-7). A query never returns rows outside the
caller's organisation:

- a school sees the meldingen it reported (`instelling`);
- a gemeente, leerplichtdienst or RMC-regio sees the meldingen routed to it (`ontvanger`);
- the register (and the system actor) sees all.

These functions do not write audit records; the read services in `services.py`
(`lees_melding`, `lees_meldingen`, `zoek_meldingen`) do, and pages should use those for
anything that shows person data.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from verzuim.audit.context import Actor
from verzuim.invoer import als_uuid
from verzuim.meldingen import schoolmarkeringen
from verzuim.meldingen.codes import OPEN_STATUSSEN, Status
from verzuim.meldingen.fouten import NietGevonden
from verzuim.meldingen.models import Doorzending, Melding, Notificatie, StatusWijziging
from verzuim.organisaties.models import OrganisatieSoort

BEHANDELENDE_SOORTEN = frozenset(
    {OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST, OrganisatieSoort.RMC_REGIO}
)


def partij(actor: Actor, melding: Melding) -> str | None:
    """The actor's part in this melding: "school", "ontvanger", "register" or None."""
    if actor.is_systeem or (
        actor.organisatie and actor.organisatie.soort == OrganisatieSoort.REGISTER
    ):
        return "register"
    org_id = getattr(actor.organisatie, "pk", None)
    if org_id is None:
        return None
    if melding.instelling_id == org_id:
        return "school"
    if melding.ontvanger_id == org_id:
        return "ontvanger"
    return None


def ziet_alles(actor: Actor, melding: Melding) -> bool:
    """Whether the actor sees the full melding with its casework (the receiving party and
    the register); the school sees status, date and reason code only (R-ME-7)."""
    return partij(actor, melding) in ("ontvanger", "register")


def meldingen_voor(actor: Actor) -> QuerySet[Melding]:
    """All meldingen the actor may see (base of every other query)."""
    qs = Melding.objects.select_related(
        "leerling",
        "vestiging",
        "instelling",
        "ontvanger",
        "verantwoordelijke_gemeente",
        "vervolg_op",
        "behandelaar",
    )
    if actor.is_systeem:
        return qs
    org = actor.organisatie
    if org is None:
        return qs.none()
    if org.soort == OrganisatieSoort.REGISTER:
        return qs
    if org.soort == OrganisatieSoort.SCHOOL:
        return qs.filter(instelling=org)
    if org.soort in BEHANDELENDE_SOORTEN:
        return qs.filter(ontvanger=org)
    return qs.none()


def melding_voor(actor: Actor, melding_uuid, *, for_update: bool = False) -> Melding:
    """One melding by uuid, or NietGevonden (also when it belongs to someone else: 404)."""
    u = als_uuid(melding_uuid)
    if u is None:
        raise NietGevonden("Melding niet gevonden.")
    qs = meldingen_voor(actor)
    if for_update:
        qs = qs.select_for_update(of=("self",))
    melding = qs.filter(uuid=u).first()
    if melding is None:
        raise NietGevonden("Melding niet gevonden.")
    return melding


#: What a melding's full view shows besides its own row: status history and forwarding chain.
HISTORIE = (
    "statussen__door_organisatie",
    "doorzendingen__van",
    "doorzendingen__naar",
    "doorzendingen__naar_gemeente",
)


def met_historie(qs: QuerySet[Melding]) -> QuerySet[Melding]:
    """`qs` with the history prefetched: a fixed number of queries for any number of rows."""
    return qs.prefetch_related(*HISTORIE)


def filter_meldingen(
    qs: QuerySet[Melding],
    *,
    status: str | None = None,
    verzuimsoort: str | None = None,
    ontvangen_vanaf: dt.date | None = None,
    ontvangen_tot: dt.date | None = None,
    vestiging: str | None = None,
    behandelaar=None,
) -> QuerySet[Melding]:
    """The list filters of the API and the inbox pages. `ontvangen_tot` is inclusive."""
    if status:
        qs = qs.filter(status=status)
    if verzuimsoort:
        qs = qs.filter(verzuimsoort=verzuimsoort)
    if ontvangen_vanaf:
        qs = qs.filter(ontvangen__date__gte=ontvangen_vanaf)
    if ontvangen_tot:
        qs = qs.filter(ontvangen__date__lte=ontvangen_tot)
    if vestiging:
        qs = qs.filter(vestiging__code=vestiging)
    if behandelaar is not None:
        qs = qs.filter(behandelaar=behandelaar)
    return qs


def _map_filter(actor: Actor, map: str) -> Q | None:
    """Leerplicht inbox folders: "nieuw" (geregistreerd, nobody assigned), "mijn" (assigned
    to the acting user, open), "open" (all open), "alle" (None: no filter)."""
    if map == "nieuw":
        return Q(status=Status.GEREGISTREERD, behandelaar__isnull=True)
    if map == "mijn":
        return Q(status__in=OPEN_STATUSSEN, behandelaar=actor.gebruiker)
    if map == "open":
        return Q(status__in=OPEN_STATUSSEN)
    if schoolmarkeringen.markering(map) is not None:
        # A marker the apps above add to the school's list (the open verzuimoverzicht
        # request, R-CW-3): its Exists subquery, or no rows when the actor has none.
        expr = schoolmarkeringen.voorwaarde(actor, map)
        return Q(expr) if expr is not None else Q(pk__isnull=True)
    return None


def inbox(actor: Actor, map: str = "open") -> QuerySet[Melding]:
    """The meldingen of one inbox folder (`_map_filter`)."""
    q = _map_filter(actor, map)
    qs = meldingen_voor(actor)
    return qs if q is None else qs.filter(q)


def inbox_tellingen(actor: Actor, mappen=("nieuw", "mijn", "open")) -> dict[str, int]:
    """Counts per inbox folder for the tabs and badges, in one query."""
    return meldingen_voor(actor).aggregate(
        **{m: Count("pk", filter=_map_filter(actor, m)) for m in mappen}
    )


def statushistorie(melding: Melding) -> QuerySet[StatusWijziging]:
    return melding.statussen.select_related("door_organisatie", "door_gebruiker").order_by(
        "tijdstip", "id"
    )


def doorzendingen(melding: Melding) -> QuerySet[Doorzending]:
    return melding.doorzendingen.select_related("van", "naar", "door_gebruiker").order_by(
        "tijdstip", "id"
    )


def doorgestuurd_door(actor: Actor) -> QuerySet[Doorzending]:
    """The sender's trace (R-RT-5): every forward the actor's organisation made, newest
    first, with the melding as it was reported (never its casework after the forward)."""
    org = actor.organisatie
    if org is None or org.soort not in BEHANDELENDE_SOORTEN:
        return Doorzending.objects.none()
    return (
        Doorzending.objects.filter(van=org)
        .select_related(
            "melding__leerling",
            "melding__instelling",
            "melding__vestiging",
            "naar",
            "naar_gemeente",
            "door_gebruiker",
        )
        .order_by("-tijdstip", "-id")
    )


def doorzending_van(actor: Actor, melding_uuid) -> Doorzending:
    """The last forward of this melding by the actor's organisation, or NietGevonden."""
    u = als_uuid(melding_uuid)
    d = doorgestuurd_door(actor).filter(melding__uuid=u).first() if u else None
    if d is None:
        raise NietGevonden("Melding niet gevonden.")
    return d


def notificaties_voor(actor: Actor, *, ongelezen: bool = True) -> QuerySet[Notificatie]:
    """The in-app inbox of the actor's organisation (R-RT-4). Unread = not read for the whole
    organisation, not read by this user, and still something to act on: the melding is
    open and still routed here (a closed, withdrawn or forwarded melding no longer counts
    in the badge; docs/decisions.md)."""
    org = actor.organisatie
    if org is None:
        return Notificatie.objects.none()
    qs = Notificatie.objects.filter(organisatie=org).select_related("melding")
    if ongelezen:
        qs = qs.filter(
            gelezen_op__isnull=True, melding__status__in=OPEN_STATUSSEN, melding__ontvanger=org
        )
        if actor.gebruiker is not None:
            qs = qs.exclude(gelezen_door=actor.gebruiker)
    return qs


def aantal_ongelezen(actor: Actor) -> int:
    """The inbox badge number."""
    return notificaties_voor(actor).count()


def overlappend(qs: QuerySet[Melding], begindatum: dt.date, einddatum: dt.date | None):
    """Meldingen whose period [begindatum, einddatum or begindatum] overlaps the given one
    (open end = until forever)."""
    q = Q(einddatum__isnull=False, einddatum__gte=begindatum) | Q(
        einddatum__isnull=True, begindatum__gte=begindatum
    )
    if einddatum is not None:
        q &= Q(begindatum__lte=einddatum)
    return qs.filter(q)
