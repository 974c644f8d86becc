from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "verzuim.signalen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from verzuim.personen.leerlingkaart import registreer_sectie
        from verzuim.signalen import receivers  # noqa: F401
        from verzuim.signalen.leerlingsectie import signalen_sectie

        registreer_sectie(signalen_sectie)
