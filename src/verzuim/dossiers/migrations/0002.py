"""Loads the code list of activity types (`verzuim.dossiers.soorten`, R-CW-3/4)."""

from django.db import migrations

from verzuim.dossiers.soorten import zorg_voor_soorten


def vul(apps, schema_editor):
    zorg_voor_soorten(apps.get_model("dossiers", "ActiviteitSoort"))


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_dossiers")]

    operations = [migrations.RunPython(vul, migrations.RunPython.noop)]
