"""The audit log in the admin: strictly read-only (R-PR-1), for superusers only. The privacy
officer searches it in the application (/auditlog/)."""

from django.contrib import admin

from verzuim.audit.models import AuditRecord


@admin.register(AuditRecord)
class AuditRecordAdmin(admin.ModelAdmin):
    list_display = [
        "tijdstip",
        "actor_label",
        "organisatie",
        "actie",
        "object_type",
        "persoon",
        "doel",
    ]
    list_filter = ["actie", "organisatie"]
    search_fields = ["actor_label", "persoon", "object_id", "request_id"]
    date_hierarchy = "tijdstip"
    actions = None

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


class GeauditeerdAdmin(admin.ModelAdmin):
    """ModelAdmin for tables with person data: every list page, detail page and change in the
    admin writes audit records (R-PR-1). Subclasses define `persoon_van(obj) -> str`."""

    audit_doel = "registerbeheer"

    def persoon_van(self, obj) -> str:
        return ""

    def _actor(self, request):
        from verzuim.audit.context import actor_for_user

        return actor_for_user(request.user, request)

    def _actie(self, soort: str) -> str:
        return f"beheer.{self.model._meta.model_name}.{soort}"

    def changelist_view(self, request, extra_context=None):
        from verzuim.audit import services

        response = super().changelist_view(request, extra_context)
        cl = getattr(response, "context_data", {}).get("cl")
        if cl is not None:
            personen = [p for p in (self.persoon_van(o) for o in cl.result_list) if p]
            services.log_many(
                self._actor(request),
                self._actie("lezen"),
                personen,
                doel=self.audit_doel,
                object_type=self.model._meta.model_name,
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from verzuim.audit import services

        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET":
            services.log(
                self._actor(request),
                self._actie("lezen"),
                obj=obj,
                persoon=self.persoon_van(obj),
                doel=self.audit_doel,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        from verzuim.audit import services

        super().save_model(request, obj, form, change)
        services.log(
            self._actor(request),
            self._actie("wijzigen" if change else "aanmaken"),
            obj=obj,
            persoon=self.persoon_van(obj),
            doel=self.audit_doel,
            details={"velden": list(form.changed_data)},
        )

    def delete_model(self, request, obj):
        from verzuim.audit import services

        services.log(
            self._actor(request),
            self._actie("verwijderen"),
            obj=obj,
            persoon=self.persoon_van(obj),
            doel=self.audit_doel,
        )
        super().delete_model(request, obj)
