from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "verzuim.meldingen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from verzuim.meldingen import receivers, referentie  # noqa: F401
