from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DossiersConfig(AppConfig):
    name = "verzuim.dossiers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from verzuim.dossiers import receivers  # noqa: F401
        from verzuim.dossiers.koppelingen import dossiers_van_meldingen, dossiers_van_signalen
        from verzuim.dossiers.leerlingsectie import dossier_sectie
        from verzuim.dossiers.queries import mag_dossiers_zien
        from verzuim.dossiers.schoolpagina import MARKERING, open_verzoek, verzoeken_sectie
        from verzuim.meldingen import dossierkoppeling as meldingkoppeling
        from verzuim.meldingen import schoolmarkeringen, schoolsecties
        from verzuim.personen.leerlingkaart import registreer_sectie
        from verzuim.signalen import dossierkoppeling

        # The seams of the apps below (they import nothing of this one).
        dossierkoppeling.registreer(dossiers_van_signalen)
        meldingkoppeling.registreer(dossiers_van_meldingen, mag_openen=mag_dossiers_zien)
        schoolsecties.registreer_sectie(verzoeken_sectie)  # R-CW-3 on the school's page
        schoolmarkeringen.registreer(*MARKERING, open_verzoek)  # R-CW-3 in the school's list
        registreer_sectie(dossier_sectie)  # the open dossier, or opening one (R-CW-1)
        post_migrate.connect(_soorten, sender=self, dispatch_uid="dossiers.soorten")


def _soorten(sender, apps=None, **kwargs):
    """The activity types back after a flush (transactional tests), as Django's own
    permissions; a no-op when they are there."""
    from django.apps import apps as globale_apps
    from django.db import DEFAULT_DB_ALIAS, connections

    from verzuim.dossiers.soorten import zorg_voor_soorten

    # After migrate: the migration state's model; after a flush no `apps` is passed.
    model = (apps or globale_apps).get_model("dossiers", "ActiviteitSoort")
    conn = connections[kwargs.get("using") or DEFAULT_DB_ALIAS]
    if model._meta.db_table in conn.introspection.table_names():  # not when migrated back
        zorg_voor_soorten(model)
