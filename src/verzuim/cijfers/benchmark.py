"""The public benchmark (R-FG-2, issue 11 item 3): the telling's figures per 1,000
leerplichtigen per gemeente, RMC-regio and the country, with small cells suppressed.

Only counts leave this module, never a person. Every count under the threshold
(``VERZUIM_SUPPRESSIE_DREMPEL``, default 5) is hidden, and complementary cells with it so
that no hidden count can be recomputed from the published region and national totals or
from a total column and its parts (`suppressie.onderdruk`). A hidden count hides its rate
too (the rate times the published leerplichtigen would give it back).

Cached per day and per data state: the key holds today's date and every source's
`vingerafdruk()` (cheap MAX/COUNT queries), so a change in the data is a new key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from verzuim import clock
from verzuim.cijfers.bronnen import bronnen, optellingen
from verzuim.cijfers.definities import Definitie
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.suppressie import Relatie, onderdruk
from verzuim.cijfers.telling import bereken, optellen
from verzuim.organisaties.models import Gemeente
from verzuim.rules import Schooljaar, schooljaar_van

LAND = "NL"


@dataclass(frozen=True)
class Cel:
    aantal: int | None  # None: hidden (suppressed) or source not available
    per_1000: float | None
    verborgen: bool = False
    niet_beschikbaar: bool = False


@dataclass
class Eenheid:
    soort: str  # "gemeente", "regio", "land"
    code: str
    naam: str
    leerplichtigen: int
    regio: str = ""  # a gemeente's RMC-regio code
    cellen: dict[str, Cel] = field(default_factory=dict)


@dataclass
class Benchmark:
    schooljaar: str
    drempel: int
    kolommen: list[Definitie]
    land: Eenheid
    regios: list[Eenheid]
    gemeenten: list[Eenheid]
    niet_beschikbaar: dict[str, str]

    def rangorde(self, sleutel: str) -> list[tuple[int, Eenheid]]:
        """Gemeenten by their rate, highest first; hidden cells are not ranked."""
        zichtbaar = [g for g in self.gemeenten if g.cellen[sleutel].per_1000 is not None]
        zichtbaar.sort(key=lambda g: (-g.cellen[sleutel].per_1000, g.naam))
        return list(enumerate(zichtbaar, start=1))


def drempel() -> int:
    return settings.VERZUIM_SUPPRESSIE_DREMPEL


def kolommen() -> list[Definitie]:
    from verzuim.cijfers.bronnen import definities

    return [d for d in definities() if d.benchmark]


def _per_1000(aantal: int, leerplichtigen: int) -> float | None:
    return round(aantal * 1000 / leerplichtigen, 1) if leerplichtigen else None


def bereken_benchmark(periode: Periode) -> Benchmark:
    """Uncached: the national telling, grouped, suppressed."""
    gemeenten = Gemeente.objects.select_related("rmc_regio")
    telling = bereken(periode, gemeenten)
    rijen = [r for r in telling.rijen if (r.waarden.get("leerplichtigen") or 0) > 0]
    per_regio: dict[str, list] = {}
    for r in rijen:
        per_regio.setdefault(r.gemeente.rmc_regio.code if r.gemeente.rmc_regio else "", []).append(
            r
        )
    eenheden: dict[str, tuple[Eenheid, dict]] = {}
    for r in rijen:
        g = r.gemeente
        e = Eenheid("gemeente", g.code, g.naam, r.waarden["leerplichtigen"],
                    g.rmc_regio.code if g.rmc_regio else "")  # fmt: skip
        eenheden[g.code] = (e, r.waarden)
    regio_namen = {
        g.rmc_regio.code: g.rmc_regio.naam for g in (r.gemeente for r in rijen) if g.rmc_regio
    }
    for code, leden in per_regio.items():
        if not code:
            continue
        som = optellen(r.waarden for r in leden)
        eenheden[code] = (Eenheid("regio", code, regio_namen[code], som["leerplichtigen"]), som)
    land = optellen(r.waarden for r in rijen)
    eenheden[LAND] = (Eenheid("land", LAND, "Nederland", land.get("leerplichtigen") or 0), land)

    cols = kolommen()
    beschikbaar = [d.sleutel for d in cols if d.bron not in telling.niet_beschikbaar]
    waarden = {(code, k): w[k] or 0 for code, (_, w) in eenheden.items() for k in beschikbaar}
    relaties = _relaties(per_regio, beschikbaar)
    verborgen = onderdruk(waarden, relaties, drempel()).verborgen
    for code, (e, w) in eenheden.items():
        for d in cols:
            if d.sleutel not in beschikbaar:
                e.cellen[d.sleutel] = Cel(None, None, niet_beschikbaar=True)
            elif (code, d.sleutel) in verborgen:
                e.cellen[d.sleutel] = Cel(None, None, verborgen=True)
            else:
                n = w[d.sleutel] or 0
                e.cellen[d.sleutel] = Cel(n, _per_1000(n, e.leerplichtigen))
    alle = [e for e, _ in eenheden.values()]
    return Benchmark(
        schooljaar=periode.label,
        drempel=drempel(),
        kolommen=cols,
        land=eenheden[LAND][0],
        regios=sorted((e for e in alle if e.soort == "regio"), key=lambda e: e.code),
        gemeenten=sorted((e for e in alle if e.soort == "gemeente"), key=lambda e: e.naam),
        niet_beschikbaar=telling.niet_beschikbaar,
    )


def _relaties(per_regio: dict[str, list], sleutels: list[str]) -> list[Relatie]:
    """What the published table makes public: each region = sum of its gemeenten, the
    country = sum of the regions (and gemeenten without one), and per unit each total
    column = sum of its parts."""
    relaties = []
    for k in sleutels:
        land_delen = []
        for regio, leden in per_regio.items():
            gemeenten = tuple((r.gemeente.code, k) for r in leden)
            if regio:
                relaties.append(Relatie((regio, k), gemeenten))
                land_delen.append((regio, k))
            else:
                land_delen.extend(gemeenten)
        relaties.append(Relatie((LAND, k), tuple(land_delen)))
    eenheden = [LAND, *(r for r in per_regio if r)] + [
        r.gemeente.code for leden in per_regio.values() for r in leden
    ]
    for totaal, delen in optellingen():
        if totaal in sleutels and all(d in sleutels for d in delen):
            relaties += [Relatie((e, totaal), tuple((e, d) for d in delen)) for e in eenheden]
    return relaties


def vingerafdruk() -> str:
    delen = [clock.today().isoformat(), str(drempel())]
    for bron in bronnen():
        delen.append(f"{bron.naam}:{bron.beschikbaar() is None}:{bron.vingerafdruk()!r}")
    return hashlib.sha256("|".join(delen).encode()).hexdigest()[:20]


def benchmark(periode: Periode) -> Benchmark:
    """The benchmark of a schooljaar, cached per day and data state."""
    sleutel = f"cijfers:benchmark:{periode.label}:{vingerafdruk()}"
    uitkomst = cache.get(sleutel)
    if uitkomst is None:
        uitkomst = bereken_benchmark(periode)
        cache.set(sleutel, uitkomst, 24 * 3600)
    return uitkomst


#: How many schooljaren the trend looks back at most.
JAREN_TERUG = 4


def schooljaren() -> list[Schooljaar]:
    """The schooljaren with data: from the first melding's (at most JAREN_TERUG back) up to
    the running one."""
    from django.db.models import Min

    from verzuim.meldingen.models import Melding

    huidig = schooljaar_van(clock.today())
    eerste = Melding.objects.aggregate(m=Min("begindatum"))["m"]
    begin = max(
        schooljaar_van(eerste).startjaar if eerste else huidig.startjaar,
        huidig.startjaar - JAREN_TERUG,
    )
    return [Schooljaar(j) for j in range(begin, huidig.startjaar + 1)]


def trend(schooljaren: list[Schooljaar], sleutel: str, code: str = LAND) -> list[tuple]:
    """[(schooljaar label, per 1,000 or None)] for one figure of one unit, oldest first."""
    uit = []
    for sj in sorted(schooljaren):
        b = benchmark(Periode(sj))
        eenheid = next((e for e in (b.land, *b.regios, *b.gemeenten) if e.code == code), None)
        cel = eenheid.cellen.get(sleutel) if eenheid else None
        uit.append((sj.label, cel.per_1000 if cel else None))
    return uit
