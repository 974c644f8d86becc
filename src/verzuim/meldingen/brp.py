"""The BRP facts the meldingen need (R-ID-3, doelbinding): birth date for R-ME-3 and the
gemeenteVanInschrijving history for routing (R-RT-1, R-RT-3). Nothing else is asked.

Reads the local BRP store (`personen.BrpPersoon`) with one prepared query per melding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings

from verzuim.personen.brp.velden import brp_datum, geboortedatum_uit
from verzuim.personen.identificatie import RNI_GEMEENTE
from verzuim.personen.models import BrpPersoon
from verzuim.snelpad import Select, kolommen, uit_rij


@dataclass(frozen=True)
class Persoon:
    burgerservicenummer: str
    geboortedatum: dt.date | None
    gemeente_van_inschrijving: str  # 4 digits
    verhuizingen: tuple[tuple[dt.date, str], ...] = field(default=())
    overlijdensdatum: dt.date | None = None
    emigratiedatum: dt.date | None = None

    def gemeente_op(self, datum: dt.date) -> str | None:
        """gemeenteVanInschrijving on `datum` (R-RT-1), following the moves; None when the
        person has no Dutch address that day (emigrated, RNI, died)."""
        if self.emigratiedatum and self.emigratiedatum <= datum:
            return None
        if self.overlijdensdatum and self.overlijdensdatum <= datum:
            return None
        # The last move on or before `datum` wins; without one, the current value.
        eerder = [g for d, g in sorted(self.verhuizingen) if d <= datum]
        code = eerder[-1] if eerder else self.gemeente_van_inschrijving
        if not code or code == RNI_GEMEENTE:
            return None
        return code


def _verhuizingen(lijst) -> tuple[tuple[dt.date, str], ...]:
    uit = []
    for v in lijst or []:
        d, g = brp_datum(v.get("datum")), v.get("gemeente")
        if isinstance(g, dict):
            g = g.get("code")
        if d and g:
            uit.append((d, str(g)))
    return tuple(uit)


_VELDEN = (
    "id",
    "burgerservicenummer",
    "geboortedatum",
    "gemeente_van_inschrijving",
    "verhuizingen",
    "overlijdensdatum",
    "emigratiedatum",
)
# The local BRP store, read for every melding: a prepared query (`verzuim.snelpad`).
_PERSOON = Select(
    BrpPersoon,
    lambda conn, qn: (
        f"SELECT {kolommen(conn, BrpPersoon, 'p', _VELDEN)} "
        f"FROM {qn(BrpPersoon._meta.db_table)} p WHERE p.{qn('burgerservicenummer')} = %s"
    ),
)


def persoon(bsn: str) -> Persoon | None:
    """The facts of one person: from the local BRP store (burgerservicenummer is unique), or
    from Haal Centraal when that is the configured BRP (`VERZUIM_BRP_BACKEND`)."""
    if settings.BRP_BACKEND != "lokaal":
        return _uit_haal_centraal(bsn)
    conn, rijen = _PERSOON.rijen([bsn])
    if not rijen:
        return None
    p = uit_rij(conn, BrpPersoon, rijen[0], _VELDEN)
    return Persoon(
        burgerservicenummer=p.burgerservicenummer,
        geboortedatum=p.geboortedatum,
        gemeente_van_inschrijving=p.gemeente_van_inschrijving,
        verhuizingen=_verhuizingen(p.verhuizingen),
        overlijdensdatum=p.overlijdensdatum,
        emigratiedatum=p.emigratiedatum,
    )


def _uit_haal_centraal(bsn: str) -> Persoon | None:
    """Through the BRP adapter with the fields of purpose "routering" (R-ID-3). Haal
    Centraal has no move history: the current gemeente holds from
    datumInschrijvingInGemeente on, which is what routing on the day of receipt needs."""
    from verzuim.personen.brp import get_brp

    gevonden = get_brp().raadpleeg([bsn], "routering")
    if not gevonden:
        return None
    p = gevonden[0]
    gemeente = (p.get("gemeenteVanInschrijving") or {}).get("code") or ""
    return Persoon(
        burgerservicenummer=bsn,
        geboortedatum=geboortedatum_uit(p),
        gemeente_van_inschrijving=gemeente,
        overlijdensdatum=brp_datum((p.get("overlijden") or {}).get("datum")),
    )
