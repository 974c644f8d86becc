"""The ROD part of the register (issue 2 item 7): inschrijvingen, diploma's, vrijstellingen
and the BSN↔onderwijsnummer link. Every write goes through here; each service takes an
`Actor`, checks permission, validates everything at once (``Ongeldig`` with dotted camelCase
names, e.g. ``leerling.burgerservicenummer``), writes the audit record in the same
transaction and returns the result.

    inschrijven(actor, leerling_ref, vestiging_code, begindatum, einddatum=None,
                onderwijssoort="") -> Registratie
    wijzig_inschrijving(actor, uuid, einddatum) -> Inschrijving          (uitschrijven)
    registreer_diploma(actor, leerling_ref, soort, datum) -> Registratie  (R-LP-4)
    registreer_vrijstelling(actor, leerling_ref, artikel, begindatum, einddatum,
                            gemeente=None) -> Registratie                  (R-VR-1, R-RT-7)
    koppel_bsn(actor, onderwijsnummer, burgerservicenummer) -> Leerling    (R-ID-2)

``leerling_ref`` is the API's shape: {"burgerservicenummer"} or {"onderwijsnummer",
"geboortedatum"?, "adres"?: {"postcode", "huisnummer", "gemeente"?}}. Dates may be
``datetime.date`` or ``"JJJJ-MM-DD"``.

Permission: a school writes only at its own vestigingen and for pupils enrolled there
(another school's vestiging or inschrijving: NietGevonden, API 404); a gemeente or
leerplichtdienst registers vrijstellingen only for persons living in one of its gemeenten
(BRP ``gemeenteVanInschrijving``; onderwijsnummer pupils by the school-given gemeente).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from verzuim import clock
from verzuim.accounts.models import Rol, Scope
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.invoer import Fouten, lees_datum
from verzuim.organisaties import queries as org_queries
from verzuim.organisaties.models import Gemeente, Vestiging
from verzuim.personen import queries
from verzuim.personen.brp.velden import geboortedatum_uit
from verzuim.personen.fouten import GeenToegang, NietGevonden, Ongeldig, RegisterConflict
from verzuim.personen.identificatie import (
    is_bsn,
    is_gemeentecode,
    is_onderwijsnummer,
    is_vestigingscode,
)
from verzuim.personen.invoer import LeerlingRef, lees_leerling
from verzuim.personen.models import (
    Diploma,
    DiplomaSoort,
    Inschrijving,
    Leerling,
    Vrijstelling,
    VrijstellingArtikel,
)
from verzuim.personen.signals import leerlingen_gekoppeld, vrijstelling_geregistreerd
from verzuim.rules.leerplicht import schooljaar_van

DOEL = "registratie onderwijsdeelname"
#: R-VR-1: vrijstellingen under art. 5 (onder a, b, c) last at most one schooljaar.
EEN_SCHOOLJAAR = frozenset({"5a", "5b", "5c"})
MAX_ONDERWIJSSOORT = 40


@dataclass(frozen=True)
class Registratie:
    """What a register write produced: the row, whether it is new (API 201) or an identical
    existing one (200), and for a vrijstelling the meldingen withdrawn (R-RT-7)."""

    object: Inschrijving | Diploma | Vrijstelling
    nieuw: bool
    ingetrokken: list = field(default_factory=list)


def _periode(begin, einde, fouten: Fouten, *, einde_verplicht: bool = False):
    begindatum = lees_datum(begin, "begindatum", fouten)
    einddatum = lees_datum(einde, "einddatum", fouten, verplicht=einde_verplicht)
    if begindatum and einddatum and einddatum < begindatum:
        fouten.add("einddatum", "voor_begindatum", "De einddatum ligt voor de begindatum.")
        einddatum = None
    return begindatum, einddatum


def _lees_ref(waarde, fouten: Fouten) -> LeerlingRef:
    """The pupil reference (`personen.invoer`), with a given gemeente that the register
    knows."""
    ref = lees_leerling(waarde, fouten)
    code = ref.adres.get("gemeente")
    if code is not None and not Gemeente.objects.filter(code=code).exists():
        fouten.add("leerling.adres.gemeente", "invalid", "Geen bekende gemeentecode (GM0363).")
    return ref


def _controleer(fouten: Fouten) -> None:
    if fouten:
        raise Ongeldig(list(fouten))


# --- permission ------------------------------------------------------------------------


def _mag(actor: Actor, scope: str, *rollen: str) -> bool:
    if actor.is_systeem:
        return True
    if actor.soort == "api":
        return scope in actor.scopes
    return actor.heeft_rol(*rollen)


def _als_school(actor: Actor, scope: str) -> None:
    if actor.is_systeem:
        return
    if not queries.is_school(actor) or not _mag(actor, scope, Rol.SCHOOLMEDEWERKER):
        raise GeenToegang("Alleen een school mag dit registreren.")


def _als_gemeente(actor: Actor) -> None:
    if actor.is_systeem:
        return
    if not queries.is_gemeentelijk(actor) or not _mag(
        actor, Scope.VRIJSTELLINGEN_SCHRIJVEN, Rol.LEERPLICHTAMBTENAAR
    ):
        raise GeenToegang("Alleen een gemeente of leerplichtdienst registreert vrijstellingen.")


# --- pupils ----------------------------------------------------------------------------


def _brp(bsn: str) -> dict:
    """The person from the BRP with the fields of purpose "leerplicht" (R-ID-3), or {}."""
    from verzuim.personen.leerplicht import brp_persoon

    return brp_persoon(bsn, "leerplicht")


def woongemeente_van(persoon: dict) -> str | None:
    """The BRP gemeenteVanInschrijving (4 digits) of a person (`_brp`), or None."""
    code = (persoon.get("gemeenteVanInschrijving") or {}).get("code")
    return str(code) if code else None


def _vind_of_maak(actor: Actor, ref: LeerlingRef, persoon: dict | None = None) -> Leerling:
    """The pupil for a validated reference; created (and audited) when new. A BSN pupil
    takes its birth date from the BRP; an onderwijsnummer pupil keeps what the school gave
    (birth date, address for routing, R-RT-3), filled in where still empty. `persoon`: the
    BRP person when the caller already read it."""
    leerling = Leerling.objects.select_for_update().filter(**ref.sleutel).first()
    if leerling is not None:
        if ref.onderwijsnummer and not leerling.burgerservicenummer:
            gewijzigd = _vul_aan(leerling, ref)
            if gewijzigd:
                leerling.save(update_fields=gewijzigd)
        return leerling
    leerling = Leerling(**ref.sleutel)
    if ref.burgerservicenummer:
        if persoon is None:
            persoon = _brp(ref.burgerservicenummer)
        leerling.geboortedatum = geboortedatum_uit(persoon) or ref.geboortedatum
    else:
        _vul_aan(leerling, ref)
    try:
        with transaction.atomic():
            leerling.save()
    except IntegrityError:  # a concurrent request created it first
        return Leerling.objects.get(**ref.sleutel)
    audit.log(actor, "leerling.aanmaken", obj=leerling, persoon=ref.identificatie, doel=DOEL)
    return leerling


def _vul_aan(leerling: Leerling, ref: LeerlingRef) -> list[str]:
    """What the school gave, where the pupil has nothing yet."""
    huisnummer, gemeente = ref.adres.get("huisnummer"), ref.adres.get("gemeente")
    waarden = {
        "geboortedatum": ref.geboortedatum,
        "opgegeven_postcode": ref.adres.get("postcode"),
        "opgegeven_huisnummer": None if huisnummer is None else str(huisnummer),
        "opgegeven_gemeente_id": None,
    }
    if gemeente and not leerling.opgegeven_gemeente_id:
        waarden["opgegeven_gemeente_id"] = Gemeente.objects.get(code=gemeente).pk
    gewijzigd = []
    for veld, waarde in waarden.items():
        if waarde and not getattr(leerling, veld):
            setattr(leerling, veld, waarde)
            gewijzigd.append(veld.removesuffix("_id"))
    return gewijzigd


def leerlingen_uit_brp(actor: Actor, personen: dict[str, dt.date]) -> dict[str, int]:
    """Pupil ids for BRP persons (BSN → birth date) the register must follow although no
    school enrolled them (R-SG-1: absoluut verzuim of a resident never enrolled); the pupils
    that do not exist yet are created in one statement (idempotent) and audited. Returns the
    pupil id per BSN. For the system's signal run; no permission check beyond that."""
    if not actor.is_systeem:
        raise GeenToegang("Alleen het register maakt leerlingen aan uit de BRP.")
    from verzuim.personen.bulk import upsert

    bsns = sorted(personen)
    with transaction.atomic():
        bestaand = queries.leerling_ids(bsns)
        nieuw = [b for b in bsns if b not in bestaand]
        upsert(
            Leerling,
            ["burgerservicenummer", "geboortedatum"],
            [(b, personen[b].isoformat()) for b in nieuw],
            conflict=["burgerservicenummer"],
            update=[],
        )
        if nieuw:
            audit.log_many(
                actor,
                "leerling.aanmaken",
                nieuw,
                doel="signalering absoluut verzuim (R-SG-1)",
                object_type="leerling",
            )
        return {**bestaand, **queries.leerling_ids(nieuw)}


# --- inschrijvingen --------------------------------------------------------------------


def _eigen_vestiging(actor: Actor, code: str) -> Vestiging:
    qs = Vestiging.objects.select_related("instelling").filter(code=code)
    if not actor.is_systeem:
        qs = qs.filter(instelling=actor.organisatie)
    vestiging = qs.first()
    if vestiging is None:
        raise NietGevonden("Vestiging niet gevonden.")
    return vestiging


def inschrijven(
    actor: Actor,
    leerling_ref,
    vestiging_code,
    begindatum,
    einddatum=None,
    onderwijssoort: str | None = "",
) -> Registratie:
    """A school enrols a pupil at one of its own vestigingen (ROD). Idempotent on
    (leerling, vestiging, begindatum): the identical inschrijving is returned (nieuw=False);
    the same key with other data is a RegisterConflict. Another school's vestiging:
    NietGevonden."""
    _als_school(actor, Scope.INSCHRIJVINGEN_SCHRIJVEN)
    fouten = Fouten()
    ref = _lees_ref(leerling_ref, fouten)
    if vestiging_code is None:
        fouten.add("vestiging", "required", "Verplicht veld.")
    elif not is_vestigingscode(vestiging_code):
        fouten.add("vestiging", "invalid", "Geen vestigingscode (BRIN + 2 cijfers, 25PL00).")
    begin, einde = _periode(begindatum, einddatum, fouten)
    onderwijssoort = onderwijssoort or ""
    if not isinstance(onderwijssoort, str) or len(onderwijssoort) > MAX_ONDERWIJSSOORT:
        fouten.add("onderwijssoort", "invalid", f"Tekst van hoogstens {MAX_ONDERWIJSSOORT} tekens.")
    _controleer(fouten)
    with transaction.atomic():
        vestiging = _eigen_vestiging(actor, vestiging_code)
        leerling = _vind_of_maak(actor, ref)
        bestaand = Inschrijving.objects.filter(
            leerling=leerling, vestiging=vestiging, begindatum=begin
        ).first()
        if bestaand is not None:
            if (bestaand.einddatum, bestaand.onderwijssoort) != (einde, onderwijssoort.strip()):
                raise RegisterConflict(
                    "Er is al een inschrijving van deze leerling op deze vestiging met deze "
                    "begindatum; wijzig de einddatum met PATCH.",
                    bestaand=str(bestaand.uuid),
                )
            return Registratie(bestaand, nieuw=False)
        inschrijving = Inschrijving.objects.create(
            leerling=leerling,
            vestiging=vestiging,
            begindatum=begin,
            einddatum=einde,
            onderwijssoort=onderwijssoort.strip(),
        )
        audit.log(
            actor,
            "inschrijving.aanmaken",
            obj=inschrijving,
            persoon=leerling.identificatie,
            doel=DOEL,
            details={
                "vestiging": vestiging.code,
                "begindatum": begin.isoformat(),
                "einddatum": einde.isoformat() if einde else None,
            },
        )
    return Registratie(inschrijving, nieuw=True)


def wijzig_inschrijving(actor: Actor, uuid, einddatum) -> Inschrijving:
    """Set (uitschrijven) or clear the einddatum of one of the school's own inschrijvingen;
    another school's: NietGevonden (API 404)."""
    _als_school(actor, Scope.INSCHRIJVINGEN_SCHRIJVEN)
    with transaction.atomic():
        inschrijving = queries.inschrijving_voor(actor, uuid, for_update=True)
        fouten = Fouten()
        einde = lees_datum(einddatum, "einddatum", fouten, verplicht=False)
        if einde and einde < inschrijving.begindatum:
            fouten.add("einddatum", "voor_begindatum", "De einddatum ligt voor de begindatum.")
        _controleer(fouten)
        oud = inschrijving.einddatum
        inschrijving.einddatum = einde
        inschrijving.save(update_fields=["einddatum"])
        audit.log(
            actor,
            "inschrijving.wijzigen",
            obj=inschrijving,
            persoon=inschrijving.leerling.identificatie,
            doel=DOEL,
            details={
                "einddatum": einde.isoformat() if einde else None,
                "was": oud.isoformat() if oud else None,
            },
        )
    return inschrijving


# --- diploma's (R-LP-4) ----------------------------------------------------------------


def registreer_diploma(actor: Actor, leerling_ref, soort, datum) -> Registratie:
    """A school registers a diploma of a pupil enrolled there on the diploma date (else
    NietGevonden). ``startkwalificatie`` is derived from the soort (R-LP-4: havo, vwo,
    mbo-2+; ``models.is_startkwalificatie``, as the scenario loader does). Idempotent on
    (leerling, soort, datum)."""
    _als_school(actor, Scope.DIPLOMAS_SCHRIJVEN)
    fouten = Fouten()
    ref = _lees_ref(leerling_ref, fouten)
    if soort is None:
        fouten.add("soort", "required", "Verplicht veld.")
    elif soort not in DiplomaSoort.values:
        fouten.add("soort", "invalid", f"Kies een van: {', '.join(DiplomaSoort.values)}.")
    d = lees_datum(datum, "datum", fouten)
    if d and d > clock.today():
        fouten.add("datum", "in_de_toekomst", "Een diploma wordt niet vooruit geregistreerd.")
    _controleer(fouten)
    with transaction.atomic():
        inschrijvingen = queries.inschrijvingen_van_school(actor).filter(
            begindatum__lte=d, **{f"leerling__{k}": v for k, v in ref.sleutel.items()}
        )
        inschrijving = (
            inschrijvingen.exclude(einddatum__lt=d).select_related("leerling", "vestiging").first()
        )
        if inschrijving is None:
            raise NietGevonden("Leerling niet gevonden.")
        leerling = inschrijving.leerling
        bestaand = Diploma.objects.filter(leerling=leerling, soort=soort, datum=d).first()
        if bestaand is not None:
            return Registratie(bestaand, nieuw=False)
        diploma = Diploma(
            leerling=leerling,
            soort=soort,
            datum=d,
            instelling=inschrijving.vestiging.instelling,
        )
        diploma.save()  # derives startkwalificatie (R-LP-4)
        audit.log(
            actor,
            "diploma.aanmaken",
            obj=diploma,
            persoon=leerling.identificatie,
            doel=DOEL,
            details={
                "soort": soort,
                "datum": d.isoformat(),
                "startkwalificatie": diploma.startkwalificatie,
            },
        )
    return Registratie(diploma, nieuw=True)


# --- vrijstellingen (R-VR-1, R-RT-7) ---------------------------------------------------


def _vrijstelling_periode(artikel, begindatum, einddatum, fouten: Fouten):
    """R-VR-1: art. 5 (onder a, b, c) vrijstellingen need an end within the schooljaar in
    which they begin (1 August – 31 July, R-LP-1); the others may be open-ended."""
    een_jaar = artikel in EEN_SCHOOLJAAR
    begin, einde = _periode(begindatum, einddatum, fouten, einde_verplicht=een_jaar)
    if een_jaar and begin and einde:
        laatste = schooljaar_van(begin).einddatum
        if einde > laatste:
            fouten.add(
                "einddatum",
                "langer_dan_schooljaar",
                f"Een vrijstelling op grond van art. 5 geldt hoogstens één schooljaar: "
                f"uiterlijk {laatste.isoformat()} (R-VR-1).",
            )
    return begin, einde


def _vrijstelling_leerling(actor: Actor, ref: LeerlingRef) -> tuple[Leerling, str | None]:
    """The pupil if it lives in one of the actor's gemeenten (else NietGevonden) and the
    4-digit woongemeente from the BRP (None for an onderwijsnummer pupil)."""
    if ref.burgerservicenummer:
        persoon = _brp(ref.burgerservicenummer)  # once: woongemeente and birth date
        nummer = woongemeente_van(persoon)
        if not actor.is_systeem and (
            nummer is None or nummer not in org_queries.gemeentenummers_van(actor.organisatie)
        ):
            raise NietGevonden("Leerling niet gevonden.")
        return _vind_of_maak(actor, ref, persoon), nummer
    if actor.is_systeem:
        return _vind_of_maak(actor, ref), None
    leerling = (
        Leerling.objects.select_for_update()
        .filter(
            onderwijsnummer=ref.onderwijsnummer,
            burgerservicenummer__isnull=True,
            opgegeven_gemeente__in=org_queries.gemeenten_van(actor.organisatie),
        )
        .first()
    )
    if leerling is None:
        raise NietGevonden("Leerling niet gevonden.")
    return leerling, None


def _vrijstelling_gemeente(actor: Actor, gemeente, fouten: Fouten) -> Gemeente | None:
    if gemeente is None:
        return None
    g = Gemeente.objects.filter(code=gemeente).first() if is_gemeentecode(gemeente) else None
    if g is None:
        fouten.add("gemeente", "invalid", "Geen bekende gemeentecode (GM0363).")
    elif not actor.is_systeem and g not in org_queries.gemeenten_van(actor.organisatie):
        fouten.add("gemeente", "invalid", "Niet een gemeente waarvoor u werkt.")
        return None
    return g


def registreer_vrijstelling(
    actor: Actor, leerling_ref, artikel, begindatum, einddatum=None, gemeente=None
) -> Registratie:
    """A gemeente or leerplichtdienst registers a vrijstelling (R-VR-1) of a person living
    in one of its gemeenten. ``gemeente`` (GM code) defaults to the pupil's woongemeente
    (BRP), or the registering gemeente. Inside the same transaction the register withdraws
    overlapping meldingen with reason V (R-RT-7, via ``signals.vrijstelling_geregistreerd``);
    they are returned in ``ingetrokken``. Idempotent on (leerling, artikel, begindatum)."""
    _als_gemeente(actor)
    fouten = Fouten()
    ref = _lees_ref(leerling_ref, fouten)
    if artikel is None:
        fouten.add("artikel", "required", "Verplicht veld.")
    elif artikel not in VrijstellingArtikel.values:
        fouten.add("artikel", "invalid", f"Kies een van: {', '.join(VrijstellingArtikel.values)}.")
    begin, einde = _vrijstelling_periode(artikel, begindatum, einddatum, fouten)
    g = _vrijstelling_gemeente(actor, gemeente, fouten)
    _controleer(fouten)
    with transaction.atomic():
        leerling, woongemeente = _vrijstelling_leerling(actor, ref)
        g = g or _standaard_gemeente(actor, leerling, woongemeente)
        bestaand = Vrijstelling.objects.filter(
            leerling=leerling, artikel=artikel, begindatum=begin
        ).first()
        if bestaand is not None:
            if (bestaand.einddatum, bestaand.gemeente_id) != (einde, g.pk):
                raise RegisterConflict(
                    "Er is al een vrijstelling van deze leerling op dit artikel met deze "
                    "begindatum.",
                    bestaand=str(bestaand.uuid),
                )
            return Registratie(bestaand, nieuw=False)
        vrijstelling = Vrijstelling.objects.create(
            leerling=leerling, artikel=artikel, begindatum=begin, einddatum=einde, gemeente=g
        )
        audit.log(
            actor,
            "vrijstelling.registreren",
            obj=vrijstelling,
            persoon=leerling.identificatie,
            doel=DOEL,
            details={
                "artikel": artikel,
                "begindatum": begin.isoformat(),
                "einddatum": einde.isoformat() if einde else None,
                "gemeente": g.code,
            },
        )
        ingetrokken = []
        for _receiver, antwoord in vrijstelling_geregistreerd.send(
            sender=Vrijstelling, vrijstelling=vrijstelling, actor=actor
        ):
            ingetrokken.extend(antwoord or [])
    return Registratie(vrijstelling, nieuw=True, ingetrokken=ingetrokken)


def _standaard_gemeente(actor: Actor, leerling: Leerling, woongemeente: str | None) -> Gemeente:
    if woongemeente:
        g = Gemeente.objects.filter(code=f"GM{woongemeente}").first()
        if g is not None:
            return g
    if leerling.opgegeven_gemeente_id:
        return leerling.opgegeven_gemeente
    if actor.organisatie is not None and actor.organisatie.gemeente_id:
        return actor.organisatie.gemeente
    raise Ongeldig([{"name": "gemeente", "code": "required", "reason": "Geef de gemeente."}])


# --- BSN ↔ onderwijsnummer (R-ID-2) ----------------------------------------------------


def _verplaats(model, van: Leerling, naar: Leerling, sleutel: tuple[str, ...]) -> int:
    """Move `model` rows of `van` to `naar`; a row `naar` already has (same natural key)
    is the same fact twice and is dropped."""
    bestaand = set(model.objects.filter(leerling=naar).values_list(*sleutel))
    aantal = 0
    for rij in model.objects.filter(leerling=van):
        if tuple(getattr(rij, f) for f in sleutel) in bestaand:
            rij.delete()
        else:
            rij.leerling = naar
            rij.save(update_fields=["leerling"])
            aantal += 1
    return aantal


def koppel_bsn(actor: Actor, onderwijsnummer, burgerservicenummer) -> Leerling:
    """R-ID-2: the BSN of a pupil known by onderwijsnummer became known. If no pupil has
    the BSN yet, it is added to the onderwijsnummer pupil; otherwise the onderwijsnummer
    pupil is merged into the BSN pupil: inschrijvingen, diploma's and vrijstellingen move,
    and ``signals.leerlingen_gekoppeld`` lets other apps move theirs (meldingen) — then
    the onderwijsnummer pupil is removed. A school links only a pupil enrolled there (else
    NietGevonden); a BSN already linked to another onderwijsnummer is a RegisterConflict."""
    _als_school(actor, Scope.INSCHRIJVINGEN_SCHRIJVEN)
    fouten = Fouten()
    if not is_onderwijsnummer(onderwijsnummer):
        fouten.add("onderwijsnummer", "invalid", "Geen geldig onderwijsnummer (R-ID-1).")
    if not is_bsn(burgerservicenummer):
        fouten.add("burgerservicenummer", "invalid", "Geen geldig burgerservicenummer (R-ID-1).")
    _controleer(fouten)
    with transaction.atomic():
        zichtbaar = queries.zichtbare_leerlingen(actor).filter(onderwijsnummer=onderwijsnummer)
        van = Leerling.objects.select_for_update().filter(pk__in=zichtbaar.values("pk")).first()
        if van is None:
            raise NietGevonden("Leerling niet gevonden.")
        if van.burgerservicenummer == burgerservicenummer:
            return van
        if van.burgerservicenummer:
            raise RegisterConflict("Dit onderwijsnummer is al aan een ander BSN gekoppeld.")
        naar = (
            Leerling.objects.select_for_update()
            .filter(burgerservicenummer=burgerservicenummer)
            .first()
        )
        if naar is None:
            van.burgerservicenummer = burgerservicenummer
            van.geboortedatum = geboortedatum_uit(_brp(burgerservicenummer)) or van.geboortedatum
            van.save(update_fields=["burgerservicenummer", "geboortedatum"])
            verplaatst, resultaat = {}, van
        else:
            if naar.onderwijsnummer:
                raise RegisterConflict("Dit BSN is al aan een ander onderwijsnummer gekoppeld.")
            verplaatst = {
                "inschrijvingen": _verplaats(
                    Inschrijving, van, naar, ("vestiging_id", "begindatum")
                ),
                "diplomas": _verplaats(Diploma, van, naar, ("soort", "datum")),
                "vrijstellingen": _verplaats(Vrijstelling, van, naar, ("artikel", "begindatum")),
            }
            leerlingen_gekoppeld.send(sender=Leerling, van=van, naar=naar, actor=actor)
            van.delete()  # PROTECT on other apps' rows: fails loudly if one did not move
            naar.onderwijsnummer = onderwijsnummer
            naar.geboortedatum = naar.geboortedatum or van.geboortedatum
            naar.save(update_fields=["onderwijsnummer", "geboortedatum"])
            resultaat = naar
        audit.log(
            actor,
            "leerling.koppelen",
            obj=resultaat,
            persoon=burgerservicenummer,
            doel=DOEL,
            details={"onderwijsnummer": onderwijsnummer, "samengevoegd": verplaatst},
        )
    return resultaat
