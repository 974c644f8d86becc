"""The sources of an inzage export (R-PR-3), one module each, plugged in independently
(like ``cijfers/bronnen``): every kind of data the organisation holds about a pupil.

A source module has ``BRON = Bron(naam, titel, verzamel)``; ``verzamel(lezer, leerling)``
returns the source's ``Sectie`` (rows as plain values: dates, strings, numbers) or None
when it has nothing to say. ``lezer`` is the organisation-wide reader of the inzage
(``services.lezer_voor``): the export shows what the organisation holds, whoever compiles it.
Sources read through their apps' scoped queries, never their audited read services: the
export is logged once, as the export (``inzage.exporteren``).

A source whose app is not installed is left out (``beschikbaar``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps

#: The modules in export order; each names the app it needs.
MODULES = (
    ("brp", "personen"),
    ("inschrijvingen", "personen"),
    ("vrijstellingen", "personen"),
    ("meldingen", "meldingen"),
    ("signalen", "signalen"),
    ("dossiers", "dossiers"),
    ("documenten", "brieven"),
    ("verwerkingen", "audit"),
)


@dataclass(frozen=True)
class Sectie:
    """One part of the export: a table (``kolommen``: (key, label)) of ``rijen`` (dicts
    with at least those keys), with an optional note (what is left out and why)."""

    naam: str
    titel: str
    kolommen: tuple[tuple[str, str], ...]
    rijen: list[dict] = field(default_factory=list)
    toelichting: str = ""


@dataclass(frozen=True)
class Bron:
    naam: str
    titel: str
    verzamel: Callable  # (lezer: Actor, leerling: Leerling) -> Sectie | None


def bronnen() -> list[Bron]:
    """The installed sources, in export order."""
    uit = []
    for module, app in MODULES:
        if apps.is_installed(f"verzuim.{app}"):
            uit.append(importlib.import_module(f"{__name__}.{module}").BRON)
    return uit
