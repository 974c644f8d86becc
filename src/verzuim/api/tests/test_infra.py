"""API-wide rules of api-contract.md: public schema, API-Version, trailing slash 404,
401 vs 403, problem+json."""

import pytest

from verzuim.accounts.models import ApiApplicatie, ApiToken, hash_token
from verzuim.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db


@pytest.fixture
def token_zonder_scopes():
    org = Organisatie.objects.create(code="99ZZ", soort="school", naam="Fictieve school")
    app = ApiApplicatie.objects.create(naam="LAS", organisatie=org, scopes=[])
    ApiToken.objects.create(
        applicatie=app, token_hash=hash_token("geheim-token"), prefix="geheim-t"
    )
    return "geheim-token"


def test_schema_is_public_and_versioned(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["API-Version"].startswith("1.")
    assert response.json()["openapi"].startswith("3.")


def test_schema_yaml_is_public(client):
    response = client.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert b"openapi:" in response.content


def test_trailing_slash_answers_404_problem_without_redirect(client):
    response = client.get("/api/v1/openapi.json/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
    assert response["API-Version"]


def test_unknown_path_is_problem_json(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_unauthenticated_is_401_with_challenge(client, token_zonder_scopes):
    # Any protected endpoint will do; find one registered by the domain apps.
    paths = [p for p in ("/api/v1/meldingen", "/api/v1/inschrijvingen") if _resolves(p)]
    if not paths:
        pytest.fail("no protected API endpoint registered")
    response = client.post(paths[0], data={}, content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    response = client.post(
        paths[0], data={}, content_type="application/json", HTTP_AUTHORIZATION="Bearer onbekend"
    )
    assert response.status_code == 401
    response = client.post(
        paths[0],
        data={},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token_zonder_scopes}",
    )
    assert response.status_code == 403
    assert "scope" in response.json()["detail"]


def _resolves(path: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def test_token_is_stored_hashed(token_zonder_scopes):
    stored = ApiToken.objects.get()
    assert stored.token_hash != token_zonder_scopes
    assert stored.token_hash == hash_token(token_zonder_scopes)
