from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "verzuim.organisaties"
    default_auto_field = "django.db.models.BigAutoField"
