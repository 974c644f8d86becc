"""Fictitious letterheads for the demo's gemeenten and diensten (demo mode only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verzuim.brieven.demo import maak_briefhoofden


class Command(BaseCommand):
    help = "Maakt fictieve briefhoofden voor de demo (alleen in demo-modus)."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Alleen in demo-modus (VERZUIM_DEMO=1).")
        self.stdout.write(f"Briefhoofden aangemaakt: {maak_briefhoofden()}")
