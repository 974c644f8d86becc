"""Inzage (R-PR-3; AVG art. 12, 15, 20): every write here checks permission, writes the
audit record and runs in one transaction.

    registreer_verzoek(actor, nummer=, verzoeker=, relatie=, ontvangen=, toelichting="",
                       toestemming_leerling=False)
    leg_toestemming_vast(actor, uuid, toestemming)   # R-PR-2a: the 16+ pupil's consent
    exporteer(actor, uuid)   -> Export (the PDF, stored by verzuim.brieven, + the JSON)
    beantwoord(actor, uuid)  # the request leaves the worklist
    werkaantekeningen(actor, uuid)                    # R-PR-2a: the notes to weigh, logged
    houd_aantekening_achter(actor, uuid, pk, grond=, reden=) / verstrek_aantekening(...)

R-PR-2a: the export includes the werkaantekeningen unless an LPA recorded a balancing
decision to withhold one (dossiers.werkaantekeningen.houd_achter; the export lists what was
withheld and why). When the requester is not the pupil and the pupil is 16 or older on the
day of the export, the sections' reasons and reports are left out unless the pupil's consent
is recorded (rules.inzage.reikwijdte): the parent learns that and when verzuim occurred and
what was done, not the pupil's reasons.

Who: the privacy officer and the leerplichtambtenaar of the organisation. The export shows
what the *organisation* holds about the pupil, whoever compiles it: the sources read with
``lezer_voor(actor)``, the organisation's reader (its leerplichtambtenaar's, or at a school
its schoolmedewerker's, scope), never another organisation's data (R-PR-1).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.template.loader import render_to_string

from verzuim import clock
from verzuim.audit import services as audit
from verzuim.audit.context import Actor, Rol
from verzuim.brieven.services import Betreft, lees_document, maak_rapport
from verzuim.dossiers.queries import werkaantekeningen_voor_inzage
from verzuim.dossiers.werkaantekeningen import houd_achter, verstrek
from verzuim.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig
from verzuim.invoer import Fouten
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.personen.leerlingkaart import sleutel_van
from verzuim.personen.leerplicht import geboortedatum_van, zichtbare_leerlingen
from verzuim.privacy.bronnen import Sectie, bronnen, zonder_redenen
from verzuim.privacy.models import Inzageverzoek, Relatie
from verzuim.privacy.queries import mag_inzage_behandelen, verzoek_voor
from verzuim.privacy.verwerkingen import DOEL_INZAGE
from verzuim.privacy.weergave import tabel, tekst
from verzuim.rules.inzage import Reikwijdte, inzage_termijn, reikwijdte

MAKERS = (Rol.PRIVACY_OFFICER, Rol.LEERPLICHTAMBTENAAR)


def lezer_voor(actor: Actor) -> Actor:
    """The organisation-wide reader the sources use: the actor with the role that sees the
    organisation's person data (the school's or the leerplichtambtenaar's scope)."""
    org = actor.organisatie
    rol = Rol.SCHOOLMEDEWERKER if org.soort == OrganisatieSoort.SCHOOL else Rol.LEERPLICHTAMBTENAAR
    return dataclasses.replace(actor, rollen=actor.rollen | {rol})


def _log(actor: Actor, actie: str, verzoek: Inzageverzoek, **details) -> None:
    """An audit record of the request's pupil under the inzage purpose (R-PR-1)."""
    audit.log(actor, actie, obj=verzoek, persoon=verzoek.persoon, doel=DOEL_INZAGE,
              details=details)  # fmt: skip


def _controleer(actor: Actor) -> None:
    if not mag_inzage_behandelen(actor):
        raise GeenToegang("Alleen de privacy officer of de leerplichtambtenaar behandelt inzage.")


def registreer_verzoek(
    actor: Actor,
    *,
    nummer: str,
    verzoeker: str,
    relatie: str,
    ontvangen: dt.date | None,
    toelichting: str = "",
    toestemming_leerling: bool = False,
) -> Inzageverzoek:
    """Register a request about the pupil with BSN or onderwijsnummer `nummer` (typed in a
    form, never in a URL); the deadline is one month after receipt (rules.inzage_termijn)."""
    _controleer(actor)
    fouten = Fouten()
    sleutel = sleutel_van(nummer or "")
    if sleutel is None:
        fouten.add("nummer", "invalid", "Geen geldig BSN of onderwijsnummer (R-ID-1).")
    if not (verzoeker or "").strip():
        fouten.add("verzoeker", "required", "Vul de naam van de verzoeker in.")
    if relatie not in Relatie.values:
        fouten.add("relatie", "invalid", "Kies de relatie van de verzoeker tot de leerling.")
    if ontvangen is None:
        fouten.add("ontvangen", "required", "Vul de datum van ontvangst in.")
    elif ontvangen > clock.today():
        fouten.add("ontvangen", "invalid", "De datum van ontvangst ligt in de toekomst.")
    leerling = None
    if sleutel is not None:
        leerling = zichtbare_leerlingen(lezer_voor(actor)).filter(**sleutel).first()
        if leerling is None:
            fouten.add(
                "nummer",
                "not_found",
                "Uw organisatie heeft geen gegevens van een leerling met dit nummer (R-PR-1).",
            )
    if fouten:
        raise Ongeldig(fouten)
    with transaction.atomic():
        verzoek = Inzageverzoek.objects.create(
            organisatie=actor.organisatie,
            leerling=leerling,
            persoon=leerling.identificatie,
            verzoeker=verzoeker.strip(),
            relatie=relatie,
            ontvangen=ontvangen,
            uiterlijk=inzage_termijn(ontvangen).uiterlijk,
            toelichting=toelichting.strip(),
            toestemming_leerling=bool(toestemming_leerling),
            toestemming_vastgelegd=clock.now() if toestemming_leerling else None,
            geregistreerd=clock.now(),
            geregistreerd_door=actor.label,
        )
        _log(actor, "inzageverzoek.registreren", verzoek, ontvangen=ontvangen.isoformat(),
             uiterlijk=verzoek.uiterlijk.isoformat(),
             toestemmingLeerling=verzoek.toestemming_leerling)  # fmt: skip
    return verzoek


def leg_toestemming_vast(actor: Actor, uuid, toestemming: bool) -> Inzageverzoek:
    """R-PR-2a: record (or withdraw) the consent of the pupil (16+) that the requester also
    gets the pupil's reasons and the reports; the next export follows it."""
    _controleer(actor)
    with transaction.atomic():
        verzoek = verzoek_voor(actor, uuid, for_update=True)
        if verzoek.beantwoord is not None:
            raise Conflict("Dit inzageverzoek is al beantwoord.")
        verzoek.toestemming_leerling = bool(toestemming)
        verzoek.toestemming_vastgelegd = clock.now() if toestemming else None
        verzoek.save(update_fields=["toestemming_leerling", "toestemming_vastgelegd"])
        _log(actor, "inzageverzoek.toestemming", verzoek, toestemmingLeerling=bool(toestemming))
    return verzoek


def reikwijdte_van(verzoek: Inzageverzoek) -> Reikwijdte:
    """R-PR-2a: may this export give the reasons and reports? The pupil's age on the day of
    the export (the BRP's birth date, else the school's)."""
    if verzoek.leerling is None:
        raise Conflict("De gegevens van deze leerling zijn vernietigd (R-PR-4).")
    return reikwijdte(
        verzoeker_is_leerling=verzoek.relatie == Relatie.BETROKKENE,
        geboortedatum=geboortedatum_van(verzoek.leerling),
        op=clock.today(),
        toestemming_leerling=verzoek.toestemming_leerling,
    )


@dataclass(frozen=True)
class Export:
    verzoek: Inzageverzoek
    secties: list[Sectie]
    document: object  # brieven.Document (the PDF)
    reikwijdte: Reikwijdte | None = None


def als_json(verzoek: Inzageverzoek, secties: list[Sectie], bereik: Reikwijdte) -> dict:
    """The machine-readable export (AVG art. 20): every section's rows, dates ISO 8601."""
    return {
        "inzageverzoek": str(verzoek.uuid),
        "betreft": verzoek.persoon,
        "organisatie": verzoek.organisatie.naam,
        "aangemaakt": clock.now().isoformat(),
        "redenenVerstrekt": bereik.redenen,
        "toelichting": [r.uitleg_nl for r in bereik.reasons],
        "secties": {
            s.naam: {
                "titel": s.titel,
                "toelichting": s.toelichting,
                "rijen": [_json(r) for r in s.rijen],
            }
            for s in secties
        },
    }


def _json(waarde):
    if isinstance(waarde, dict):
        return {k: _json(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_json(v) for v in waarde]
    if isinstance(waarde, dt.date | dt.datetime):
        return waarde.isoformat()
    return waarde


def verzamel(
    actor: Actor, verzoek: Inzageverzoek, bereik: Reikwijdte | None = None
) -> list[Sectie]:
    """Every installed source's section about the request's pupil, without the reasons and
    reports where ``bereik`` (R-PR-2a) says so (no audit here: the caller logs the export)."""
    if verzoek.leerling is None:
        raise Conflict("De gegevens van deze leerling zijn vernietigd (R-PR-4).")
    bereik = bereik or reikwijdte_van(verzoek)
    lezer = lezer_voor(actor)
    secties = [s for s in (b.verzamel(lezer, verzoek.leerling) for b in bronnen()) if s]
    if bereik.redenen:
        return secties
    uitleg = " ".join(r.uitleg_nl for r in bereik.reasons)
    return [zonder_redenen(s, uitleg) for s in secties]


def _geheim_adres(secties: list[Sectie]) -> bool:
    """The BRP's secret-address flag as the persoonsgegevens source read it (R-ID-5)."""
    return any(
        r["gegeven"] == "Geheimhouding persoonsgegevens" and r["waarde"] == "ja"
        for s in secties
        if s.naam == "persoonsgegevens"
        for r in s.rijen
    )


def exporteer(actor: Actor, uuid) -> Export:
    """One action: gather every source, store the PDF under the organisation's letterhead
    (brieven.maak_rapport) and log the export as a processing of the pupil's data."""
    _controleer(actor)
    with transaction.atomic():
        verzoek = verzoek_voor(actor, uuid, for_update=True)
        bereik = reikwijdte_van(verzoek)
        secties = verzamel(actor, verzoek, bereik)
        naam = next(
            (r["waarde"] for s in secties if s.naam == "persoonsgegevens" for r in s.rijen
             if r["gegeven"] == "Naam"),
            verzoek.persoon,
        )  # fmt: skip
        inhoud = render_to_string(
            "privacy/inzage_rapport.html",
            {
                "naam": naam,
                "organisatie": verzoek.organisatie.naam,
                "ontvangen": tekst(verzoek.ontvangen),
                "tabellen": [tabel(s) for s in secties],
                "reikwijdte": bereik,
            },
        )
        document = maak_rapport(
            actor,
            soort="inzage",
            titel=f"Inzage in de gegevens van {naam}",
            inhoud_html=inhoud,
            betreft=Betreft(persoon=verzoek.persoon, geheim_adres=_geheim_adres(secties)),
            koppeling=f"inzage:{verzoek.uuid}",
            doel=DOEL_INZAGE,
            rollen=MAKERS,
        )
        verzoek.document = document.uuid
        verzoek.geexporteerd = document.aangemaakt
        verzoek.save(update_fields=["document", "geexporteerd"])
        _log(actor, "inzage.exporteren", verzoek, formaat="pdf", kenmerk=document.kenmerk,
             secties={s.naam: len(s.rijen) for s in secties}, redenen=bereik.redenen,
             achtergehouden=_achtergehouden(secties))  # fmt: skip
    return Export(verzoek=verzoek, secties=secties, document=document, reikwijdte=bereik)


def _achtergehouden(secties: list[Sectie]) -> int:
    """How many working notes were withheld after a balancing decision (R-PR-2a)."""
    return sum(1 for s in secties if s.naam == "werkaantekeningen" for r in s.rijen
               if r.get("achtergehouden"))  # fmt: skip


def exporteer_json(actor: Actor, uuid) -> dict:
    """The same sources as the PDF as JSON (AVG art. 20), logged as an export."""
    _controleer(actor)
    with transaction.atomic():
        verzoek = verzoek_voor(actor, uuid)
        bereik = reikwijdte_van(verzoek)
        secties = verzamel(actor, verzoek, bereik)
        _log(actor, "inzage.exporteren", verzoek, formaat="json",
             secties={s.naam: len(s.rijen) for s in secties}, redenen=bereik.redenen,
             achtergehouden=_achtergehouden(secties))  # fmt: skip
    return als_json(verzoek, secties, bereik)


def beantwoord(actor: Actor, uuid) -> Inzageverzoek:
    """Mark the request answered (it leaves the worklist); only after an export was made."""
    _controleer(actor)
    with transaction.atomic():
        verzoek = verzoek_voor(actor, uuid, for_update=True)
        if verzoek.beantwoord is not None:
            raise Conflict("Dit inzageverzoek is al beantwoord.")
        if verzoek.document is None:
            raise Conflict("Maak eerst het inzageoverzicht voordat u het verzoek afrondt.")
        verzoek.beantwoord = clock.now()
        verzoek.beantwoord_door = actor.label
        verzoek.save(update_fields=["beantwoord", "beantwoord_door"])
        _log(actor, "inzageverzoek.beantwoorden", verzoek,
             binnen_termijn=clock.today() <= verzoek.uiterlijk)  # fmt: skip
    return verzoek


def lees_export(actor: Actor, uuid):
    """The stored PDF of the request's last export (brieven.lees_document, audited as a
    download for the inzage), for whoever may handle the request."""
    _controleer(actor)
    verzoek = verzoek_voor(actor, uuid)
    if verzoek.document is None:
        raise NietGevonden("Er is nog geen inzageoverzicht gemaakt.")
    return lees_document(lezer_voor(actor), verzoek.document, doel=DOEL_INZAGE)


# --- werkaantekeningen: the balancing decision (R-PR-2a) -----------------------------------


def werkaantekeningen(actor: Actor, uuid) -> list:
    """The working notes the request's export will hold or withhold, for the privacy officer
    and the LPA handling the request; showing them is a processing of the pupil's data under
    the inzage purpose (logged with their number, not their content)."""
    _controleer(actor)
    verzoek = verzoek_voor(actor, uuid)
    if verzoek.leerling is None:
        return []
    notities = list(werkaantekeningen_voor_inzage(lezer_voor(actor), verzoek.leerling))
    if notities:
        _log(actor, "inzage.werkaantekeningen", verzoek, aantal=len(notities))
    return notities


def houd_aantekening_achter(actor: Actor, uuid, aantekening_id, *, grond: str, reden: str):
    """The LPA's balancing decision to withhold one note of the request's pupil (the
    privacy officer sees the decision but does not take it: dossiers.houd_achter refuses)."""
    _controleer(actor)
    with transaction.atomic():
        verzoek = verzoek_voor(actor, uuid)
        if verzoek.beantwoord is not None:
            raise Conflict("Dit inzageverzoek is al beantwoord.")
        return houd_achter(actor, aantekening_id, grond=grond, reden=reden,
                           leerling=verzoek.leerling, koppeling=f"inzage:{verzoek.uuid}")  # fmt: skip


def verstrek_aantekening(actor: Actor, uuid, aantekening_id) -> None:
    """Withdraw the decision: the note is in the next export (R-PR-2a)."""
    _controleer(actor)
    with transaction.atomic():
        verzoek = verzoek_voor(actor, uuid)
        if verzoek.beantwoord is not None:
            raise Conflict("Dit inzageverzoek is al beantwoord.")
        verstrek(actor, aantekening_id, leerling=verzoek.leerling)


__all__ = [
    "Export",
    "als_json",
    "beantwoord",
    "exporteer",
    "exporteer_json",
    "houd_aantekening_achter",
    "lees_export",
    "leg_toestemming_vast",
    "registreer_verzoek",
    "reikwijdte_van",
    "verstrek_aantekening",
    "verzamel",
    "werkaantekeningen",
]
