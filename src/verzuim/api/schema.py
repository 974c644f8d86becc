from django.conf import settings
from rest_framework.permissions import AllowAny


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
