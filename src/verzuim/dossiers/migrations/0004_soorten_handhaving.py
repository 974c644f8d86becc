"""Adds the activity types of the enforcement routes (R-CW-6..8) to the code list
(`verzuim.dossiers.soorten`); existing rows stay as they are, no code is renamed."""

from django.db import migrations

from verzuim.dossiers.soorten import zorg_voor_soorten


def vul(apps, schema_editor):
    zorg_voor_soorten(apps.get_model("dossiers", "ActiviteitSoort"))


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0003_handhaving")]

    operations = [migrations.RunPython(vul, migrations.RunPython.noop)]
