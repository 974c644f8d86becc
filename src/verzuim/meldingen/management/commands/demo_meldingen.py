from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verzuim.meldingen.demo import maak_demo_meldingen


class Command(BaseCommand):
    help = "Maakt demo-meldingen via de echte intake (alleen in demo-modus; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=40)

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Alleen in demo-modus (VERZUIM_DEMO=1).")
        gemaakt = maak_demo_meldingen(options["aantal"])
        self.stdout.write(f"Demo-meldingen aangemaakt: {len(gemaakt)}.")
