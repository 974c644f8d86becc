"""Set-based upserts for large loads (scenario files, the 100k benchmark).

One function, two strategies: PostgreSQL gets COPY (straight into an empty table, otherwise
into a temporary table followed by one ``INSERT … SELECT … ON CONFLICT DO UPDATE``); other
databases (SQLite) get one ``executemany`` of ``INSERT … ON CONFLICT DO UPDATE``. Both only
touch rows whose values differ, so reloading the same data changes nothing (idempotent
scenario loads).

Rows are tuples of database-ready values — str (dates as ISO ``JJJJ-MM-DD``), int, bool,
None — except JSON columns, which take the Python value and are encoded here. No model
instances and no per-value field preparation: at 400,000 rows that is most of the time.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

import orjson
from django.db import connection, models
from psycopg.copy import QueuedLibpqWriter

_CHUNK = 5000
# From this many rows a first load into an empty PostgreSQL table rebuilds the table's
# foreign keys and plain indexes afterwards instead of maintaining them row by row.
GROTE_LAADBEURT = 10_000
_UUID_MASK = ((1 << 128) - 1) & ~((0xC000 << 48) | (0xF000 << 64))
_UUID_V4 = (0x8000 << 48) | (4 << 76)


def uuid4_hexen(aantal: int) -> list[str]:
    """`aantal` random (version 4, RFC 4122) UUIDs as 32 hex digits — the form both SQLite
    (Django's char(32)) and PostgreSQL's uuid input accept — from one os.urandom call,
    without building uuid.UUID objects."""
    ruw = os.urandom(16 * aantal)
    return [
        "%032x" % (int.from_bytes(ruw[i : i + 16]) & _UUID_MASK | _UUID_V4)
        for i in range(0, 16 * aantal, 16)
    ]


def json_tekst(value) -> str:
    if not value and value in ([], {}):
        return "[]" if isinstance(value, list) else "{}"  # most moves and addresses
    return orjson.dumps(value).decode()


def upsert(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    conflict: Sequence[str],
    update: Sequence[str],
    herbouw: bool = True,
) -> None:
    """Insert `rows` (tuples in `columns` order, database column names) into `model`'s
    table; on a conflict on `conflict` update the `update` columns when they differ.
    Columns missing from `update` (e.g. a generated uuid) keep their stored value.
    `herbouw=False`: never drop and rebuild keys and indexes (a table users read meanwhile)."""
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return
    verwacht = len(rows) if herbouw else 0
    stroom = upsert_stroom(model, columns, conflict=conflict, update=update, verwacht=verwacht)
    with stroom as schrijf:
        for row in rows:
            schrijf(row)


@contextmanager
def upsert_stroom(
    model: type[models.Model],
    columns: Sequence[str],
    *,
    conflict: Sequence[str],
    update: Sequence[str],
    verwacht: int,
) -> Iterator[Callable[[Sequence], None]]:
    """upsert() for rows that arrive one at a time: yields `schrijf(row)`. On PostgreSQL each
    row goes into the COPY at once, so the server stores it while the caller prepares the
    next ones; the upsert completes when the block ends. An exception in the block aborts
    the COPY (the caller's transaction then rolls back). `verwacht`: the expected number of
    rows (a large first load rebuilds keys and indexes afterwards)."""
    fields = _column_fields(model, columns)
    extra = _ontbrekende_velden(model, columns)
    db_rij = _db_rij([i for i, f in enumerate(fields) if isinstance(f, models.JSONField)], extra)
    columns = [*columns, *(f.column for f in extra)]
    table = model._meta.db_table
    on_conflict = _on_conflict(table, conflict, update)
    if connection.vendor == "postgresql":
        with _copy_upsert(table, columns, verwacht, on_conflict) as write_row:
            yield lambda row: write_row(db_rij(row))
        return
    rows: list[tuple] = []
    yield lambda row: rows.append(db_rij(row))
    _executemany_upsert(table, columns, rows, on_conflict)


def _column_fields(model: type[models.Model], columns: Sequence[str]) -> list[models.Field]:
    by_column = {f.column: f for f in model._meta.concrete_fields}
    return [by_column[c] for c in columns]


def _ontbrekende_velden(model, columns: Sequence[str]) -> list[models.Field]:
    """NOT NULL columns the caller left out; they get their model default (blank CharFields,
    a fresh uuid4 per row) because the database has no defaults of its own."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.column not in columns
        and not f.primary_key
        and not f.null
        and (f.has_default() or f.get_default() == "")
    ]


def _standaard(f: models.Field) -> Iterator:
    """Database values of a left-out field's default, one per row (a fresh one when the
    default is callable, e.g. a uuid4, made in batches)."""
    if f.default is uuid.uuid4:
        while True:
            yield from uuid4_hexen(_CHUNK)
    if callable(f.default):
        while True:
            yield f.get_db_prep_save(f.get_default(), connection)
    yield from itertools.repeat(f.get_db_prep_save(f.get_default(), connection))


def _db_rij(json_idx: list[int], extra: list[models.Field]) -> Callable[[Sequence], Sequence]:
    """row → the database row: JSON columns encoded, the left-out defaults appended."""
    standaard = zip(*(_standaard(f) for f in extra), strict=False) if extra else None

    def db_rij(row: Sequence) -> Sequence:
        if json_idx:
            row = list(row)
            for i in json_idx:
                row[i] = json_tekst(row[i])
        return (*row, *next(standaard)) if standaard else row

    return db_rij


def _on_conflict(table: str, conflict: Sequence[str], update: Sequence[str]) -> str:
    if not update:
        return f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING"
    sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in update)
    distinct = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    changed = " OR ".join(f"{table}.{c} {distinct} EXCLUDED.{c}" for c in update)
    return f"ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {sets} WHERE {changed}"


def _executemany_upsert(table: str, columns: list[str], rows, on_conflict: str) -> None:
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) {on_conflict}"
    with connection.cursor() as cur:
        for start in range(0, len(rows), _CHUNK):
            cur.executemany(sql, rows[start : start + _CHUNK])


@contextmanager
def _copy_upsert(
    table: str, columns: list[str], verwacht: int, on_conflict: str
) -> Iterator[Callable[[Sequence], None]]:
    """Yields the COPY's write_row: straight into an empty table (a first load cannot
    conflict); otherwise into a temporary table, upserted from there afterwards."""
    cols = ", ".join(columns)
    with connection.cursor() as cur:
        cur.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")
        if not cur.fetchone()[0]:
            herbouw = verwacht >= GROTE_LAADBEURT
            with _herbouw_na_laden(cur, table, herbouw), _copy(cur, table, cols) as write_row:
                yield write_row
            return
        tijdelijk = f"_laad_{table}"
        cur.execute(f"DROP TABLE IF EXISTS {tijdelijk}")
        cur.execute(f"CREATE TEMP TABLE {tijdelijk} AS SELECT {cols} FROM {table} WITH NO DATA")
        with _copy(cur, tijdelijk, cols) as write_row:
            yield write_row
        cur.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {tijdelijk} {on_conflict}")
        cur.execute(f"DROP TABLE {tijdelijk}")


@contextmanager
def _copy(cur, table: str, cols: str) -> Iterator[Callable[[Sequence], None]]:
    """The COPY's write_row; a worker thread sends while this one formats, so the server
    can work on the data at the same time."""
    sql = f"COPY {table} ({cols}) FROM STDIN"
    with cur.cursor.copy(sql, writer=QueuedLibpqWriter(cur.cursor)) as copy:
        yield copy.write_row


@contextmanager
def _herbouw_na_laden(cur, table: str, herbouw: bool) -> Iterator[None]:
    """Drop `table`'s foreign keys, unique constraints and plain indexes for the load and
    recreate them after it: one sorted index build and one set-based foreign-key check
    (ALTER TABLE … ADD CONSTRAINT validates with a single join) instead of per-row index
    maintenance and per-row deferred FK triggers at commit. Transactional DDL: a rollback restores them.
    Pending deferred checks are run first (Django's check_constraints), as PostgreSQL
    refuses ALTER TABLE on a table with pending trigger events."""
    if not herbouw:
        yield
        return
    # Foreign keys, and unique constraints no foreign key refers to (the primary key stays).
    cur.execute(
        "SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint c"
        " WHERE conrelid = %s::regclass AND (contype = 'f' OR contype = 'u' AND NOT EXISTS"
        " (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.conindid = c.conindid))"
        " ORDER BY contype DESC",
        [table],
    )
    constraints = cur.fetchall()
    cur.execute(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
        " WHERE indrelid = %s::regclass AND NOT indisunique AND NOT indisprimary",
        [table],
    )
    indexen = cur.fetchall()
    connection.check_constraints()
    for naam, _ in constraints:
        cur.execute(f"ALTER TABLE {table} DROP CONSTRAINT {naam}")
    for naam, _ in indexen:
        cur.execute(f"DROP INDEX {naam}")
    yield
    for _, definitie in indexen:
        cur.execute(definitie)
    connection.check_constraints()
    for naam, definitie in reversed(constraints):
        cur.execute(f"ALTER TABLE {table} ADD CONSTRAINT {naam} {definitie}")


def ids_by(model: type[models.Model], field: str, values: Iterable[str]) -> dict[str, int]:
    """{value: pk} for the rows of `model` whose `field` is in `values` (chunked)."""
    values = list(set(values))
    if connection.vendor == "postgresql":
        table, column = model._meta.db_table, model._meta.get_field(field).column
        with connection.cursor() as cur:
            cur.execute(f"SELECT {column}, id FROM {table} WHERE {column} = ANY(%s)", [values])
            return dict(cur.fetchall())
    out: dict[str, int] = {}
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        out.update(
            model.objects.filter(**{f"{field}__in": chunk}).values_list(field, "pk").iterator()
        )
    return out
