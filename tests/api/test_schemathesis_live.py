"""Schemathesis against the running application over real HTTP (issue 3 item 6, "Bad input
and safety"): every operation of the committed OpenAPI schema, with a school token and a
gemeente token holding every scope, never answers 5xx and every answer matches the schema.
The in-process run in meldingen/tests/test_schemathesis.py goes deeper on /meldingen; this
one covers the whole API through a real socket, as a client would see it."""

from __future__ import annotations

import copy

import pytest
import schemathesis
import yaml
from django.conf import settings as django_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from verzuim.accounts.models import Scope
from verzuim.meldingen.tests.conftest import SCENARIO, zorg_voor_referentie
from verzuim.personen.scenario import laad_scenario

SCHEMA_BESTAND = django_settings.BASE_DIR.parent.parent / "docs" / "openapi.yaml"
TOKENS = {
    "school": ("99XA", "live-school-token-0000000000000000"),
    "gemeente": ("GM0392", "live-gemeente-token-000000000000000"),
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
HYPOTHESIS = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)

schema = schemathesis.openapi.from_dict(yaml.safe_load(SCHEMA_BESTAND.read_text()))


@pytest.fixture
def draaiende_app(live_server, settings):
    settings.DEMO = True
    zorg_voor_referentie()
    scenario = copy.deepcopy(SCENARIO)
    scenario["tokens"] = [
        {"organisatie": org, "scopes": list(Scope.values), "token": token, "naam": f"live-{naam}"}
        for naam, (org, token) in TOKENS.items()
    ]
    laad_scenario(scenario, demo=True)
    return live_server.url + "/api/v1"


@pytest.mark.parametrize("wie", sorted(TOKENS))
@schema.parametrize()
@HYPOTHESIS
def test_api_over_http(case, wie, draaiende_app):
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKENS[wie][1]}"}
    response = case.call_and_validate(base_url=draaiende_app, checks=CHECKS)
    # The tokens are valid and hold every scope: authentication is never the answer (a 403
    # for the wrong kind of organisation, e.g. a gemeente posting a diploma, is).
    assert response.status_code != 401, response.text
