"""Writing the audit log (R-PR-1). Called by every service that reads person data or changes
anything, inside the same transaction as the change."""

from __future__ import annotations

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.audit.models import AuditPersoon, AuditRecord
from verzuim.audit.verwerkingen import OnbekendDoel, activiteit
from verzuim.snelpad import voeg_in


def _doelbinding(actie: str, doel: str, persoon: str) -> dict:
    """The declared activity behind `doel` (audit.verwerkingen): its versioned id and legal
    ground go into the record. A person's data is never processed without a declared
    purpose (R-PR-1); an undeclared purpose is refused (OnbekendDoel)."""
    if not doel:
        if persoon:
            raise OnbekendDoel(f"{actie}: verwerking van een persoon zonder doel (R-PR-1).")
        return {"doel": ""}
    a = activiteit(doel)
    return {"doel": doel, "verwerkingsactiviteit": a.id, "grondslag": a.grondslag}


def _record(actor: Actor, actie: str, tijdstip, **velden) -> AuditRecord:
    """A new record of `actie` by `actor` (who, on behalf of which organisation, request)."""
    velden.update(_doelbinding(actie, velden.pop("doel", ""), velden.get("persoon", "")))
    return AuditRecord(
        tijdstip=tijdstip,
        actor=actor.gebruiker if actor.soort == "gebruiker" else None,
        actor_label=actor.label,
        organisatie=actor.organisatie_code,
        actie=actie,
        request_id=actor.request_id,
        herkomst=actor.herkomst,
        **velden,
    )


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
    record = _record(
        actor,
        actie,
        clock.now(),
        object_type=object_type,
        object_id=object_id,
        persoon=persoon or "",
        doel=doel,
        details=details or {},
    )
    voeg_in(record)  # every API write logs: the lean insert (issue 3 "Speed")
    return record


def log_many(actor: Actor, actie: str, personen: list[str], *, doel: str = "", **kw) -> None:
    """One read of a list of persons (a page of meldingen, a search result): ONE record that
    names every person shown (`AuditPersoon` rows, written in one round trip), so a list
    page is one line in the log and each person's trail still finds it (R-PR-1)."""
    personen = sorted(set(personen))
    if not personen:
        return
    if not doel:
        raise OnbekendDoel(f"{actie}: verwerking van personen zonder doel (R-PR-1).")
    record = _record(
        actor,
        actie,
        clock.now(),
        persoon=personen[0] if len(personen) == 1 else "",
        doel=doel,
        details={**(kw.get("details") or {}), "aantalPersonen": len(personen)},
        object_type=kw.get("object_type", ""),
    )
    voeg_in(record)
    AuditPersoon.objects.bulk_create([AuditPersoon(record=record, persoon=p) for p in personen])


ZOEK_FILTERS = ("persoon", "actor", "organisatie", "actie", "van", "tot")


def zoek(actor: Actor, filters: dict, pagina: int = 1, per_pagina: int = 50):
    """Search the audit log (privacy officer only) and log the search itself (R-PR-1): the
    filters are recorded, and a searched person in the `persoon` field, so the person's own
    trail shows who looked them up in the log. Returns a Django Page."""
    from django.core.paginator import Paginator
    from django.db import transaction

    from verzuim.audit.queries import auditrecords

    with transaction.atomic():
        records = auditrecords(actor, filters).prefetch_related("personen")
        page = Paginator(records, per_pagina).get_page(pagina)
        # Read now: evaluated later (in the template) the page would hold this search's
        # own record below, pushing out what was found.
        page.object_list = list(page.object_list)
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
