"""Test support: make sure some gemeenten exist as the reference-data migration leaves them,
also in a database built with --no-migrations. Idempotent."""

from __future__ import annotations

from verzuim.organisaties.models import Gemeente, Organisatie, OrganisatieSoort, RmcRegio


def zorg_voor_gemeenten(gemeenten: dict[str, tuple[str, str]]) -> None:
    """gemeenten: {"GM0392": ("Haarlem", "25"), …} — code: (naam, RMC-regio nummer)."""
    for code, (naam, nummer) in gemeenten.items():
        regio, _ = RmcRegio.objects.get_or_create(
            nummer=nummer, defaults={"naam": f"Regio {nummer}"}
        )
        gemeente, _ = Gemeente.objects.get_or_create(
            code=code,
            defaults={
                "naam": naam,
                "provincie": "Noord-Holland",
                "vakantieregio": "noord",
                "rmc_regio": regio,
            },
        )
        Organisatie.objects.get_or_create(
            code=code,
            defaults={
                "soort": OrganisatieSoort.GEMEENTE,
                "naam": f"Gemeente {naam}",
                "gemeente": gemeente,
            },
        )
