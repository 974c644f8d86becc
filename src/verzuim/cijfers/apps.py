from django.apps import AppConfig


class CijfersConfig(AppConfig):
    name = "verzuim.cijfers"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Cijfers"
