"""API-wide HTTP rules of the Dutch API Design Rules (api-contract.md): `API-Version` on
every response, and a trailing slash answers 404 (no redirect) as problem+json."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpResponse

from verzuim.api.problems import PROBLEM_CONTENT_TYPE, problem_body

API_PREFIX = "/api/"


def problem_response(status: int, detail: str, instance: str, *, type_: str = "") -> HttpResponse:
    """A problem+json answer outside DRF (before the view, or replacing Django's HTML)."""
    body = problem_body(status, detail, type_=type_, instance=instance)
    return HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_CONTENT_TYPE)


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if not path.startswith(API_PREFIX):
            return self.get_response(request)
        if path.endswith("/") and len(path) > len(API_PREFIX):
            response = problem_response(404, "Paden eindigen niet op een slash.", path)
        else:
            response = self.get_response(request)
            if response.status_code == 404 and "json" not in response.get("Content-Type", ""):
                response = problem_response(404, "De gevraagde resource bestaat niet.", path)
            elif response.status_code >= 500 and "json" not in response.get("Content-Type", ""):
                response = problem_response(
                    response.status_code, "Er ging iets mis in het register.", path
                )
        response["API-Version"] = settings.API_VERSION
        return response
