"""What the leerling pages show, read within the caller's organisation and audited
(issue 2: "a user of gemeente A cannot see persons of gemeente B"; R-PR-1, R-ID-5, R-PR-5).

- ``zoek_leerling(actor, nummer)``: BSN or onderwijsnummer (entered in a POST form, never in
  a URL) → the pupil if the actor's organisation may see it, else ``Leerling.DoesNotExist``.
  Every search is audited, also one that finds nothing (it names the person looked for).
- ``leerlingkaart(actor, uuid)``: BRP data (name, birth date, address; for the gemeente or
  dienst also the parents), inschrijvingen, diploma's, vrijstellingen and the leerplicht
  status today with its reasons. Other apps add sections (``registreer_sectie``: the
  meldingen of the pupil the viewer may see).

Need to know: the address of a person with ``geheimhoudingPersoonsgegevens`` is never shown
to a school (R-ID-5) and only to a leerplichtambtenaar of the gemeente/dienst (R-PR-5); the
ground of a vrijstelling (5a health, 5b religion, and the others too: docs/decisions.md)
likewise only to the leerplichtambtenaar. Who that is, and the masking, live in one place
for the page and the API: ``accounts.afscherming`` (through ``leerplicht.status_voor`` /
``grond_voor`` for the vrijstelling ground).
A school sees only its own inschrijvingen of the pupil.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import prefetch_related_objects

from verzuim import clock
from verzuim.accounts import afscherming
from verzuim.accounts.models import heeft_persoonsrol
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.personen import leerplicht
from verzuim.personen.brp.velden import fields_voor, geboortedatum_uit
from verzuim.personen.fouten import GeenToegang
from verzuim.personen.identificatie import is_bsn, is_onderwijsnummer
from verzuim.personen.models import Diploma, Inschrijving, Leerling, Vrijstelling
from verzuim.personen.queries import is_gemeentelijk, is_school
from verzuim.rules.decisions import Reason
from verzuim.rules.leerplicht import LeerplichtStatus

DOEL_ZOEKEN = "leerling opzoeken"
DOEL_INZIEN = "leerlinggegevens inzien"
# The BRP purpose of this page: name, birth date and address only (doelbinding, R-ID-3);
# the gemeente or dienst also gets the parents' names (it writes to them, R-CW-4).
BRP_DOEL = "leerlingkaart"
BRP_DOEL_OUDERS = "leerlingkaart-ouders"

#: Sections other apps add to the page (their own data about the pupil, read and audited
#: by their own services), registered in their AppConfig.ready(): a function
#: (actor, leerling) -> {"template": …, "stylesheet": static path (optional), **context} or
#: None. Called in order of registration.
_SECTIES: list[Callable] = []


def registreer_sectie(functie: Callable) -> None:
    if functie not in _SECTIES:
        _SECTIES.append(functie)


def secties(actor: Actor, leerling: Leerling) -> list[dict]:
    return [s for s in (f(actor, leerling) for f in _SECTIES) if s]


@dataclass
class Leerlingkaart:
    leerling: Leerling
    peildatum: dt.date
    naam: str = ""
    geboortedatum: dt.date | None = None
    adres: list[str] = field(default_factory=list)
    adres_afgeschermd: bool = False
    inschrijvingen: list[Inschrijving] = field(default_factory=list)
    diplomas: list[Diploma] = field(default_factory=list)
    vrijstellingen: list[tuple[Vrijstelling, str]] = field(default_factory=list)
    status: LeerplichtStatus | None = None
    redenen: list[Reason] = field(default_factory=list)
    ouders: list[dict] = field(default_factory=list)  # {"naam", "aanduiding"}
    toont_ouders: bool = False
    geheim_adres: bool = False


def mag_persoonsgegevens_zien(actor: Actor) -> bool:
    return heeft_persoonsrol(actor)


def _zichtbaar(actor: Actor):
    """The pupils the actor's organisation may see (R-PR-1)."""
    if not mag_persoonsgegevens_zien(actor):
        raise GeenToegang(actor.label)
    return leerplicht.zichtbare_leerlingen(actor)


def sleutel_van(nummer: str) -> dict[str, str] | None:
    """A typed-in number as {"burgerservicenummer"} or {"onderwijsnummer"} (R-ID-1: the
    11-proef and the onderwijsnummer check exclude each other); None when neither."""
    nummer = "".join(nummer.split()).replace(".", "")
    if is_bsn(nummer):
        return {"burgerservicenummer": nummer}
    if is_onderwijsnummer(nummer):
        return {"onderwijsnummer": nummer}
    return None


def zoek_leerling(actor: Actor, sleutel: dict[str, str]) -> Leerling:
    with transaction.atomic():
        gevonden = _zichtbaar(actor).filter(**sleutel).first()
        audit.log(
            actor,
            "leerling.zoeken",
            obj=gevonden,
            object_type="leerling",
            persoon=next(iter(sleutel.values())),
            doel=DOEL_ZOEKEN,
            details={"gevonden": gevonden is not None},
        )
    if gevonden is None:
        raise Leerling.DoesNotExist
    return gevonden


def _brp(leerling: Leerling, doel: str) -> dict:
    """The BRP person (Haal Centraal shape) for the fields this page needs, or {}."""
    if not leerling.burgerservicenummer:
        return {}
    return leerplicht.brp_persoon(leerling.burgerservicenummer, doel)


def _ouders(persoon: dict) -> list[dict]:
    return [
        {"naam": _naam(o), "aanduiding": o.get("ouderAanduiding", "")}
        for o in persoon.get("ouders") or []
        if _naam(o)
    ]


def _naam(persoon: dict) -> str:
    naam = persoon.get("naam") or {}
    delen = [naam.get("voornamen"), naam.get("voorvoegsel"), naam.get("geslachtsnaam")]
    return " ".join(d for d in delen if d)


def _adres(persoon: dict) -> list[str]:
    adres = (persoon.get("verblijfplaats") or {}).get("verblijfadres") or {}
    straat = " ".join(
        str(d)
        for d in (
            adres.get("officieleStraatnaam") or adres.get("korteStraatnaam"),
            adres.get("huisnummer"),
            adres.get("huisletter"),
            adres.get("huisnummertoevoeging"),
        )
        if d
    )
    plaats = " ".join(str(d) for d in (adres.get("postcode"), adres.get("woonplaats")) if d)
    return [regel for regel in (straat, plaats) if regel]


def leerlingkaart(actor: Actor, uuid) -> Leerlingkaart:
    """The leerling page's data; ``Leerling.DoesNotExist`` when out of scope (→ 404)."""
    with transaction.atomic():
        leerling = _zichtbaar(actor).get(uuid=uuid)
        kaart = Leerlingkaart(leerling=leerling, peildatum=clock.today())
        kaart.toont_ouders = is_gemeentelijk(actor)
        doel = BRP_DOEL_OUDERS if kaart.toont_ouders else BRP_DOEL
        persoon = _brp(leerling, doel)
        kaart.naam = _naam(persoon)
        kaart.ouders = _ouders(persoon) if kaart.toont_ouders else []
        kaart.geboortedatum = geboortedatum_uit(persoon)
        kaart.geboortedatum = kaart.geboortedatum or leerling.geboortedatum
        geheim = bool(persoon.get("geheimhoudingPersoonsgegevens"))
        adres = afscherming.adres(actor, geheim, _adres(persoon))
        kaart.adres_afgeschermd = adres is None
        kaart.adres = adres or []
        # The handling LPA sees the flag itself: letters go straight to the person (R-ID-5).
        kaart.geheim_adres = geheim and not kaart.adres_afgeschermd
        # Once, for the page and for the leerplicht status below (feiten_van reads them too).
        prefetch_related_objects(
            [leerling], "inschrijvingen__vestiging__instelling", "diplomas", "vrijstellingen"
        )
        inschrijvingen = leerling.inschrijvingen.all()
        if is_school(actor):  # the school sees only its own enrolments
            inschrijvingen = [
                i for i in inschrijvingen if i.vestiging.instelling_id == actor.organisatie.pk
            ]
        kaart.inschrijvingen = sorted(inschrijvingen, key=lambda i: i.begindatum, reverse=True)
        kaart.diplomas = sorted(leerling.diplomas.all(), key=lambda d: d.datum, reverse=True)
        kaart.vrijstellingen = [
            (v, leerplicht.grond_voor(actor, v))
            for v in sorted(leerling.vrijstellingen.all(), key=lambda v: v.begindatum, reverse=True)
        ]
        if kaart.geboortedatum is not None:
            kaart.status = leerplicht.status_voor(
                actor,
                leerplicht.leerplicht_status_van(
                    leerling, kaart.peildatum, geboortedatum=kaart.geboortedatum
                ),
            )
            kaart.redenen = list(kaart.status.reasons)
        audit.log(
            actor,
            "leerling.inzien",
            obj=leerling,
            persoon=leerling.identificatie,
            doel=DOEL_INZIEN,
            details={
                "adres_afgeschermd": kaart.adres_afgeschermd,
                "velden": fields_voor(doel) if leerling.burgerservicenummer else [],
            },
        )
    return kaart
