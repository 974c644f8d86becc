from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "verzuim.api"
    default_auto_field = "django.db.models.BigAutoField"
