"""SQL built once for the hot path of the intake (issue 3 "Speed").

The ORM rebuilds and recompiles its SQL on every call: for the few small statements a
melding needs, that cost several times the database's own work (measured: a select_related
lookup of a pupil 0.79 ms through the ORM, 0.05 ms as a prepared string). Two helpers keep
the ORM's semantics without that cost:

- `voeg_in(*objs)` INSERTs new instances with the same value conversion as save() (each
  field's `pre_save` and `get_db_prep_save`); the SQL is built once per model, database
  and row count. No signals are sent: only for models nobody listens to.
  `voeg_in_tenzij_bestaand(obj, *velden)` does it for one row unless its unique `velden`
  are taken (ON CONFLICT DO NOTHING) and says whether it did.
- `Select(model, bouw)` is a hand-written SELECT whose text is built once per database;
  `kolommen(conn, model, alias)` names a model's columns in it and `uit_rij(conn, model,
  waarden)` turns a row back into an instance, through the same converters the ORM applies
  (dates on SQLite, JSON, UUIDs), as `Model.from_db` does.

Everything else uses the ORM; large set-based loads (scenario files) use
`personen/bulk.py` (COPY / executemany upserts of plain tuples, no instances, no ids back).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connections, router
from django.db.models import Model

_SQL: dict[tuple[str, type[Model], int, bool, tuple[str, ...]], str] = {}
_CONVERTERS: dict[tuple[str, type[Model], tuple[str, ...]], list] = {}


def _sql(
    conn, model: type[Model], velden: list, terug: list, rijen: int, conflict: tuple = ()
) -> str:
    sleutel = (conn.alias, model, rijen, bool(terug), conflict)
    sql = _SQL.get(sleutel)
    if sql is None:
        qn = conn.ops.quote_name
        rij = f"({', '.join(['%s'] * len(velden))})"
        sql = _SQL[sleutel] = (
            f"INSERT INTO {qn(model._meta.db_table)} "
            f"({', '.join(qn(f.column) for f in velden)}) "
            f"VALUES {', '.join([rij] * rijen)}"
            + (f" ON CONFLICT ({', '.join(map(qn, conflict))}) DO NOTHING" if conflict else "")
            + (f" RETURNING {', '.join(qn(f.column) for f in terug)}" if terug else "")
        )
    return sql


def voeg_in(*objecten: Model) -> None:
    """INSERT new instances of one model and set what the database generated. Database-
    generated columns (an AutoField primary key) are left out and read back, as save() does;
    a primary key with a Python default (a UUID) is written. One statement for all rows where
    the database returns the new ids of a multi-row INSERT (PostgreSQL, SQLite >= 3.35);
    otherwise one statement per row with the id from `lastrowid`.
    """
    if not objecten:
        return
    model = type(objecten[0])
    if any(type(o) is not model for o in objecten):
        raise TypeError("voeg_in: alle objecten moeten van hetzelfde model zijn")
    conn = connections[router.db_for_write(model)]
    for obj in objecten:
        # A related object saved just before (e.g. the melding of its first status) gives
        # its new id to the foreign key, as save() and bulk_create() do.
        obj._prepare_related_fields_for_save(operation_name="voeg_in")
    velden = [f for f in model._meta.concrete_fields if not f.db_returning]
    terug = [f for f in model._meta.concrete_fields if f.db_returning]
    if conn.features.can_return_rows_from_bulk_insert:
        params = [f.get_db_prep_save(f.pre_save(o, True), conn) for o in objecten for f in velden]
        with conn.cursor() as cursor:
            cursor.execute(_sql(conn, model, velden, terug, len(objecten)), params)
            rijen = cursor.fetchall() if terug else [()] * len(objecten)
    else:
        rijen = []
        with conn.cursor() as cursor:
            for o in objecten:
                params = [f.get_db_prep_save(f.pre_save(o, True), conn) for f in velden]
                cursor.execute(_sql(conn, model, velden, [], 1), params)
                rijen.append((cursor.lastrowid,) if terug else ())
    for obj, rij in zip(objecten, rijen, strict=True):
        for f, waarde in zip(terug, rij, strict=True):
            setattr(obj, f.attname, waarde)
        obj._state.adding = False
        obj._state.db = conn.alias


def voeg_in_tenzij_bestaand(obj: Model, *uniek: str) -> bool:
    """INSERT one new instance, as `voeg_in`, unless a row with the same values in `uniek`
    (the fields of a unique constraint) exists: `ON CONFLICT (…) DO NOTHING` (PostgreSQL,
    SQLite). True if it was inserted. Where another transaction holds such a row and has not
    committed, this waits for its end, as the unique index makes every insert do, and then
    inserts only if that transaction rolled back."""
    model = type(obj)
    conn = connections[router.db_for_write(model)]
    obj._prepare_related_fields_for_save(operation_name="voeg_in_tenzij_bestaand")
    velden = [f for f in model._meta.concrete_fields if not f.db_returning]
    terug = [f for f in model._meta.concrete_fields if f.db_returning]
    conflict = tuple(model._meta.get_field(naam).column for naam in uniek)
    params = [f.get_db_prep_save(f.pre_save(obj, True), conn) for f in velden]
    returning = terug if conn.features.can_return_rows_from_bulk_insert else []
    with conn.cursor() as cursor:
        cursor.execute(_sql(conn, model, velden, returning, 1, conflict), params)
        if returning:
            rij = cursor.fetchone()
        else:  # an SQLite without RETURNING: the one generated id, if a row went in
            rij = ((cursor.lastrowid,) if terug else ()) if cursor.rowcount else None
    if rij is None:
        return False
    for f, waarde in zip(terug, rij, strict=True):
        setattr(obj, f.attname, waarde)
    obj._state.adding = False
    obj._state.db = conn.alias
    return True


def velden(model: type[Model], namen: tuple[str, ...] | None = None) -> list:
    """The concrete fields of `model`, all or those whose attname is in `namen`, in the
    model's order (the order `Model.from_db` expects)."""
    alle = model._meta.concrete_fields
    if namen is None:
        return list(alle)
    if onbekend := set(namen) - {f.attname for f in alle}:
        raise ValueError(f"{model.__name__} heeft geen kolom(men) {sorted(onbekend)}")
    return [f for f in alle if f.attname in namen]


def kolommen(conn, model: type[Model], alias: str, namen: tuple[str, ...] | None = None) -> str:
    """`alias."col", ...` for a SELECT list, in the order `uit_rij` expects."""
    qn = conn.ops.quote_name
    return ", ".join(f"{alias}.{qn(f.column)}" for f in velden(model, namen))


def uit_rij(conn, model: type[Model], waarden, namen: tuple[str, ...] | None = None) -> Model:
    """An instance from the values of `kolommen(...)`, converted as the ORM converts them;
    fields not in `namen` are deferred (loaded on first use, as with `.only()`)."""
    sleutel = (conn.alias, model, namen or ())
    per_veld = _CONVERTERS.get(sleutel)
    if per_veld is None:
        per_veld = _CONVERTERS[sleutel] = [
            (
                f.attname,
                f.cached_col,
                conn.ops.get_db_converters(f.cached_col) + f.get_db_converters(conn),
            )
            for f in velden(model, namen)
        ]
    rij = []
    for (_, col, converters), waarde in zip(per_veld, waarden, strict=True):
        for converter in converters:
            waarde = converter(waarde, col, conn)
        rij.append(waarde)
    return model.from_db(conn.alias, [naam for naam, _, _ in per_veld], rij)


class Select:
    """A hand-written SELECT on the database the router picks for reading `model`.
    `bouw(conn, qn)` writes the text once per database, with `kolommen` for column lists."""

    def __init__(self, model: type[Model], bouw: Callable[..., str]):
        self._model, self._bouw = model, bouw
        self._sql: dict[str, str] = {}  # database alias -> text

    def rijen(self, params) -> tuple:
        """Run it: (the connection, for `uit_rij`; all rows). Dates, datetimes and decimals
        among `params` are adapted for the database as the ORM adapts them."""
        conn = connections[router.db_for_read(self._model)]
        sql = self._sql.get(conn.alias)
        if sql is None:
            sql = self._sql[conn.alias] = self._bouw(conn, conn.ops.quote_name)
        with conn.cursor() as cursor:
            cursor.execute(sql, [conn.ops.adapt_unknown_value(p) for p in params])
            return conn, cursor.fetchall()
