"""Reactions to personen events (connected in MeldingenConfig.ready)."""

from __future__ import annotations

from django.dispatch import receiver

from verzuim.personen.signals import (
    leerlingen_gekoppeld,
    leerlingen_zichtbaar_voor,
    vrijstelling_geregistreerd,
)


@receiver(vrijstelling_geregistreerd, dispatch_uid="meldingen.vrijstelling")
def vrijstelling_geregistreerd_ontvangen(sender, vrijstelling, actor=None, **kwargs):
    """R-RT-7: overlapping open meldingen are withdrawn with reason V; returns them so the
    registering service can report them (POST /vrijstellingen)."""
    from verzuim.meldingen.services import trek_in_wegens_vrijstelling

    return trek_in_wegens_vrijstelling(vrijstelling, actor)


@receiver(leerlingen_gekoppeld, dispatch_uid="meldingen.koppeling")
def leerlingen_gekoppeld_ontvangen(sender, van, naar, actor=None, **kwargs):
    """R-ID-2: the meldingen of the onderwijsnummer pupil move to the linked pupil."""
    from verzuim.meldingen.services import verplaats_naar_leerling

    verplaats_naar_leerling(van, naar)


@receiver(leerlingen_zichtbaar_voor, dispatch_uid="meldingen.zichtbaar")
def leerlingen_van_meldingen(sender, actor, **kwargs):
    """The receiving party sees the pupils of the meldingen routed to it (R-RT-1..5)."""
    from verzuim.meldingen.queries import meldingen_voor

    return meldingen_voor(actor).values("leerling_id")
