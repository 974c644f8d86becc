"""Bearer tokens of API applications (api-contract.md): hashed at rest, scoped per endpoint."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission

from verzuim.accounts.models import ApiToken, hash_token
from verzuim.audit.context import Actor


class ApiClient:
    """request.user for API calls: the application, never a person."""

    is_authenticated = True
    is_anonymous = False

    def __init__(self, token: ApiToken):
        self.applicatie = token.applicatie
        self.organisatie = token.applicatie.organisatie
        self.scopes = frozenset(token.applicatie.scopes)

    def actor(self, request) -> Actor:
        return Actor(
            label=f"api:{self.applicatie.naam}",
            organisatie=self.organisatie,
            soort="api",
            scopes=self.scopes,
            request_id=getattr(request, "request_id", ""),
            herkomst=request.META.get("REMOTE_ADDR", ""),
        )


class BearerTokenAuthentication(BaseAuthentication):
    keyword = b"bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts:
            return None
        if parts[0].lower() != self.keyword or len(parts) != 2:
            raise exceptions.AuthenticationFailed("Gebruik 'Authorization: Bearer <token>'.")
        try:
            raw = parts[1].decode()
        except UnicodeDecodeError as e:
            raise exceptions.AuthenticationFailed("Ongeldig token.") from e
        token = (
            ApiToken.objects.select_related("applicatie__organisatie")
            .filter(token_hash=hash_token(raw), ingetrokken__isnull=True, applicatie__actief=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Ongeldig of ingetrokken token.")
        now = timezone.now()
        if token.laatst_gebruikt is None or (now - token.laatst_gebruikt).total_seconds() > 300:
            ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt=now)
        return ApiClient(token), token

    def authenticate_header(self, request):
        return 'Bearer realm="verzuimregister"'


class HasScope(BasePermission):
    """A view declares `required_scopes = {"GET": "meldingen.lezen", "POST": ...}` or a
    string for all methods. No declaration means: no access (deny by default)."""

    message = "Het token heeft niet de benodigde scope."

    def has_permission(self, request, view):
        if not isinstance(request.user, ApiClient):
            raise exceptions.NotAuthenticated("Authenticatie vereist: Authorization: Bearer <token>.")
        required = getattr(view, "required_scopes", None)
        if isinstance(required, dict):
            required = required.get(request.method)
        if not required:
            return False
        if isinstance(required, str):
            required = {required}
        if not request.user.scopes.intersection(required):
            self.message = f"Het token mist de scope {' of '.join(sorted(required))}."
            return False
        return True


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer"}


def api_actor(request) -> Actor:
    return request.user.actor(request)
