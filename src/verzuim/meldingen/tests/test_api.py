"""API contract of /api/v1/meldingen (api-contract.md "Meldingen")."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from verzuim.audit.models import AuditRecord
from verzuim.meldingen.models import Melding

from .conftest import HAARLEM, ONDERWIJSNUMMER, melding_data, token_waarde

URL = "/api/v1/meldingen"


def client(naam: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c


@pytest.fixture
def gemeld(wereld):
    r = client("school_a").post(URL, melding_data(), format="json")
    assert r.status_code == 201, r.content
    return r.json()


def test_aanmaken_201_met_contractvelden(wereld):
    r = client("school_a").post(URL, melding_data(), format="json")
    assert r.status_code == 201
    assert r["API-Version"].startswith("1.")
    body = r.json()
    assert body["status"] == "geregistreerd"
    assert body["meldingsnummer"].startswith("VM-2026-")
    assert (body["ontvanger"]["soort"], body["ontvanger"]["code"]) == ("gemeente", "GM0392")
    assert body["vervolgOp"] is None and body["woonplaatsOnbekend"] is False
    assert body["url"].endswith(f"/api/v1/meldingen/{body['uuid']}")
    assert r["Location"] == body["url"]
    assert body["leerling"] == {"burgerservicenummer": HAARLEM}
    assert [s["status"] for s in body["statussen"]] == ["geregistreerd"]
    # The school's view holds nothing of the casework (R-ME-7).
    for k in (
        "routering",
        "behandelaar",
        "doelgroep",
        "doorzendingen",
        "verantwoordelijkeGemeente",
    ):
        assert k not in body
    assert set(body["statussen"][0]) == {"status", "tijdstip", "reden"}


def test_exact_duplicaat_200(wereld, gemeld):
    r = client("school_a").post(URL, melding_data(), format="json")
    assert r.status_code == 200 and r.json()["uuid"] == gemeld["uuid"]


def test_idempotency_key_zelfde_body_en_andere_body(wereld):
    c = client("school_a")
    r1 = c.post(URL, melding_data(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    r2 = c.post(URL, melding_data(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert (r1.status_code, r2.status_code) == (201, 201)
    assert r1.json()["uuid"] == r2.json()["uuid"]
    r3 = c.post(URL, melding_data(teLaatKeren=9), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert r3.status_code == 409 and r3["Content-Type"] == "application/problem+json"
    assert Melding.objects.count() == 1


def test_400_alle_fouten_als_problem(wereld):
    r = client("school_a").post(
        URL,
        melding_data(leerling={"burgerservicenummer": "111111111"}, einddatum="2030-01-01"),
        format="json",
    )
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in r.json()["invalidParams"]}
    assert names == {"leerling.burgerservicenummer", "einddatum"}


def test_ongeldige_json_400(wereld):
    r = client("school_a").post(URL, "{niet json", content_type="application/json")
    assert r.status_code == 400


def test_401_en_403(wereld):
    assert APIClient().post(URL, melding_data(), format="json").status_code == 401
    assert client("haarlem").post(URL, melding_data(), format="json").status_code == 403


def test_lijst_gescoped_en_gefilterd(wereld, gemeld):
    assert client("school_a").get(URL).json()["count"] == 1
    assert client("school_b").get(URL).json()["count"] == 0
    assert client("haarlem").get(URL).json()["count"] == 1
    assert client("amsterdam").get(URL).json()["count"] == 0
    assert client("haarlem").get(URL, {"status": "afgesloten"}).json()["count"] == 0
    assert (
        client("haarlem")
        .get(
            URL,
            {
                "verzuimsoort": "16-uur",
                "vestiging": "99XA00",
                "ontvangenVanaf": "2026-10-01",
                "ontvangenTot": "2026-10-01",
            },
        )
        .json()["count"]
        == 1
    )
    assert client("haarlem").get(URL, {"ontvangenVanaf": "2026-10-02"}).json()["count"] == 0
    r = client("haarlem").get(URL, {"status": "onzin"})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "status"
    item = client("haarlem").get(URL).json()["results"][0]
    assert item["routering"][0]["regel"] == "R-RT-1"
    assert AuditRecord.objects.filter(actie="melding.lijst", persoon=HAARLEM).exists()


def test_andere_organisatie_krijgt_404(wereld, gemeld):
    pad = f"{URL}/{gemeld['uuid']}"
    assert client("school_b").get(pad).status_code == 404
    assert client("amsterdam").get(pad).status_code == 404
    assert client("amsterdam").get(f"{pad}/statussen").status_code == 404
    r = client("amsterdam").post(f"{pad}/statussen", {"status": "in-behandeling"}, format="json")
    assert r.status_code == 404
    assert (
        client("school_b")
        .post(f"{pad}/statussen", {"status": "ingetrokken", "reden": "F"}, format="json")
        .status_code
        == 404
    )
    assert (
        client("amsterdam")
        .post(f"{pad}/doorsturen", {"gemeente": "GM0363"}, format="json")
        .status_code
        == 404
    )
    assert client("haarlem").get(f"{URL}/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client("haarlem").get(f"{pad}/").status_code == 404  # trailing slash


def test_ontvanger_ziet_casus_en_leest_geaudit(wereld, gemeld):
    r = client("haarlem").get(f"{URL}/{gemeld['uuid']}")
    assert r.status_code == 200
    assert r.json()["doelgroep"] == "leerplichtig"
    assert AuditRecord.objects.filter(
        actie="melding.lezen", persoon=HAARLEM, organisatie="GM0392"
    ).exists()


def test_statussen_en_409(wereld, gemeld):
    pad = f"{URL}/{gemeld['uuid']}/statussen"
    r = client("haarlem").post(
        pad,
        {"status": "in-behandeling", "reden": None, "toelichting": "gesprek gepland"},
        format="json",
    )
    assert r.status_code == 201 and r.json()["status"] == "in-behandeling"
    r = client("haarlem").post(pad, {"status": "geregistreerd"}, format="json")
    assert r.status_code == 409
    assert {o["status"] for o in r.json()["toegestaneOvergangen"]} == {
        "afgesloten",
        "ter-kennisgeving-aangenomen",
    }
    # The school sees status and date, not the toelichting.
    hist = client("school_a").get(pad).json()
    assert [h["status"] for h in hist] == ["geregistreerd", "in-behandeling"]
    assert all("toelichting" not in h for h in hist)
    full = client("haarlem").get(pad).json()
    assert full[1]["toelichting"] == "gesprek gepland"
    # The school withdraws with a reason.
    r = client("school_a").post(pad, {"status": "ingetrokken", "reden": "G"}, format="json")
    assert r.status_code == 201 and r.json()["reden"] == "G"


def test_school_mag_niet_doorsturen_ontvanger_wel(wereld, gemeld):
    pad = f"{URL}/{gemeld['uuid']}/doorsturen"
    # School A's token lacks meldingen.behandelen.
    assert client("school_a").post(pad, {"gemeente": "GM0599"}, format="json").status_code == 403
    r = client("haarlem").post(
        pad, {"gemeente": "GM0599", "toelichting": "verhuisd"}, format="json"
    )
    assert r.status_code == 200
    # R-RT-5, R-ME-7: Haarlem no longer handles it; it learns nothing of Rotterdam's casework.
    assert r.json() == {
        "meldingsnummer": gemeld["meldingsnummer"],
        "uuid": gemeld["uuid"],
        "status": "geregistreerd",
        "ontvanger": {"soort": "gemeente", "code": "GM0599", "naam": "Gemeente Rotterdam"},
    }
    assert client("rotterdam").get(f"{URL}/{gemeld['uuid']}").status_code == 200
    assert client("haarlem").get(f"{URL}/{gemeld['uuid']}").status_code == 404


def test_zoeken_met_bsn_in_body(wereld, gemeld):
    r = client("school_a").post(f"{URL}/_zoek", {"burgerservicenummer": HAARLEM}, format="json")
    assert r.status_code == 200 and [m["uuid"] for m in r.json()] == [gemeld["uuid"]]
    assert (
        client("school_b")
        .post(f"{URL}/_zoek", {"burgerservicenummer": HAARLEM}, format="json")
        .json()
        == []
    )
    r = client("school_a").post(
        f"{URL}/_zoek", {"onderwijsnummer": ONDERWIJSNUMMER[:-1] + "9"}, format="json"
    )
    assert r.status_code == 400
    assert client("school_a").post(f"{URL}/_zoek", {}, format="json").status_code == 400


def test_schema_documenteert_herhaling_met_de_eerste_status(wereld):
    """A replayed Idempotency-Key answers with the first status: 201 after a 201 (test
    above); the schema says so for 201 and 200 (api-contract.md "General")."""
    schema = APIClient().get("/api/v1/openapi.json").json()
    antwoorden = schema["paths"]["/meldingen"]["post"]["responses"]
    assert "Idempotency-Key" in antwoorden["201"]["description"]
    assert "201" in antwoorden["201"]["description"]
    assert "Idempotency-Key" in antwoorden["200"]["description"]
    assert "Probleem" not in schema["components"]["schemas"]
    assert "toegestaneOvergangen" in schema["components"]["schemas"]["Problem"]["properties"]


def test_zoeken_en_lezen_vragen_niet_per_melding_extra_queries(wereld):
    """The receiver's _zoek and GET /meldingen/{uuid} answer with status history and
    forwarding chain: prefetched, so the number of queries does not grow with the meldingen."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def zoek_queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as q:
            r = client("haarlem").post(
                f"{URL}/_zoek", {"burgerservicenummer": HAARLEM}, format="json"
            )
        assert r.status_code == 200
        return len(r.json()), len(q.captured_queries)

    perioden = [("2026-06-01", "2026-06-12"), ("2026-05-04", "2026-05-15"), (None, None)]
    zoek_queries()  # warm the per-process caches (token, reference data)
    aantallen = []
    for begin, einde in perioden:
        data = melding_data(
            verzuimdagen=[], **({"begindatum": begin, "einddatum": einde} if begin else {})
        )
        assert client("school_a").post(URL, data, format="json").status_code == 201
        aantallen.append(zoek_queries())
    assert [n for n, _ in aantallen] == [1, 2, 3]
    assert len({q for _, q in aantallen}) == 1, aantallen

    uuid = Melding.objects.first().uuid
    with CaptureQueriesContext(connection) as een:
        assert client("haarlem").get(f"{URL}/{uuid}").status_code == 200
    assert len(een.captured_queries) <= aantallen[0][1] + 1
