"""The seams into the dossiers (R-CW-1): a routed melding opens or joins the pupil's dossier
at its receiver, a forwarded one moves (R-RT-5) — both called by `receivers.py` on the
meldingen events, inside the meldingen' transaction —; a register signal is taken into a
dossier (R-CW-9); `signalen.dossierkoppeling` asks which dossier holds a signal and
`meldingen.dossierkoppeling` which holds a melding at its receiver; the R-ID-2
merge moves the dossiers of a merged pupil."""

from __future__ import annotations

from django.db import transaction

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.dossiers.basis import (
    controleer,
    label_van,
    lees_tekst,
    log_dossier,
    mag_wijzigen,
    namens_register,
    nieuw_dossier,
    open_dossier_van,
    systeemactiviteit,
)
from verzuim.dossiers.fouten import (
    Ongeldig,
)
from verzuim.dossiers.models import (
    Aanleiding,
    Activiteit,
    Bron,
    Dossier,
    DossierMelding,
    DossierSignaal,
    FaseVerslag,
    Verzuimoverzichtverzoek,
    Werkaantekening,
)
from verzuim.dossiers.snelkoppeling import sluit_aan
from verzuim.invoer import Fouten
from verzuim.meldingen.codes import Verzuimsoort
from verzuim.signalen import queries as signalen_queries
from verzuim.signalen.models import SignaalStatus, Soort
from verzuim.snelpad import voeg_in


def _melding_activiteit(dossier_id: int, melding, actor: Actor) -> None:
    voeg_in(
        Activiteit(
            dossier_id=dossier_id,
            soort_id="melding-ontvangen",
            datum=clock.today(),
            tekst=f"{melding.meldingsnummer}: {melding.get_verzuimsoort_display()} "
            f"({melding.instelling.naam})",
            bron=Bron.MELDING,
            bron_referentie=str(melding.uuid),
            auteur_label=label_van(actor),
            geregistreerd=clock.now(),
        )
    )


def _in_dossier(melding, actor: Actor, *, savepoint: bool = True) -> int:
    """The melding joins its receiver's open dossier for the pupil (one statement,
    `snelkoppeling`), or opens one; the dossier's id. The link itself is recorded in the
    timeline with its source; the audit log has the melding's own record (the intake's or
    the forwarding's) and, for a new dossier, `dossier.aanmaken`."""
    dossier_id = sluit_aan(melding, clock.now())
    if dossier_id is None:
        d = nieuw_dossier(
            melding.leerling,
            melding.ontvanger,
            actor=actor,
            aanleiding=Aanleiding.MELDING,
            aanleiding_toelichting=melding.meldingsnummer,
            gemeente=melding.verantwoordelijke_gemeente,
            route="luxe-verzuim" if melding.verzuimsoort == Verzuimsoort.LUXE else "",
            savepoint=savepoint,
        )
        voeg_in(
            DossierMelding(
                dossier=d, melding=melding, organisatie=d.organisatie, gekoppeld=d.geopend
            )
        )
        log_dossier(actor, "dossier.aanmaken", d, meldingsnummer=melding.meldingsnummer)
        dossier_id = d.pk
    _melding_activiteit(dossier_id, melding, actor)
    return dossier_id


def bij_gerouteerde_melding(melding, actor: Actor) -> int:
    """R-CW-1: the first routed melding opens the pupil's dossier at its receiver; later
    meldingen (vervolgmeldingen too) join the open one. Runs inside the intake's
    transaction (the `melding_gerouteerd` event); the register acts."""
    return _in_dossier(melding, namens_register(actor), savepoint=False)


def bij_doorgestuurde_melding(melding, van, actor: Actor) -> int:
    """R-RT-5: a forwarded melding leaves the sender's dossier (the link stays as history,
    with an activity saying where it went) and joins the receiver's."""
    register = namens_register(actor)
    nu = clock.now()
    for k in DossierMelding.objects.select_related("dossier__leerling").filter(
        melding=melding, organisatie=van, doorgestuurd__isnull=True
    ):
        k.doorgestuurd = nu
        k.save(update_fields=["doorgestuurd"])
        systeemactiviteit(
            k.dossier,
            "melding-doorgestuurd",
            register,
            tekst=f"{melding.meldingsnummer} doorgestuurd naar {melding.ontvanger.naam} (R-RT-5).",
            bron=Bron.MELDING,
            referentie=str(melding.uuid),
        )
        log_dossier(
            register, "dossier.melding-doorsturen", k.dossier, meldingsnummer=melding.meldingsnummer
        )
    bestaand = DossierMelding.objects.filter(melding=melding, organisatie=melding.ontvanger).first()
    if bestaand is not None:  # forwarded back: the old link becomes current again
        bestaand.doorgestuurd = None
        bestaand.save(update_fields=["doorgestuurd"])
        return bestaand.dossier_id
    return _in_dossier(melding, register)


@transaction.atomic
def open_dossier_voor_signaal(
    actor: Actor, signaal_uuid, toelichting: str = ""
) -> tuple[Dossier, bool]:
    """Take an open register signal into a dossier (R-CW-1): the pupil's open dossier at the
    signal's organisation, or a new one; an absoluut-verzuim signal puts a new dossier on the
    absoluut-verzuim route (R-CW-9). Taking the same signal twice returns its dossier.
    Returns (dossier, whether it was opened now)."""
    mag_wijzigen(actor)
    signaal = signalen_queries.signaal_voor(actor, signaal_uuid)
    al = DossierSignaal.objects.select_related("dossier").filter(signaal=signaal).first()
    if al is not None:
        return al.dossier, False
    if signaal.status != SignaalStatus.OPEN:
        raise Ongeldig(
            [{"name": "signaal", "code": "opgelost", "reason": "Het signaal is al opgelost."}]
        )
    if signaal.ontvanger_id is None:
        raise Ongeldig(
            [
                {
                    "name": "signaal",
                    "code": "geen_ontvanger",
                    "reason": "Het signaal heeft geen behandelaar.",
                }
            ]
        )
    fouten = Fouten()
    toelichting = lees_tekst(toelichting, "toelichting", fouten)
    controleer(fouten)
    d = open_dossier_van(signaal.leerling_id, signaal.ontvanger_id)
    nieuw = d is None
    if nieuw:
        absoluut = signaal.soort == Soort.ABSOLUUT_VERZUIM
        d = nieuw_dossier(
            signaal.leerling,
            signaal.ontvanger,
            actor=actor,
            aanleiding=Aanleiding.SIGNAAL,
            aanleiding_toelichting=toelichting or signaal.get_soort_display(),
            gemeente=signaal.gemeente,
            route="absoluut-verzuim" if absoluut else "",
        )
    DossierSignaal.objects.create(dossier=d, signaal=signaal, gekoppeld=clock.now())
    systeemactiviteit(
        d,
        "signaal-opgenomen",
        actor,
        tekst=f"{signaal.get_soort_display()} sinds {signaal.sinds:%d-%m-%Y}"
        + (f": {toelichting}" if toelichting else ""),
        bron=Bron.SIGNAAL,
        referentie=str(signaal.uuid),
    )
    log_dossier(
        actor,
        "dossier.aanmaken" if nieuw else "dossier.signaal-koppelen",
        d,
        signaal=str(signaal.uuid),
    )
    return d, nieuw


def dossiers_van_signalen(signaal_ids: list[int]) -> dict:
    """For `signalen.dossierkoppeling`: signal id → dossier uuid (one query)."""
    return dict(
        DossierSignaal.objects.filter(signaal_id__in=signaal_ids).values_list(
            "signaal_id", "dossier__uuid"
        )
    )


def dossiers_van_meldingen(organisatie_id: int, melding_ids: list[int]) -> dict:
    """For `meldingen.dossierkoppeling`: melding id → uuid of the dossier the melding is in
    at the organisation (its current link, not one left by forwarding; one query on the
    unique index melding+organisatie)."""
    return dict(
        DossierMelding.objects.filter(
            organisatie_id=organisatie_id, melding_id__in=melding_ids, doorgestuurd__isnull=True
        ).values_list("melding_id", "dossier__uuid")
    )


# --- reactions to personen (R-ID-2) -------------------------------------------------------------


def verplaats_naar_leerling(van, naar) -> int:
    """R-ID-2: the onderwijsnummer pupil `van` was merged into `naar`; its dossiers follow.
    Where both have an open dossier at the same organisation, the moved one's content
    (meldingen, signals, activities, phase reports, requests, notes) joins the open one of
    `naar` and the emptied dossier is removed. Returns the number of dossiers moved."""
    aantal = 0
    for d in Dossier.objects.select_for_update().filter(leerling=van):
        doel = open_dossier_van(naar.pk, d.organisatie_id) if d.is_open else None
        if doel is None:
            d.leerling = naar
            d.save(update_fields=["leerling"])
        else:
            for model in (
                DossierMelding,
                DossierSignaal,
                Activiteit,
                FaseVerslag,
                Verzuimoverzichtverzoek,
            ):
                model.objects.filter(dossier=d).update(dossier=doel)
            Werkaantekening.objects.filter(dossier=d).update(dossier=doel)
            d.delete()
        aantal += 1
    return aantal
