from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "verzuim.meldingen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from verzuim.meldingen import receivers, referentie  # noqa: F401
        from verzuim.meldingen.leerlingsectie import meldingen_sectie
        from verzuim.personen.leerlingkaart import registreer_sectie

        registreer_sectie(meldingen_sectie)
