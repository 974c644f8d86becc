from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "verzuim.signalen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from verzuim.signalen import receivers  # noqa: F401
