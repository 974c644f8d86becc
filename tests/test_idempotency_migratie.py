"""The Idempotency-Keys of the two earlier tables move into the API's one table and back
(issue 8 §5: personen 0005, meldingen 0004). A melding's key still answers its replay with
the melding after the round trip; a register write's key keeps its row but, its old
fingerprint not being the table's, answers a replay with 409 (docs/decisions.md)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.test import APIClient

from verzuim.api.models import IdempotencyRecord
from verzuim.meldingen.tests.conftest import melding_data
from verzuim.personen.tests.register_wereld import NIEUW, token_waarde, wereld  # noqa: F401

VOOR = [("meldingen", "0003_door_gebruiker_en_doorgestuurd"), ("personen", "0004_huisnummer_brp")]
INSCHRIJVING = {
    "leerling": {"burgerservicenummer": NIEUW},
    "vestiging": "99XA00",
    "begindatum": "2026-10-01",
}


def post(naam: str, pad: str, body: dict, key: str):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c.post(f"/api/v1/{pad}", body, format="json", headers={"Idempotency-Key": key})


def migreer(doel) -> object:
    executor = MigrationExecutor(connection)
    executor.migrate(doel)
    loader = MigrationExecutor(connection).loader
    return loader.project_state([*doel, ("api", "0001_initial")]).apps


# Not serialized_rollback: it runs after the live-server tests, whose flush recreates the
# content types (see verzuim.api.tests.gelijktijdig); the world fixture loads what it needs.
@pytest.mark.django_db(transaction=True)
def test_keys_gaan_over_en_terug(wereld):  # noqa: F811
    melding = post("school_a_alleen_melden", "meldingen", melding_data(), "m-1")
    inschrijving = post("school_a", "inschrijvingen", INSCHRIJVING, "r-1")
    assert (melding.status_code, inschrijving.status_code) == (201, 201)
    try:
        oud = migreer(VOOR)
        assert not oud.get_model("api", "IdempotencyRecord").objects.exists()
        m = oud.get_model("meldingen", "IdempotencyRecord").objects.select_related("melding").get()
        assert (m.sleutel, str(m.melding.uuid), m.nieuw) == ("m-1", melding.json()["uuid"], True)
        r = oud.get_model("personen", "IdempotencySleutel").objects.get()
        assert (r.sleutel, r.status, r.antwoord, r.persoon) == (
            "r-1",
            201,
            inschrijving.json(),
            NIEUW,
        )
    finally:
        # Every app forward to its latest migration (meldingen 0004 and personen 0005 among
        # them): going back to meldingen 0003 also took the apps that depend on it back.
        migreer(MigrationExecutor(connection).loader.graph.leaf_nodes())
    records = {r.sleutel: r for r in IdempotencyRecord.objects.all()}
    assert set(records) == {"m-1", "r-1"}
    assert (records["m-1"].verzoek, records["m-1"].object_id, records["m-1"].status) == (
        "POST /api/v1/meldingen",
        melding.json()["uuid"],
        201,
    )
    assert (records["r-1"].object_type, records["r-1"].object_id, records["r-1"].antwoord) == (
        "inschrijving",
        inschrijving.json()["uuid"],
        inschrijving.json(),
    )
    herhaald = post("school_a_alleen_melden", "meldingen", melding_data(), "m-1")
    assert (herhaald.status_code, herhaald.json()["uuid"]) == (201, melding.json()["uuid"])
    assert post("school_a", "inschrijvingen", INSCHRIJVING, "r-1").status_code == 409
