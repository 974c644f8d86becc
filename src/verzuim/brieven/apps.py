from django.apps import AppConfig


class BrievenConfig(AppConfig):
    """Letters from templates as PDF, and stored documents (base level: knows no dossier)."""

    name = "verzuim.brieven"
    verbose_name = "Brieven"
    default_auto_field = "django.db.models.BigAutoField"
