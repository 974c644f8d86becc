# Issue 8 §5: the register writes' Idempotency-Keys move into the one table of the API
# (api.IdempotencyRecord) and IdempotencySleutel goes. Reversible: going back recreates the
# table and moves the register writes' rows (those with a stored answer) back.
#
# The old rows hashed [method, path, body] with another JSON recipe than the one table's
# body fingerprint, and did not keep the path: they come over with an empty `verzoek`, so a
# replay of such a key answers 409 instead of the first answer (it never writes twice).

from django.db import migrations

# The object an answer is about, by the field only its shape has.
SOORTEN = (("artikel", "vrijstelling"), ("soort", "diploma"), ("vestiging", "inschrijving"))


def _object_type(antwoord) -> str:
    if not isinstance(antwoord, dict):
        return ""
    return next((soort for veld, soort in SOORTEN if veld in antwoord), "")


def naar_api(apps, schema_editor):
    Oud = apps.get_model("personen", "IdempotencySleutel")
    Nieuw = apps.get_model("api", "IdempotencyRecord")
    Nieuw.objects.bulk_create(
        (
            Nieuw(
                organisatie_id=r.organisatie_id,
                sleutel=r.sleutel,
                verzoek="",
                vingerafdruk=r.request_hash,
                status=r.status,
                antwoord=r.antwoord,
                object_type=_object_type(r.antwoord),
                object_id=str((r.antwoord or {}).get("uuid", "")),
                persoon=r.persoon,
                aangemaakt=r.aangemaakt,
            )
            for r in Oud.objects.iterator(chunk_size=2000)
        ),
        batch_size=2000,
        ignore_conflicts=True,
    )


def terug(apps, schema_editor):
    Oud = apps.get_model("personen", "IdempotencySleutel")
    Nieuw = apps.get_model("api", "IdempotencyRecord")
    rijen = Nieuw.objects.filter(antwoord__isnull=False).exclude(verzoek__contains="/meldingen")
    Oud.objects.bulk_create(
        (
            Oud(
                organisatie_id=r.organisatie_id,
                sleutel=r.sleutel,
                request_hash=r.vingerafdruk,
                status=r.status,
                antwoord=r.antwoord,
                persoon=r.persoon,
                aangemaakt=r.aangemaakt,
            )
            for r in rijen.iterator(chunk_size=2000)
        ),
        batch_size=2000,
    )
    rijen.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("api", "0001_initial"),
        ("personen", "0004_huisnummer_brp"),
    ]

    operations = [
        migrations.RunPython(naar_api, terug),
        migrations.DeleteModel(name="IdempotencySleutel"),
    ]
