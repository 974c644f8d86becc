"""Django admin for reference and configuration tables (registerbeheer): every add, change
and delete — also of inline rows and through the bulk delete action — writes an
AuditRecord in the same transaction (R-PR-1). Actions are `<model>.aanmaken`,
`<model>.wijzigen` (with the changed fields) and `<model>.verwijderen`."""

from __future__ import annotations

from django.db import transaction

from verzuim.audit import services as audit
from verzuim.audit.context import actor_for_user

DOEL = "registerbeheer"


def _log(request, actie: str, obj, doel: str = DOEL, **details) -> None:
    audit.log(
        actor_for_user(request.user, request),
        f"{obj._meta.model_name}.{actie}",
        obj=obj,
        doel=doel,
        details={"weergave": str(obj)[:200], **details},
    )


class GeauditeerdBeheer:
    """Mixin for a ModelAdmin (before admin.ModelAdmin in the bases)."""

    beheer_doel = DOEL  # the purpose recorded with each change

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _log(
            request,
            "wijzigen" if change else "aanmaken",
            obj,
            self.beheer_doel,
            velden=list(form.changed_data),
        )

    def save_formset(self, request, form, formset, change):
        # Logged before the save: a deleted row loses its id when it is deleted.
        for f in formset.deleted_forms:
            if f.instance.pk is not None:
                _log(request, "verwijderen", f.instance, self.beheer_doel)
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            _log(request, "aanmaken", obj, self.beheer_doel)
        for obj, velden in formset.changed_objects:
            _log(request, "wijzigen", obj, self.beheer_doel, velden=list(velden))

    def delete_model(self, request, obj):
        with transaction.atomic():
            _log(request, "verwijderen", obj, self.beheer_doel)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                _log(request, "verwijderen", obj, self.beheer_doel)
            super().delete_queryset(request, queryset)
