"""`verzuim create-token ORGANISATIE --scopes a,b [--naam ...]`: print a new API token once."""

from django.core.management.base import BaseCommand, CommandError

from verzuim.accounts import services


class Command(BaseCommand):
    help = "Maakt een API-applicatie met een nieuw token; het token wordt één keer getoond."

    def add_arguments(self, parser):
        parser.add_argument("organisatie", help="Code van de organisatie (BRIN, GM0363, ...)")
        parser.add_argument(
            "--scopes",
            required=True,
            help="Komma-gescheiden, bijv. meldingen.aanmaken,meldingen.lezen",
        )
        parser.add_argument("--naam", default="", help="Naam van de applicatie")

    def handle(self, *args, **o):
        scopes = [s.strip() for s in o["scopes"].split(",") if s.strip()]
        try:
            app, token = services.maak_token(services.CLI, o["organisatie"], scopes, o["naam"])
        except services.OngeldigeInvoer as e:
            raise CommandError(str(e)) from e
        self.stderr.write(
            f"API-applicatie '{app.naam}' ({app.organisatie.code}), scopes: {', '.join(app.scopes)}.\n"
            "Bewaar het token nu: het wordt niet opgeslagen en niet opnieuw getoond."
        )
        self.stdout.write(token)
