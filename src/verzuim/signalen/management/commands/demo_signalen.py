"""`verzuim demo-signalen`: the demo's potential-LRV chains and the first signal run (demo
mode only)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verzuim.signalen.demo import maak_demo_signalen


class Command(BaseCommand):
    help = "Demo: meldingreeksen voor potentieel LRV en de eerste signalenrun."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Alleen in demo-modus (VERZUIM_DEMO=1).")
        meldingen, uitkomst = maak_demo_signalen()
        self.stdout.write(f"{len(meldingen)} demo-meldingen voor potentieel LRV")
        for soort, t in uitkomst.aantallen.items():
            self.stdout.write(f"{soort}: {t['open']} open")
