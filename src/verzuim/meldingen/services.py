"""Every write (and every read of person data) on meldingen goes through here. Each service
takes an `Actor`, checks permission, writes the audit record in the same transaction, and
returns the result. Errors are the domain exceptions of `meldingen.fouten`.

Intake:   meld_verzuim(actor, data, *, vastleggen=None) -> Intake
Statuses: wijzig_status(actor, melding_uuid, status, *, reden=None, toelichting="") -> Melding
          controleer_status(...)  (the checks of wijzig_status, nothing written)
          trek_in(actor, melding_uuid, reden, toelichting="") -> Melding
          stuur_door(actor, melding_uuid, gemeente, toelichting="") -> Melding
          wijs_toe(actor, melding_uuid, behandelaar) -> Melding
Reads:    lees_melding(actor, melding_uuid) -> Melding
          lees_meldingen(actor, qs) -> list[Melding]   (one audit record naming the pupils)
          zoek_meldingen(actor, *, burgerservicenummer=None, onderwijsnummer=None) -> list
          lees_doorzendingen(actor, qs) / lees_doorgestuurde(actor, melding_uuid)  (R-RT-5)
Inbox:    markeer_gelezen(actor, notificatie_id, *, voor_organisatie=False)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from verzuim import clock
from verzuim.accounts.models import Rol, Scope
from verzuim.audit import services as audit
from verzuim.audit.context import SYSTEEM, Actor
from verzuim.meldingen import brp, notificaties, queries
from verzuim.meldingen.codes import API_REDEN, OPEN_STATUSSEN, Status, Verzuimsoort
from verzuim.meldingen.fouten import (
    GeenToegang,
    MeldingOngeldig,
    NietGevonden,
    OvergangNietToegestaan,
)
from verzuim.meldingen.gebeurtenissen import melding_doorgestuurd, melding_gerouteerd
from verzuim.meldingen.invoer import MAX_TEKST, Fouten, MeldingInvoer, lees_invoer
from verzuim.meldingen.models import Doorzending, Melding, Notificatie, StatusWijziging
from verzuim.meldingen.prefetch import als_geprefetcht
from verzuim.meldingen.routering import routeer
from verzuim.meldingen.validatie import Gegevens, controleer
from verzuim.organisaties import queries as org_queries
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.personen.invoer import lees_leerling
from verzuim.rules import kalender
from verzuim.rules import statussen as regels
from verzuim.snelpad import Select, kolommen, uit_rij, voeg_in

DOEL = "verzuimmelding"
BEHANDELROLLEN = (
    Rol.LEERPLICHTAMBTENAAR,
    Rol.ADMINISTRATIEF_MEDEWERKER,
    Rol.RMC_TRAJECTBEGELEIDER,
)


@dataclass(frozen=True)
class Intake:
    """Result of `meld_verzuim`: the melding and whether it was created now (API 201) or
    is an existing one returned for an exact duplicate (R-ME-6, 200)."""

    melding: Melding
    nieuw: bool


# --- permissions -----------------------------------------------------------------------


def _mag_melden(actor: Actor) -> bool:
    if actor.organisatie is None or actor.organisatie.soort != OrganisatieSoort.SCHOOL:
        return False
    if actor.soort == "api":
        return Scope.MELDINGEN_AANMAKEN in actor.scopes
    return actor.heeft_rol(Rol.SCHOOLMEDEWERKER)


def _mag_als(actor: Actor, partij: str) -> bool:
    """Role/scope check for acting as `partij` on a melding the actor can see."""
    if partij == "register":
        return True
    if partij == "school":
        return _mag_melden(actor)
    if actor.soort == "api":
        return Scope.MELDINGEN_BEHANDELEN in actor.scopes
    return actor.heeft_rol(*BEHANDELROLLEN)


# --- intake ----------------------------------------------------------------------------


def _werkdagen_na(datum: dt.date, aantal: int) -> dt.date:
    """`aantal` werkdagen (Mon-Fri, not a national holiday) after `datum` (R-ME-4)."""
    d, feest = datum, {}
    while aantal:
        d += dt.timedelta(days=1)
        if d.year not in feest:
            feest[d.year] = kalender.feestdagen(d.year)
        if d.weekday() < 5 and d not in feest[d.year]:
            aantal -= 1
    return d


def _hash(data) -> str:
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, separators=(",", ":"), default=str).encode()
    ).hexdigest()


def _duplicaatsleutel(leerling_id: int, instelling_id: int, inv: MeldingInvoer) -> str:
    """R-ME-6: same pupil, school, soort and period."""
    return _hash([leerling_id, instelling_id, inv.verzuimsoort, inv.begindatum, inv.einddatum])


_BESTAANDE_VELDEN = ("id", "uuid", "ontvangen", "duplicaatsleutel", "begindatum", "einddatum")
_BESTAANDE = Select(
    Melding,
    lambda conn, qn: (
        f"SELECT {kolommen(conn, Melding, 'm', _BESTAANDE_VELDEN)} "
        f"FROM {qn(Melding._meta.db_table)} m "
        f"WHERE m.{qn('leerling_id')} = %s AND m.{qn('instelling_id')} = %s "
        f"AND m.{qn('verzuimsoort')} = %s AND (m.{qn('duplicaatsleutel')} = %s "
        f"OR (m.{qn('status')} IN ({', '.join(['%s'] * len(OPEN_STATUSSEN))}) "
        f"AND m.{qn('begindatum')} <= %s)) "
        f"ORDER BY CASE WHEN m.{qn('duplicaatsleutel')} = %s THEN 0 ELSE 1 END, "
        f"m.{qn('begindatum')} DESC, m.{qn('id')} DESC LIMIT 20"
    ),
)


def _bestaande(
    g: Gegevens, inv: MeldingInvoer, sleutel: str
) -> tuple[Melding | None, Melding | None]:
    """R-ME-6 in one query: the exact duplicate (same duplicaatsleutel), else the open melding
    of the same pupil, school and soort this one follows on (its period overlaps or is
    directly followed, next werkdag, by this one). Fields other than `_BESTAANDE_VELDEN`
    load on first use. A prepared query (`verzuim.snelpad`): it runs for every melding."""
    einde = inv.einddatum or inv.begindatum
    conn, rijen = _BESTAANDE.rijen(
        [g.leerling.pk, g.vestiging.instelling_id, inv.verzuimsoort, sleutel]
        + [*map(str, OPEN_STATUSSEN), einde, sleutel]
    )
    kandidaten = [uit_rij(conn, Melding, r, _BESTAANDE_VELDEN) for r in rijen]
    if kandidaten and kandidaten[0].duplicaatsleutel == sleutel:
        return kandidaten[0], None
    for m in kandidaten:
        einde = m.einddatum or m.begindatum
        if inv.begindatum <= _werkdagen_na(einde, 1):
            return None, m
    return None, None


def _doelgroep(g: Gegevens, inv: MeldingInvoer) -> str:
    if inv.verzuimsoort == Verzuimsoort.ACHTTIEN_PLUS:
        return "18-plus"
    if g.status is not None and g.status.fase in ("leerplichtig", "kwalificatieplichtig"):
        return g.status.fase
    return "leerplichtig"  # birth date unknown (onderwijsnummer without it)


# R-RT-7 withdrawal: the history is read by the receiver's staff too (and the API), so it
# names no ground of the vrijstelling (R-PR-5: health, religion); the handling LPA sees the
# ground on the leerling page.
TOELICHTING_VRIJSTELLING = "Een geregistreerde vrijstelling overlapt de periode (R-RT-7)."


def _vrijstelling_overlapt(g: Gegevens, inv: MeldingInvoer):
    einde = inv.einddatum or inv.begindatum
    for v in g.vrijstellingen:
        if v.begindatum <= einde and (v.einddatum is None or v.einddatum >= inv.begindatum):
            return v
    return None


def _nieuwe_status(melding, status, *, door: Actor, reden="", toelichting="", tijdstip=None):
    tijdstip = tijdstip or clock.now()
    melding.status, melding.status_gewijzigd = status, tijdstip
    return StatusWijziging(
        melding=melding,
        status=status,
        reden=reden or "",
        toelichting=toelichting or "",
        tijdstip=tijdstip,
        door_label=door.label if not door.is_systeem else "register",
        door_gebruiker=_gebruiker(door),
        door_organisatie=door.organisatie,
    )


def _gebruiker(actor: Actor):
    """The user behind a web actor (None for an API application or the register)."""
    return actor.gebruiker if actor.soort == "gebruiker" and actor.gebruiker else None


def _notificeer(melding: Melding, soort: str) -> None:
    """R-RT-4: in-app entry now; the e-mail after commit through django-tasks."""
    n = Notificatie(
        organisatie=melding.ontvanger, melding=melding, soort=soort, aangemaakt=clock.now()
    )
    voeg_in(n)
    notificaties.plan_email(n.pk)


def _registreer(actor: Actor, inv: MeldingInvoer, g: Gegevens) -> Intake:
    nu = clock.now()
    sleutel = _duplicaatsleutel(g.leerling.pk, g.vestiging.instelling_id, inv)
    bestaand, vervolg_op = _bestaande(g, inv, sleutel)
    if bestaand is None:
        return Intake(_nieuwe_melding(actor, inv, g, nu, sleutel, vervolg_op), nieuw=True)
    bestaand.leerling = g.leerling
    audit.log(
        actor,
        "melding.aanmaken",
        obj=bestaand,
        persoon=g.leerling.identificatie,
        doel=DOEL,
        details={"duplicaat": True},
    )
    return Intake(bestaand, nieuw=False)


def _nieuwe_melding(
    actor: Actor, inv: MeldingInvoer, g: Gegevens, nu, sleutel: str, vervolg_op
) -> Melding:
    doelgroep = _doelgroep(g, inv)
    r = routeer(
        persoon=g.persoon,
        opgegeven_adres=inv.adres,
        vestiging=g.vestiging,
        doelgroep=doelgroep,
        peildatum=nu.date(),
    )
    uiterste = (
        _werkdagen_na(inv.einddatum, 5)
        if inv.verzuimsoort == Verzuimsoort.ZESTIEN_UUR and inv.einddatum
        else None
    )
    melding = Melding(
        leerling=g.leerling,
        vestiging=g.vestiging,
        instelling=g.vestiging.instelling,
        verzuimsoort=inv.verzuimsoort,
        begindatum=inv.begindatum,
        einddatum=inv.einddatum,
        verzuimde_uren=inv.verzuimde_uren,
        te_laat_keren=inv.te_laat_keren,
        verzuimdagen=inv.verzuimdagen,
        vermoedelijke_reden=inv.vermoedelijke_reden,
        ondernomen_actie=inv.ondernomen_actie,
        gewenste_actie=inv.gewenste_actie,
        contactpersoon=inv.contactpersoon,
        opgegeven_adres=inv.adres,
        ontvangen=nu,
        ontvanger=r.ontvanger,
        verantwoordelijke_gemeente=r.gemeente,
        doelgroep=doelgroep,
        routering_uitleg=r.uitleg,
        woonplaats_onbekend=r.woonplaats_onbekend,
        vervolg_op=vervolg_op,
        status_gewijzigd=nu,
        te_laat=bool(uiterste and nu.date() > uiterste),
        uiterste_meldingsdatum=uiterste,
        duplicaatsleutel=sleutel,
    )
    wijzigingen = [_nieuwe_status(melding, Status.GEREGISTREERD, door=actor, tijdstip=nu)]
    vrijstelling = _vrijstelling_overlapt(g, inv)
    if vrijstelling is not None:
        # R-RT-7 at intake: accepted (the school's report is kept) and withdrawn at once.
        wijzigingen.append(
            _nieuwe_status(
                melding,
                Status.INGETROKKEN,
                door=SYSTEEM,
                reden="V",
                tijdstip=nu,
                toelichting=TOELICHTING_VRIJSTELLING,
            )
        )
        melding.duplicaatsleutel = None
    voeg_in(melding)
    voeg_in(*wijzigingen)
    als_geprefetcht(melding, statussen=wijzigingen, doorzendingen=[])
    audit.log(
        actor,
        "melding.aanmaken",
        obj=melding,
        persoon=g.leerling.identificatie,
        doel=DOEL,
        details={"meldingsnummer": melding.meldingsnummer, "ontvanger": r.ontvanger.code},
    )
    if melding.status == Status.GEREGISTREERD:
        _notificeer(melding, Notificatie.Soort.NIEUW)
        melding_gerouteerd.send(sender=Melding, melding=melding, actor=actor)
    return melding


def _samen(eerder: list[dict], eigen: Fouten) -> list[dict]:
    """The caller's problems with the input first, then the service's own about other
    fields (a field the caller could not read has no second, derived problem)."""
    namen = [f["name"] for f in eerder]

    def gedekt(naam: str) -> bool:
        return any(naam == n or naam.startswith(n + ".") or n.startswith(naam + ".") for n in namen)

    return [*eerder, *(f for f in eigen if not gedekt(f["name"]))]


def meld_verzuim(
    actor: Actor,
    data,
    *,
    invoerfouten: list[dict] | None = None,
    vastleggen: Callable[[Intake], None] | None = None,
) -> Intake:
    """A school reports verzuim (R-ME-1..6, R-RT-1..4, R-RT-7).

    `data` is the JSON body of POST /api/v1/meldingen (camelCase; api-contract.md). Raises
    MeldingOngeldig with every problem at once, or GeenToegang.
    `invoerfouten`: what a web form could not read in what was typed (a date that does not
    exist); reported together with every problem the checks find in the rest, and nothing
    is stored.
    Atomic: either the melding with its status, routing, audit record and notification is
    stored, or nothing is (the audit record of the BRP read that the checks made stays). The
    e-mail goes after commit (R-RT-4). `vastleggen(intake)` runs last inside that
    transaction: the API's Idempotency-Key records its answer there (`api.idempotentie`).
    """
    if not _mag_melden(actor):
        raise GeenToegang("Alleen een school mag verzuim melden.")
    inv, fouten = lees_invoer(data)
    g = controleer(actor, inv, fouten)
    if invoerfouten:
        raise MeldingOngeldig(_samen(invoerfouten, fouten))
    if fouten:
        raise MeldingOngeldig(list(fouten))
    for poging in range(2):
        try:
            with transaction.atomic():
                intake = _registreer(actor, inv, g)
                if vastleggen is not None:
                    vastleggen(intake)
                return intake
        except IntegrityError:
            # A concurrent request with the same content won the race (R-ME-6): the second
            # pass finds it as the duplicate.
            if poging:
                raise
    raise AssertionError("unreachable")


# --- reads -----------------------------------------------------------------------------


def _heeft_leesrecht(actor: Actor) -> bool:
    if actor.is_systeem:
        return True
    if actor.soort == "api":
        return bool(actor.scopes & {Scope.MELDINGEN_LEZEN, Scope.MELDINGEN_BEHANDELEN})
    return actor.heeft_rol(Rol.SCHOOLMEDEWERKER, *BEHANDELROLLEN, Rol.REGISTERBEHEERDER)


def lees_melding(actor: Actor, melding_uuid) -> Melding:
    """One melding for display (audited). NietGevonden for another organisation's."""
    if not _heeft_leesrecht(actor):
        raise GeenToegang("Geen leesrecht op meldingen.")
    melding = queries.melding_voor(actor, melding_uuid)
    audit.log(
        actor, "melding.lezen", obj=melding, persoon=melding.leerling.identificatie, doel=DOEL
    )
    return melding


def lees_meldingen(actor: Actor, qs, actie: str = "melding.lijst") -> list[Melding]:
    """Evaluate a (scoped, filtered, paginated) list; one audit record names every pupil
    shown (R-PR-1)."""
    if not _heeft_leesrecht(actor):
        raise GeenToegang("Geen leesrecht op meldingen.")
    meldingen = list(qs)
    personen = sorted({m.leerling.identificatie for m in meldingen})
    if personen:
        audit.log_many(actor, actie, personen, doel=DOEL, object_type="melding")
    return meldingen


def lees_doorzendingen(actor: Actor, qs) -> list:
    """The sender's "Doorgestuurd" list (a page of `queries.doorgestuurd_door`), audited as
    one list read naming the pupils shown."""
    if not _heeft_leesrecht(actor):
        raise GeenToegang("Geen leesrecht op meldingen.")
    doorzendingen = list(qs)
    personen = [d.melding.leerling.identificatie for d in doorzendingen]
    audit.log_many(actor, "melding.doorgestuurd", personen, doel=DOEL, object_type="melding")
    return doorzendingen


def lees_doorgestuurde(actor: Actor, melding_uuid):
    """A melding the actor's organisation forwarded (R-RT-5): its last forward (where to,
    when, by whom, why) with the melding as reported; the casework after it stays with
    the new receiver. NietGevonden when the organisation never forwarded it."""
    if not _heeft_leesrecht(actor):
        raise GeenToegang("Geen leesrecht op meldingen.")
    d = queries.doorzending_van(actor, melding_uuid)
    audit.log(
        actor,
        "melding.lezen",
        obj=d.melding,
        persoon=d.melding.leerling.identificatie,
        doel=DOEL,
        details={"doorgestuurd": True},
    )
    return d


def zoek_meldingen(
    actor: Actor, *, burgerservicenummer: str | None = None, onderwijsnummer: str | None = None
) -> list[Melding]:
    """Meldingen of one pupil (POST /meldingen/_zoek: the BSN never in a URL), scoped."""
    fouten = Fouten()
    if (burgerservicenummer is None) == (onderwijsnummer is None):
        fouten.add(
            "body", "invalid", "Geef precies een van burgerservicenummer en onderwijsnummer."
        )
        raise MeldingOngeldig(list(fouten))
    ref = lees_leerling(
        {"burgerservicenummer": burgerservicenummer, "onderwijsnummer": onderwijsnummer},
        fouten,
        naam="",
        geboortedatum=False,
    )
    if fouten:
        raise MeldingOngeldig(list(fouten))
    qs = queries.met_historie(queries.meldingen_voor(actor)).filter(
        **{f"leerling__{k}": v for k, v in ref.sleutel.items()}
    )
    meldingen = lees_meldingen(actor, qs, actie="melding.zoeken")
    if not meldingen:
        audit.log(
            actor, "melding.zoeken", persoon=ref.identificatie, doel=DOEL, details={"gevonden": 0}
        )
    return meldingen


# --- status lifecycle (R-RT-6, R-RT-7) -------------------------------------------------


def reden_api(code: str) -> str:
    """The reason code as the API shows it (`V` → `vrijstelling`, api-contract.md)."""
    return API_REDEN.get(code, code)


def _toegestaan(status: str, p: str, boa: bool = False) -> list[dict]:
    naar = regels.toegestane_overgangen(status, p).naar
    uit = []
    for s in naar:
        if s == Status.INGETROKKEN:
            redenen = sorted(reden_api(c) for c in regels.INTREKKINGSREDENEN_PER_ACTOR.get(p, ()))
        elif s == Status.AFGESLOTEN:
            redenen = sorted(regels.afsluitredenen_voor(boa))
        else:
            redenen = []
        uit.append({"status": s, "redenen": redenen})
    return uit


def _controleer_reden(naar: str, reden: str | None) -> str:
    """The reason code to store: ingetrokken and afgesloten carry theirs (checked by
    rules.mag_overgaan), the other statuses none."""
    if naar in (Status.INGETROKKEN, Status.AFGESLOTEN):
        return regels.normaliseer_reden(reden) or ""
    if not reden:
        return ""
    raise MeldingOngeldig(
        [{"name": "reden", "code": "invalid", "reason": f"Bij status {naar} hoort geen reden."}]
    )


def _controleer_toelichting(toelichting: str | None, fouten: Fouten) -> None:
    """A free text is refused when too long, never cut (the page counts along)."""
    if len(toelichting or "") > MAX_TEKST:
        fouten.add(
            "toelichting",
            "max_length",
            f"De toelichting is {len(toelichting)} tekens lang; hoogstens {MAX_TEKST} tekens.",
        )


def _controleer_wijziging(
    actor: Actor, melding: Melding, p: str, naar: str, reden: str | None, toelichting: str
) -> str:
    """Every check of a status change (R-RT-6, R-CW-11, R-CW-6/7) without writing; returns
    the reason code to store. MeldingOngeldig lists all invalid fields at once."""
    if naar not in Status.values:
        raise MeldingOngeldig(
            [
                {
                    "name": "status",
                    "code": "invalid",
                    "reason": f"Kies een van: {', '.join(Status.values)}.",
                }
            ]
        )
    fouten = Fouten()
    _controleer_toelichting(toelichting, fouten)
    besluit = regels.mag_overgaan(melding.status, naar, p, reden, boa=actor.boa)
    if not besluit.toegestaan:
        if naar not in besluit.toegestane_statussen:
            raise OvergangNietToegestaan(
                besluit.reasons[0].uitleg_nl, _toegestaan(melding.status, p, actor.boa)
            )
        r = besluit.reasons[0]  # the transition exists, the reason is wrong
        fouten.add("reden", "required" if not reden else "invalid", f"{r.uitleg_nl} ({r.rule_id})")
    if fouten:
        raise MeldingOngeldig(list(fouten))
    return _controleer_reden(naar, reden)


def _wijzig(
    actor: Actor, melding: Melding, p: str, naar: str, reden: str | None, toelichting: str
) -> Melding:
    code = _controleer_wijziging(actor, melding, p, naar, reden, toelichting)
    wijziging = _nieuwe_status(melding, naar, door=actor, reden=code, toelichting=toelichting)
    wijziging.save()
    velden = ["status", "status_gewijzigd"]
    if naar == Status.INGETROKKEN:
        melding.duplicaatsleutel = None  # a corrected report may follow (R-ME-6)
        velden.append("duplicaatsleutel")
    melding.save(update_fields=velden)
    audit.log(
        actor,
        "melding.status",
        obj=melding,
        persoon=melding.leerling.identificatie,
        doel=DOEL,
        details={"status": naar, "reden": code},
    )
    return melding


def _voor_wijziging(actor: Actor, melding_uuid, partijen: set[str]) -> tuple[Melding, str]:
    melding = queries.melding_voor(actor, melding_uuid, for_update=True)
    p = queries.partij(actor, melding)
    if p is None:
        raise NietGevonden("Melding niet gevonden.")
    if p not in partijen or not _mag_als(actor, p):
        raise GeenToegang("U mag deze melding niet wijzigen.")
    return melding, p


@transaction.atomic
def wijzig_status(
    actor: Actor, melding_uuid, status: str, *, reden: str | None = None, toelichting: str = ""
) -> Melding:
    """R-RT-6: a status change by the receiving party, the reporting school (only
    `ingetrokken`, with reason) or the register. OvergangNietToegestaan lists the allowed
    transitions for this party."""
    melding, p = _voor_wijziging(actor, melding_uuid, {"school", "ontvanger", "register"})
    return _wijzig(actor, melding, p, status, reden, toelichting)


@transaction.atomic
def controleer_status(
    actor: Actor, melding_uuid, status: str, *, reden: str | None = None, toelichting: str = ""
) -> Melding:
    """The checks of `wijzig_status` without the change (and without an audit record: it
    shows nothing new), for a page that asks to confirm a final status first."""
    melding, p = _voor_wijziging(actor, melding_uuid, {"school", "ontvanger", "register"})
    _controleer_wijziging(actor, melding, p, status, reden, toelichting)
    return melding


def trek_in(actor: Actor, melding_uuid, reden: str, toelichting: str = "") -> Melding:
    """Withdrawal by the reporting school (reason F, D, G, N or O)."""
    return wijzig_status(
        actor, melding_uuid, Status.INGETROKKEN, reden=reden, toelichting=toelichting
    )


def woongemeente(melding: Melding):
    """The pupil's woongemeente in the BRP today (R-RT-1, purpose routering), or None when
    unknown: no BSN, not in the BRP, no Dutch address (RNI, emigrated) or deceased."""
    if not melding.leerling.burgerservicenummer:
        return None
    persoon = brp.persoon(melding.leerling.burgerservicenummer)
    code = persoon.gemeente_op(clock.today()) if persoon else None
    return org_queries.gemeente(f"GM{code}") if code else None


@transaction.atomic
def stuur_door(actor: Actor, melding_uuid, gemeente: str, toelichting: str = "") -> Melding:
    """R-RT-5: the receiving party forwards an open melding to another gemeente (routed on
    by that gemeente's alternatieve routering); the chain is kept and the new receiver
    notified. Forwarding to a gemeente that is not the pupil's woongemeente in the BRP
    needs a toelichting: the receiver must be able to see why."""
    melding, _ = _voor_wijziging(actor, melding_uuid, {"ontvanger", "register"})
    fouten = Fouten()
    doel = org_queries.gemeente(gemeente) if isinstance(gemeente, str) else None
    if doel is None:
        fouten.add("gemeente", "invalid", "Onbekende gemeentecode (GM0599).")
    _controleer_toelichting(toelichting, fouten)
    woont_in = woongemeente(melding)
    if doel is not None and doel != woont_in and not (toelichting or "").strip():
        fouten.add(
            "toelichting",
            "afwijkend_van_brp",
            (
                f"{doel.naam} is niet de woongemeente volgens de BRP ({woont_in.naam})"
                if woont_in
                else "De woongemeente volgens de BRP is onbekend"
            )
            + f": geef een toelichting waarom u naar {doel.naam} doorstuurt (R-RT-5).",
        )
    if fouten:
        raise MeldingOngeldig(list(fouten))
    if melding.status not in OPEN_STATUSSEN:
        raise OvergangNietToegestaan(
            f"Een melding met status {melding.status} kan niet worden doorgestuurd.", []
        )
    naar = org_queries.ontvanger_voor(doel, melding.doelgroep or "leerplichtig")
    if naar.pk == melding.ontvanger_id:
        raise MeldingOngeldig(
            [
                {
                    "name": "gemeente",
                    "code": "zelfde_ontvanger",
                    "reason": "De melding ligt al bij deze ontvanger.",
                }
            ]
        )
    nu = clock.now()
    Doorzending.objects.create(
        melding=melding,
        van=melding.ontvanger,
        naar=naar,
        naar_gemeente=doel,
        brp_gemeente=woont_in,
        toelichting=toelichting or "",
        tijdstip=nu,
        door_label=actor.label,
        door_gebruiker=_gebruiker(actor),
    )
    van = melding.ontvanger
    melding.ontvanger, melding.verantwoordelijke_gemeente, melding.behandelaar = naar, doel, None
    melding.routering_uitleg = [
        *melding.routering_uitleg,
        {
            "regel": "R-RT-5",
            "uitleg": f"Doorgestuurd door {van.naam} ({van.code}) naar {naar.naam} ({naar.code}).",
        },
    ]
    melding.save(
        update_fields=["ontvanger", "verantwoordelijke_gemeente", "behandelaar", "routering_uitleg"]
    )
    audit.log(
        actor,
        "melding.doorsturen",
        obj=melding,
        persoon=melding.leerling.identificatie,
        doel=DOEL,
        details={
            "van": van.code,
            "naar": naar.code,
            "brpGemeente": woont_in.code if woont_in else None,
        },
    )
    _notificeer(melding, Notificatie.Soort.DOORGESTUURD)
    melding_doorgestuurd.send(sender=Melding, melding=melding, van=van, actor=actor)
    return melding


@transaction.atomic
def wijs_toe(actor: Actor, melding_uuid, behandelaar) -> Melding:
    """Assign the melding to a colleague of the receiving organisation (or None)."""
    melding, _ = _voor_wijziging(actor, melding_uuid, {"ontvanger"})
    if behandelaar is not None and behandelaar.organisatie_id != melding.ontvanger_id:
        raise MeldingOngeldig(
            [
                {
                    "name": "behandelaar",
                    "code": "invalid",
                    "reason": "Kies een collega van uw eigen organisatie.",
                }
            ]
        )
    melding.behandelaar = behandelaar
    melding.save(update_fields=["behandelaar"])
    audit.log(
        actor,
        "melding.toewijzen",
        obj=melding,
        persoon=melding.leerling.identificatie,
        doel=DOEL,
        details={"behandelaar": behandelaar.get_username() if behandelaar else None},
    )
    return melding


@transaction.atomic
def markeer_gelezen(actor: Actor, notificatie_id: int, *, voor_organisatie: bool = False) -> None:
    """Mark an in-app notification read (R-RT-4), audited: no person data, the melding only."""
    n = queries.notificaties_voor(actor, ongelezen=False).filter(pk=notificatie_id).first()
    if n is None:
        raise NietGevonden("Notificatie niet gevonden.")
    if voor_organisatie or actor.gebruiker is None:
        Notificatie.objects.filter(pk=n.pk).update(gelezen_op=clock.now())
    else:
        n.gelezen_door.add(actor.gebruiker)
    audit.log(
        actor,
        "notificatie.gelezen",
        object_type="melding",
        object_id=str(n.melding.uuid),
        doel=DOEL,
        details={"notificatie": n.pk, "voorOrganisatie": voor_organisatie},
    )


# --- reactions to personen (R-RT-7, R-ID-2) --------------------------------------------


def trek_in_wegens_vrijstelling(vrijstelling, aanleiding: Actor | None = None) -> list[Melding]:
    """R-RT-7: the register withdraws open meldingen overlapping a registered vrijstelling
    with reason V. Runs inside the transaction that registers the vrijstelling."""
    qs = queries.overlappend(
        Melding.objects.select_for_update().filter(
            leerling_id=vrijstelling.leerling_id, status__in=OPEN_STATUSSEN
        ),
        vrijstelling.begindatum,
        vrijstelling.einddatum,
    )
    actor = (
        SYSTEEM
        if aanleiding is None
        else Actor(
            label="register",
            organisatie=None,
            soort="systeem",
            request_id=aanleiding.request_id,
            herkomst=aanleiding.herkomst,
        )
    )
    gewijzigd = []
    for melding in qs.select_related("leerling"):
        _wijzig(
            actor,
            melding,
            "register",
            Status.INGETROKKEN,
            "V",
            TOELICHTING_VRIJSTELLING,
        )
        gewijzigd.append(melding)
    return gewijzigd


def verplaats_naar_leerling(van, naar) -> int:
    """R-ID-2: the onderwijsnummer pupil `van` was linked to `naar`; its meldingen follow.
    The duplicate key is recomputed; when it collides the moved melding keeps none."""
    aantal = 0
    for melding in Melding.objects.filter(leerling=van):
        melding.leerling = naar
        inv = MeldingInvoer(
            verzuimsoort=melding.verzuimsoort,
            begindatum=melding.begindatum,
            einddatum=melding.einddatum,
        )
        sleutel = (
            _duplicaatsleutel(naar.pk, melding.instelling_id, inv)
            if melding.duplicaatsleutel
            else None
        )
        if (
            sleutel
            and Melding.objects.filter(duplicaatsleutel=sleutel).exclude(pk=melding.pk).exists()
        ):
            sleutel = None
        melding.duplicaatsleutel = sleutel
        melding.save(update_fields=["leerling", "duplicaatsleutel"])
        aantal += 1
    return aantal
