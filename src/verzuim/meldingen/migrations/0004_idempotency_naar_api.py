# Issue 8 §5 (0004): the meldingen' Idempotency-Keys move into the one table of the API
# (api.IdempotencyRecord) and meldingen.IdempotencyRecord goes. Reversible: going back
# recreates the table and moves the rows of POST /api/v1/meldingen back.
#
# Each row keeps its fingerprint (the one table hashes the body with the recipe the
# meldingen used) and refers to its melding by uuid, so a replay still answers with the
# melding as it is now. A key that the same organisation had also used for a register write
# keeps that row (personen 0005 runs first): one key, one request.

from django.db import migrations

VERZOEK = "POST /api/v1/meldingen"


def naar_api(apps, schema_editor):
    Oud = apps.get_model("meldingen", "IdempotencyRecord")
    Nieuw = apps.get_model("api", "IdempotencyRecord")
    rijen = Oud.objects.select_related("melding__leerling")
    Nieuw.objects.bulk_create(
        (
            Nieuw(
                organisatie_id=r.organisatie_id,
                sleutel=r.sleutel,
                verzoek=VERZOEK,
                vingerafdruk=r.request_hash,
                status=201 if r.nieuw else 200,
                antwoord=None,
                object_type="melding",
                object_id=str(r.melding.uuid),
                persoon=r.melding.leerling.burgerservicenummer
                or r.melding.leerling.onderwijsnummer
                or "",
                aangemaakt=r.aangemaakt,
            )
            for r in rijen.iterator(chunk_size=2000)
        ),
        batch_size=2000,
        ignore_conflicts=True,
    )


def terug(apps, schema_editor):
    Oud = apps.get_model("meldingen", "IdempotencyRecord")
    Nieuw = apps.get_model("api", "IdempotencyRecord")
    Melding = apps.get_model("meldingen", "Melding")
    rijen = Nieuw.objects.filter(verzoek=VERZOEK)
    uuids = {u for u in map(_uuid, rijen.values_list("object_id", flat=True)) if u}
    meldingen = dict(Melding.objects.filter(uuid__in=uuids).values_list("uuid", "pk"))
    Oud.objects.bulk_create(
        (
            Oud(
                organisatie_id=r.organisatie_id,
                sleutel=r.sleutel,
                request_hash=r.vingerafdruk,
                melding_id=meldingen[pk],
                nieuw=r.status == 201,
                aangemaakt=r.aangemaakt,
            )
            for r in rijen.iterator(chunk_size=2000)
            if (pk := _uuid(r.object_id)) in meldingen
        ),
        batch_size=2000,
    )
    rijen.delete()


def _uuid(waarde):
    import uuid

    try:
        return uuid.UUID(waarde)
    except ValueError:
        return None


class Migration(migrations.Migration):

    dependencies = [
        ("api", "0001_initial"),
        ("meldingen", "0003_door_gebruiker_en_doorgestuurd"),
        ("personen", "0005_idempotency_naar_api"),
    ]

    operations = [
        migrations.RunPython(naar_api, terug),
        migrations.DeleteModel(name="IdempotencyRecord"),
    ]
