"""R-PR-2: personal working notes on an open dossier, seen and changed only by their
author, audited without content; `services.sluit` deletes them when the dossier closes."""

from __future__ import annotations

from django.db import transaction

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.dossiers import queries
from verzuim.dossiers.basis import (
    auteur_van,
    controleer,
    lees_tekst,
    log_dossier,
    mag_wijzigen,
    mag_zien,
    open_voor_wijziging,
)
from verzuim.dossiers.fouten import (
    DossierGesloten,
    GeenToegang,
    NietGevonden,
)
from verzuim.dossiers.models import (
    Dossier,
    Werkaantekening,
)
from verzuim.invoer import Fouten

# --- werkaantekeningen (R-PR-2) -----------------------------------------------------------------


def _eigen_aantekening(actor: Actor, aantekening_id) -> Werkaantekening:
    g = auteur_van(actor)
    w = (
        Werkaantekening.objects.select_for_update()
        .select_related("dossier__leerling")
        .filter(pk=aantekening_id, auteur=g, dossier__in=queries.dossiers_voor(actor))
        .first()
        if g is not None and str(aantekening_id).isdigit()
        else None
    )
    if w is None:
        raise NietGevonden("Werkaantekening niet gevonden.")
    if not w.dossier.is_open:
        raise DossierGesloten()
    return w


def _werkaantekening_log(actor: Actor, actie: str, dossier: Dossier) -> None:
    """Audited without content (R-PR-2)."""
    log_dossier(actor, actie, dossier)


@transaction.atomic
def schrijf_werkaantekening(actor: Actor, dossier, tekst: str) -> Werkaantekening:
    """A personal working note on an open dossier (R-PR-2), only for its author."""
    mag_wijzigen(actor)
    if auteur_van(actor) is None:
        raise GeenToegang("Werkaantekeningen zijn persoonlijk: alleen voor medewerkers.")
    d = open_voor_wijziging(actor, dossier)
    fouten = Fouten()
    tekst = lees_tekst(tekst, "tekst", fouten, verplicht=True)
    controleer(fouten)
    nu = clock.now()
    w = Werkaantekening.objects.create(
        dossier=d, auteur=actor.gebruiker, tekst=tekst, aangemaakt=nu, gewijzigd=nu
    )
    _werkaantekening_log(actor, "werkaantekening.aanmaken", d)
    return w


@transaction.atomic
def wijzig_werkaantekening(actor: Actor, aantekening_id, tekst: str) -> Werkaantekening:
    mag_wijzigen(actor)
    w = _eigen_aantekening(actor, aantekening_id)
    fouten = Fouten()
    tekst = lees_tekst(tekst, "tekst", fouten, verplicht=True)
    controleer(fouten)
    w.tekst, w.gewijzigd = tekst, clock.now()
    w.save(update_fields=["tekst", "gewijzigd"])
    _werkaantekening_log(actor, "werkaantekening.wijzigen", w.dossier)
    return w


@transaction.atomic
def verwijder_werkaantekening(actor: Actor, aantekening_id) -> None:
    mag_wijzigen(actor)
    w = _eigen_aantekening(actor, aantekening_id)
    w.delete()
    _werkaantekening_log(actor, "werkaantekening.verwijderen", w.dossier)


def lees_werkaantekeningen(actor: Actor, dossier: Dossier) -> list[Werkaantekening]:
    """The actor's own notes on a dossier they may see (the dossier read is audited by
    `lees_dossier`; the notes are the reader's own)."""
    mag_zien(actor)
    return list(queries.werkaantekeningen_van(actor, dossier))
