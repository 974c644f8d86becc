"""POST /api/v1/keuzehulp and the validation of both rules endpoints (issue 4,
api-contract.md): problem+json 400 naming every bad field, 401/403, responses conforming to
the generated OpenAPI document."""

import datetime as dt

import pytest

from verzuim import clock
from verzuim.accounts.models import ApiApplicatie, ApiToken, hash_token
from verzuim.api.tests.openapi_check import assert_conforms
from verzuim.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db


def maak_token(org: Organisatie, scopes: list[str], token: str) -> str:
    app = ApiApplicatie.objects.create(naam=f"app {token}", organisatie=org, scopes=scopes)
    ApiToken.objects.create(applicatie=app, token_hash=hash_token(token), prefix=token[:8])
    return token


@pytest.fixture
def school():
    return Organisatie.objects.create(code="99ZZ", soort="school", naam="Fictieve school")


@pytest.fixture
def las(school):
    return maak_token(school, ["meldingen.aanmaken"], "las-token-keuzehulp")


def post(client, path, body, token):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(path, body, content_type="application/json", headers=headers)


def keuzehulp(client, token, **answers):
    body = {"geboortedatum": "2012-01-01", "eersteVerzuimdag": "2026-09-07", **answers}
    response = post(client, "/api/v1/keuzehulp", body, token)
    assert_conforms(response)
    return response


@pytest.mark.parametrize(
    ("answers", "uitkomst", "soort", "verplicht"),
    [
        ({"ziekte": True}, "vastleggen", None, False),
        ({"ziekte": True, "vermoedenMisbruikZiekmelding": True}, "melden", "overig", False),
        ({"vakantieZonderVerlof": True}, "melden", "luxe", True),
        ({"aaneengeslotenAfwezigDagen": 28}, "melden", "langdurig", True),
        (
            {"aaneengeslotenAfwezigDagen": 27, "verzuimdeUrenIn4Lesweken": 16},
            "melden",
            "16-uur",
            True,
        ),
        ({"verzuimdeUrenIn4Lesweken": 15.5}, "melden", "overig", False),
        ({"startkwalificatie": True, "vakantieZonderVerlof": True}, "niet-melden", None, False),
        # 18 on the first day of absence (born 2008-09-07): the 18-plus branch (R-VZ-4 step 3)
        (
            {"geboortedatum": "2008-09-07", "aaneengeslotenAfwezigDagen": 28},
            "melden",
            "18-plus",
            True,
        ),
        (
            {"geboortedatum": "2008-09-07", "verzuimdeUrenIn4Lesweken": 20},
            "niet-melden",
            None,
            False,
        ),
        (
            {
                "geboortedatum": "2008-09-07",
                "verzuimdeUrenIn4Lesweken": 16,
                "afspraak18PlusMelden": True,
            },
            "melden",
            "18-plus",
            True,
        ),
        # the day before the 18th birthday: still the under-18 tree
        ({"geboortedatum": "2008-09-08", "verzuimdeUrenIn4Lesweken": 16}, "melden", "16-uur", True),
        # 23 or older: not registered (R-LP-6)
        (
            {"geboortedatum": "2003-09-07", "aaneengeslotenAfwezigDagen": 40},
            "niet-melden",
            None,
            False,
        ),
    ],
)
def test_keuzehulp_outcomes(client, las, answers, uitkomst, soort, verplicht):
    response = keuzehulp(client, las, **answers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["uitkomst"], body["verzuimsoort"], body["verplicht"]) == (
        uitkomst,
        soort,
        verplicht,
    )
    assert body["pad"] and all(isinstance(s, str) for s in body["pad"])
    assert body["redenen"] and all(set(r) == {"regel", "uitleg"} for r in body["redenen"])
    assert all(r["regel"].startswith("R-") for r in body["redenen"])


def test_keuzehulp_before_leerplicht_is_niet_melden(client, las):
    # Born 2021-08-15: 5 on 2026-08-15, leerplichtig from 2026-09-01 (R-LP-2).
    body = keuzehulp(
        client,
        las,
        geboortedatum="2021-08-15",
        eersteVerzuimdag="2026-08-31",
        vakantieZonderVerlof=True,
    ).json()
    assert (body["uitkomst"], body["verzuimsoort"]) == ("niet-melden", None)
    assert "R-LP-7" in [r["regel"] for r in body["redenen"]]
    body = keuzehulp(
        client,
        las,
        geboortedatum="2021-08-15",
        eersteVerzuimdag="2026-09-01",
        vakantieZonderVerlof=True,
    ).json()
    assert (body["uitkomst"], body["verzuimsoort"]) == ("melden", "luxe")


def test_keuzehulp_lists_every_invalid_field(client, las):
    response = post(
        client,
        "/api/v1/keuzehulp",
        {
            "geboortedatum": "2026-02-30",
            "eersteVerzuimdag": "07-09-2026",
            "ziekte": "misschien",
            "aaneengeslotenAfwezigDagen": -1,
            "verzuimdeUrenIn4Lesweken": "veel",
        },
        las,
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert_conforms(response)
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {
        "geboortedatum",
        "eersteVerzuimdag",
        "ziekte",
        "aaneengeslotenAfwezigDagen",
        "verzuimdeUrenIn4Lesweken",
    }


def test_keuzehulp_needs_exactly_one_of_geboortedatum_or_leerling(client, las):
    response = post(client, "/api/v1/keuzehulp", {"eersteVerzuimdag": "2026-09-07"}, las)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["geboortedatum"]
    response = post(
        client,
        "/api/v1/keuzehulp",
        {
            "eersteVerzuimdag": "2026-09-07",
            "geboortedatum": "2012-01-01",
            "leerling": {"burgerservicenummer": "999993653"},
        },
        las,
    )
    assert response.status_code == 400


def test_leerplichtstatus_validation_names_nested_fields(client, school):
    token = maak_token(school, ["leerplichtstatus.lezen"], "lp-token-validatie")
    response = post(
        client,
        "/api/v1/leerplichtstatus",
        {"leerling": {"burgerservicenummer": "123456789"}, "peildatum": "2026-02-30"},
        token,
    )
    assert response.status_code == 400
    assert_conforms(response)
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"leerling.burgerservicenummer", "peildatum"}
    response = post(client, "/api/v1/leerplichtstatus", {"leerling": {}}, token)
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"leerling", "peildatum"}
    response = post(
        client,
        "/api/v1/leerplichtstatus",
        {"leerling": {"onderwijsnummer": "1012345678"}, "peildatum": "2026-09-01"},
        token,
    )
    assert {p["name"] for p in response.json()["invalidParams"]} == {"leerling.onderwijsnummer"}


def test_scopes(client, school, las):
    body = {"geboortedatum": "2012-01-01", "eersteVerzuimdag": "2026-09-07"}
    assert post(client, "/api/v1/keuzehulp", body, None).status_code == 401
    zonder = maak_token(school, ["cijfers.lezen"], "cijfers-token")
    response = post(client, "/api/v1/keuzehulp", body, zonder)
    assert response.status_code == 403
    assert_conforms(response)
    lezer = maak_token(school, ["leerplichtstatus.lezen"], "lezer-token")
    assert post(client, "/api/v1/keuzehulp", body, lezer).status_code == 200
    # leerplichtstatus needs its own scope; meldingen.aanmaken is not enough
    response = post(
        client,
        "/api/v1/leerplichtstatus",
        {"leerling": {"burgerservicenummer": "999993653"}, "peildatum": "2026-09-01"},
        las,
    )
    assert response.status_code == 403


def test_schema_documents_both_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/leerplichtstatus", "/keuzehulp"):  # relative to servers[0].url /api/v1
        post_op = schema["paths"][path]["post"]
        assert set(post_op["responses"]) >= {"200", "400", "401", "403", "404"}
        assert "application/problem+json" in post_op["responses"]["400"]["content"]
    status = schema["components"]["schemas"]["LeerplichtstatusWaarde"]["enum"]
    assert set(status) == {
        "niet-leerplichtig",
        "leerplichtig",
        "kwalificatieplichtig",
        "18-plus",
        "vrijgesteld",
        "buiten-doelgroep",
    }


def test_conformance_check_is_not_vacuous(client, las):
    from django.http import HttpResponse
    from openapi_core.exceptions import OpenAPIError

    response = keuzehulp(client, las)
    fake = HttpResponse(
        b'{"uitkomst": "misschien", "verplicht": true}', content_type="application/json"
    )
    fake.wsgi_request = response.wsgi_request
    with pytest.raises(OpenAPIError):
        assert_conforms(fake)


@pytest.fixture
def op_7_september():
    clock.set_today(dt.date(2026, 9, 7))
    yield
    clock.set_today(None)


@pytest.mark.parametrize("veld", ["eersteVerzuimdag", "geboortedatum"])
def test_keuzehulp_refuses_a_date_after_today(client, las, op_7_september, veld):
    """The day itself is answered; the day after is refused naming the field (R-VZ-4)."""
    vandaag = keuzehulp(client, las, **{veld: "2026-09-07"})
    assert vandaag.status_code == 200
    response = post(
        client, "/api/v1/keuzehulp", {"geboortedatum": "2012-01-01",
        "eersteVerzuimdag": "2026-09-07", veld: "2026-09-08"}, las,
    )  # fmt: skip
    assert response.status_code == 400
    assert_conforms(response)
    [fout] = response.json()["invalidParams"]
    assert fout["name"] == veld and "toekomst" in fout["reason"]
