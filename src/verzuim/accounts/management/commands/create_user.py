"""`verzuim create-user USERNAME --organisatie CODE --rollen a,b [--boa]`: create or update a
user and print a new random password."""

from django.core.management.base import BaseCommand, CommandError

from verzuim.accounts import services


class Command(BaseCommand):
    help = "Maakt (of wijzigt) een gebruiker en toont een nieuw willekeurig wachtwoord."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--organisatie", default="", help="Code van de organisatie")
        parser.add_argument("--rollen", required=True, help="Komma-gescheiden rollen")
        parser.add_argument("--boa", action="store_true", help="Leerplichtambtenaar is BOA")
        parser.add_argument("--email", default="")
        parser.add_argument("--naam", default="", help="Voor- en achternaam")
        parser.add_argument(
            "--wachtwoord",
            default="",
            help="Vast wachtwoord (alleen voor demo's; anders willekeurig)",
        )

    def handle(self, *args, **o):
        rollen = [r.strip() for r in o["rollen"].split(",") if r.strip()]
        try:
            user, wachtwoord = services.maak_gebruiker(
                services.CLI,
                o["username"],
                o["organisatie"] or None,
                rollen,
                boa=o["boa"],
                wachtwoord=o["wachtwoord"] or None,
                email=o["email"],
                naam=o["naam"],
            )
        except services.OngeldigeInvoer as e:
            raise CommandError(str(e)) from e
        org = user.organisatie.code if user.organisatie else "-"
        self.stderr.write(f"Gebruiker {user.username} ({org}; {', '.join(user.rollen)}).")
        self.stdout.write(wachtwoord)
