"""Scoped reads of pupils (R-PR-1). A query never returns a pupil outside the caller's
organisation:

- a school: pupils currently enrolled (today, ``clock.today()``) at one of its vestigingen;
- a gemeente, leerplichtdienst or RMC-regio: persons whose BRP ``gemeenteVanInschrijving``
  is one of its gemeenten (``organisaties.queries.gemeenten_van``), onderwijsnummer pupils
  whose school-given gemeente is one of them (R-RT-3), and the pupils of its own casework
  that apps above personen add (``signals.leerlingen_zichtbaar_voor``; meldingen: the
  pupils of the meldingen routed to it);
- a user whose roles give no access to person data (beleidsmedewerker, privacy officer,
  registerbeheerder), the register organisation or no organisation: none;
- the system actor: all.

No audit here: the services that show or change person data write it.

The gemeente scope reads the local BRP store (``BrpPersoon``) as a set; with the
Haal Centraal backend that store is empty and only the melding/school-address routes apply
(a queryset cannot ask the remote BRP); single-person checks use ``services.woongemeente_van``.
"""

from __future__ import annotations

import uuid as uuid_mod

from django.db.models import Q, QuerySet

from verzuim import clock
from verzuim.accounts.models import heeft_persoonsrol
from verzuim.audit.context import Actor
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.organisaties.queries import gemeenten_van, gemeentenummers_van
from verzuim.personen.fouten import NietGevonden
from verzuim.personen.models import BrpPersoon, Inschrijving, Leerling
from verzuim.personen.signals import leerlingen_zichtbaar_voor

GEMEENTELIJKE_SOORTEN = frozenset(
    {OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST, OrganisatieSoort.RMC_REGIO}
)
SLEUTELS = ("burgerservicenummer", "onderwijsnummer")


def is_school(actor: Actor) -> bool:
    return actor.organisatie is not None and actor.organisatie.soort == OrganisatieSoort.SCHOOL


def is_gemeentelijk(actor: Actor) -> bool:
    return actor.organisatie is not None and actor.organisatie.soort in GEMEENTELIJKE_SOORTEN


def _huidig_ingeschreven(instelling) -> Q:
    vandaag = clock.today()
    return Q(
        Q(inschrijvingen__einddatum__isnull=True) | Q(inschrijvingen__einddatum__gte=vandaag),
        inschrijvingen__vestiging__instelling=instelling,
        inschrijvingen__begindatum__lte=vandaag,
    )


def zichtbare_leerlingen(actor: Actor) -> QuerySet[Leerling]:
    """The pupils the actor's organisation may see (R-PR-1); see the module docstring."""
    if actor.is_systeem:
        return Leerling.objects.all()
    org = actor.organisatie
    if org is None:
        return Leerling.objects.none()
    if actor.soort == "gebruiker" and not heeft_persoonsrol(actor):
        return Leerling.objects.none()
    if org.soort == OrganisatieSoort.SCHOOL:
        return Leerling.objects.filter(
            pk__in=Leerling.objects.filter(_huidig_ingeschreven(org)).values("pk")
        )
    if org.soort not in GEMEENTELIJKE_SOORTEN:
        return Leerling.objects.none()
    bsns = BrpPersoon.objects.filter(gemeente_van_inschrijving__in=gemeentenummers_van(org)).values(
        "burgerservicenummer"
    )
    zichtbaar = Q(burgerservicenummer__in=bsns) | Q(
        burgerservicenummer__isnull=True, opgegeven_gemeente__in=gemeenten_van(org)
    )
    for _, ids in leerlingen_zichtbaar_voor.send(sender=Leerling, actor=actor):
        if ids is not None:
            zichtbaar |= Q(pk__in=ids)
    return Leerling.objects.filter(zichtbaar)


def sleutel(ref) -> dict[str, str] | None:
    """{"burgerservicenummer": …} or {"onderwijsnummer": …} from a reference dict (extra
    keys such as geboortedatum/adres are ignored); None when it names neither or both."""
    if not isinstance(ref, dict):
        return None
    gevonden = {k: ref[k] for k in SLEUTELS if ref.get(k) is not None}
    return gevonden if len(gevonden) == 1 else None


def leerling_voor(actor: Actor, ref) -> Leerling:
    """One visible pupil by {"burgerservicenummer"} / {"onderwijsnummer"} or by its uuid;
    NietGevonden otherwise (also for another organisation's pupil: API 404)."""
    if isinstance(ref, dict):
        filters = sleutel(ref)
    else:
        try:
            filters = {"uuid": ref if isinstance(ref, uuid_mod.UUID) else uuid_mod.UUID(str(ref))}
        except ValueError:
            filters = None
    leerling = zichtbare_leerlingen(actor).filter(**filters).first() if filters else None
    if leerling is None:
        raise NietGevonden("Leerling niet gevonden.")
    return leerling


def leerling_ids(bsns) -> dict[str, int]:
    """Pupil ids by BSN. Unscoped: for the system's jobs (signals), never for a user."""
    bsns = sorted(set(bsns))
    uit: dict[str, int] = {}
    for start in range(0, len(bsns), 500):
        deel = bsns[start : start + 500]
        uit.update(
            Leerling.objects.filter(burgerservicenummer__in=deel).values_list(
                "burgerservicenummer", "id"
            )
        )
    return uit


def inschrijvingen_van_school(actor: Actor) -> QuerySet[Inschrijving]:
    """All inschrijvingen at the actor's school (past, current and future); none otherwise."""
    if actor.is_systeem:
        return Inschrijving.objects.all()
    if not is_school(actor):
        return Inschrijving.objects.none()
    return Inschrijving.objects.filter(vestiging__instelling=actor.organisatie)


def inschrijving_voor(actor: Actor, inschrijving_uuid, *, for_update: bool = False):
    """One inschrijving of the actor's school by uuid, else NietGevonden (API 404)."""
    try:
        u = uuid_mod.UUID(str(inschrijving_uuid))
    except ValueError:
        raise NietGevonden("Inschrijving niet gevonden.") from None
    qs = inschrijvingen_van_school(actor).select_related("leerling", "vestiging")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    inschrijving = qs.filter(uuid=u).first()
    if inschrijving is None:
        raise NietGevonden("Inschrijving niet gevonden.")
    return inschrijving
