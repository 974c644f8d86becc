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


def test_unsupported_method_is_405_with_allow_and_401_without_token(client, token_zonder_scopes):
    """DRF checks permissions before dispatch: an unknown method must not look like a missing
    scope (403) but answer 405 with Allow; without a token it stays 401."""
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_zonder_scopes}"}
    response = client.delete("/api/v1/meldingen", **auth)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 405
    allow = {m.strip() for m in response["Allow"].split(",")}
    assert {"GET", "POST"} <= allow and "DELETE" not in allow
    response = client.put("/api/v1/meldingen", data={}, content_type="application/json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    # A supported method without the scope is still 403.
    assert client.get("/api/v1/meldingen", **auth).status_code == 403


def test_revoked_or_deactivated_token_is_refused_at_once(client, token_zonder_scopes):
    """The per-process token cache (api/auth.py) forgets a token as soon as it is revoked
    or its application deactivated, so the next request is 401, not up to 30 s later."""
    from django.utils import timezone

    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_zonder_scopes}"}
    assert client.get("/api/v1/meldingen", **auth).status_code == 403  # known, cached
    token = ApiToken.objects.get()
    token.ingetrokken = timezone.now()
    token.save()
    assert client.get("/api/v1/meldingen", **auth).status_code == 401
    token.ingetrokken = None
    token.save()
    assert client.get("/api/v1/meldingen", **auth).status_code == 403
    app = token.applicatie
    app.actief = False
    app.save()
    assert client.get("/api/v1/meldingen", **auth).status_code == 401


def test_scope_change_applies_at_once(client, token_zonder_scopes):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_zonder_scopes}"}
    assert client.get("/api/v1/meldingen", **auth).status_code == 403
    app = ApiApplicatie.objects.get()
    app.scopes = ["meldingen.lezen"]
    app.save()
    assert client.get("/api/v1/meldingen", **auth).status_code == 200
