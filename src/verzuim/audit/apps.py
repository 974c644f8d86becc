from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "verzuim.audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every app declares its processing activities in <app>/verwerkingen.py (the
        # register of audit.verwerkingen): imported here by name, like the admin's modules.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("verwerkingen")
