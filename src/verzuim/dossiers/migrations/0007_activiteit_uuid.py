"""Activities get a uuid (the dossiers API names each timeline entry by it, api-contract.md
"Dossiers"): added nullable, filled per batch for the existing rows, then unique."""

import uuid

from django.db import migrations, models

BATCH = 2_000


def vul(apps, schema_editor):
    Activiteit = apps.get_model("dossiers", "Activiteit")
    while True:
        rijen = list(Activiteit.objects.filter(uuid__isnull=True).only("pk")[:BATCH])
        if not rijen:
            return
        for a in rijen:
            a.uuid = uuid.uuid4()
        Activiteit.objects.bulk_update(rijen, ["uuid"])


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0006_soort_route_gekozen")]

    operations = [
        migrations.AddField(
            model_name="activiteit",
            name="uuid",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="activiteit",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False),
        ),
    ]
