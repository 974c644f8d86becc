"""`verzuim demo-dossiers`: the demo region's casework (demo mode only; idempotent)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verzuim.dossiers.demo import maak_demo_dossiers


class Command(BaseCommand):
    help = "Demo: dossiers in elke MAS-fase met hun tijdlijn, vervolgdata en afgesloten zaken."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Alleen in demo-modus (VERZUIM_DEMO=1).")
        tellers = maak_demo_dossiers()
        if not tellers:
            self.stdout.write("Demo-dossiers bestaan al.")
            return
        self.stdout.write(
            "Dossiers: {gesloten} afgehandelde gesloten, {verhalen} in behandeling, "
            "{nieuw} nieuw; routes: {halt} Halt, {proces-verbaal} proces-verbaal, "
            "{kinderbijslag} kinderbijslag; {brieven} brieven (PDF).".format(
                **{
                    **dict.fromkeys(("halt", "proces-verbaal", "kinderbijslag", "brieven"), 0),
                    **tellers,
                }
            )
        )
