"""`verzuim load-reference`: load or refresh all reference data (SOURCES.md) in bulk."""

import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from verzuim.organisaties import referentie


class Command(BaseCommand):
    help = (
        "Laadt gemeenten, RMC-regio's, schoolvakanties en de DUO-scholenlijst (po) uit "
        "src/verzuim/data/. Idempotent: opnieuw draaien werkt bij."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--zonder-scholen", action="store_true", help="Sla de scholenlijst over."
        )

    def handle(self, *args, **opts):
        start = time.perf_counter()
        with transaction.atomic():
            telling = referentie.laad_basis(apps)
            if not opts["zonder_scholen"]:
                telling |= referentie.laad_scholen(apps)
        duur = time.perf_counter() - start
        samenvatting = ", ".join(f"{k}: {v}" for k, v in telling.items())
        self.stdout.write(
            self.style.SUCCESS(f"Referentiedata geladen ({samenvatting}) in {duur:.1f} s.")
        )
