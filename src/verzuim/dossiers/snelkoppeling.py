"""The intake's hot path into the dossiers (R-CW-1): a routed melding joins the pupil's open
dossier at its receiver in ONE statement — INSERT … SELECT from the open dossier (locked
where the database can), RETURNING the dossier's id — so a vervolgmelding costs the intake
two statements (this one and the timeline entry), not a lookup, an insert and a save. When
no row comes back there is no open dossier and the caller opens one (docs/benchmarks.md,
the intake's query budget in meldingen/tests/test_intake.py)."""

from __future__ import annotations

from django.db import connections, router

from verzuim.dossiers.models import Dossier, DossierMelding, DossierStatus

_SQL: dict[str, str] = {}


def _sql(conn) -> str:
    sql = _SQL.get(conn.alias)
    if sql is None:
        qn = conn.ops.quote_name
        lock = " FOR UPDATE" if conn.features.has_select_for_update else ""
        sql = _SQL[conn.alias] = (
            f"INSERT INTO {qn(DossierMelding._meta.db_table)} "
            f"({qn('dossier_id')}, {qn('melding_id')}, {qn('organisatie_id')}, "
            f"{qn('gekoppeld')}) "
            f"SELECT d.{qn('id')}, %s, d.{qn('organisatie_id')}, %s "
            f"FROM {qn(Dossier._meta.db_table)} d "
            f"WHERE d.{qn('leerling_id')} = %s AND d.{qn('organisatie_id')} = %s "
            f"AND d.{qn('status')} = %s{lock} "
            f"RETURNING {qn('dossier_id')}"
        )
    return sql


def sluit_aan(melding, tijdstip) -> int | None:
    """Link `melding` to its receiver's open dossier for the pupil; its id, or None when
    there is none (nothing written)."""
    conn = connections[router.db_for_write(DossierMelding)]
    gekoppeld = DossierMelding._meta.get_field("gekoppeld").get_db_prep_save(tijdstip, conn)
    with conn.cursor() as cursor:
        cursor.execute(
            _sql(conn),
            [melding.pk, gekoppeld, melding.leerling_id, melding.ontvanger_id, DossierStatus.OPEN],
        )
        rij = cursor.fetchone()
    return rij[0] if rij else None
