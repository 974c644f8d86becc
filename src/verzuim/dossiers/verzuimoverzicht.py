"""R-CW-3: the LPA asks the school of one of the dossier's meldingen for its
verzuimoverzicht; the school answers on its melding page or over the API (one service for
both), and the answer becomes the timeline's 'verzuimoverzicht ontvangen'."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import transaction

from verzuim import clock
from verzuim.accounts.models import Rol, Scope
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.dossiers import queries
from verzuim.dossiers.basis import (
    DOEL,
    controleer,
    label_van,
    lees_tekst,
    log_dossier,
    mag_wijzigen,
    open_voor_wijziging,
    systeemactiviteit,
)
from verzuim.dossiers.fouten import (
    GeenToegang,
    NietGevonden,
    Ongeldig,
)
from verzuim.dossiers.models import (
    Bron,
    Dossier,
    DossierMelding,
    Verzuimoverzichtverzoek,
)
from verzuim.invoer import Fouten, als_uuid
from verzuim.organisaties.models import OrganisatieSoort

MAX_BESTAND = 5 * 1024 * 1024
BESTANDSTYPEN = {
    "application/pdf": ".pdf",
    "text/csv": ".csv",
    "text/plain": ".txt",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "image/png": ".png",
    "image/jpeg": ".jpg",
}


@dataclass(frozen=True)
class Bestand:
    naam: str
    type: str
    inhoud: bytes


# --- verzuimoverzicht (R-CW-3) -----------------------------------------------------------------


@transaction.atomic
def vraag_verzuimoverzicht(
    actor: Actor, dossier, melding_uuid, toelichting: str = ""
) -> Verzuimoverzichtverzoek:
    """R-CW-3: ask the school of one of the dossier's meldingen for its verzuimoverzicht.
    One open request per melding."""
    mag_wijzigen(actor)
    d = open_voor_wijziging(actor, dossier)
    u = als_uuid(melding_uuid)
    k = (
        DossierMelding.objects.select_related("melding__instelling")
        .filter(dossier=d, melding__uuid=u, doorgestuurd__isnull=True)
        .first()
        if u
        else None
    )
    if k is None:
        raise Ongeldig(
            [{"name": "melding", "code": "invalid", "reason": "Kies een melding van dit dossier."}]
        )
    fouten = Fouten()
    toelichting = lees_tekst(toelichting, "toelichting", fouten)
    controleer(fouten)
    if Verzuimoverzichtverzoek.objects.filter(
        melding=k.melding, beantwoord__isnull=True, vervallen__isnull=True
    ).exists():
        raise Ongeldig(
            [
                {
                    "name": "melding",
                    "code": "al_gevraagd",
                    "reason": "Het verzuimoverzicht van deze melding is al opgevraagd en nog niet ontvangen.",
                }
            ]
        )
    verzoek = Verzuimoverzichtverzoek.objects.create(
        dossier=d,
        melding=k.melding,
        school=k.melding.instelling,
        toelichting=toelichting,
        gevraagd=clock.now(),
        gevraagd_door=label_van(actor),
    )
    systeemactiviteit(
        d,
        "verzuimoverzicht-opgevraagd",
        actor,
        tekst=f"Bij {k.melding.instelling.naam} voor {k.melding.meldingsnummer}"
        + (f": {toelichting}" if toelichting else ""),
        bron=Bron.HANDMATIG if actor.soort == "gebruiker" else Bron.API,
        referentie=str(verzoek.uuid),
    )
    log_dossier(actor, "dossier.verzuimoverzicht-vragen", d, verzoek=str(verzoek.uuid))
    return verzoek


def mag_verzoeken_lezen(actor: Actor) -> None:
    """Only a school reads the requests addressed to it: a schoolmedewerker, or an
    application with a meldingen scope."""
    org = actor.organisatie
    if actor.soort == "api":
        mag = bool(actor.scopes & {Scope.MELDINGEN_LEZEN, Scope.MELDINGEN_AANMAKEN})
    else:
        mag = actor.heeft_rol(Rol.SCHOOLMEDEWERKER)
    if not mag or org is None or org.soort != OrganisatieSoort.SCHOOL:
        raise GeenToegang("Alleen de school van de melding ziet de verzoeken aan haar.")


def lees_verzoeken_aan_school(actor: Actor, qs=None) -> list[Verzuimoverzichtverzoek]:
    """The requests addressed to the actor's school (`queries.verzoeken_aan_school`, or a
    filtered page of it), evaluated; one audit record names the pupils (R-PR-1)."""
    mag_verzoeken_lezen(actor)
    verzoeken = list(queries.verzoeken_aan_school(actor) if qs is None else qs)
    audit.log_many(
        actor,
        "verzuimoverzicht.lijst",
        [v.melding.leerling.identificatie for v in verzoeken],
        doel=DOEL,
        object_type="verzuimoverzichtverzoek",
    )
    return verzoeken


def mag_antwoorden(actor: Actor) -> None:
    """The school of the melding answers: a schoolmedewerker, or an application with the
    scope meldingen.aanmaken."""
    org = actor.organisatie
    if actor.soort == "api":
        mag = bool(actor.scopes & {Scope.MELDINGEN_AANMAKEN})
    else:
        mag = actor.heeft_rol(Rol.SCHOOLMEDEWERKER)
    if not mag or org is None or org.soort != OrganisatieSoort.SCHOOL:
        raise GeenToegang("Alleen de school van de melding beantwoordt het verzoek.")


@transaction.atomic
def beantwoord_verzuimoverzicht(
    actor: Actor, verzoek_uuid, *, antwoord: str = "", bestand: Bestand | None = None
) -> Verzuimoverzichtverzoek:
    """The school answers a request (its melding page or the API): a text and/or a file.
    The answer becomes the activity 'verzuimoverzicht ontvangen' in the dossier (source:
    school). NietGevonden for a request to another school; a lapsed or answered request
    is refused."""
    mag_antwoorden(actor)
    u = als_uuid(verzoek_uuid)
    verzoek = (
        queries.verzoeken_aan_school(actor).select_for_update(of=("self",)).filter(uuid=u).first()
        if u
        else None
    )
    if verzoek is None:
        raise NietGevonden("Verzoek niet gevonden.")
    if not verzoek.is_open:
        raise Ongeldig(
            [
                {
                    "name": "verzoek",
                    "code": "niet_open",
                    "reason": "Dit verzoek is al beantwoord of vervallen.",
                }
            ]
        )
    fouten = Fouten()
    antwoord = lees_tekst(antwoord, "antwoord", fouten)
    if bestand is not None:
        if bestand.type not in BESTANDSTYPEN:
            fouten.add("bestand", "type", "Upload een PDF, CSV, XLSX, TXT, PNG of JPG.")
        if len(bestand.inhoud) > MAX_BESTAND:
            fouten.add("bestand", "te_groot", "Het bestand is groter dan 5 MB.")
        if not bestand.inhoud:
            fouten.add("bestand", "leeg", "Het bestand is leeg.")
    if not antwoord and bestand is None and not fouten:
        fouten.add("antwoord", "required", "Geef het verzuimoverzicht als tekst of als bestand.")
    controleer(fouten)
    nu = clock.now()
    verzoek.beantwoord, verzoek.beantwoord_door, verzoek.antwoord = nu, label_van(actor), antwoord
    if bestand is not None:
        verzoek.bestandsnaam = bestand.naam[:200]
        verzoek.bestandstype = bestand.type
        verzoek.bestand = bestand.inhoud
        verzoek.sha256 = hashlib.sha256(bestand.inhoud).hexdigest()
    verzoek.save()
    d = verzoek.dossier
    systeemactiviteit(
        d,
        "verzuimoverzicht-ontvangen",
        actor,
        tekst=antwoord or f"Bestand: {verzoek.bestandsnaam}",
        bron=Bron.SCHOOL,
        referentie=str(verzoek.uuid),
    )
    Dossier.objects.filter(pk=d.pk).update(gewijzigd=nu)
    audit.log(
        actor,
        "verzuimoverzicht.beantwoorden",
        obj=verzoek,
        persoon=verzoek.melding.leerling.identificatie,
        doel=DOEL,
        details={"bestand": bool(bestand)},
    )
    return verzoek
