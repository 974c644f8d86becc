"""The leerplichttelling (R-FG-1): every source's aggregate per gemeente, merged into one row
per gemeente plus the total, for one schooljaar. Computed from the data on every call;
nothing is typed in and nothing is stored but a delivered snapshot (models.Vaststelling)
and, for a past schooljaar whose rows the retention purge destroyed, each source's counts as
they were (models.TellingArchief, read instead of counting: R-PR-4).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction

from verzuim import clock
from verzuim.cijfers.bronnen import bronnen, definities
from verzuim.cijfers.definities import Definitie
from verzuim.cijfers.periode import Periode
from verzuim.organisaties.models import Gemeente

Waarden = dict[str, int | None]


@dataclass
class Rij:
    gemeente: Gemeente
    waarden: Waarden


@dataclass
class Telling:
    periode: Periode
    rijen: list[Rij]
    totaal: Waarden
    definities: list[Definitie]
    niet_beschikbaar: dict[str, str] = field(default_factory=dict)  # bron → reason

    @property
    def sleutels(self) -> list[str]:
        return [d.sleutel for d in self.definities]

    def rij(self, gemeente_code: str) -> Rij | None:
        return next((r for r in self.rijen if r.gemeente.code == gemeente_code), None)


def bereken(periode: Periode, gemeenten: Iterable[Gemeente]) -> Telling:
    """The telling of `gemeenten` (ordered by name); sources that cannot count yet give None
    for their figures, never 0. One transaction: on PostgreSQL without JIT compilation, which
    cost ~0.1 s per aggregate query here and saves nothing on queries of this size, and with
    room to sort and hash in memory."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as c:
                c.execute("SET LOCAL jit = off; SET LOCAL work_mem = '32MB'")
        return _bereken(periode, gemeenten)


def _bereken(periode: Periode, gemeenten: Iterable[Gemeente]) -> Telling:
    gemeenten = sorted(gemeenten, key=lambda g: (g.naam, g.code))
    ids = {g.pk for g in gemeenten}
    per_gemeente: dict[int, Waarden] = {g.pk: {} for g in gemeenten}
    niet_beschikbaar: dict[str, str] = {}
    archief = gearchiveerd(periode)
    for bron in bronnen():
        if bron.naam in archief:
            _vul(per_gemeente, bron, archief[bron.naam])
            continue
        reden = bron.beschikbaar()
        if reden:
            niet_beschikbaar[bron.naam] = reden
            for waarden in per_gemeente.values():
                waarden.update(dict.fromkeys((d.sleutel for d in bron.definities), None))
            continue
        _vul(per_gemeente, bron, bron.tel(periode, ids))
    rijen = [Rij(g, per_gemeente[g.pk]) for g in gemeenten]
    return Telling(
        periode, rijen, optellen(r.waarden for r in rijen), definities(), niet_beschikbaar
    )


def _vul(per_gemeente: dict[int, Waarden], bron, geteld: dict) -> None:
    for g, waarden in per_gemeente.items():
        gevonden = geteld.get(g, {})
        for d in bron.definities:
            waarden[d.sleutel] = gevonden.get(d.sleutel, 0)


def gearchiveerd(periode: Periode) -> dict[str, dict[int, Waarden]]:
    """The sources whose counts of this schooljaar were kept before a purge: bron →
    {gemeente pk: counts}."""
    from verzuim.cijfers.models import TellingArchief

    return {
        a.bron: {int(g): w for g, w in a.waarden.items()}
        for a in TellingArchief.objects.filter(schooljaar=periode.label)
    }


def archiveer(periode: Periode) -> list[str]:
    """Keep every available source's counts of a past schooljaar that are not kept yet
    (all gemeenten, set-based); the telling reads them from then on. → the sources kept."""
    from verzuim.cijfers.models import TellingArchief

    assert periode.afgelopen, "only a past schooljaar is kept"
    al = set(gearchiveerd(periode))
    ids = set(Gemeente.objects.values_list("pk", flat=True))
    nieuw = []
    for bron in bronnen():
        if bron.naam in al or bron.beschikbaar():
            continue
        geteld = bron.tel(periode, ids)
        TellingArchief.objects.create(
            schooljaar=periode.label,
            bron=bron.naam,
            waarden={str(g): w for g, w in geteld.items() if any(w.values())},
            bewaard=clock.now(),
        )
        nieuw.append(bron.naam)
    return nieuw


def optellen(reeks: Iterable[Waarden]) -> Waarden:
    """Sum per figure; None stays None (not available is not zero). Person counts add up
    because each person counts at one gemeente only (R-FG-1a)."""
    totaal: Waarden = {}
    for waarden in reeks:
        for k, v in waarden.items():
            if v is None or (k in totaal and totaal[k] is None):
                totaal[k] = None
            else:
                totaal[k] = totaal.get(k, 0) + v
    return totaal


def genest(waarden: Waarden) -> dict:
    """Flat keys with dots → the nested objects of the API (api-contract.md)."""
    uit: dict = {}
    for sleutel, v in waarden.items():
        *pad, laatste = sleutel.split(".")
        plek = uit
        for deel in pad:
            plek = plek.setdefault(deel, {})
        plek[laatste] = v
    return uit
