"""Reactions to the apps below (connected in DossiersConfig.ready): meldingen' events open
and move dossiers (R-CW-1, R-RT-5); personen's merge moves them (R-ID-2) and asks which
pupils the organisation sees through its casework."""

from __future__ import annotations

from django.dispatch import receiver

from verzuim.accounts.signals import demo_uitleg
from verzuim.meldingen.gebeurtenissen import melding_doorgestuurd, melding_gerouteerd
from verzuim.personen.signals import leerlingen_gekoppeld, leerlingen_zichtbaar_voor


@receiver(melding_gerouteerd, dispatch_uid="dossiers.gerouteerd")
def melding_gerouteerd_ontvangen(sender, melding, actor, **kwargs):
    """R-CW-1: the first routed melding opens the dossier; later ones join it."""
    from verzuim.dossiers.koppelingen import bij_gerouteerde_melding

    bij_gerouteerde_melding(melding, actor)


@receiver(melding_doorgestuurd, dispatch_uid="dossiers.doorgestuurd")
def melding_doorgestuurd_ontvangen(sender, melding, van, actor, **kwargs):
    """R-RT-5: the melding moves to the receiving organisation's dossier."""
    from verzuim.dossiers.koppelingen import bij_doorgestuurde_melding

    bij_doorgestuurde_melding(melding, van, actor)


@receiver(leerlingen_gekoppeld, dispatch_uid="dossiers.koppeling")
def leerlingen_gekoppeld_ontvangen(sender, van, naar, actor=None, **kwargs):
    """R-ID-2: the dossiers of the onderwijsnummer pupil move to the linked pupil."""
    from verzuim.dossiers.koppelingen import verplaats_naar_leerling

    verplaats_naar_leerling(van, naar)


@receiver(leerlingen_zichtbaar_voor, dispatch_uid="dossiers.zichtbaar")
def leerlingen_van_dossiers(sender, actor, **kwargs):
    """The handling organisation sees the pupils of its dossiers (also after a move)."""
    from verzuim.dossiers.queries import dossiers_voor

    return dossiers_voor(actor).values("leerling_id")


@receiver(demo_uitleg, dispatch_uid="dossiers.demo_uitleg")
def demo_uitleg_dossiers(sender, **kwargs):
    """`demo_logins`: what each login sees of the dossiers."""
    from verzuim.dossiers.demo import wie_ziet_wat

    return wie_ziet_wat()
