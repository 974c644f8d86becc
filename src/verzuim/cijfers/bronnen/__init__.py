"""The sources of the leerplichttelling, one module each, plugged in independently.

A source (`Bron`) declares the figures it computes (`Definitie`) and offers:

- ``tel(periode, gemeente_ids)``: one set-based aggregate per gemeente for the schooljaar:
  ``{gemeente_id: {sleutel: aantal}}`` (gemeenten without cases may be absent: 0);
- ``gevallen(periode, gemeente_id, sleutel)``: the cases behind one number, each with the
  organisation that handles it (the telling shows them to that organisation only);
- ``vingerafdruk()``: a cheap value that changes when the source's data changes (cache key
  of the public benchmark);
- ``beschikbaar()``: None, or why the source cannot count yet (its app is not installed):
  its figures are then ``None`` ("nog niet beschikbaar") everywhere, never 0.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from verzuim.cijfers.definities import Definitie
from verzuim.cijfers.periode import Periode


@dataclass(frozen=True)
class Geval:
    """One case behind a number: the pupil and what it rests on (meldingen, a signal, a
    route), for the handling organisation's check of its telling."""

    leerling_id: int
    identificatie: str  # BSN or onderwijsnummer
    # The handling organisation; None: whoever handles leerplicht for the gemeente.
    ontvanger_id: int | None
    omschrijving: str  # e.g. "VM-2026-000012 (16-uur, 07-09-2026)"
    datum: object = None  # the date that decided (sorting)
    links: tuple[tuple[str, str], ...] = ()  # (label, url name + uuid) for the handler


Telling = dict[int, dict[str, int]]


@dataclass(frozen=True)
class Bron:
    naam: str
    titel: str
    definities: tuple[Definitie, ...]
    tel: Callable[[Periode, Collection[int] | None], Telling]
    gevallen: Callable[[Periode, int, str], list[Geval]]
    vingerafdruk: Callable[[], tuple]
    beschikbaar: Callable[[], str | None] = field(default=lambda: None)
    # The cases behind its numbers are special categories (R-PR-5: the ground of a
    # vrijstelling, criminal data): only the handling leerplichtambtenaar opens them.
    bijzonder: bool = False
    # Exact sums between figures of one gemeente (total = sum of parts): a published table
    # makes them public, so suppression must respect them (suppressie.Relatie).
    optellingen: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __post_init__(self):
        for d in self.definities:
            object.__setattr__(d, "bron", self.naam)


def bronnen() -> list[Bron]:
    """All sources in the order of the statutory form."""
    from verzuim.cijfers.bronnen import (
        dossiers,
        leerplichtigen,
        meldingen,
        signalen,
        vrijstellingen,
    )

    return [
        leerplichtigen.BRON,
        signalen.BRON,
        meldingen.BRON,
        vrijstellingen.BRON,
        dossiers.BRON,
    ]


def definities() -> list[Definitie]:
    """Every figure, in form order (section letter, then line)."""
    alle = [d for b in bronnen() for d in b.definities]
    return sorted(alle, key=lambda d: (_sectie_volgorde(d.formulier), d.formulier))


def optellingen() -> list[tuple[str, tuple[str, ...]]]:
    return [o for b in bronnen() for o in b.optellingen]


def definitie(sleutel: str) -> Definitie | None:
    return next((d for d in definities() if d.sleutel == sleutel), None)


def bron_van(sleutel: str) -> Bron | None:
    return next((b for b in bronnen() if any(d.sleutel == sleutel for d in b.definities)), None)


def _sectie_volgorde(formulier: str) -> int:
    from verzuim.cijfers.definities import SECTIES

    return list(SECTIES).index(formulier[0])
