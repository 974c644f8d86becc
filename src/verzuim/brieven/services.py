"""Writing letters and reports (every write here: permission, audit record, one
transaction). The public API for consumer apps (dossiers, privacy):

    maak_brief(actor, soort, taal, ontvanger, gegevens, betreft, *, koppeling="", doel=…)
    bekijk_brief(actor, soort, taal, ontvanger, gegevens, betreft)  # preview, nothing stored
    maak_rapport(actor, *, soort, titel, inhoud_html, betreft, taal="nl", koppeling="", doel=…)
    lees_document(actor, uuid)            # the download: scoped, audited read

Scoped lists are in queries.py (documenten_voor, document_voor)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from verzuim import clock, rules
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.brieven import pdf, sjabloontaal
from verzuim.brieven.fouten import BriefNietToegestaan, BriefOngeldig, GeenToegang
from verzuim.brieven.models import Document
from verzuim.brieven.opmaak import (
    Afzender,
    Tekst,
    brief_html,
    formatteer,
    lees_gegevens,
    tekst_voor,
)
from verzuim.brieven.queries import document_voor, mag_lezen
from verzuim.brieven.soorten import SOORTEN, Ontvanger, Soort
from verzuim.brieven.talen import Taal, talen
from verzuim.organisaties.models import OrganisatieSoort

DOEL = "leerplichtuitvoering"
# System placeholders that come from the letterhead: a letter using one needs it filled in.
BRIEFHOOFD_VELDEN = {"organisatie.telefoon": "telefoon", "organisatie.email": "email"}
# Organisations that send letters (domain.md §1): the ones that do leerplicht casework.
AFZENDERS = frozenset(
    {OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST, OrganisatieSoort.RMC_REGIO}
)


@dataclass(frozen=True)
class Geadresseerde:
    """Who the letter is addressed to: the recipient kind (soorten.Ontvanger), the name for
    the salutation and the window, and the address lines. ``via_school``: handed out by or
    addressed care of the school instead of posted by the gemeente (R-ID-5)."""

    soort: str
    naam: str
    adres: tuple[str, ...] = ()
    via_school: bool = False

    @property
    def regels(self) -> tuple[str, ...]:
        return (self.naam, *self.adres)


@dataclass(frozen=True)
class Betreft:
    """The person the document is about. ``geheim_adres`` is the BRP's
    geheimhoudingPersoonsgegevens and has no default: the caller must state it (R-ID-5)."""

    persoon: str  # BSN or onderwijsnummer
    geheim_adres: bool
    geboortedatum: dt.date | None = None


def _mag_maken(actor: Actor, rollen) -> None:
    org = actor.organisatie
    if org is None or org.soort not in AFZENDERS or actor.soort != "gebruiker":
        raise GeenToegang("Alleen een gemeente of leerplichtdienst maakt brieven.")
    if not actor.heeft_rol(*rollen):
        raise GeenToegang("Uw rol mag deze brief niet maken.")


def _controleer_verzoek(soort: str, taal: str, ontvanger: Geadresseerde) -> Soort:
    fouten = []
    s = SOORTEN.get(soort)
    if s is None:
        fouten.append({"name": "soort", "code": "invalid", "reason": "onbekende soort brief"})
    elif ontvanger.soort not in s.ontvangers:
        toegestaan = ", ".join(Ontvanger(o).label for o in s.ontvangers)
        fouten.append(
            {
                "name": "ontvanger.soort",
                "code": "invalid",
                "reason": f"de brief ‘{s.naam}’ gaat alleen naar: {toegestaan}",
            }
        )
    if taal not in talen():
        fouten.append({"name": "taal", "code": "invalid", "reason": "onbekende taal"})
    if not ontvanger.naam.strip():
        fouten.append({"name": "ontvanger.naam", "code": "required", "reason": "ontbreekt"})
    if fouten:
        raise BriefOngeldig(fouten)
    return s


def systeemwaarden(
    t: Taal,
    afzender: Afzender,
    tekst: Tekst,
    naam: str,
    kenmerk: str,
    datum: dt.date,
    ondertekenaar: str,
) -> dict[str, str]:
    """The placeholders the service fills (soorten.SYSTEEM), formatted for the letter."""
    return {
        "datum": t.datum(datum),
        "kenmerk": kenmerk,
        "ontvanger.naam": naam,
        "organisatie.naam": afzender.naam,
        "organisatie.telefoon": afzender.telefoon,
        "organisatie.email": afzender.email,
        "ondertekenaar.naam": tekst.ondertekenaar_naam
        or afzender.ondertekenaar_naam
        or ondertekenaar,
        "ondertekenaar.functie": tekst.ondertekenaar_functie or afzender.ondertekenaar_functie,
    }


def _kenmerk(document: Document) -> str:
    return f"{document.organisatie.code}-{document.aangemaakt.year}-{document.pk:06d}"


def _naam_van(actor: Actor) -> str:
    gebruiker = actor.gebruiker
    return (gebruiker.get_full_name() if gebruiker else "") or actor.label


def _bewaar(actor: Actor, document: Document, maak_html, t: Taal, doel: str, details: dict):
    """Insert (for the id the reference is made of), render, store bytes and hash, audit:
    one transaction, so a failed rendering leaves nothing behind."""
    with transaction.atomic():
        document.inhoud = b""
        document.save()
        document.kenmerk = _kenmerk(document)
        titel, html = maak_html(document.kenmerk)
        inhoud = pdf.naar_pdf(html, t)
        document.titel = titel[:300]
        document.inhoud = inhoud
        document.sha256 = hashlib.sha256(inhoud).hexdigest()
        document.grootte = len(inhoud)
        document.save(update_fields=["kenmerk", "titel", "inhoud", "sha256", "grootte"])
        audit.log(
            actor,
            "document.aanmaken",
            obj=document,
            persoon=document.betreft,
            doel=doel,
            details={
                "soort": document.soort,
                "kenmerk": document.kenmerk,
                "sha256": document.sha256,
                **details,
            },
        )
    return document


def _nieuw(
    actor: Actor, soort: str, taal: str, betreft: Betreft, koppeling: str, ontvanger: str = ""
) -> Document:
    return Document(
        organisatie=actor.organisatie,
        soort=soort,
        ontvanger=ontvanger,
        taal=taal,
        betreft=betreft.persoon,
        geheim_adres=betreft.geheim_adres,
        koppeling=koppeling,
        aangemaakt=clock.now(),
        aangemaakt_door=actor.gebruiker,
        aangemaakt_door_label=actor.label,
    )


def _stel_samen(
    actor: Actor, soort: str, taal: str, ontvanger: Geadresseerde, gegevens: Mapping, betreft
):
    """Every check of a letter request, then (kind, language, maak_html(kenmerk) → (title,
    body HTML, whole HTML document)). Shared by maak_brief and bekijk_brief, so the preview
    refuses exactly what generating refuses."""
    s = _controleer_verzoek(soort, taal, ontvanger)
    _mag_maken(actor, s.rollen)
    vandaag = clock.today()
    beslissing = rules.brief_toegestaan(
        ontvanger=ontvanger.soort,
        via_school=ontvanger.via_school,
        geheim_adres=betreft.geheim_adres,
        geboortedatum=betreft.geboortedatum,
        datum=vandaag,
    )
    if not beslissing:
        raise BriefNietToegestaan(beslissing.redenen_api())
    tekst = tekst_voor(actor.organisatie, soort, ontvanger.soort, taal)
    if tekst is None:
        raise BriefOngeldig(
            [
                {
                    "name": "taal",
                    "code": "invalid",
                    "reason": f"er is geen sjabloon voor ‘{s.naam}’ in deze taal",
                }
            ]
        )
    # Checked on save in beheer; checked again here, as a row may predate a product update
    # (or come from elsewhere) and must never reach the renderer unchecked.
    fouten = sjabloontaal.controleer(
        {"Onderwerp": tekst.onderwerp, "Tekst": tekst.tekst}, s.plaatshouders
    )
    if fouten:
        raise BriefOngeldig(
            [
                {"name": "sjabloon", "code": "invalid", "reason": f"het sjabloon is ongeldig: {f}"}
                for f in fouten
            ]
        )
    nodig = sjabloontaal.gebruikt(tekst.onderwerp) | sjabloontaal.gebruikt(tekst.tekst)
    waarden, fouten = lees_gegevens(s, gegevens, nodig)
    if fouten:
        raise BriefOngeldig(fouten)
    t = talen()[taal]
    afzender = Afzender.van(actor.organisatie)
    systeem = systeemwaarden(t, afzender, tekst, ontvanger.naam, "", vandaag, _naam_van(actor))
    leeg = sorted(n for n in nodig & BRIEFHOOFD_VELDEN.keys() if not systeem[n])
    if leeg:
        raise BriefOngeldig(
            [
                {
                    "name": f"briefhoofd.{BRIEFHOOFD_VELDEN[n]}",
                    "code": "required",
                    "reason": f"het briefhoofd van uw organisatie mist dit, en het sjabloon "
                    f"gebruikt {{{{ {n} }}}}",
                }
                for n in leeg
            ]
        )
    eigen = {naam: formatteer(s.veld(naam), w, t) for naam, w in waarden.items()}

    def maak_html(kenmerk: str) -> tuple[str, str, str]:
        alle = {**eigen, **systeem, "kenmerk": kenmerk}
        return brief_html(
            t=t, afzender=afzender, tekst=tekst, geadresseerde=ontvanger.regels, waarden=alle
        )

    return s, t, tekst, maak_html


def maak_brief(
    actor: Actor,
    soort: str,
    taal: str,
    ontvanger: Geadresseerde,
    gegevens: Mapping,
    betreft: Betreft,
    *,
    koppeling: str = "",
    doel: str = DOEL,
) -> Document:
    """Generate and store a letter of ``soort`` (soorten.SOORTEN) in ``taal`` from the
    organisation's template (or the shipped default). ``gegevens`` holds the caller's
    placeholder values, nested ({"leerling": {"naam": …}}) or dotted; dates as date, times
    as time. Raises GeenToegang, BriefOngeldig (all errors at once), BriefNietToegestaan
    (R-CW-4 pupil under 12, R-ID-5 secret address through a school)."""
    _, t, tekst, maak_html = _stel_samen(actor, soort, taal, ontvanger, gegevens, betreft)

    def titel_en_document(kenmerk: str) -> tuple[str, str]:
        titel, _, html = maak_html(kenmerk)
        return titel, html

    document = _nieuw(actor, soort, taal, betreft, koppeling, ontvanger.soort)
    return _bewaar(
        actor,
        document,
        titel_en_document,
        t,
        doel,
        {
            "ontvanger": ontvanger.soort,
            "taal": taal,
            "sjabloon": "eigen" if tekst.eigen else "standaard",
        },
    )


def bekijk_brief(
    actor: Actor,
    soort: str,
    taal: str,
    ontvanger: Geadresseerde,
    gegevens: Mapping,
    betreft: Betreft,
) -> tuple[str, str]:
    """The letter maak_brief would make, as (subject, body HTML) for a preview on screen:
    the same checks and errors, nothing stored and no reference yet. The caller audits the
    read (it shows the person's data)."""
    _, t, _, maak_html = _stel_samen(actor, soort, taal, ontvanger, gegevens, betreft)
    titel, inhoud, _ = maak_html(t.label("kenmerk_volgt"))
    return titel, inhoud


def maak_rapport(
    actor: Actor,
    *,
    soort: str,
    titel: str,
    inhoud_html: SafeString,
    betreft: Betreft,
    taal: str = "nl",
    koppeling: str = "",
    doel: str = DOEL,
    rollen=("leerplichtambtenaar",),
) -> Document:
    """Store a report (e.g. the inzage export, R-PR-3) under the organisation's letterhead.
    ``inhoud_html`` is trusted HTML the consumer rendered from its own Django template
    (SafeString, autoescaped values); CSS classes of brief.css: ``gegevens`` tables, h2."""
    if not isinstance(inhoud_html, SafeString):
        raise TypeError("inhoud_html must be a SafeString rendered from a template")
    _mag_maken(actor, rollen)
    t = talen()[taal]
    afzender = Afzender.van(actor.organisatie)
    vandaag = clock.today()

    def maak_html(kenmerk: str) -> tuple[str, str]:
        context = {
            "taal": t,
            "labels": t.labels,
            "afzender": afzender,
            "titel": titel,
            "datum": t.datum(vandaag),
            "kenmerk": kenmerk,
            "inhoud": inhoud_html,
        }
        body = render_to_string("brieven/_rapport.html", context)
        html = render_to_string(
            "brieven/document.html",
            {**context, "brief": mark_safe(body)},  # noqa: S308
        )
        return titel, html

    return _bewaar(
        actor, _nieuw(actor, soort, taal, betreft, koppeling), maak_html, t, doel, {"taal": taal}
    )


def lees_document(actor: Actor, uuid, *, doel: str = DOEL) -> Document:
    """The document with its bytes for a download: scoped like queries.document_voor
    (another organisation: NietGevonden), audited as a read of the person's data."""
    with transaction.atomic():
        document = document_voor(actor, uuid, met_inhoud=True)
        if not mag_lezen(actor, document):
            raise GeenToegang(
                "Deze brief gaat over een persoon met een geheim adres; alleen de "
                "leerplichtambtenaar mag hem openen (R-PR-5)."
            )
        audit.log(
            actor,
            "document.downloaden",
            obj=document,
            persoon=document.betreft,
            doel=doel,
            details={"kenmerk": document.kenmerk, "sha256": document.sha256},
        )
    return document
