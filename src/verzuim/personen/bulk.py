"""Set-based upserts for large loads (scenario files, the 100k benchmark).

One function, two strategies: PostgreSQL gets COPY into a temporary table followed by one
``INSERT … SELECT … ON CONFLICT DO UPDATE``; other databases (SQLite) get one
``executemany`` of ``INSERT … ON CONFLICT DO UPDATE``. Both only touch rows whose values
differ, so reloading the same data changes nothing (idempotent scenario loads).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from django.db import connection, models


def _column_fields(model: type[models.Model], columns: Sequence[str]) -> list[models.Field]:
    by_column = {f.column: f for f in model._meta.concrete_fields}
    return [by_column[c] for c in columns]


def upsert(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    conflict: Sequence[str],
    update: Sequence[str],
) -> None:
    """Insert `rows` (tuples in `columns` order, database column names) into `model`'s
    table; on a conflict on `conflict` update the `update` columns when they differ.
    Columns missing from `update` (e.g. a generated uuid) keep their stored value."""
    rows = list(rows)
    if not rows:
        return
    columns, rows = _met_standaardwaarden(model, list(columns), rows)
    table = model._meta.db_table
    cols = ", ".join(columns)
    if update:
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in update)
        distinct = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
        changed = " OR ".join(f"{table}.{c} {distinct} EXCLUDED.{c}" for c in update)
        on_conflict = f"ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {sets} WHERE {changed}"
    else:
        on_conflict = f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING"
    fields = _column_fields(model, columns)
    if connection.vendor == "postgresql":
        _copy_upsert(table, cols, fields, rows, on_conflict)
    else:
        prepared = [
            tuple(f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True))
            for row in rows
        ]
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({cols}) VALUES ({placeholders}) {on_conflict}"
        with connection.cursor() as cur:
            for start in range(0, len(prepared), 5000):
                cur.executemany(sql, prepared[start : start + 5000])


_json = json.JSONEncoder(ensure_ascii=False).encode


def _copy_upsert(table: str, cols: str, fields, rows, on_conflict: str) -> None:
    """COPY straight into an empty table (a first load cannot conflict); otherwise COPY
    into a temporary table and upsert from there."""
    json_idx = [i for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
    with connection.cursor() as cur:
        cur.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")
        leeg = not cur.fetchone()[0]
        doel = table if leeg else f"_laad_{table}"
        if not leeg:
            cur.execute(f"DROP TABLE IF EXISTS {doel}")
            cur.execute(f"CREATE TEMP TABLE {doel} AS SELECT {cols} FROM {table} WITH NO DATA")
        with cur.cursor.copy(f"COPY {doel} ({cols}) FROM STDIN") as copy:
            for row in rows:
                if json_idx:
                    row = list(row)
                    for i in json_idx:
                        row[i] = _json(row[i])
                copy.write_row(row)
        if not leeg:
            cur.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {doel} {on_conflict}")
            cur.execute(f"DROP TABLE {doel}")


def _met_standaardwaarden(model, columns: list[str], rows: list):
    """Add NOT NULL columns the caller left out with their model default (e.g. blank
    CharFields, a fresh uuid4 per row); the database has no defaults of its own."""
    extra = [
        f
        for f in model._meta.concrete_fields
        if f.column not in columns
        and not f.primary_key
        and not f.null
        and (f.has_default() or f.get_default() == "")
    ]
    if not extra:
        return columns, rows
    per_row = [f for f in extra if callable(f.default)]
    constant = tuple(f.get_default() for f in extra if not callable(f.default))
    columns = columns + [f.column for f in extra if not callable(f.default)]
    columns += [f.column for f in per_row]
    return columns, [(*row, *constant, *(f.get_default() for f in per_row)) for row in rows]


def ids_by(model: type[models.Model], field: str, values: Iterable[str]) -> dict[str, int]:
    """{value: pk} for the rows of `model` whose `field` is in `values` (chunked)."""
    values = list(set(values))
    if connection.vendor == "postgresql":
        table, column = model._meta.db_table, model._meta.get_field(field).column
        with connection.cursor() as cur:
            cur.execute(f"SELECT {column}, id FROM {table} WHERE {column} = ANY(%s)", [values])
            return dict(cur.fetchall())
    out: dict[str, int] = {}
    for start in range(0, len(values), 5000):
        chunk = values[start : start + 5000]
        out.update(
            model.objects.filter(**{f"{field}__in": chunk}).values_list(field, "pk").iterator()
        )
    return out
