from django.apps import AppConfig


class PersonenConfig(AppConfig):
    name = "verzuim.personen"
    default_auto_field = "django.db.models.BigAutoField"
