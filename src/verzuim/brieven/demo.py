"""Demo letterheads: every gemeente or dienst with users gets a fictitious letterhead, so the
demo's letters look like the real thing. Idempotent; an existing letterhead is kept."""

from __future__ import annotations

from verzuim.brieven.models import Briefhoofd
from verzuim.brieven.services import AFZENDERS
from verzuim.organisaties.models import Organisatie


def maak_briefhoofden() -> int:
    nieuw = 0
    organisaties = Organisatie.objects.filter(
        soort__in=AFZENDERS, gebruikers__is_active=True, briefhoofd__isnull=True
    ).distinct()
    for org in organisaties:
        Briefhoofd.objects.create(
            organisatie=org,
            naam=f"{org.naam}, team Leerplicht",
            postadres="Postbus 1000 (fictief)\n2000 AA Voorbeeldstad",
            bezoekadres="Voorbeeldplein 1",
            telefoon="14 0000 (demo)",
            email=f"leerplicht@{org.code.lower()}.demo.example",
            ondertekenaar_functie="Leerplichtambtenaar",
        )
        nieuw += 1
    return nieuw
