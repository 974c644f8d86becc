"""Writing the audit log (R-PR-1). Called by every service that reads person data or changes
anything, inside the same transaction as the change."""

from __future__ import annotations

from django.db import connections, router

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.audit.models import AuditRecord

_VELDEN = [f for f in AuditRecord._meta.concrete_fields if not f.primary_key]
_INSERT_SQL: dict[str, tuple[str, bool]] = {}  # database alias -> (INSERT, returns the id)


def _insert(record: AuditRecord) -> AuditRecord:
    """One INSERT for one new record, without Model.save()'s machinery (signals, the SQL
    compiler): every API write logs, so this is on the hot path (issue 3 "Speed"). Values
    still go through each field's get_db_prep_save, as save() would."""
    conn = connections[router.db_for_write(AuditRecord)]
    sql = _INSERT_SQL.get(conn.alias)
    if sql is None:
        qn = conn.ops.quote_name
        returning = conn.features.can_return_columns_from_insert
        sql = _INSERT_SQL[conn.alias] = (
            f"INSERT INTO {qn(AuditRecord._meta.db_table)} "
            f"({', '.join(qn(f.column) for f in _VELDEN)}) "
            f"VALUES ({', '.join(['%s'] * len(_VELDEN))})"
            + (f" RETURNING {qn(AuditRecord._meta.pk.column)}" if returning else ""),
            returning,
        )
    params = [f.get_db_prep_save(f.pre_save(record, True), conn) for f in _VELDEN]
    with conn.cursor() as cursor:
        cursor.execute(sql[0], params)
        record.pk = cursor.fetchone()[0] if sql[1] else cursor.lastrowid
    record._state.adding = False
    record._state.db = conn.alias
    return record


def log(
    actor: Actor,
    actie: str,
    *,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    persoon: str = "",
    doel: str = "",
    details: dict | None = None,
) -> AuditRecord:
    if obj is not None:
        object_type = object_type or obj._meta.model_name
        object_id = object_id or str(getattr(obj, "uuid", None) or obj.pk)
    return _insert(
        AuditRecord(
            tijdstip=clock.now(),
            actor=actor.gebruiker if actor.soort == "gebruiker" else None,
            actor_label=actor.label,
            organisatie=actor.organisatie_code,
            actie=actie,
            object_type=object_type,
            object_id=object_id,
            persoon=persoon or "",
            doel=doel,
            request_id=actor.request_id,
            herkomst=actor.herkomst,
            details=details or {},
        )
    )


def log_many(actor: Actor, actie: str, personen: list[str], *, doel: str = "", **kw) -> None:
    """One record per person read (e.g. a list page), written in one round trip."""
    now = clock.now()
    AuditRecord.objects.bulk_create(
        [
            AuditRecord(
                tijdstip=now,
                actor=actor.gebruiker if actor.soort == "gebruiker" else None,
                actor_label=actor.label,
                organisatie=actor.organisatie_code,
                actie=actie,
                persoon=p,
                doel=doel,
                request_id=actor.request_id,
                herkomst=actor.herkomst,
                details=kw.get("details") or {},
                object_type=kw.get("object_type", ""),
            )
            for p in personen
        ]
    )


ZOEK_FILTERS = ("persoon", "actor", "organisatie", "actie", "van", "tot")


def zoek(actor: Actor, filters: dict, pagina: int = 1, per_pagina: int = 50):
    """Search the audit log (privacy officer only) and log the search itself (R-PR-1): the
    filters are recorded, and a searched person in the `persoon` field, so the person's own
    trail shows who looked them up in the log. Returns a Django Page."""
    from django.core.paginator import Paginator
    from django.db import transaction

    from verzuim.audit.queries import auditrecords

    with transaction.atomic():
        records = auditrecords(actor, filters)
        page = Paginator(records, per_pagina).get_page(pagina)
        gebruikt = {
            k: str(v) for k, v in filters.items() if k in ZOEK_FILTERS and v and k != "persoon"
        }
        log(
            actor,
            "auditlog.zoeken",
            persoon=filters.get("persoon") or "",
            doel="privacytoezicht",
            details={
                "filters": gebruikt,
                "pagina": page.number,
                "resultaten": page.paginator.count,
            },
        )
    return page
