"""/api/v1 routes. Each domain app contributes its own `api_urls`; schema endpoints are public."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView

from verzuim.api.schema import PublicSchemaMixin

app_name = "api"


class SchemaJson(PublicSchemaMixin, SpectacularJSONAPIView):
    pass


class SchemaYaml(PublicSchemaMixin, SpectacularYAMLAPIView):
    pass


urlpatterns = [
    path("openapi.json", SchemaJson.as_view(), name="schema-json"),
    path("openapi.yaml", SchemaYaml.as_view(), name="schema-yaml"),
    path("", include("verzuim.api.domain_urls")),
]
