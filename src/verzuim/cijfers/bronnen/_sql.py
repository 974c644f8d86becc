"""SQL shared by the sources: "each person once, at the gemeente of their deciding row".

R-FG-1a counts unique persons over the whole schooljaar. A person with rows in two gemeenten
(a pupil who moved, a forwarded melding) is counted once, at the gemeente of the row that
comes last in the given order. A window function (ROW_NUMBER, on SQLite and PostgreSQL)
picks that row per person in the database; the aggregate runs over its result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from django.db import connection
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber


def _ingepakt(qs: QuerySet, persoon: str, gemeente: str, volgorde: list, extra: dict):
    """SQL of `qs` with per row: the person, the gemeente, the row's rank within the person."""
    inner = (
        qs.annotate(rang=Window(RowNumber(), partition_by=[F(persoon)], order_by=volgorde))
        .values(p=F(persoon), g=F(gemeente), rang=F("rang"), **extra)
        .order_by()  # no Meta.ordering: the outer query groups, a sort would be wasted
    )
    return inner.query.sql_with_params()


def _filter_gemeenten(gemeente_ids: Collection[int] | None) -> tuple[str, list]:
    if gemeente_ids is None:
        return "", []
    ids = list(gemeente_ids) or [-1]
    return f" AND t.g IN ({', '.join(['%s'] * len(ids))})", ids


def personen_per_gemeente(
    qs: QuerySet,
    *,
    gemeente: str,
    volgorde: list,
    gemeente_ids: Collection[int] | None = None,
    persoon: str = "leerling_id",
) -> dict[int, int]:
    """{gemeente_id: number of persons whose last row (by `volgorde`) lies there}."""
    sql, params = _ingepakt(qs, persoon, gemeente, volgorde, {})
    filt, fparams = _filter_gemeenten(gemeente_ids)
    with connection.cursor() as c:
        c.execute(
            f"SELECT t.g, COUNT(*) FROM ({sql}) t WHERE t.rang = 1{filt} GROUP BY t.g",
            [*params, *fparams],
        )
        return {g: n for g, n in c.fetchall()}


def personen_per_gemeente_en_onderwijssoort(
    qs: QuerySet,
    *,
    gemeente: str,
    volgorde: list,
    eind,
    gemeente_ids: Collection[int] | None = None,
) -> dict[tuple[int, str, str], int]:
    """{(gemeente_id, onderwijssoort, sector): persons}: as personen_per_gemeente, each person
    with their last inschrijving begun on or before `eind` (R-FG-1a), looked up per person
    through the inschrijving's leerling index (not a scan of all enrolments)."""
    from verzuim.organisaties.models import Organisatie, Vestiging
    from verzuim.personen.models import Inschrijving

    sql, params = _ingepakt(qs, "leerling_id", gemeente, volgorde, {})
    filt, fparams = _filter_gemeenten(gemeente_ids)
    i, v, o = (m._meta.db_table for m in (Inschrijving, Vestiging, Organisatie))
    # The school's sector is read only when the inschrijving has no onderwijssoort.
    sector = f"(SELECT o.sector FROM {v} v JOIN {o} o ON o.id = v.instelling_id WHERE v.id = i.vestiging_id)"
    laatste = (
        f"SELECT CASE WHEN i.onderwijssoort = '' THEN '|' || {sector} ELSE i.onderwijssoort END "
        f"FROM {i} i WHERE i.leerling_id = t.p AND i.begindatum <= %s "
        "ORDER BY i.begindatum DESC, i.id DESC LIMIT 1"
    )
    with connection.cursor() as c:
        c.execute(
            f"SELECT t.g, ({laatste}) AS soort, COUNT(*) "
            f"FROM ({sql}) t WHERE t.rang = 1{filt} GROUP BY t.g, soort",
            [eind, *params, *fparams],
        )
        uit: dict[tuple[int, str, str], int] = {}
        for g, soort, n in c.fetchall():
            onderwijssoort, _, sector = (soort or "|").partition("|")
            uit[(g, onderwijssoort, sector)] = uit.get((g, onderwijssoort, sector), 0) + n
        return uit


def laatste_rijen(
    qs: QuerySet,
    *,
    gemeente: str,
    volgorde: list,
    velden: dict,
    gemeente_ids: Collection[int] | None = None,
    persoon: str = "leerling_id",
) -> list[dict]:
    """Per person the deciding row (p, g and `velden`), for the gemeenten asked."""
    sql, params = _ingepakt(qs, persoon, gemeente, volgorde, velden)
    filt, fparams = _filter_gemeenten(gemeente_ids)
    with connection.cursor() as c:
        c.execute(f"SELECT * FROM ({sql}) t WHERE t.rang = 1{filt}", [*params, *fparams])
        kolommen = [k[0] for k in c.description]
        return [dict(zip(kolommen, r, strict=True)) for r in c.fetchall()]


def groepeer(rijen, *sleutels) -> dict:
    """{key tuple: count} over dict rows."""
    uit: dict = defaultdict(int)
    for r in rijen:
        uit[tuple(r[s] for s in sleutels)] += 1
    return uit


def raw_per_gemeente(sql: str, params: list) -> dict[int, dict[str, int]]:
    """Rows (gemeente_id, sleutel, aantal) → {gemeente_id: {sleutel: aantal}}."""
    uit: dict[int, dict[str, int]] = defaultdict(dict)
    with connection.cursor() as c:
        c.execute(sql, params)
        for g, sleutel, n in c.fetchall():
            uit[g][sleutel] = uit[g].get(sleutel, 0) + n
    return uit
