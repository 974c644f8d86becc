# Issue 8 §5: the Idempotency-Keys of every API write in one table (api.idempotentie).
# The data of the two earlier tables moves in with personen 0005 and meldingen 0004.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organisaties', '0002_referentiedata'),
    ]

    operations = [
        migrations.CreateModel(
            name='IdempotencyRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sleutel', models.CharField(max_length=200)),
                ('verzoek', models.CharField(max_length=250)),
                ('vingerafdruk', models.CharField(max_length=64)),
                ('status', models.PositiveSmallIntegerField()),
                ('antwoord', models.JSONField(blank=True, null=True)),
                ('object_type', models.CharField(blank=True, max_length=40)),
                ('object_id', models.CharField(blank=True, max_length=64)),
                ('persoon', models.CharField(blank=True, max_length=9)),
                ('aangemaakt', models.DateTimeField()),
                ('organisatie', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisaties.organisatie')),
            ],
            options={
                'verbose_name': 'idempotency-key',
                'verbose_name_plural': 'idempotency-keys',
                'constraints': [models.UniqueConstraint(fields=('organisatie', 'sleutel'), name='api_idempotency_key_uniek')],
            },
        ),
    ]
