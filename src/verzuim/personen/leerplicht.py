"""The register's data about a pupil as the rules library's person facts, and the leerplicht
status on a date (R-LP-1..9, R-VR-1).

- ``feiten_van(leerling)`` / ``leerplicht_status_van(leerling, peildatum)``: plain reads for
  other code (meldingen validation R-ME-3, signals R-SG-1); no scoping, no audit — the caller
  has done both.
- ``raadpleeg_leerplichtstatus(actor, sleutel, peildatum)`` / ``raadpleeg_feiten(...)``: the
  service behind ``POST /api/v1/leerplichtstatus`` and the keuzehulp: finds the pupil within
  the actor's organisation (R-PR-1, 404 otherwise) and writes the audit record in the same
  transaction.
- ``status_voor(actor, status)``: the one place where the grounds of a vrijstelling (R-VR-1:
  5a health, 5b religion, …) are masked for everyone but the handling leerplichtambtenaar of
  the pupil's gemeente/dienst (R-PR-5). ``raadpleeg_leerplichtstatus`` and the leerling page
  (``leerlingkaart``) both answer through it.

The birth date comes from the BRP (R-ID-3, doelbinding: only ``geboorte.datum`` is asked);
for a pupil known only by onderwijsnummer, from what the school gave.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db import transaction
from django.db.models import QuerySet

from verzuim.accounts import afscherming
from verzuim.accounts.models import heeft_persoonsrol
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.organisaties.queries import gemeentenummers_van
from verzuim.personen import queries
from verzuim.personen.brp.velden import geboortedatum_uit
from verzuim.personen.models import Leerling
from verzuim.rules import leerplicht as lp
from verzuim.rules.decisions import Reason

DOEL_LEERPLICHTSTATUS = "leerplichtstatus bepalen"
# The organisations whose leerplichtambtenaren handle a pupil's vrijstelling (R-VR-1, R-PR-5).
GROND_AFGESCHERMD = afscherming.GROND_AFGESCHERMD


class GeboortedatumOnbekend(LookupError):
    """Neither the BRP nor the school gave a birth date: no status can be derived."""


def brp_persoon(bsn: str, doel: str) -> dict:
    """The BRP person (Haal Centraal v2 shape) with the fields of ``doel`` (R-ID-3), or {}."""
    from verzuim.personen.brp import get_brp

    personen = get_brp().raadpleeg([bsn], doel)
    return personen[0] if personen else {}


def zichtbare_leerlingen(actor: Actor) -> QuerySet[Leerling]:
    """The pupils the actor's organisation may see (R-PR-1): ``personen.queries``."""
    return queries.zichtbare_leerlingen(actor)


# --- facts and status --------------------------------------------------------------------


def geboortedatum_van(leerling: Leerling) -> dt.date | None:
    """BRP birth date for a BSN pupil (R-ID-3, only `geboorte` asked), else the school's."""
    if leerling.burgerservicenummer:
        datum = geboortedatum_uit(brp_persoon(leerling.burgerservicenummer, "leerplicht"))
        if datum:
            return datum
    return leerling.geboortedatum


def feiten_van(leerling: Leerling, geboortedatum: dt.date | None = None) -> lp.PersoonFeiten:
    """The person facts of the rules library: birth date (given, else BRP, else school),
    diplomas (R-LP-4/5), enrolment history (R-LP-3) and vrijstellingen (R-VR-1)."""
    geboortedatum = geboortedatum or geboortedatum_van(leerling)
    if geboortedatum is None:
        raise GeboortedatumOnbekend(leerling.identificatie)
    return lp.PersoonFeiten(
        geboortedatum=geboortedatum,
        diplomas=[lp.Diploma(d.soort, d.datum) for d in leerling.diplomas.all()],
        inschrijvingen=[
            lp.Inschrijving(i.begindatum, i.einddatum) for i in leerling.inschrijvingen.all()
        ],
        vrijstellingen=[
            lp.Vrijstelling(v.artikel, v.begindatum, v.einddatum)
            for v in leerling.vrijstellingen.all()
        ],
    )


def leerplicht_status_van(
    leerling: Leerling,
    peildatum: dt.date,
    *,
    geboortedatum: dt.date | None = None,
    policy: lp.LeerplichtPolicy | None = None,
) -> lp.LeerplichtStatus:
    """The leerplicht status of a pupil on ``peildatum`` with its end and reasons.
    Raises ``GeboortedatumOnbekend`` when no birth date is known."""
    feiten = feiten_van(leerling, geboortedatum)
    return lp.leerplicht_status(feiten, peildatum, policy or lp.LeerplichtPolicy())


def heeft_startkwalificatie_op(feiten: lp.PersoonFeiten, datum: dt.date) -> bool:
    return lp.heeft_startkwalificatie(feiten.diplomas, datum)


def status_voor(actor: Actor, status: lp.LeerplichtStatus) -> lp.LeerplichtStatus:
    """The status as ``actor`` may see it: for anyone but the handling leerplichtambtenaar the
    R-VR-1 reason says only that a vrijstelling is registered, not on which ground (R-PR-5).
    The status itself ("vrijgesteld") and its end date stay: a school needs them."""
    if afscherming.ziet_bijzondere_gegevens(actor):
        return status
    redenen = tuple(
        Reason(r.rule_id, GROND_AFGESCHERMD) if r.rule_id == "R-VR-1" else r for r in status.reasons
    )
    return dataclasses.replace(status, reasons=redenen)


def grond_voor(actor: Actor, vrijstelling) -> str:
    """The ground of a vrijstelling as ``actor`` may see it: the article for the handling
    leerplichtambtenaar, otherwise only that one is registered (R-PR-5; the same rule as
    ``status_voor``)."""
    return afscherming.vrijstellingsgrond(actor, vrijstelling.get_artikel_display())


def _zichtbare_leerling(actor: Actor, sleutel: dict) -> Leerling:
    """The pupil by BSN or onderwijsnummer if the actor's organisation may see it (R-PR-1);
    raises ``Leerling.DoesNotExist`` otherwise (the API answers 404 either way)."""
    return zichtbare_leerlingen(actor).get(**sleutel)


def raadpleeg_feiten(actor: Actor, sleutel: dict, *, doel: str) -> lp.PersoonFeiten:
    """Scoped, audited read of a pupil's facts (birth date, diplomas, enrolments, vrijstellingen)."""
    with transaction.atomic():
        leerling = _zichtbare_leerling(actor, sleutel)
        feiten = feiten_van(leerling)
        audit.log(
            actor, "leerplichtfeiten.lezen", obj=leerling, persoon=leerling.identificatie, doel=doel
        )
    return feiten


def _ingezetene(actor: Actor, sleutel: dict) -> dt.date | None:
    """The birth date of a BRP person living in one of the actor's gemeenten (a gemeente,
    leerplichtdienst or RMC-regio sees every resident, known pupil or not: R-PR-1, issue 10),
    read through the BRP with the fields of purpose "leerplicht"; None when not visible."""
    bsn = sleutel.get("burgerservicenummer")
    if not bsn or not queries.is_gemeentelijk(actor):
        return None
    if actor.soort == "gebruiker" and not heeft_persoonsrol(actor):
        return None
    persoon = brp_persoon(bsn, "leerplicht")
    woont = (persoon.get("gemeenteVanInschrijving") or {}).get("code")
    if woont is None or str(woont) not in gemeentenummers_van(actor.organisatie):
        return None
    return geboortedatum_uit(persoon)


def raadpleeg_leerplichtstatus(
    actor: Actor, sleutel: dict, peildatum: dt.date, *, doel: str = DOEL_LEERPLICHTSTATUS
) -> lp.LeerplichtStatus:
    """Scoped, audited leerplicht status on ``peildatum`` (R-LP, R-PR-1) of a pupil the actor
    may see, or — for a gemeente, leerplichtdienst or RMC-regio — of any resident of its
    gemeenten, known pupil or not; with the grounds of a vrijstelling masked unless the actor
    handles it (R-PR-5, ``status_voor``). Raises ``Leerling.DoesNotExist`` otherwise."""
    with transaction.atomic():
        leerling = zichtbare_leerlingen(actor).filter(**sleutel).first()
        if leerling is not None:
            status = leerplicht_status_van(leerling, peildatum)
            obj, persoon = leerling, leerling.identificatie
        else:
            geboortedatum = _ingezetene(actor, sleutel)
            if geboortedatum is None:
                raise Leerling.DoesNotExist
            status = lp.leerplicht_status(lp.PersoonFeiten(geboortedatum), peildatum)
            obj, persoon = None, sleutel["burgerservicenummer"]
        status = status_voor(actor, status)
        audit.log(
            actor,
            "leerplichtstatus.lezen",
            obj=obj,
            object_type="" if obj else "brppersoon",
            persoon=persoon,
            doel=doel,
            details={"peildatum": peildatum.isoformat(), "status": status.status},
        )
    return status
