"""What every dossier service uses: the permission checks, reading a text field, the
scoped and locked dossier to change, its audit record, a timeline entry written by the
register, and opening a new dossier (one open per pupil and organisation, R-CW-1)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from verzuim import clock
from verzuim.accounts.models import Rol
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.dossiers import queries
from verzuim.dossiers.fouten import (
    DossierGesloten,
    GeenToegang,
    Ongeldig,
    OpenDossierBestaat,
)
from verzuim.dossiers.models import (
    Activiteit,
    Bron,
    Dossier,
    DossierStatus,
)
from verzuim.invoer import Fouten
from verzuim.snelpad import voeg_in

DOEL = "dossier leerplicht (R-CW-1..11)"
MAX_TEKST = 10_000

# --- permissions and helpers -------------------------------------------------------------


def mag_zien(actor: Actor) -> None:
    if not queries.mag_dossiers_zien(actor):
        raise GeenToegang(
            "Alleen leerplichtambtenaren en administratief medewerkers van de behandelende "
            "organisatie zien dossiers."
        )


def mag_wijzigen(actor: Actor) -> None:
    if not queries.mag_dossiers_wijzigen(actor):
        raise GeenToegang("U mag dossiers niet wijzigen.")


def alleen_lpa(actor: Actor, wat: str) -> None:
    """Decisions on a case (closing, reopening, the phase) are the LPA's, not the
    administratief medewerker's (domain.md §1)."""
    mag_wijzigen(actor)
    if actor.soort == "gebruiker" and not actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR):
        raise GeenToegang(f"Alleen een leerplichtambtenaar mag {wat}.")


def auteur_van(actor: Actor):
    return actor.gebruiker if actor.soort == "gebruiker" and actor.gebruiker else None


def label_van(actor: Actor) -> str:
    if actor.is_systeem:
        return "register"
    g = auteur_van(actor)
    return (g.get_full_name() or g.get_username()) if g is not None else actor.label


def namens_register(aanleiding: Actor) -> Actor:
    """The register acting on an event caused by `aanleiding` (its request id kept)."""
    return Actor(
        label="register",
        organisatie=None,
        soort="systeem",
        request_id=aanleiding.request_id,
        herkomst=aanleiding.herkomst,
    )


def lees_tekst(waarde, naam: str, fouten: Fouten, *, verplicht: bool = False) -> str:
    tekst = (waarde or "").strip()
    if verplicht and not tekst:
        fouten.add(naam, "required", "Verplicht veld.")
    elif len(tekst) > MAX_TEKST:
        fouten.add(naam, "max_length", f"Hoogstens {MAX_TEKST} tekens (nu {len(tekst)}).")
    return tekst


def controleer(fouten: Fouten) -> None:
    if fouten:
        raise Ongeldig(list(fouten))


def open_voor_wijziging(actor: Actor, dossier) -> Dossier:
    d = queries.dossier_voor(actor, getattr(dossier, "uuid", dossier), for_update=True)
    if not d.is_open:
        raise DossierGesloten()
    return d


def log_dossier(actor: Actor, actie: str, dossier: Dossier, **details) -> None:
    audit.log(
        actor,
        actie,
        obj=dossier,
        persoon=dossier.leerling.identificatie,
        doel=DOEL,
        details=details or None,
    )


def systeemactiviteit(
    dossier: Dossier,
    code: str,
    actor: Actor,
    *,
    tekst="",
    bron=Bron.SYSTEEM,
    referentie="",
    datum=None,
    bijzonder=False,
) -> Activiteit:
    a = Activiteit(
        dossier=dossier,
        soort_id=code,  # the code is the soort's key: no lookup
        datum=datum or clock.today(),
        tekst=tekst,
        bron=bron,
        bron_referentie=referentie,
        bijzonder=bijzonder,
        auteur=auteur_van(actor),
        auteur_label=label_van(actor),
        geregistreerd=clock.now(),
    )
    voeg_in(a)
    return a


def nieuw_dossier(
    leerling, organisatie, *, actor: Actor, aanleiding, savepoint: bool = True, **velden
) -> Dossier:
    """A new open dossier. Two requests opening one at once: the partial unique index
    refuses the second (OpenDossierBestaat); in the intake (`savepoint=False`) the
    IntegrityError rolls the melding back and `meld_verzuim` retries, joining the dossier."""
    nu = clock.now()
    d = Dossier(
        leerling=leerling,
        organisatie=organisatie,
        aanleiding=aanleiding,
        geopend=nu,
        geopend_door=label_van(actor),
        gewijzigd=nu,
        **velden,
    )
    if not savepoint:
        d.save()
        return d
    try:
        with transaction.atomic():
            d.save()
    except IntegrityError:
        bestaand = Dossier.objects.filter(
            leerling=leerling, organisatie=organisatie, status=DossierStatus.OPEN
        ).first()
        raise OpenDossierBestaat(
            "Deze leerling heeft al een open dossier bij uw organisatie (R-CW-1).",
            bestaand.uuid if bestaand else None,
        ) from None
    return d


def open_dossier_van(leerling_id, organisatie_id) -> Dossier | None:
    return (
        Dossier.objects.select_for_update()
        .filter(leerling_id=leerling_id, organisatie_id=organisatie_id, status=DossierStatus.OPEN)
        .first()
    )
