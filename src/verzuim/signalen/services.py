"""Audited reads of signals (R-PR-1) and the writes outside the recompute (which lives in
``herberekening``): every read of a signal is a read of person data and is logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import transaction

from verzuim import clock
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.personen.brp import get_brp
from verzuim.personen.brp.velden import BrpFout, geboortedatum_uit
from verzuim.signalen import leerplichtigen as lijst
from verzuim.signalen import queries
from verzuim.signalen.fouten import GeenToegang
from verzuim.signalen.models import Signaal, SignaalStatus

DOEL = "signalen behandelen (R-SG-1..4)"
BRP_DOEL = "signalen"


@dataclass(frozen=True)
class Personalia:
    naam: str = ""
    geboortedatum: dt.date | None = None


def personalia(signalen) -> dict[int, Personalia]:
    """Name and birth date per pupil (BRP, purpose ``signalen``: R-ID-3), one BRP call; an
    onderwijsnummer pupil keeps the school's birth date. The caller audits the read."""
    leerlingen = {s.leerling_id: s.leerling for s in signalen}
    bsns = sorted({ll.burgerservicenummer for ll in leerlingen.values() if ll.burgerservicenummer})
    per_bsn: dict[str, dict] = {}
    if bsns:
        try:
            per_bsn = {p["burgerservicenummer"]: p for p in get_brp().raadpleeg(bsns, BRP_DOEL)}
        except BrpFout:
            per_bsn = {}
    uit = {}
    for lid, ll in leerlingen.items():
        p = per_bsn.get(ll.burgerservicenummer or "", {})
        naam = (p.get("naam") or {}).get("volledigeNaam", "")
        uit[lid] = Personalia(naam, geboortedatum_uit(p) or ll.geboortedatum)
    return uit


def _mag(actor: Actor) -> None:
    if not queries.mag_signalen_zien(actor):
        raise GeenToegang(
            "Alleen een gemeente, leerplichtdienst of RMC-regio (leerplicht) ziet signalen."
        )


def lees_signalen(actor: Actor, qs, actie: str = "signaal.lijst") -> list[Signaal]:
    """Evaluate a scoped, filtered, paginated list and audit one record per pupil shown."""
    _mag(actor)
    signalen = list(qs)
    personen = sorted({s.leerling.identificatie for s in signalen})
    if personen:
        audit.log_many(actor, actie, personen, doel=DOEL, object_type="signaal")
    return signalen


def lees_signaal(actor: Actor, signaal_uuid) -> Signaal:
    """One signal (NietGevonden for another organisation's), audited."""
    _mag(actor)
    with transaction.atomic():
        signaal = queries.signaal_voor(actor, signaal_uuid)
        audit.log(
            actor, "signaal.inzien", obj=signaal, persoon=signaal.leerling.identificatie, doel=DOEL
        )
    return signaal


# --- leerplichtigen (issue 10 item 1) -------------------------------------------------------

DOEL_LEERPLICHTIGEN = "leerplichtigen in de gemeente volgen (R-SG-1)"
CSV_KOLOMMEN = ["burgerservicenummer", "naam", "geboortedatum", "leeftijd", "status", "tot",
                "school", "vestiging", "adres", "diploma", "startkwalificatie"]  # fmt: skip


def lees_leerplichtigen(actor: Actor, filters, pagina: int = 1, per_pagina: int = 50):
    """One page of the list (Django Page) and its rows (the rules' status per person),
    audited per person shown."""
    controleer_inwoners(actor)
    with transaction.atomic():
        page = Paginator(lijst.leerplichtigen(actor, filters), per_pagina).get_page(pagina)
        rijen = lees_rijen(actor, list(page.object_list), filters)
    return page, rijen


def lees_rijen(actor: Actor, personen, filters) -> list:
    """The rows for a page of residents (already scoped by ``leerplichtigen``), audited."""
    controleer_inwoners(actor)
    rijen = lijst.rijen(actor, personen, filters.peildatum)
    _log_rijen(actor, "leerplichtigen.lijst", rijen, filters)
    return rijen


def controleer_inwoners(actor: Actor) -> None:
    if not lijst.mag_zien(actor):
        raise GeenToegang("Alleen een gemeente, leerplichtdienst of RMC-regio ziet haar inwoners.")


def _log_rijen(actor: Actor, actie: str, rijen, filters) -> None:
    if rijen:
        audit.log_many(
            actor,
            actie,
            [r.persoon.burgerservicenummer for r in rijen],
            doel=DOEL_LEERPLICHTIGEN,
            object_type="brppersoon",
            details={"peildatum": filters.peildatum.isoformat(), "zoekt": filters.zoekt},
        )


def csv_regel(r) -> list[str]:
    d = r.diploma
    return [
        r.persoon.burgerservicenummer,
        r.naam,
        r.persoon.geboortedatum.strftime("%d-%m-%Y"),
        str(r.leeftijd),
        r.status.status,
        r.status.tot.strftime("%d-%m-%Y") if r.status.tot else "",
        r.school or "",
        r.schoolcode or "",
        "afgeschermd" if r.adres_afgeschermd else ", ".join(r.adres),
        d.soort if d else "",
        "ja" if d and d.is_startkwalificatie else "nee",
    ]


def exporteer_leerplichtigen(actor: Actor, filters):
    """The whole filtered list as CSV rows (header first), streamed in parts; each part is
    audited as it is read (R-PR-1: every person exported is in the log)."""
    controleer_inwoners(actor)
    qs = lijst.leerplichtigen(actor, filters)
    audit.log(actor, "leerplichtigen.export", doel=DOEL_LEERPLICHTIGEN,
              details={"peildatum": filters.peildatum.isoformat(), "zoekt": filters.zoekt})  # fmt: skip

    def regels():
        yield CSV_KOLOMMEN
        for deel in lijst.in_delen(actor, qs, filters.peildatum):
            _log_rijen(actor, "leerplichtigen.export", deel, filters)
            for r in deel:
                yield csv_regel(r)

    return regels()


def verplaats_naar_leerling(van, naar) -> int:
    """R-ID-2: the onderwijsnummer pupil ``van`` was linked to ``naar``; its signals follow.
    Where both have an open signal of the same soort, ``van``'s is resolved first (one open
    signal per pupil and soort)."""
    open_naar = set(
        Signaal.objects.filter(leerling=naar, status=SignaalStatus.OPEN).values_list(
            "soort", flat=True
        )
    )
    nu = clock.now()
    Signaal.objects.filter(leerling=van, status=SignaalStatus.OPEN, soort__in=open_naar).update(
        status=SignaalStatus.OPGELOST,
        opgelost_op=clock.today(),
        oplossing="samengevoegd",
        oplossing_uitleg="Leerling samengevoegd met een andere registratie (R-ID-2).",
        gewijzigd=nu,
    )
    return Signaal.objects.filter(leerling=van).update(leerling=naar, gewijzigd=nu)
