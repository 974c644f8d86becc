"""Writes and audited reads of signals outside the recompute (which lives in
``herberekening``). Every read of person data is audited (R-PR-1)."""

from __future__ import annotations

from verzuim import clock
from verzuim.signalen.models import Signaal, SignaalStatus


def verplaats_naar_leerling(van, naar) -> int:
    """R-ID-2: move ``van``'s signals to ``naar`` (see receivers)."""
    open_naar = set(
        Signaal.objects.filter(leerling=naar, status=SignaalStatus.OPEN).values_list(
            "soort", flat=True
        )
    )
    nu = clock.now()
    Signaal.objects.filter(leerling=van, status=SignaalStatus.OPEN, soort__in=open_naar).update(
        status=SignaalStatus.OPGELOST,
        opgelost_op=clock.today(),
        oplossing="samengevoegd",
        oplossing_uitleg="Leerling samengevoegd met een andere registratie (R-ID-2).",
        gewijzigd=nu,
    )
    return Signaal.objects.filter(leerling=van).update(leerling=naar, gewijzigd=nu)
