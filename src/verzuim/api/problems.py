"""RFC 9457 problem+json for every API error, with `invalidParams` for 400 (api-contract.md).

Knows no domain: a service's error reaches the API as a `verzuim.fouten.DomeinFout`, which
says its own status, type, detail, invalidParams and extra members; a view raises
`ProblemError` for a problem of its own.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from verzuim.fouten import DomeinFout

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldige invoer",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    409: "Conflict",
    415: "Mediatype niet ondersteund",
    422: "Niet verwerkbaar",
    429: "Te veel verzoeken",
    500: "Interne fout",
    503: "Tijdelijk niet beschikbaar",
}


class ProblemError(DomeinFout):
    """A problem an API view raises itself (e.g. 422 when no status can be derived)."""

    def __init__(
        self,
        status_code: int,
        detail: str,
        *,
        code: str = "",
        extra: dict | None = None,
        invalid_params: list[dict] | None = None,
    ):
        super().__init__(detail)
        self.status, self.code = status_code, code
        self._extra, self._invalid_params = extra or {}, invalid_params

    @property
    def invalid_params(self) -> list[dict] | None:
        return self._invalid_params

    @property
    def extra(self) -> dict:
        return self._extra


def problem_body(status_code: int, detail: str, *, type_: str = "", instance: str = "") -> dict:
    """The problem+json body (RFC 9457) every API error answers with."""
    body = {
        "type": type_ or f"https://verzuimregister.nl/problemen/{status_code}",
        "title": TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    return body


def problem(
    status_code: int,
    detail: str,
    *,
    type_: str = "",
    invalid_params=None,
    extra: dict | None = None,
    instance: str = "",
) -> Response:
    body = problem_body(status_code, detail, type_=type_, instance=instance)
    if invalid_params is not None:
        body["invalidParams"] = invalid_params
    if extra:
        body.update(extra)
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def flatten_errors(detail, prefix: str = "") -> list[dict]:
    """DRF's nested error dict → [{"name": "leerling.burgerservicenummer", "code", "reason"}]."""
    out: list[dict] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = (
                prefix
                if key in ("non_field_errors",)
                else (f"{prefix}.{key}" if prefix else str(key))
            )
            out.extend(flatten_errors(value, name))
    elif isinstance(detail, list):
        if all(isinstance(d, str) for d in detail):
            for d in detail:
                out.append(
                    {
                        "name": prefix or "body",
                        "code": getattr(d, "code", "invalid") or "invalid",
                        "reason": str(d),
                    }
                )
        else:
            for i, d in enumerate(detail):
                out.extend(flatten_errors(d, f"{prefix}.{i}" if prefix else str(i)))
    else:
        out.append(
            {
                "name": prefix or "body",
                "code": getattr(detail, "code", "invalid") or "invalid",
                "reason": str(detail),
            }
        )
    return out


def exception_handler(exc, context):
    request = context.get("request")
    instance = request.path if request is not None else ""
    if isinstance(exc, Http404):
        return problem(404, "De gevraagde resource bestaat niet.", instance=instance)
    if isinstance(exc, DjangoPermissionDenied):
        return problem(403, str(exc) or "Geen toegang.", instance=instance)
    if isinstance(exc, DomeinFout):
        return problem(
            exc.status,
            exc.detail,
            invalid_params=exc.invalid_params,
            extra=exc.extra,
            instance=instance,
            type_=f"https://verzuimregister.nl/problemen/{exc.code}" if exc.code else "",
        )
    if isinstance(exc, exceptions.ValidationError):
        return problem(
            400,
            "Een of meer velden zijn ongeldig.",
            invalid_params=flatten_errors(exc.detail),
            instance=instance,
        )
    if isinstance(exc, exceptions.ParseError):
        return problem(
            400,
            f"De body is geen geldige JSON: {exc.detail}",
            invalid_params=[{"name": "body", "code": "parse", "reason": str(exc.detail)}],
            instance=instance,
        )
    if isinstance(exc, exceptions.APIException):
        response = problem(exc.status_code, str(exc.detail), instance=instance)
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            response.status_code = status.HTTP_401_UNAUTHORIZED
            response.data["status"] = 401
            response.data["title"] = TITLES[401]
            response["WWW-Authenticate"] = 'Bearer realm="verzuimregister"'
        if getattr(exc, "wait", None):
            response["Retry-After"] = str(int(exc.wait))
        return response
    return None
