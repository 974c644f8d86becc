"""Searching the audit log: only the privacy officer (domain.md §1, R-PR-1). A privacy
officer of an organisation sees its own organisation's records (each organisation is
controller of its own processing; R-PR-1: nobody sees another organisation's data); one
of the register, or without an organisation, the whole log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from verzuim.audit.context import Actor, Rol
from verzuim.audit.models import AuditRecord


def mag_zoeken(actor: Actor) -> bool:
    return actor.heeft_rol(Rol.PRIVACY_OFFICER)


def auditrecords(actor: Actor, filters: dict) -> QuerySet[AuditRecord]:
    """Records matching the filters (persoon, actor, organisatie, actie, van, tot), newest
    first. Raises PermissionDenied for anyone but a privacy officer."""
    if not mag_zoeken(actor):
        raise PermissionDenied("Alleen de privacy officer mag het auditlog doorzoeken.")
    qs = AuditRecord.objects.all()
    org = actor.organisatie
    if org is not None and getattr(org, "soort", "") != "register":  # OrganisatieSoort.REGISTER
        qs = qs.filter(organisatie=org.code)
    if filters.get("persoon"):
        qs = qs.over_persoon(filters["persoon"])
    if filters.get("actor"):
        qs = qs.filter(actor_label__icontains=filters["actor"])
    if filters.get("organisatie"):
        qs = qs.filter(organisatie__iexact=filters["organisatie"])
    if filters.get("actie"):
        qs = qs.filter(actie__startswith=filters["actie"])
    if filters.get("van"):
        qs = qs.filter(tijdstip__date__gte=filters["van"])
    if filters.get("tot"):
        qs = qs.filter(tijdstip__date__lte=filters["tot"])
    return qs.order_by("-tijdstip", "-id")
