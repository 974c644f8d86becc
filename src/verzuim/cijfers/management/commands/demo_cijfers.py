from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verzuim.cijfers.demo import maak_geschiedenis


class Command(BaseCommand):
    help = "Demo: two earlier schooljaren of meldingen, statuses and vrijstellingen (figures)."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Alleen in demomodus (VERZUIM_DEMO=1).")
        gemaakt = maak_geschiedenis()
        if not gemaakt:
            self.stdout.write("Er is al geschiedenis; niets gedaan.")
        for schooljaar, n in gemaakt.items():
            self.stdout.write(f"Schooljaar {schooljaar}: {n} meldingen met hun afhandeling.")
