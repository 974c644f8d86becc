"""Adds the activity type `verloftoets` (the verlof check of the luxe route, R-CW-10) to the code
list (`verzuim.dossiers.soorten`); existing rows stay as they are."""

from django.db import migrations

from verzuim.dossiers.soorten import zorg_voor_soorten


def vul(apps, schema_editor):
    zorg_voor_soorten(apps.get_model("dossiers", "ActiviteitSoort"))


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0007_activiteit_uuid")]

    operations = [migrations.RunPython(vul, migrations.RunPython.noop)]
