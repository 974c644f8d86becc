"""Bearer tokens of API applications (api-contract.md): hashed at rest, scoped per endpoint.

A valid token is remembered per process for TOKEN_CACHE_SECONDS (token hash -> application,
organisation, scopes), so the hot path of the API does no token query. Any save or delete of
a token, application or organisation (revoking a token or deactivating an application in
the admin both save) empties the cache of the process that made the change at once; other
processes (gunicorn workers) notice within TOKEN_CACHE_SECONDS. Revocation must therefore go
through save(), not QuerySet.update(), which sends no signal.
"""

from __future__ import annotations

import threading
import time

from django.db.models.signals import post_delete, post_save
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission

from verzuim import clock
from verzuim.accounts.models import ApiApplicatie, ApiToken, hash_token
from verzuim.audit.context import Actor
from verzuim.organisaties.models import Organisatie

TOKEN_CACHE_SECONDS = 30.0
LAATST_GEBRUIKT_INTERVAL = 300  # seconds; laatst_gebruikt is a coarse "still in use" marker


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
        token_hash = hash_token(raw)
        hit = _cache.get(token_hash)
        if hit is not None and hit[0] > time.monotonic():
            return hit[1], hit[2]
        generatie = _generatie
        token = (
            ApiToken.objects.select_related("applicatie__organisatie")
            .filter(token_hash=token_hash, ingetrokken__isnull=True, applicatie__actief=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Ongeldig of ingetrokken token.")
        now = clock.now()
        gebruikt = token.laatst_gebruikt
        if gebruikt is None or (now - gebruikt).total_seconds() > LAATST_GEBRUIKT_INTERVAL:
            ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt=now)
        client = ApiClient(token)
        with _lock:
            if generatie == _generatie:  # not invalidated while we were reading
                _cache[token_hash] = (time.monotonic() + TOKEN_CACHE_SECONDS, client, token)
        return client, token

    def authenticate_header(self, request):
        return 'Bearer realm="verzuimregister"'


class HasScope(BasePermission):
    """A view declares `required_scopes = {"GET": "meldingen.lezen", "POST": ...}` or a
    string for all methods. No declaration means: no access (deny by default)."""

    message = "Het token heeft niet de benodigde scope."

    def has_permission(self, request, view):
        if not isinstance(request.user, ApiClient):
            raise exceptions.NotAuthenticated(
                "Authenticatie vereist: Authorization: Bearer <token>."
            )
        # DRF checks permissions before it looks for a handler; an unsupported method is a
        # 405 with Allow (set by APIView.finalize_response), not a missing scope.
        method = request.method.lower()
        if method not in view.http_method_names or not hasattr(view, method):
            raise exceptions.MethodNotAllowed(request.method)
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


_cache: dict[str, tuple[float, ApiClient, ApiToken]] = {}
_lock = threading.Lock()
_generatie = 0


def vergeet_tokens(**_kwargs) -> None:
    """Empty this process's token cache (signal receiver; also for tests)."""
    global _generatie
    with _lock:
        _generatie += 1
        _cache.clear()


for _model in (ApiToken, ApiApplicatie, Organisatie):
    post_save.connect(vergeet_tokens, sender=_model, dispatch_uid=f"api-token-cache-{_model}")
    post_delete.connect(vergeet_tokens, sender=_model, dispatch_uid=f"api-token-cache-d-{_model}")


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer"}


def api_actor(request) -> Actor:
    return request.user.actor(request)
