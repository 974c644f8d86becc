"""Idempotency-Key on the meldingen writes (api-contract.md "General", issue 8 §5): POST
/meldingen, /statussen and /doorsturen. The same key and body give the first answer — a
melding as it is now, a status change or a forwarding as first answered —, the same key
with another body a 409, also when the requests overlap (PostgreSQL)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from verzuim.api.models import IdempotencyRecord
from verzuim.api.tests.gelijktijdig import alleen_postgresql, gelijktijdig
from verzuim.audit.models import AuditRecord
from verzuim.meldingen.models import Doorzending, Melding, StatusWijziging

from .conftest import AMSTERDAM, HAARLEM, melding_data, token_waarde

URL = "/api/v1/meldingen"


def post(naam: str, pad: str, body: dict, key: str | None = None):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    headers = {"Idempotency-Key": key} if key else {}
    return c.post(pad, body, format="json", headers=headers)


def melding() -> dict:
    r = post("school_a", URL, melding_data())
    assert r.status_code == 201, r.content
    return r.json()


def _409(r) -> None:
    assert r.status_code == 409, r.content
    assert r["Content-Type"] == "application/problem+json"
    assert r.json()["type"].endswith("/idempotency-key")


# --- POST /meldingen --------------------------------------------------------------------


def test_melding_zelfde_key_geeft_de_melding_zoals_die_nu_is(wereld):
    r1 = post("school_a", URL, melding_data(), "k-1")
    post("haarlem", f"{URL}/{r1.json()['uuid']}/statussen", {"status": "in-behandeling"})
    r2 = post("school_a", URL, melding_data(), "k-1")
    assert (r1.status_code, r2.status_code) == (201, 201)  # the first status
    assert r2.json()["uuid"] == r1.json()["uuid"] and r2["Location"] == r1["Location"]
    assert [s["status"] for s in r2.json()["statussen"]] == ["geregistreerd", "in-behandeling"]
    assert r2.json()["status"] == "in-behandeling"  # as it is now
    assert Melding.objects.count() == 1
    herhaald = AuditRecord.objects.get(details__idempotencyKey=True)
    assert (herhaald.actie, herhaald.persoon, herhaald.object_id) == (
        "melding.aanmaken",
        HAARLEM,
        r1.json()["uuid"],
    )


def test_melding_zelfde_key_andere_body_of_ander_adres_409(wereld):
    post("school_a", URL, melding_data(), "k-1")
    _409(post("school_a", URL, melding_data(teLaatKeren=9), "k-1"))
    eerste = Melding.objects.get()
    _409(post("school_a", f"{URL}/{eerste.uuid}/statussen", {"status": "ingetrokken"}, "k-1"))
    assert Melding.objects.count() == 1 and eerste.statussen.count() == 1
    # Keys are per organisation: school B may use the same one.
    assert (
        post("school_b", URL, melding_data(AMSTERDAM, vestiging="99XB00"), "k-1").status_code == 201
    )
    assert IdempotencyRecord.objects.filter(sleutel="k-1").count() == 2


def test_melding_herhaling_ook_als_de_body_nu_ongeldig_is(wereld):
    """A retry gets the first answer even when the same body no longer passes the checks
    (its einddatum now lies after "today"); without the key it is a 400."""
    from verzuim import clock

    r1 = post("school_a", URL, melding_data(), "k-1")
    clock.set_today(clock.today().replace(day=20, month=9))
    assert post("school_a", URL, melding_data()).status_code == 400
    r2 = post("school_a", URL, melding_data(), "k-1")
    assert (r2.status_code, r2.json()["uuid"]) == (201, r1.json()["uuid"])


def test_geweigerde_melding_legt_geen_key_vast(wereld):
    assert post("school_a", URL, melding_data(einddatum="2030-01-01"), "k-2").status_code == 400
    assert not IdempotencyRecord.objects.exists()
    assert post("school_a", URL, melding_data(), "k-2").status_code == 201


def test_exact_duplicaat_met_nieuwe_key_200_en_die_key_onthoudt_200(wereld):
    r1 = post("school_a", URL, melding_data(), "k-1")
    r2 = post("school_a", URL, melding_data(), "k-2")
    r3 = post("school_a", URL, melding_data(), "k-2")
    assert [r.status_code for r in (r1, r2, r3)] == [201, 200, 200]
    assert len({r.json()["uuid"] for r in (r1, r2, r3)}) == 1


def test_te_lange_key_400(wereld):
    r = post("school_a", URL, melding_data(), "k" * 201)
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "Idempotency-Key"
    assert not Melding.objects.exists()


def test_intake_met_key_blijft_binnen_het_budget(wereld, django_assert_max_num_queries):
    """Issue 3 "Speed", kept by issue 8 §5: a new melding with Idempotency-Key through the API
    costs one statement per read (leerling with its inschrijvingen, BRP person, R-ME-6
    candidates) and one per row written (melding, status, two audit records, notificatie,
    e-mail task, key: INSERT … ON CONFLICT DO NOTHING, no lookup before it), with BEGIN and
    COMMIT: 12, and the dossier link with its timeline entry (issue 9, R-CW-1; the pupil's
    dossier is open since the first melding): 14. The API token and the reference data come
    from the per-process caches."""
    post(
        "school_a",
        URL,
        melding_data(begindatum="2026-09-28", einddatum="2026-09-30", verzuimdagen=[]),
    )
    with django_assert_max_num_queries(14):
        r = post("school_a", URL, melding_data(), "q")
    assert r.status_code == 201, r.content


# --- POST /meldingen/{uuid}/statussen and /doorsturen -----------------------------------


def test_status_zelfde_key_eerste_antwoord_andere_body_409(wereld):
    m = melding()
    pad = f"{URL}/{m['uuid']}/statussen"
    r1 = post("haarlem", pad, {"status": "in-behandeling"}, "s-1")
    r2 = post("haarlem", pad, {"status": "in-behandeling"}, "s-1")
    assert (r1.status_code, r2.status_code) == (201, 201) and r1.json() == r2.json()
    # Without the key the repeat is a transition that is not allowed.
    assert post("haarlem", pad, {"status": "in-behandeling"}).status_code == 409
    _409(post("haarlem", pad, {"status": "afgesloten", "reden": "opgelost"}, "s-1"))
    assert StatusWijziging.objects.filter(status="in-behandeling").count() == 1


def test_doorsturen_zelfde_key_eerste_antwoord(wereld):
    m = melding()
    pad = f"{URL}/{m['uuid']}/doorsturen"
    body = {"gemeente": "GM0363", "toelichting": "Verhuisd"}
    r1 = post("haarlem", pad, body, "d-1")
    # After forwarding Haarlem no longer sees the melding: without the key, 404.
    assert post("haarlem", pad, body).status_code == 404
    r2 = post("haarlem", pad, body, "d-1")
    assert (r1.status_code, r2.status_code) == (200, 200) and r1.json() == r2.json()
    assert r2.json()["ontvanger"]["code"] == "GM0363"
    _409(post("haarlem", pad, {**body, "toelichting": "anders"}, "d-1"))
    assert Doorzending.objects.count() == 1


# --- overlapping requests (PostgreSQL) ---------------------------------------------------

# (token, path (may create the melding first), body, status, rows the write adds)
GELIJKTIJDIG = {
    "melding": ("school_a", lambda: URL, melding_data(), 201, lambda: Melding.objects.count()),
    "status": (
        "haarlem",
        lambda: f"{URL}/{melding()['uuid']}/statussen",
        {"status": "in-behandeling"},
        201,
        lambda: StatusWijziging.objects.filter(status="in-behandeling").count(),
    ),
    "doorsturen": (
        "haarlem",
        lambda: f"{URL}/{melding()['uuid']}/doorsturen",
        {"gemeente": "GM0363", "toelichting": "Verhuisd"},
        200,
        lambda: Doorzending.objects.count(),
    ),
}


@alleen_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("endpoint", GELIJKTIJDIG)
def test_gelijktijdig_zelfde_key_krijgt_het_eerste_antwoord(wereld, monkeypatch, endpoint):
    """A client retry after a timeout while the first request still runs: the second waits
    for the first (PostgreSQL shows it waiting for a lock) and gets its answer — not a 409
    —, the write happens once and the replay is audited."""
    naam, pad, body, status, rijen = GELIJKTIJDIG[endpoint]
    url = pad()
    voor = rijen()
    eerste, tweede = gelijktijdig(monkeypatch, lambda: post(naam, url, body, "g"))
    assert (eerste.status_code, tweede.status_code) == (status, status), tweede.content
    assert eerste.json() == tweede.json()
    assert rijen() == voor + 1 and IdempotencyRecord.objects.filter(sleutel="g").count() == 1
    assert AuditRecord.objects.filter(details__idempotencyKey=True).count() == 1
