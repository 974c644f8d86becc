"""`verzuim brp-mutaties FILE`: BRP mutations (R-SG-5) from a JSON-lines file, one mutation
per line in Haal Centraal field names (see ``signalen.mutaties``). Each line is its own
transaction; a line already processed (same id) is skipped; an invalid line is reported with
its number and every invalid field, and the rest still runs. Exit status 1 when a line failed.
``-`` reads standard input."""

from __future__ import annotations

import sys

import orjson
from django.core.management.base import BaseCommand, CommandError

from verzuim.audit.context import SYSTEEM
from verzuim.signalen import mutaties
from verzuim.signalen.fouten import NietGevonden, Ongeldig, RegisterConflict


class Command(BaseCommand):
    help = "Verwerk BRP-mutaties uit een JSON-lines-bestand (één mutatie per regel)."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="pad, of - voor standaardinvoer")

    def handle(self, *args, bestand, **options):
        try:
            f = sys.stdin.buffer if bestand == "-" else open(bestand, "rb")  # noqa: SIM115
        except OSError as e:
            raise CommandError(f"{bestand}: {e.strerror}") from e
        aantallen = {"verwerkt": 0, "herhaald": 0, "fouten": 0}
        with f:
            for nummer, regel in enumerate(f, start=1):
                if not regel.strip():
                    continue
                fout = self._regel(nummer, regel, aantallen)
                if fout:
                    aantallen["fouten"] += 1
                    self.stderr.write(f"regel {nummer}: {fout}")
        self.stdout.write(
            f"{aantallen['verwerkt']} verwerkt, {aantallen['herhaald']} eerder verwerkt, "
            f"{aantallen['fouten']} met fouten"
        )
        if aantallen["fouten"]:
            raise CommandError(f"{aantallen['fouten']} regel(s) niet verwerkt", returncode=1)

    def _regel(self, nummer: int, regel: bytes, aantallen: dict) -> str | None:
        try:
            body = orjson.loads(regel)
        except orjson.JSONDecodeError as e:
            return f"geen geldige JSON ({e})"
        try:
            v = mutaties.verwerk(SYSTEEM, body, bron="bestand")
        except Ongeldig as e:
            return "; ".join(f"{f['name']}: {f['reason']}" for f in e.fouten)
        except (NietGevonden, RegisterConflict) as e:
            return str(e)
        aantallen["verwerkt" if v.nieuw else "herhaald"] += 1
        return None
