"""Inzage (R-PR-3; AVG art. 12, 15, 20): every write here checks permission, writes the
audit record and runs in one transaction.

    registreer_verzoek(actor, nummer=, verzoeker=, relatie=, ontvangen=, toelichting="")
    exporteer(actor, uuid)   -> Export (the PDF, stored by verzuim.brieven, + the JSON)
    beantwoord(actor, uuid)  # the request leaves the worklist

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
from verzuim.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig
from verzuim.invoer import Fouten
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.personen.leerlingkaart import sleutel_van
from verzuim.personen.leerplicht import zichtbare_leerlingen
from verzuim.privacy.bronnen import Sectie, bronnen
from verzuim.privacy.models import Inzageverzoek, Relatie
from verzuim.privacy.queries import mag_inzage_behandelen, verzoek_voor
from verzuim.privacy.verwerkingen import DOEL_INZAGE
from verzuim.privacy.weergave import tabel, tekst
from verzuim.rules.inzage import inzage_termijn

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
            geregistreerd=clock.now(),
            geregistreerd_door=actor.label,
        )
        _log(actor, "inzageverzoek.registreren", verzoek, ontvangen=ontvangen.isoformat(),
             uiterlijk=verzoek.uiterlijk.isoformat())  # fmt: skip
    return verzoek


@dataclass(frozen=True)
class Export:
    verzoek: Inzageverzoek
    secties: list[Sectie]
    document: object  # brieven.Document (the PDF)


def als_json(verzoek: Inzageverzoek, secties: list[Sectie]) -> dict:
    """The machine-readable export (AVG art. 20): every section's rows, dates ISO 8601."""
    return {
        "inzageverzoek": str(verzoek.uuid),
        "betreft": verzoek.persoon,
        "organisatie": verzoek.organisatie.naam,
        "aangemaakt": clock.now().isoformat(),
        "secties": {
            s.naam: {"titel": s.titel, "rijen": [_json(r) for r in s.rijen]} for s in secties
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


def verzamel(actor: Actor, verzoek: Inzageverzoek) -> list[Sectie]:
    """Every installed source's section about the request's pupil (no audit here: the
    caller logs the export)."""
    if verzoek.leerling is None:
        raise Conflict("De gegevens van deze leerling zijn vernietigd (R-PR-4).")
    lezer = lezer_voor(actor)
    return [s for s in (b.verzamel(lezer, verzoek.leerling) for b in bronnen()) if s]


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
        secties = verzamel(actor, verzoek)
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
             secties={s.naam: len(s.rijen) for s in secties})  # fmt: skip
    return Export(verzoek=verzoek, secties=secties, document=document)


def exporteer_json(actor: Actor, uuid) -> dict:
    """The same sources as the PDF as JSON (AVG art. 20), logged as an export."""
    _controleer(actor)
    with transaction.atomic():
        verzoek = verzoek_voor(actor, uuid)
        secties = verzamel(actor, verzoek)
        _log(actor, "inzage.exporteren", verzoek, formaat="json",
             secties={s.naam: len(s.rijen) for s in secties})  # fmt: skip
    return als_json(verzoek, secties)


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


__all__ = [
    "Export",
    "als_json",
    "beantwoord",
    "exporteer",
    "exporteer_json",
    "lees_export",
    "registreer_verzoek",
    "verzamel",
]
