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

import dataclasses
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
    ("werkaantekeningen", "dossiers"),
    ("documenten", "brieven"),
    ("verwerkingen", "audit"),
)


@dataclass(frozen=True)
class Sectie:
    """One part of the export: a table (``kolommen``: (key, label)) of ``rijen`` (dicts
    with at least those keys), with an optional note (what is left out and why).
    ``redenen``: the keys of the columns that hold the pupil's reasons or a report of the
    casework (a talk's notes, a phase report, a working note's text), left out for a parent
    of a pupil of 16+ without the pupil's consent (R-PR-2a, ``zonder_redenen``)."""

    naam: str
    titel: str
    kolommen: tuple[tuple[str, str], ...]
    rijen: list[dict] = field(default_factory=list)
    toelichting: str = ""
    redenen: tuple[str, ...] = ()


def zonder_redenen(sectie: Sectie, uitleg: str) -> Sectie:
    """The section with its ``redenen`` columns emptied and ``uitleg`` (the rule's reason)
    saying why (R-PR-2a)."""
    if not sectie.redenen or not sectie.rijen:
        return sectie
    rijen = [{**r, **dict.fromkeys(sectie.redenen, "")} for r in sectie.rijen]
    toelichting = f"{sectie.toelichting} Weggelaten: {', '.join(_labels(sectie))}. {uitleg}"
    return dataclasses.replace(sectie, rijen=rijen, toelichting=toelichting.strip())


def _labels(sectie: Sectie) -> list[str]:
    return [label.lower() for key, label in sectie.kolommen if key in sectie.redenen]


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
