"""Reactions to personen events (connected in SignalenConfig.ready)."""

from __future__ import annotations

from django.dispatch import receiver

from verzuim.personen.signals import leerlingen_gekoppeld


@receiver(leerlingen_gekoppeld, dispatch_uid="signalen.koppeling")
def leerlingen_gekoppeld_ontvangen(sender, van, naar, actor=None, **kwargs):
    """R-ID-2: the signals of the onderwijsnummer pupil move to the linked pupil; where both
    have an open signal of the same soort, the moved one is resolved first (one open signal
    per pupil and soort)."""
    from verzuim.signalen.services import verplaats_naar_leerling

    verplaats_naar_leerling(van, naar)
