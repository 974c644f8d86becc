"""`verzuim signalen [--peildatum JJJJ-MM-DD]`: recompute every signal (R-SG-1..4) for a
peildatum (default today). Idempotent and safe while users work; run it nightly (README)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from verzuim.signalen.herberekening import herbereken


class Command(BaseCommand):
    help = "Herbereken de signalen absoluut verzuim en potentieel LRV voor een peildatum."

    def add_arguments(self, parser):
        parser.add_argument("--peildatum", help="JJJJ-MM-DD; standaard vandaag")

    def handle(self, *args, peildatum=None, **options):
        try:
            datum = dt.date.fromisoformat(peildatum) if peildatum else None
        except ValueError as e:
            raise CommandError(f"--peildatum: geen datum JJJJ-MM-DD: {peildatum!r}") from e
        uitkomst = herbereken(datum)
        for soort, t in uitkomst.aantallen.items():
            self.stdout.write(
                f"{soort}: kandidaten {t['kandidaten']}, geopend {t['geopend']}, "
                f"opgelost {t['opgelost']}, bijgewerkt {t['bijgewerkt']}, open {t['open']}"
            )
        self.stdout.write(f"peildatum {uitkomst.peildatum.isoformat()}, {uitkomst.seconden:.2f} s")
