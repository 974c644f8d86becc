"""Validate a test-client response against the OpenAPI document the code generates
(drf-spectacular), with openapi-core: the schema is the contract (api-contract.md)."""

from __future__ import annotations

import json
from functools import cache

from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse


@cache
def _openapi() -> OpenAPI:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    from rest_framework.utils.encoders import JSONEncoder

    # Round-trip through JSON: the generator's dicts hold lazy strings and OrderedDicts.
    spec = json.loads(json.dumps(schema, cls=JSONEncoder))
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(spec, config=config)


def assert_conforms(response) -> None:
    """Raise if the request or the response does not match the generated schema."""
    openapi = _openapi()
    request = DjangoOpenAPIRequest(response.wsgi_request)
    openapi.validate_response(request, DjangoOpenAPIResponse(response))
