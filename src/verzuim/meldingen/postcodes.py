"""Postcode → gemeente for routing by the address a school gave (R-RT-3).

Built from real data: the addresses of the 6,122 po-school vestigingen in DUO's list
(`data/scholen-po.csv`, columns POSTCODE and GEMEENTECODE). A PC4 area (the four digits) is
mapped to the gemeente most of those schools are in; where schools of one PC4 lie in more
than one gemeente the choice is marked `ambigu`. A PC4 without a school is unknown here.
Loaded once per process, on first use.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from verzuim.organisaties.referentie import read_csv

BRON = "DUO-schooladressen"
BESTAND = "scholen-po.csv"
PC4 = re.compile(r"^([1-9][0-9]{3})")


@dataclass(frozen=True)
class Pc4Gemeente:
    pc4: str
    gemeente: str  # GM0392
    ambigu: bool  # schools of this PC4 lie in more than one gemeente


def bouw(rijen) -> dict[str, Pc4Gemeente]:
    """PC4 → gemeente from rows with POSTCODE and GEMEENTECODE."""
    tellingen: dict[str, Counter] = defaultdict(Counter)
    for rij in rijen:
        m = PC4.match(rij["POSTCODE"].strip())
        if m and rij["GEMEENTECODE"]:
            tellingen[m.group(1)][rij["GEMEENTECODE"]] += 1
    uit = {}
    for pc4, teller in tellingen.items():
        # Most schools first; a tie goes to the lowest code, so the table is deterministic.
        (gemeente, _), *rest = sorted(teller.items(), key=lambda kv: (-kv[1], kv[0]))
        uit[pc4] = Pc4Gemeente(pc4, gemeente, ambigu=bool(rest))
    return uit


@functools.cache
def tabel() -> dict[str, Pc4Gemeente]:
    return bouw(read_csv(BESTAND))


def gemeente_bij(postcode: str | None) -> Pc4Gemeente | None:
    """The gemeente of the PC4 area of `postcode` ("2011AB", "2011 AB"), or None."""
    m = PC4.match((postcode or "").strip())
    return tabel().get(m.group(1)) if m else None
