"""OpenAPI helpers shared by every app's API: the public schema view, the API-Version header
hook, named enum fields and the one problem+json component."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from verzuim.api.problems import PROBLEM_CONTENT_TYPE


class PublicSchemaMixin:
    authentication_classes: list = []
    permission_classes = [AllowAny]


def api_version_header(result, generator, request, public):
    """drf-spectacular hook: every 2xx/3xx response documents the `API-Version` header that
    ApiMiddleware sets (ADR /core/version-header)."""
    header = {
        "description": "De volledige versie van de API (semver).",
        "schema": {"type": "string", "example": settings.API_VERSION},
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            for code, response in operation.get("responses", {}).items():
                if str(code)[0] in "23":
                    response.setdefault("headers", {})["API-Version"] = header
    return result


def database_unavailable_response(result, generator, request, public):
    """drf-spectacular hook: every operation may answer 503 problem+json with Retry-After
    while the database is unreachable (api/unavailable.py)."""
    antwoord = {
        "description": "De database van het register is tijdelijk onbereikbaar; er is niets "
        "half opgeslagen. Probeer het na Retry-After seconden opnieuw, bij een schrijfactie "
        "met dezelfde Idempotency-Key.",
        "headers": {
            "Retry-After": {
                "description": "Aantal seconden om te wachten.",
                "schema": {"type": "integer", "example": 5},
            }
        },
        "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("503", antwoord)
    return result


# --- shared schema components (one definition for the whole API) --------------------------

# Idempotency-Key (api-contract.md "General"): a replay answers with the FIRST status and body.
NIEUW_OOK_HERHAALD = (
    " Ook het antwoord op een herhaling met dezelfde Idempotency-Key en body als het eerste "
    "antwoord 201 was."
)
BESTAAND = (
    "Bestond al met precies deze gegevens; ook het antwoord op een herhaling met dezelfde "
    "Idempotency-Key en body als het eerste antwoord 200 was."
)

_KEUZEVELDEN: dict[str, type] = {}


def keuze(choices: list[str], component: str, **kwargs) -> serializers.ChoiceField:
    """A ChoiceField whose enum is its own named component (generic names like `StatusEnum`
    would collide between apps and get hashed suffixes); one field class per component, so
    the schema has one definition."""
    if component not in _KEUZEVELDEN:
        annotate = extend_schema_field(
            {"type": "string", "enum": list(choices)}, component_name=component
        )
        _KEUZEVELDEN[component] = annotate(type(component, (serializers.ChoiceField,), {}))
    return _KEUZEVELDEN[component](choices=choices, **kwargs)


def codelijst(codes: list[str], **kwargs) -> serializers.CharField:
    """A string field of a request whose codes the schema lists (an inline enum) but which
    the service checks, so a wrong code is answered with the service's own reason and rule
    id (an afsluitreden only a BOA may choose, a MAS phase that skips one) rather than DRF's
    generic "not a valid choice"."""
    annotate = extend_schema_field({"type": "string", "enum": list(codes)})
    return annotate(type("CodelijstVeld", (serializers.CharField,), {}))(**kwargs)


class InvalidParameterSerializer(serializers.Serializer):
    name = serializers.CharField(
        help_text="Veld als pad met punten, bv. leerling.burgerservicenummer."
    )
    code = serializers.CharField()
    reason = serializers.CharField()


class ToegestaneOvergangSerializer(serializers.Serializer):
    status = serializers.CharField()
    redenen = serializers.ListField(child=serializers.CharField())


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details (application/problem+json), as `problems.problem` writes
    them: `invalidParams` for 400, `toegestaneOvergangen` for a refused status change (409)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)
    invalidParams = InvalidParameterSerializer(many=True, required=False)  # noqa: N815
    toegestaneOvergangen = ToegestaneOvergangSerializer(many=True, required=False)  # noqa: N815


def problemen(uitleg: dict[int, str], *codes: int) -> dict:
    """`responses` entries for the problem answers `codes`, described by `uitleg[code]`."""
    return {
        (c, PROBLEM_CONTENT_TYPE): OpenApiResponse(
            response=ProblemSerializer, description=uitleg[c]
        )
        for c in codes
    }
