"""`verzuim load-scenario FILE`: load a scenario file atomically (api-contract.md)."""

import json

from django.core.management.base import BaseCommand, CommandError

from verzuim.personen.scenario import ScenarioFout, laad_scenario


class Command(BaseCommand):
    help = "Laad een scenariobestand (JSON): alles of niets, idempotent."

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, *args, bestand, **options):
        try:
            with open(bestand, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            raise CommandError(f"{bestand}: {e}") from e
        try:
            r = laad_scenario(data)
        except ScenarioFout as e:
            for fout in e.fouten:
                self.stderr.write(fout)
            raise CommandError(
                f"{len(e.fouten)} fout(en) in {bestand}; er is niets geladen."
            ) from e
        tellingen = ", ".join(f"{k}: {v}" for k, v in r.aantallen.items())
        self.stdout.write(f"Scenario geladen ({tellingen}).")
        if r.gebruikers and r.wachtwoord:
            self.stdout.write(
                f"Demo-gebruikers (wachtwoord {r.wachtwoord}): {', '.join(r.gebruikers)}"
            )
        for org, token in r.nieuwe_tokens.items():
            self.stdout.write(f"Nieuw API-token voor {org} (wordt maar één keer getoond): {token}")
        self.stdout.write(f"vandaag={r.vandaag.isoformat()}")
