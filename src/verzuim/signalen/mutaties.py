"""BRP mutations (R-SG-5): the register keeps its local BRP store current and re-evaluates the
person at once. From a file (`verzuim brp-mutaties FILE`, JSON lines) or the API
(`POST /api/v1/brp-mutaties`, scope ``brp.mutaties``); both go through ``verwerk``.

A mutation (Haal Centraal field names)::

    {"id": "…", "burgerservicenummer": "…", "soort": "verhuizing", "datum": "2026-11-20",
     "gemeenteVan": "0392", "gemeenteNaar": "0363",
     "verblijfadres": {"officieleStraatnaam", "huisnummer", "huisletter"?,
                       "huisnummertoevoeging"?, "postcode", "woonplaats"},
     "persoon": {"naam": {…}, "geboorte": {"datum": "…"}, "geslacht"?}}   # moved in, new

- ``verhuizing``: ``gemeenteNaar`` required (GM code or the BRP's 4 digits); a person new to
  the store (moved in from abroad or from outside the register) needs ``persoon`` with the
  birth date. Open meldingen stay with their gemeente and show "verhuisd — doorsturen?"
  (R-RT-5, derived from the store on every view); the answer lists them.
- ``overlijden``, ``emigratie`` (``land``?): the person leaves the doelgroep; open signals
  close. After emigration the person is a niet-ingezetene (RNI).
- ``adreswijziging``: ``verblijfadres`` required. ``geheimhouding``:
  ``geheimhoudingPersoonsgegevens`` (default true), R-ID-5.

Idempotent per ``id``: the same id with the same body answers the first result (nieuw=False);
with another body it is a RegisterConflict (409). One transaction: the mutation record, the
store, the person's signals (``herberekening.herbereken_persoon``) and the audit record; then
``personen.signals.brp_mutatie`` tells the apps above (dossiers)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import orjson
from django.db import transaction

from verzuim import clock
from verzuim.accounts.models import Scope
from verzuim.audit import services as audit
from verzuim.audit.context import SYSTEEM, Actor
from verzuim.invoer import Fouten, lees_datum
from verzuim.meldingen.codes import OPEN_STATUSSEN
from verzuim.meldingen.models import Melding
from verzuim.meldingen.woonplaats import woonplaatsen
from verzuim.organisaties.models import Gemeente, OrganisatieSoort
from verzuim.organisaties.queries import gemeentenummers_van
from verzuim.personen.identificatie import RNI_GEMEENTE, is_bsn
from verzuim.personen.models import BrpPersoon
from verzuim.personen.signals import brp_mutatie
from verzuim.signalen.fouten import GeenToegang, NietGevonden, Ongeldig, RegisterConflict
from verzuim.signalen.herberekening import herbereken_persoon
from verzuim.signalen.models import BrpMutatie
from verzuim.signalen.toepassen import vergrendel

DOEL = "BRP-mutatie verwerken (R-SG-5)"
SOORTEN = ("verhuizing", "overlijden", "emigratie", "adreswijziging", "geheimhouding")
ADRESVELDEN = ("officieleStraatnaam", "huisnummer", "huisletter", "huisnummertoevoeging",
               "postcode", "woonplaats")  # fmt: skip
_POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")
_GEMEENTE = re.compile(r"^(GM)?([0-9]{4})$")
MAX_ID = 100
#: The store's columns each soort may change.
VELDEN = {
    "verhuizing": ["gemeente_van_inschrijving", "verhuizingen", "verblijfadres", "adres_datum_van"],
    "overlijden": ["overlijdensdatum"],
    "emigratie": ["emigratiedatum", "emigratieland", "gemeente_van_inschrijving", "verblijfadres"],
    "adreswijziging": ["verblijfadres", "adres_datum_van"],
    "geheimhouding": ["geheimhouding_persoonsgegevens"],
}


@dataclass(frozen=True)
class Verwerking:
    resultaat: dict
    nieuw: bool


# --- input ----------------------------------------------------------------------------------


def _gemeente(waarde, naam: str, fouten: Fouten, *, verplicht: bool) -> str | None:
    """A gemeente as the BRP's 4 digits; GM0363 and 0363 are both accepted (R-ID-4)."""
    if waarde is None:
        if verplicht:
            fouten.add(naam, "required", "Verplicht bij een verhuizing.")
        return None
    m = _GEMEENTE.match(waarde) if isinstance(waarde, str) else None
    if m is None or not Gemeente.objects.filter(code=f"GM{m.group(2)}").exists():
        fouten.add(naam, "invalid", "Geen bekende gemeentecode (GM0363 of 0363).")
        return None
    return m.group(2)


def _adres(waarde, fouten: Fouten, *, verplicht: bool) -> dict | None:
    if waarde is None:
        if verplicht:
            fouten.add("verblijfadres", "required", "Verplicht bij een adreswijziging.")
        return None
    if not isinstance(waarde, dict):
        fouten.add("verblijfadres", "invalid", "Geef het adres als object.")
        return None
    adres = {k: waarde[k] for k in ADRESVELDEN if waarde.get(k) not in (None, "")}
    for k in ("officieleStraatnaam", "woonplaats"):
        if not isinstance(adres.get(k), str) or len(adres[k]) > 80:
            fouten.add(f"verblijfadres.{k}", "invalid", "Verplicht, tekst van hoogstens 80 tekens.")
    nummer = adres.get("huisnummer")
    if not isinstance(nummer, int) or isinstance(nummer, bool) or not 0 < nummer < 100000:
        fouten.add("verblijfadres.huisnummer", "invalid", "Een geheel getal van 1 tot 99999.")
    postcode = adres.get("postcode")
    if not isinstance(postcode, str) or not _POSTCODE.match(postcode.upper()):
        fouten.add("verblijfadres.postcode", "invalid", "Geen geldige postcode (1234AB).")
    else:
        adres["postcode"] = postcode.replace(" ", "").upper()
    return adres


def _nieuwe_persoon(waarde, fouten: Fouten) -> dict | None:
    if not isinstance(waarde, dict):
        fouten.add(
            "persoon",
            "required",
            "Deze persoon staat niet in de BRP van het register: geef bij een verhuizing "
            "naar Nederland persoon.geboorte.datum (en persoon.naam).",
        )
        return None
    geboren = lees_datum(
        (waarde.get("geboorte") or {}).get("datum"), "persoon.geboorte.datum", fouten
    )
    naam = waarde.get("naam") if isinstance(waarde.get("naam"), dict) else {}
    return {
        "geboortedatum": geboren,
        "naam": naam,
        "geslacht": str(waarde.get("geslacht") or "")[:1],
    }


@dataclass
class _Mutatie:
    id: str
    bsn: str
    soort: str
    datum: dt.date
    body: dict
    gemeente_naar: str | None = None
    adres: dict | None = None
    geheim: bool = True
    land: str = ""


def _lees(body) -> _Mutatie:
    """Every invalid field at once (Ongeldig), as the API's invalidParams."""
    fouten = Fouten()
    if not isinstance(body, dict):
        raise Ongeldig([{"name": "body", "code": "invalid", "reason": "Geef een JSON-object."}])
    mid = body.get("id")
    if not isinstance(mid, str) or not 0 < len(mid) <= MAX_ID:
        fouten.add("id", "invalid" if mid is not None else "required",
                   f"De id van de mutatie: tekst van 1 tot {MAX_ID} tekens.")  # fmt: skip
    bsn = body.get("burgerservicenummer")
    if not is_bsn(bsn):
        fouten.add("burgerservicenummer", "invalid" if bsn else "required",
                   "Geen geldig burgerservicenummer (9 cijfers, elfproef; R-ID-1).")  # fmt: skip
    soort = body.get("soort")
    if soort not in SOORTEN:
        fouten.add("soort", "invalid" if soort else "required", f"Kies uit: {', '.join(SOORTEN)}.")
    datum = lees_datum(body.get("datum"), "datum", fouten)
    if datum and datum > clock.today():
        fouten.add("datum", "in_de_toekomst", "Een mutatie ligt niet in de toekomst.")
    m = _Mutatie(mid, bsn, soort, datum, body)
    if soort == "verhuizing":
        _gemeente(body.get("gemeenteVan"), "gemeenteVan", fouten, verplicht=False)
        m.gemeente_naar = _gemeente(
            body.get("gemeenteNaar"), "gemeenteNaar", fouten, verplicht=True
        )
        m.adres = _adres(body.get("verblijfadres"), fouten, verplicht=False)
    elif soort == "adreswijziging":
        m.adres = _adres(body.get("verblijfadres"), fouten, verplicht=True)
    elif soort == "geheimhouding":
        geheim = body.get("geheimhoudingPersoonsgegevens", True)
        if not isinstance(geheim, bool):
            fouten.add("geheimhoudingPersoonsgegevens", "invalid", "true of false.")
        m.geheim = bool(geheim)
    elif soort == "emigratie":
        land = body.get("land") or ""
        if not isinstance(land, str) or len(land) > 80:
            fouten.add("land", "invalid", "Tekst van hoogstens 80 tekens.")
        m.land = land if isinstance(land, str) else ""
    if fouten:
        raise Ongeldig(list(fouten))
    return m


def _hash(body: dict) -> str:
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


# --- permission -----------------------------------------------------------------------------


def _mag(actor: Actor) -> None:
    if actor.is_systeem:
        return
    org = actor.organisatie
    soorten = {
        OrganisatieSoort.REGISTER,
        OrganisatieSoort.GEMEENTE,
        OrganisatieSoort.LEERPLICHTDIENST,
    }
    if (
        actor.soort != "api"
        or Scope.BRP_MUTATIES not in actor.scopes
        or org is None
        or org.soort not in soorten
    ):
        raise GeenToegang(
            "Alleen het register of een gemeente levert BRP-mutaties (scope brp.mutaties)."
        )


def _in_werkgebied(actor: Actor, persoon: BrpPersoon | None, m: _Mutatie) -> None:
    """A gemeente (or dienst) sends mutations of its own residents, or of persons moving into
    one of its gemeenten; anything else is NietGevonden (API 404). The register: all."""
    if actor.is_systeem or actor.organisatie.soort == OrganisatieSoort.REGISTER:
        return
    eigen = gemeentenummers_van(actor.organisatie)
    woont = persoon is not None and persoon.gemeente_van_inschrijving in eigen
    if not (woont or m.gemeente_naar in eigen):
        raise NietGevonden("Persoon niet gevonden.")


# --- applying -------------------------------------------------------------------------------


def _pas_toe(m: _Mutatie, persoon: BrpPersoon | None) -> tuple[BrpPersoon, dict]:
    """The change to the store; returns the person and what changed (old → new)."""
    if persoon is None:
        if m.soort != "verhuizing":
            raise NietGevonden("Persoon niet gevonden.")
        fouten = Fouten()
        nieuw = _nieuwe_persoon(m.body.get("persoon"), fouten)
        if fouten:
            raise Ongeldig(list(fouten))
        naam = nieuw["naam"]
        persoon = BrpPersoon(
            burgerservicenummer=m.bsn,
            voornamen=str(naam.get("voornamen") or "")[:200],
            voorvoegsel=str(naam.get("voorvoegsel") or "")[:10],
            geslachtsnaam=str(naam.get("geslachtsnaam") or "")[:200],
            geslacht=nieuw["geslacht"],
            geboortedatum=nieuw["geboortedatum"],
            gemeente_van_inschrijving=m.gemeente_naar,
        )
    was = {
        "gemeente": persoon.gemeente_van_inschrijving or None,
        "overlijdensdatum": persoon.overlijdensdatum,
        "emigratiedatum": persoon.emigratiedatum,
        "geheimhouding": persoon.geheimhouding_persoonsgegevens,
    }
    if m.soort == "verhuizing":
        persoon.gemeente_van_inschrijving = m.gemeente_naar
        persoon.verhuizingen = [
            *(persoon.verhuizingen or []),
            {"datum": m.datum.isoformat(), "gemeente": m.gemeente_naar},
        ]
    if m.soort in ("verhuizing", "adreswijziging") and m.adres is not None:
        persoon.verblijfadres, persoon.adres_datum_van = m.adres, m.datum
    if m.soort == "overlijden":
        persoon.overlijdensdatum = m.datum
    if m.soort == "emigratie":
        persoon.emigratiedatum, persoon.emigratieland = m.datum, m.land
        persoon.gemeente_van_inschrijving = RNI_GEMEENTE
        persoon.verblijfadres = {}
    if m.soort == "geheimhouding":
        persoon.geheimhouding_persoonsgegevens = m.geheim
    persoon.save(update_fields=None if persoon.pk is None else VELDEN[m.soort])
    return persoon, {
        "was": {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in was.items()}
    }


def _meldingen(persoon: BrpPersoon) -> dict:
    """The person's open meldingen, and those the receiving party is now offered to forward:
    the "verhuisd — doorsturen?" banner of the melding pages (R-RT-5,
    ``meldingen.woonplaats``), as each receiver sees it."""
    open_ = list(
        Melding.objects.filter(
            leerling__burgerservicenummer=persoon.burgerservicenummer, status__in=OPEN_STATUSSEN
        ).select_related("leerling", "ontvanger")
    )
    doorsturen = []
    for ontvanger in {m.ontvanger for m in open_}:
        eigen = [m for m in open_ if m.ontvanger_id == ontvanger.pk]
        ontvangende = Actor(label="register", organisatie=ontvanger, soort="api")
        plaatsen = woonplaatsen(ontvangende, eigen)
        doorsturen += [m for m in eigen if m.pk in plaatsen and plaatsen[m.pk].verhuisd]
    return {
        "open": [m.meldingsnummer for m in open_],
        "doorsturen": [m.meldingsnummer for m in sorted(doorsturen, key=lambda m: m.pk)],
    }


def _signalen(resultaten) -> dict:
    """What the re-evaluation opened and resolved, per soort."""
    uit: dict[str, list] = {"geopend": [], "opgelost": []}
    for soort, r in resultaten.items():
        uit["geopend"] += [{"uuid": str(r.uuids[i]), "soort": soort} for i in r.geopend]
        uit["opgelost"] += [
            {"uuid": str(r.uuids[i]), "soort": soort, "oplossing": r.oplossingen[i]}
            for i in r.opgelost
        ]
    return uit


def verwerk(actor: Actor, body, *, bron: str = "api") -> Verwerking:
    """Store, apply and re-evaluate one mutation (module doc); idempotent per id."""
    _mag(actor)
    m = _lees(body)
    body_hash = _hash(body)
    with transaction.atomic():
        # The signal writers' lock also orders two mutations with the same id (PostgreSQL;
        # SQLite runs one writing transaction at a time).
        vergrendel()
        eerder = BrpMutatie.objects.filter(mutatie_id=m.id).first()
        if eerder is not None:
            if eerder.body_hash != body_hash:
                raise RegisterConflict("Deze mutatie-id is eerder gebruikt met andere gegevens.")
            audit.log(actor, "brp.mutatie.herhaald", obj=eerder, persoon=eerder.burgerservicenummer,
                      doel=DOEL)  # fmt: skip
            return Verwerking(eerder.resultaat, nieuw=False)
        persoon = BrpPersoon.objects.select_for_update().filter(burgerservicenummer=m.bsn).first()
        _in_werkgebied(actor, persoon, m)
        persoon, wijziging = _pas_toe(m, persoon)
        # SYSTEEM: the re-evaluation may make a new resident in absoluut verzuim a pupil of
        # the register (personen.services.leerlingen_uit_brp), which only the register does;
        # the mutation's own audit record names who sent it.
        resultaten = herbereken_persoon(SYSTEEM, m.bsn)
        resultaat = {
            "id": m.id,
            "burgerservicenummer": m.bsn,
            "soort": m.soort,
            "datum": m.datum.isoformat(),
            "verwerkt": clock.now().isoformat(),
            "signalen": _signalen(resultaten),
            "meldingen": _meldingen(persoon),
        }
        mutatie = BrpMutatie.objects.create(
            mutatie_id=m.id,
            burgerservicenummer=m.bsn,
            soort=m.soort,
            datum=m.datum,
            gegevens=body,
            body_hash=body_hash,
            organisatie=actor.organisatie,
            bron=bron,
            ontvangen=clock.now(),
            resultaat=resultaat,
        )
        audit.log(actor, "brp.mutatie", obj=mutatie, persoon=m.bsn, doel=DOEL,
                  details={"soort": m.soort, "datum": m.datum.isoformat(), **wijziging,
                           "signalen": resultaat["signalen"]})  # fmt: skip
        brp_mutatie.send(
            sender=BrpMutatie,
            burgerservicenummer=m.bsn,
            soort=m.soort,
            datum=m.datum,
            actor=actor,
            resultaat=resultaat,
        )
    return Verwerking(resultaat, nieuw=True)
