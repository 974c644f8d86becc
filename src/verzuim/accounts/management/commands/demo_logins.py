"""Print the demo logins and API tokens (demo mode only), as the README promises."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verzuim.accounts.models import Gebruiker, Rol
from verzuim.accounts.services import DEMO_WACHTWOORD
from verzuim.accounts.signals import demo_uitleg


class Command(BaseCommand):
    help = "Toont de demo-inloggegevens (alleen in demo-modus)."

    def add_arguments(self, parser):
        parser.add_argument("scenario", nargs="?", help="scenario file, for its API tokens")

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Alleen in demo-modus (VERZUIM_DEMO=1).")
        base = settings.BASE_URL
        self.stdout.write(
            f"\nVerzuimregister demo: {base}  (wachtwoord voor iedereen: {DEMO_WACHTWOORD})\n"
        )
        self.stdout.write(f"{'gebruikersnaam':<24} {'organisatie':<44} rollen")
        users = Gebruiker.objects.select_related("organisatie").order_by(
            "organisatie__soort", "username"
        )
        for user in users.filter(is_active=True):
            org = user.organisatie.naam if user.organisatie else "-"
            labels = [Rol(r).label for r in user.rollen if r in Rol.values]
            if user.boa:
                labels.append("BOA")
            self.stdout.write(f"{user.username:<24} {org[:43]:<44} {', '.join(labels)}")
        self._wie_ziet_wat()
        if options.get("scenario"):
            with open(options["scenario"], encoding="utf-8") as fh:
                tokens = json.load(fh).get("tokens", [])
            if tokens:
                self.stdout.write("\nAPI-tokens (Authorization: Bearer …):")
                for t in tokens:
                    self.stdout.write(
                        f"  {t['organisatie']:<10} {t['token']}  {' '.join(t['scopes'])}"
                    )
        self.stdout.write(f"\nAPI-documentatie: {base}/api/v1/openapi.yaml\n")

    def _wie_ziet_wat(self) -> None:
        """What each login sees in the demo, as the apps above tell it (`demo_uitleg`)."""
        regels: dict[str, list[str]] = {}
        for _, antwoord in demo_uitleg.send(sender=self.__class__):
            for naam, lijst in (antwoord or {}).items():
                regels.setdefault(naam, []).extend(lijst)
        if not regels:
            return
        self.stdout.write("\nWat ziet wie:")
        for naam in sorted(regels):
            for i, regel in enumerate(regels[naam]):
                self.stdout.write(f"  {naam if i == 0 else '':<22} {regel}")
