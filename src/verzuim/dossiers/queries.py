"""Scoped reads of dossiers (R-PR-1, item 9 of issue 9). A query never returns a dossier of
another organisation:

- the handling organisation's (a gemeente, leerplichtdienst or RMC-regio) leerplicht-
  ambtenaren (BOA's among them) and administratief medewerkers see its dossiers;
- the administratief medewerker sees no special categories (R-PR-5): activities marked
  `bijzonder` (health, criminal data) are left out for them;
- a beleidsmedewerker, privacy officer, school or the register's users: none;
- the system actor sees all (the seams: intake, forwarding);
- an API application with scope `dossiers.lezen` / `dossiers.schrijven` its organisation's.

No audit here: the read services in `services.py` log what is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from verzuim.accounts import afscherming
from verzuim.accounts.models import Rol
from verzuim.audit.context import Actor
from verzuim.dossiers.fouten import NietGevonden
from verzuim.dossiers.models import (
    Activiteit,
    ActiviteitSoort,
    Dossier,
    DossierMelding,
    DossierStatus,
    Verzuimoverzichtverzoek,
    Werkaantekening,
)
from verzuim.invoer import als_uuid
from verzuim.meldingen.codes import Status
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.personen.brp import get_brp
from verzuim.personen.brp.velden import BrpFout, geboortedatum_uit
from verzuim.personen.queries import zichtbare_leerlingen

BEHANDELENDE_SOORTEN = frozenset(
    {OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST, OrganisatieSoort.RMC_REGIO}
)
#: Who works dossiers (issue 9 item 9): no RMC-trajectbegeleider, beleid or privacy officer.
ROLLEN = frozenset({Rol.LEERPLICHTAMBTENAAR, Rol.ADMINISTRATIEF_MEDEWERKER})
#: API scopes (the dossiers API builds on these).
SCOPE_LEZEN = "dossiers.lezen"
SCOPE_SCHRIJVEN = "dossiers.schrijven"


def mag_dossiers_zien(actor: Actor) -> bool:
    if actor.is_systeem:
        return True
    org = actor.organisatie
    if org is None or org.soort not in BEHANDELENDE_SOORTEN:
        return False
    if actor.soort == "api":
        return bool(actor.scopes & {SCOPE_LEZEN, SCOPE_SCHRIJVEN})
    return actor.heeft_rol(*ROLLEN)


def mag_dossiers_wijzigen(actor: Actor) -> bool:
    if actor.soort == "api":
        return mag_dossiers_zien(actor) and SCOPE_SCHRIJVEN in actor.scopes
    return mag_dossiers_zien(actor)


def ziet_bijzondere_categorieen(actor: Actor) -> bool:
    """R-PR-5: special categories only for the handling LPA (and the system; an API
    application acts for the organisation's casework software): the one policy,
    ``accounts.afscherming``, within the dossiers this actor may see."""
    return mag_dossiers_zien(actor) and afscherming.ziet_bijzondere_gegevens(actor)


def dossiers_voor(actor: Actor) -> QuerySet[Dossier]:
    """Every dossier (open and closed) the actor may see."""
    qs = Dossier.objects.select_related("leerling", "organisatie", "gemeente", "behandelaar")
    if not mag_dossiers_zien(actor):
        return qs.none()
    if actor.is_systeem:
        return qs
    return qs.filter(organisatie=actor.organisatie)


def open_dossiers_voor(actor: Actor) -> QuerySet[Dossier]:
    return dossiers_voor(actor).filter(status=DossierStatus.OPEN)


def werklijst_filters(vandaag: dt.date, gebruiker) -> dict[str, Q]:
    """The worklist's folders (R-CW-4) as conditions on the open dossiers of the user's
    organisation: overdue, due this week (to Sunday), a new melding nobody picked up,
    waiting for the school's verzuimoverzicht, the user's own, unassigned. The two on other
    tables are `IN (subquery)` over the organisation's rows, not a correlated EXISTS: the
    counts of every folder run in one aggregate, and PostgreSQL then hashes each subquery
    once instead of probing it per dossier (7 ms instead of 30-60 ms at 5,000 dossiers,
    benchmarks/dossiers.py)."""
    week_eind = vandaag + dt.timedelta(days=6 - vandaag.weekday())
    org = gebruiker.organisatie_id
    nieuw = DossierMelding.objects.filter(
        dossier__organisatie_id=org,
        doorgestuurd__isnull=True,
        melding__status=Status.GEREGISTREERD,
    ).values("dossier_id")
    wacht = Verzuimoverzichtverzoek.objects.filter(
        dossier__organisatie_id=org, beantwoord__isnull=True, vervallen__isnull=True
    ).values("dossier_id")
    return {
        "alle": Q(),
        "te-laat": Q(volgende_actie__lt=vandaag),
        "deze-week": Q(volgende_actie__gte=vandaag, volgende_actie__lte=week_eind),
        "nieuw": Q(pk__in=nieuw),
        "wacht-op-school": Q(pk__in=wacht),
        "mijn": Q(behandelaar=gebruiker),
        "onverdeeld": Q(behandelaar__isnull=True),
    }


def leerling_voor(actor: Actor, leerling_uuid):
    """A pupil the actor's organisation may see (R-PR-1), or NietGevonden (another
    organisation's pupil: 404, asked before any form is read)."""
    u = als_uuid(leerling_uuid)
    leerling = zichtbare_leerlingen(actor).filter(uuid=u).first() if u else None
    if leerling is None:
        raise NietGevonden("Leerling niet gevonden.")
    return leerling


def dossier_voor(actor: Actor, dossier_uuid, *, for_update: bool = False) -> Dossier:
    """One dossier by uuid, or NietGevonden (also another organisation's: 404)."""
    u = als_uuid(dossier_uuid)
    if u is None:
        raise NietGevonden("Dossier niet gevonden.")
    qs = dossiers_voor(actor)
    if for_update:
        qs = qs.select_for_update(of=("self",))
    # uuid is unique: no ordering to compile (every write looks its dossier up here).
    dossier = next(iter(qs.filter(uuid=u).order_by()[:1]), None)
    if dossier is None:
        raise NietGevonden("Dossier niet gevonden.")
    return dossier


def activiteiten_van(actor: Actor, dossier: Dossier) -> QuerySet[Activiteit]:
    """The timeline (newest first); without special categories for whom may not see them."""
    qs = Activiteit.objects.filter(dossier=dossier).select_related("soort", "auteur")
    if not ziet_bijzondere_categorieen(actor):
        qs = qs.filter(bijzonder=False)
    return qs


@dataclass(frozen=True)
class AfgeschermdeActiviteit:
    """A timeline entry of a special category (health, criminal data; R-PR-5) as whom may
    not see it gets it: that there is one and when, not what, of which kind or with whom."""

    uuid: object
    datum: dt.date
    geregistreerd: dt.datetime
    afgeschermd: bool = True
    soort_id: str = ""
    bron: str = ""


def tijdlijn_van(actor: Actor, dossier: Dossier) -> list:
    """The timeline for the dossier page and the API (newest first): an entry the actor may
    not see (R-PR-5) stays in its place as an `AfgeschermdeActiviteit`."""
    qs = Activiteit.objects.filter(dossier=dossier).select_related("soort", "auteur")
    if ziet_bijzondere_categorieen(actor):
        return list(qs)
    return [
        AfgeschermdeActiviteit(a.uuid, a.datum, a.geregistreerd) if a.bijzonder else a for a in qs
    ]


def activiteitsoorten(actor: Actor | None = None, *, handmatig: bool = True):
    """The active activity types a user can record (the form's list); without the special
    categories for whom may not see them."""
    qs = ActiviteitSoort.objects.filter(actief=True)
    if handmatig:
        qs = qs.filter(handmatig=True)
    if actor is not None and not ziet_bijzondere_categorieen(actor):
        qs = qs.filter(bijzondere_categorie=False)
    return qs


def werkaantekeningen_van(actor: Actor, dossier: Dossier) -> QuerySet[Werkaantekening]:
    """R-PR-2: only the actor's own notes; an API application or the system has none."""
    if actor.soort != "gebruiker" or actor.gebruiker is None:
        return Werkaantekening.objects.none()
    return Werkaantekening.objects.filter(dossier=dossier, auteur=actor.gebruiker).select_related(
        "afweging"
    )


def werkaantekeningen_voor_inzage(actor: Actor, leerling) -> QuerySet[Werkaantekening]:
    """R-PR-2a: every author's notes on the organisation's (open) dossiers of the pupil, with
    their balancing decision, for an inzage only: the leerplichtambtenaar's scope (the
    inzage's organisation-wide reader), never the administratief medewerker's. No audit here:
    the inzage logs the export or the review."""
    if not (actor.is_systeem or actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR)):
        return Werkaantekening.objects.none()
    return (
        Werkaantekening.objects.filter(dossier__in=dossiers_voor(actor), dossier__leerling=leerling)
        .select_related("afweging", "auteur", "dossier")
        .order_by("dossier__geopend", "aangemaakt", "id")
    )


def verzoeken_aan_school(actor: Actor) -> QuerySet[Verzuimoverzichtverzoek]:
    """The verzuimoverzicht requests addressed to the actor's school (R-CW-3, R-PR-1: a
    school sees only the requests about its own meldingen)."""
    org = actor.organisatie
    if org is None or org.soort != OrganisatieSoort.SCHOOL:
        return Verzuimoverzichtverzoek.objects.none()
    if actor.soort == "gebruiker" and not actor.heeft_rol(Rol.SCHOOLMEDEWERKER):
        return Verzuimoverzichtverzoek.objects.none()
    return Verzuimoverzichtverzoek.objects.filter(school=org).select_related(
        "melding", "melding__leerling", "dossier__organisatie"
    )


def personalia(leerlingen) -> dict[int, dict]:
    """Name and birth date per pupil id (BRP, purpose `dossier`: one call for all; an
    onderwijsnummer pupil or an unreachable BRP keeps the school's birth date and no name).
    The pages and the API show them; the caller audits the read."""
    leerlingen = {ll.pk: ll for ll in leerlingen}
    bsns = sorted({ll.burgerservicenummer for ll in leerlingen.values() if ll.burgerservicenummer})
    per_bsn = {}
    if bsns:
        try:
            per_bsn = {p["burgerservicenummer"]: p for p in get_brp().raadpleeg(bsns, "dossier")}
        except BrpFout:
            per_bsn = {}
    uit = {}
    for pk, ll in leerlingen.items():
        p = per_bsn.get(ll.burgerservicenummer or "", {})
        uit[pk] = {
            "naam": (p.get("naam") or {}).get("volledigeNaam", ""),
            "geboortedatum": geboortedatum_uit(p) or ll.geboortedatum,
        }
    return uit
