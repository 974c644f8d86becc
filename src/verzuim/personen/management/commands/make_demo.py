"""`verzuim make-demo [--out FILE] [--personen N] [--seed S] [--vandaag D]`: write the demo
region as a scenario file (verzuim.personen.demo)."""

import datetime as dt
import json
import sys

from django.core.management.base import BaseCommand

from verzuim.personen.demo import VANDAAG, maak_demo


class Command(BaseCommand):
    help = "Schrijf een demoscenario (JSON) met een geloofwaardige regio."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="-", help="bestand (standaard: stdout)")
        parser.add_argument("--personen", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--vandaag", type=dt.date.fromisoformat, default=VANDAAG)

    def handle(self, *args, out, personen, seed, vandaag, **options):
        data = maak_demo(personen, seed=seed, vandaag=vandaag)
        tekst = json.dumps(data, ensure_ascii=False, indent=1)
        if out == "-":
            sys.stdout.write(tekst + "\n")
            return
        with open(out, "w", encoding="utf-8") as f:
            f.write(tekst + "\n")
        self.stderr.write(
            f"{out}: {len(data['personen'])} personen, {len(data['inschrijvingen'])} "
            f"inschrijvingen, {len(data['diplomas'])} diploma's, "
            f"{len(data['vrijstellingen'])} vrijstellingen; vandaag={data['vandaag']}"
        )
