from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "verzuim.audit"
    default_auto_field = "django.db.models.BigAutoField"
