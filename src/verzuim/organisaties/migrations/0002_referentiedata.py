"""Gemeenten, RMC-regio's, school holidays and their organisations (docs/reference-data.md).
Small enough for a migration, so every database, test databases included, has them. The school
list is loaded by `verzuim load-reference`."""

from django.db import migrations


def laad(apps, schema_editor):
    from verzuim.organisaties.referentie import laad_basis

    laad_basis(apps)


class Migration(migrations.Migration):
    dependencies = [("organisaties", "0001_initial")]
    operations = [migrations.RunPython(laad, migrations.RunPython.noop, elidable=False)]
