"""`verzuim privacyregister [--uit docs/privacy.md] [--controleer]`: write the register of
processing activities (AVG art. 30) generated from the code's declarations; with
--controleer, fail when the file differs (stale)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verzuim.privacy.register import markdown

STANDAARD = Path(settings.BASE_DIR).parent.parent / "docs" / "privacy.md"


class Command(BaseCommand):
    help = "Schrijf het register van verwerkingsactiviteiten (docs/privacy.md)."

    def add_arguments(self, parser):
        parser.add_argument("--uit", default=str(STANDAARD), help="het bestand (docs/privacy.md)")
        parser.add_argument(
            "--controleer", action="store_true", help="alleen controleren of het actueel is"
        )

    def handle(self, *args, **opts):
        pad, tekst = Path(opts["uit"]), markdown()
        if opts["controleer"]:
            if not pad.exists() or pad.read_text(encoding="utf-8") != tekst:
                raise CommandError(f"{pad} is verouderd: voer `verzuim privacyregister` uit.")
            self.stdout.write(f"{pad} is actueel.")
            return
        pad.write_text(tekst, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{pad} geschreven."))
