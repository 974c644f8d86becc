"""The audit log in the admin: strictly read-only (R-PR-1), for superusers only. The privacy
officer searches it in the application (/auditlog/, a POST form). No search on ``persoon``:
an admin search is a GET, and a BSN does not belong in a URL (R-PR-1)."""

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
    search_fields = ["actor_label", "object_id", "request_id"]
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
