"""The attacker of a published table, written independently of the suppression engine: it
knows the visible counts and the public relations (total = sum of parts) and tries to
recover every hidden count, exactly (linear algebra over the rationals) and as an interval
(brute force over non-negative integers, for small tables)."""

from __future__ import annotations

import itertools
from fractions import Fraction


def vergelijkingen(relaties, zichtbaar: dict) -> tuple[list, list[list[Fraction]], list]:
    """The relations as A·x = b over the hidden cells x."""
    verborgen = sorted(
        {c for r in relaties for c in (r.totaal, *r.delen) if c not in zichtbaar}, key=repr
    )
    index = {c: i for i, c in enumerate(verborgen)}
    rijen = []
    for r in relaties:
        rij = [Fraction(0)] * (len(verborgen) + 1)
        for c, teken in ((r.totaal, 1), *((d, -1) for d in r.delen)):
            if c in index:
                rij[index[c]] += teken
            else:
                rij[-1] -= teken * zichtbaar[c]
        rijen.append(rij)
    return verborgen, rijen, index


def _rref(relaties, zichtbaar: dict):
    verborgen, rijen, _ = vergelijkingen(relaties, zichtbaar)
    n = len(verborgen)
    spil_rij = 0
    spillen = []
    for kolom in range(n):
        gevonden = next((i for i in range(spil_rij, len(rijen)) if rijen[i][kolom] != 0), None)
        if gevonden is None:
            continue
        rijen[spil_rij], rijen[gevonden] = rijen[gevonden], rijen[spil_rij]
        deler = rijen[spil_rij][kolom]
        rijen[spil_rij] = [v / deler for v in rijen[spil_rij]]
        for i in range(len(rijen)):
            if i != spil_rij and rijen[i][kolom] != 0:
                f = rijen[i][kolom]
                rijen[i] = [a - f * b for a, b in zip(rijen[i], rijen[spil_rij], strict=True)]
        spillen.append((spil_rij, kolom))
        spil_rij += 1
    return verborgen, rijen, spillen


def herleidbaar(relaties, zichtbaar: dict) -> dict:
    """{hidden cell: its value} for every hidden cell the relations pin down exactly."""
    verborgen, rijen, spillen = _rref(relaties, zichtbaar)
    n = len(verborgen)
    uit = {}
    for rij, kolom in spillen:
        if all(rijen[rij][k] == 0 for k in range(n) if k != kolom):
            uit[verborgen[kolom]] = rijen[rij][-1]
    return uit


def mogelijke_waarden(relaties, zichtbaar: dict, bovengrens: int) -> dict:
    """{hidden cell: set of values it takes in some non-negative integer solution}: the free
    cells of the solved system run over 0..bovengrens, the others follow."""
    verborgen, rijen, spillen = _rref(relaties, zichtbaar)
    n = len(verborgen)
    spil_kolommen = {k for _, k in spillen}
    vrij = [k for k in range(n) if k not in spil_kolommen]
    mogelijk = {c: set() for c in verborgen}
    for keuze in itertools.product(range(bovengrens + 1), repeat=len(vrij)):
        x = dict(zip(vrij, keuze, strict=True))
        for rij, kolom in spillen:
            x[kolom] = rijen[rij][-1] - sum(rijen[rij][k] * x[k] for k in vrij)
        if all(
            v >= 0 and v.denominator == 1 if isinstance(v, Fraction) else v >= 0 for v in x.values()
        ):
            for k, v in x.items():
                mogelijk[verborgen[k]].add(int(v))
    return mogelijk
