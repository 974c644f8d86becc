"""Primary and complementary suppression (R-FG-2): hidden cells cannot be recovered from the
published totals, exactly or as "below the threshold". The attacker (aanvaller.py) is
independent code."""

from __future__ import annotations

import random

import pytest

from verzuim.cijfers.suppressie import Relatie, bepaalde_cellen, onderdruk

from .aanvaller import herleidbaar, mogelijke_waarden

DREMPEL = 5


def _publiceer(waarden, verborgen):
    return {c: v for c, v in waarden.items() if c not in verborgen}


def test_een_kleine_gemeente_krijgt_een_complement_in_haar_regio():
    # Region R = a + b + c; a = 3 is primary. Alone it would be R - b - c.
    waarden = {"R": 53, "a": 3, "b": 20, "c": 30}
    relaties = [Relatie("R", ("a", "b", "c"))]
    zonder = _publiceer(waarden, {"a"})
    assert herleidbaar(relaties, zonder) == {"a": 3}  # the attack works without complement
    u = onderdruk(waarden, relaties, DREMPEL)
    assert u.primair == {"a"} and u.secundair == {"b"}  # the smallest other cell
    assert herleidbaar(relaties, _publiceer(waarden, u.verborgen)) == {}


def test_twee_kleine_cellen_samen_onder_de_drempel_krijgen_nog_een_complement():
    # a = 1 and b = 2 hide each other exactly, but a + b = 3 tells the attacker both are < 5.
    waarden = {"R": 94, "a": 1, "b": 2, "c": 40, "d": 51}
    relaties = [Relatie("R", ("a", "b", "c", "d"))]
    u = onderdruk(waarden, relaties, DREMPEL)
    assert u.secundair == {"c"}
    mogelijk = mogelijke_waarden(relaties, _publiceer(waarden, u.verborgen), 43)
    assert max(mogelijk["a"]) >= DREMPEL and max(mogelijk["b"]) >= DREMPEL


def test_rij_en_kolomtotalen_samen():
    # 2x2 with row and column totals: hiding a11 and its row and column complements is
    # the classic rectangle; the attacker's algebra finds nothing.
    cellen = {(r, k): v for (r, k), v in {(1, 1): 3, (1, 2): 12, (2, 1): 9, (2, 2): 30}.items()}
    waarden = {**cellen, (1, "T"): 15, (2, "T"): 39, ("T", 1): 12, ("T", 2): 42, ("T", "T"): 54}
    relaties = [
        Relatie((1, "T"), ((1, 1), (1, 2))),
        Relatie((2, "T"), ((2, 1), (2, 2))),
        Relatie(("T", 1), ((1, 1), (2, 1))),
        Relatie(("T", 2), ((1, 2), (2, 2))),
        Relatie(("T", "T"), ((1, "T"), (2, "T"))),
        Relatie(("T", "T"), (("T", 1), ("T", 2))),
    ]
    u = onderdruk(waarden, relaties, DREMPEL)
    assert u.verborgen == {(1, 1), (1, 2), (2, 1), (2, 2)}
    assert herleidbaar(relaties, _publiceer(waarden, u.verborgen)) == {}
    mogelijk = mogelijke_waarden(relaties, _publiceer(waarden, u.verborgen), 42)
    assert len(mogelijk[(1, 1)]) > 1 and max(mogelijk[(1, 1)]) >= DREMPEL


def test_een_combinatie_van_relaties_die_elk_twee_verborgen_cellen_hebben():
    # X = a + b, Y = b + c, Z = a + c: every relation holds two hidden cells, yet
    # a = (X - Y + Z) / 2. The local rules are satisfied; only the exact check sees it.
    waarden = {"a": 3, "b": 7, "c": 8, "X": 10, "Y": 15, "Z": 11}
    relaties = [Relatie("X", ("a", "b")), Relatie("Y", ("b", "c")), Relatie("Z", ("a", "c"))]
    assert bepaalde_cellen(relaties, {"a", "b", "c"}) == {"a", "b", "c"}
    assert herleidbaar(relaties, _publiceer(waarden, {"a", "b", "c"})) == {"a": 3, "b": 7, "c": 8}
    u = onderdruk(waarden, relaties, DREMPEL)
    assert herleidbaar(relaties, _publiceer(waarden, u.verborgen)) == {}
    mogelijk = mogelijke_waarden(relaties, _publiceer(waarden, u.verborgen), 15)
    assert len(mogelijk["a"]) > 1 and max(mogelijk["a"]) >= DREMPEL


def test_drempel_nul_verbergt_niets():
    u = onderdruk({"R": 3, "a": 1, "b": 2}, [Relatie("R", ("a", "b"))], 0)
    assert not u.verborgen


def _hierarchie(rng: random.Random):
    """Country → regions → gemeenten, three figures per unit with T = A + B."""
    waarden, relaties = {}, []
    regios = {f"R{i}": [f"G{i}{j}" for j in range(rng.randint(2, 4))] for i in range(3)}
    for leden in regios.values():
        for g in leden:
            a, b = rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40]), rng.choice([0, 2, 5, 8, 30])
            waarden |= {(g, "A"): a, (g, "B"): b, (g, "T"): a + b}
    for k in "ABT":
        for r, leden in regios.items():
            waarden[(r, k)] = sum(waarden[(g, k)] for g in leden)
            relaties.append(Relatie((r, k), tuple((g, k) for g in leden)))
        waarden[("NL", k)] = sum(waarden[(r, k)] for r in regios)
        relaties.append(Relatie(("NL", k), tuple((r, k) for r in regios)))
    eenheden = ["NL", *regios, *(g for leden in regios.values() for g in leden)]
    relaties += [Relatie((e, "T"), ((e, "A"), (e, "B"))) for e in eenheden]
    return waarden, relaties


@pytest.mark.parametrize("seed", range(25))
def test_geen_verborgen_cel_is_terug_te_rekenen(seed):
    waarden, relaties = _hierarchie(random.Random(seed))
    u = onderdruk(waarden, relaties, DREMPEL)
    assert u.primair == {c for c, v in waarden.items() if v < DREMPEL}
    gepubliceerd = _publiceer(waarden, u.verborgen)
    assert herleidbaar(relaties, gepubliceerd) == {}
    for r in relaties:  # no relation tells the attacker its hidden parts are all small
        verborgen_delen = [c for c in r.delen if c in u.verborgen]
        if verborgen_delen and r.totaal not in u.verborgen:
            assert sum(waarden[c] for c in verborgen_delen) >= DREMPEL
