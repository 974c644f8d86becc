"""Cell suppression for published tables (R-FG-2): primary and complementary (secondary).

Pure Python, no Django. A table is a set of cells (any hashable key) with non-negative integer
values, plus the additive relations that the published table makes public: for each
`Relatie`, ``totaal = som(delen)`` (a region is the sum of its gemeenten, the country the sum
of its regions, a total column the sum of its parts).

1. **Primary**: every cell whose value is below ``drempel`` is hidden.
2. **Complementary**, repeated until nothing changes:
   - *singleton rule*: no relation may hold exactly one hidden cell (it would be the
     published total minus the visible parts);
   - *protection rule*: where a relation's total is visible, the hidden parts together must
     weigh at least ``drempel``; otherwise an attacker learns that each hidden part is below
     the threshold (and, with one part, its value);
   - *exact check*: the relations restricted to the hidden cells form a linear system; a
     hidden cell that the system determines (its unit vector lies in the row space) is
     recoverable by combining relations, even when every single relation holds two hidden
     cells (the classic 2x2 pattern across a row total and a column total). Such a cell gets
     one more complement in one of its relations.
   Complements are chosen smallest value first (least information lost), never a cell of a
   relation that cannot help.

The exact check runs Gaussian elimination modulo a 61-bit prime per connected group of hidden
cells: exact for these 0/±1 systems except with negligible probability (a rational entry whose
numerator is a multiple of the prime), and fast enough in pure Python at national scale.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

PRIEM = (1 << 61) - 1


@dataclass(frozen=True)
class Relatie:
    """A published additive relation: ``totaal = som(delen)``."""

    totaal: Hashable
    delen: tuple[Hashable, ...]

    @property
    def cellen(self) -> tuple[Hashable, ...]:
        return (self.totaal, *self.delen)


@dataclass(frozen=True)
class Uitkomst:
    primair: frozenset
    secundair: frozenset

    @property
    def verborgen(self) -> frozenset:
        return self.primair | self.secundair


def onderdruk(
    waarden: Mapping[Hashable, int], relaties: Iterable[Relatie], drempel: int
) -> Uitkomst:
    """Which cells to hide so that no cell under ``drempel`` can be read or recomputed."""
    relaties = [r for r in relaties if all(c in waarden for c in r.cellen)]
    primair = frozenset(c for c, v in waarden.items() if v < drempel)
    verborgen = set(primair)
    if drempel <= 0:
        return Uitkomst(primair, frozenset())
    while True:
        gewijzigd = _lokale_regels(waarden, relaties, drempel, verborgen)
        bepaald = bepaalde_cellen(relaties, verborgen)
        if not bepaald:
            if not gewijzigd:
                break
            continue
        for cel in sorted(bepaald, key=repr):
            if not _verberg_complement(waarden, relaties, verborgen, cel):
                raise RuntimeError(f"Cel {cel!r} is niet te beschermen.")  # pragma: no cover
    return Uitkomst(primair, frozenset(verborgen - primair))


def _kleinste(waarden, kandidaten):
    """The candidate that costs least to hide: smallest value, ties by key for determinism."""
    return min(kandidaten, key=lambda c: (waarden[c], repr(c)))


def _lokale_regels(waarden, relaties, drempel, verborgen: set) -> bool:
    """Apply the singleton and protection rules until they hold everywhere."""
    ooit = False
    veranderd = True
    while veranderd:
        veranderd = False
        for r in relaties:
            verborgen_hier = [c for c in r.cellen if c in verborgen]
            if not verborgen_hier:
                continue
            zichtbaar = [c for c in r.cellen if c not in verborgen]
            if not zichtbaar:
                continue
            te_weinig = len(verborgen_hier) == 1
            if not te_weinig and r.totaal not in verborgen:
                te_weinig = sum(waarden[c] for c in verborgen_hier) < drempel
            if te_weinig:
                delen = [c for c in zichtbaar if c != r.totaal]
                verborgen.add(_kleinste(waarden, delen) if delen else r.totaal)
                veranderd = ooit = True
    return ooit


def _verberg_complement(waarden, relaties, verborgen: set, cel) -> bool:
    kandidaten = [c for r in relaties if cel in r.cellen for c in r.cellen if c not in verborgen]
    if not kandidaten:
        return False
    verborgen.add(_kleinste(waarden, kandidaten))
    return True


def bepaalde_cellen(relaties: Iterable[Relatie], verborgen: set) -> set:
    """The hidden cells that the published relations determine exactly (the attacker's
    linear algebra): per connected group, the pivot cells whose reduced row has no other
    hidden cell."""
    vergelijkingen = []
    for r in relaties:
        rij = {}
        if r.totaal in verborgen:
            rij[r.totaal] = 1
        for d in r.delen:
            if d in verborgen:
                rij[d] = (rij.get(d, 0) - 1) % PRIEM
        rij = {k: v for k, v in rij.items() if v}
        if rij:
            vergelijkingen.append(rij)
    bepaald: set = set()
    for groep in _groepen(vergelijkingen):
        bepaald |= _bepaald_in(groep)
    return bepaald


def _groepen(vergelijkingen: list[dict]) -> list[list[dict]]:
    """Split the equations into groups that share no hidden cell (union-find)."""
    ouder: dict = {}

    def wortel(x):
        while ouder.setdefault(x, x) != x:
            ouder[x] = ouder[ouder[x]]
            x = ouder[x]
        return x

    for v in vergelijkingen:
        cellen = list(v)
        for c in cellen[1:]:
            a, b = wortel(cellen[0]), wortel(c)
            if a != b:
                ouder[a] = b
    groepen: dict = {}
    for v in vergelijkingen:
        groepen.setdefault(wortel(next(iter(v))), []).append(v)
    return list(groepen.values())


def _bepaald_in(vergelijkingen: list[dict]) -> set:
    """Reduced row echelon form modulo PRIEM of sparse rows; returns the determined cells."""
    rijen: list[dict] = []  # reduced rows, each with its pivot
    spil: dict = {}  # pivot cell -> index in rijen
    for v in vergelijkingen:
        rij = dict(v)
        for cel, i in spil.items():  # eliminate existing pivots from the new row
            f = rij.get(cel)
            if f:
                for k, w in rijen[i].items():
                    nieuw = (rij.get(k, 0) - f * w) % PRIEM
                    if nieuw:
                        rij[k] = nieuw
                    else:
                        rij.pop(k, None)
        if not rij:
            continue
        p = min(rij, key=repr)
        inv = pow(rij[p], PRIEM - 2, PRIEM)
        rij = {k: (w * inv) % PRIEM for k, w in rij.items()}
        for i, andere in enumerate(rijen):  # keep the form reduced: clear p elsewhere
            f = andere.get(p)
            if f:
                for k, w in rij.items():
                    nieuw = (andere.get(k, 0) - f * w) % PRIEM
                    if nieuw:
                        andere[k] = nieuw
                    else:
                        andere.pop(k, None)
                rijen[i] = andere
        spil[p] = len(rijen)
        rijen.append(rij)
    return {p for p, i in spil.items() if len(rijen[i]) == 1}
