"""R-PR-2: personal working notes on an open dossier, seen and changed only by their
author, audited without content; `services.sluit` deletes them when the dossier closes.

R-PR-2a: an inzage export includes the notes (privacy/bronnen/werkaantekeningen) unless an
LPA of the handling organisation records a balancing decision to withhold one
(`houd_achter`, AVG art. 15(4)/23: rights of others); the export then lists the withheld
note with its ground and reason. `verstrek` withdraws the decision.
"""

from __future__ import annotations

from django.db import transaction

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.dossiers import queries
from verzuim.dossiers.basis import (
    alleen_lpa,
    auteur_van,
    controleer,
    label_van,
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
    Afweeggrond,
    Dossier,
    Inzageafweging,
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


# --- the balancing decision for inzage (R-PR-2a) ------------------------------------------------


def _aantekening_voor_afweging(actor: Actor, aantekening_id, leerling=None) -> Werkaantekening:
    """Any note (whoever wrote it) on an open dossier of the actor's organisation; with
    `leerling`, only a note about that pupil (the inzage request's)."""
    alleen_lpa(actor, "besluiten een werkaantekening achter te houden")
    if auteur_van(actor) is None:
        raise GeenToegang("Alleen een leerplichtambtenaar besluit over werkaantekeningen.")
    qs = Werkaantekening.objects.select_for_update(of=("self",)).select_related("dossier__leerling")
    qs = qs.filter(dossier__in=queries.dossiers_voor(actor))
    if leerling is not None:
        qs = qs.filter(dossier__leerling=leerling)
    w = qs.filter(pk=aantekening_id).first() if str(aantekening_id).isdigit() else None
    if w is None:
        raise NietGevonden("Werkaantekening niet gevonden.")
    if not w.dossier.is_open:
        raise DossierGesloten()
    return w


@transaction.atomic
def houd_achter(
    actor: Actor, aantekening_id, *, grond: str, reden: str, leerling=None, koppeling: str = ""
) -> Inzageafweging:
    """Record (or replace) the balancing decision to withhold a note from inzage: a ground
    of AVG art. 15(4)/23 and a reason the requester will read in the export (R-PR-2a)."""
    w = _aantekening_voor_afweging(actor, aantekening_id, leerling)
    fouten = Fouten()
    if grond not in Afweeggrond.values:
        fouten.add("grond", "invalid", "Kies de grond om de werkaantekening achter te houden "
                   "(AVG art. 15 lid 4 of art. 23; R-PR-2a).")  # fmt: skip
    reden = lees_tekst(reden, "reden", fouten, verplicht=True)
    controleer(fouten)
    afweging, _ = Inzageafweging.objects.update_or_create(
        aantekening=w,
        defaults={
            "grond": grond,
            "reden": reden,
            "besloten": clock.now(),
            "besloten_door": label_van(actor),
            "koppeling": koppeling,
        },
    )
    # Without the note's or the reason's content (R-PR-2): the ground only.
    log_dossier(actor, "werkaantekening.achterhouden", w.dossier, grond=grond,
                werkaantekening=w.pk)  # fmt: skip
    return afweging


@transaction.atomic
def verstrek(actor: Actor, aantekening_id, *, leerling=None) -> None:
    """Withdraw the decision: the note is in the next inzage export again (R-PR-2a)."""
    w = _aantekening_voor_afweging(actor, aantekening_id, leerling)
    verwijderd, _ = Inzageafweging.objects.filter(aantekening=w).delete()
    if verwijderd:
        log_dossier(actor, "werkaantekening.verstrekken", w.dossier, werkaantekening=w.pk)
