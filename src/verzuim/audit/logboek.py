"""The audit log in the shape of Logius' Logboek Dataverwerkingen (LDV; issue 12 item 3).

One mechanism: the audit records *are* the processing log; this module only presents them
as the standard's log lines, so an external Logboek could receive them (``verzuim
logboek-export``) and the inzage export (privacy app) lists a person's processings.

Each record becomes one operation (``name`` = the audit action, ``operation_id`` from the
record id, ``trace_id`` = the request id of the HTTP request or job that wrote it). A list
read that showed several persons (``AuditPersoon``) becomes the operation plus one child
operation per person (``parent_operation_id``), each with its own
``dpl.core.data_subject_id``: a person's trail finds every processing of their data.
Attributes outside the ``dpl.core`` namespace (purpose text, legal ground, organisation,
actor) are in ``dpl.verzuim``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from verzuim.audit.models import AuditRecord

STATUS_OK = "STATUS_CODE_OK"
SERVICE = "verzuimregister"
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def trace_id(record: AuditRecord) -> str:
    """16 bytes hex: the request id when it is one (the RequestIdMiddleware's uuid4), else a
    stable hash of it; a record written outside a request is a trace of its own."""
    rid = (record.request_id or "").lower().replace("-", "")
    if _HEX32.match(rid):
        return rid
    bron = record.request_id or f"record:{record.pk}"
    return hashlib.sha256(bron.encode()).hexdigest()[:32]


def operation_id(record_id: int, persoon_id: int | None = None) -> str:
    """8 bytes hex, unique per record (and per person of a list read)."""
    if persoon_id is None:
        return f"{record_id:016x}"
    return f"{(1 << 63) | persoon_id:016x}"  # high bit: a person of a list read


def _soort_id(persoon: str) -> str:
    return "BSN" if persoon.isdigit() and len(persoon) == 9 else "onderwijsnummer"


def _ms(record: AuditRecord) -> int:
    return int(record.tijdstip.timestamp() * 1000)


def _regel(record: AuditRecord, *, persoon: str, op: str, ouder: str | None) -> dict:
    attributen = {
        "dpl.core.processing_activity_id": record.verwerkingsactiviteit or None,
        "dpl.verzuim.doel": record.doel,
        "dpl.verzuim.grondslag": record.grondslag,
        "dpl.verzuim.organisatie": record.organisatie,
        "dpl.verzuim.actor": record.actor_label,
    }
    if persoon:
        attributen["dpl.core.data_subject_id"] = persoon
        attributen["dpl.core.data_subject_id_type"] = _soort_id(persoon)
    if record.object_type:
        attributen["dpl.verzuim.object"] = f"{record.object_type}:{record.object_id}".rstrip(":")
    return {
        "trace_id": trace_id(record),
        "operation_id": op,
        "parent_operation_id": ouder,
        "name": record.actie,
        "status_code": STATUS_OK,
        "start_time": _ms(record),
        "end_time": _ms(record),
        "resource": {"attributes": {"service.name": SERVICE}},
        "attributes": {k: v for k, v in attributen.items() if v not in (None, "")},
    }


def regels(records: Iterable[AuditRecord], *, alleen_persoon: str | None = None) -> Iterator[dict]:
    """The Logboek lines of `records` (prefetch ``personen`` for list reads). With
    `alleen_persoon`, a list read yields only that person's child operation."""
    for r in records:
        op = operation_id(r.pk)
        personen = list(r.personen.all()) if not r.persoon else []
        if not personen:
            yield _regel(r, persoon=r.persoon, op=op, ouder=None)
            continue
        if alleen_persoon is None:
            yield _regel(r, persoon="", op=op, ouder=None)
        for p in personen:
            if alleen_persoon is None or p.persoon == alleen_persoon:
                yield _regel(r, persoon=p.persoon, op=operation_id(r.pk, p.pk), ouder=op)
