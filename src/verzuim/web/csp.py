"""django-csp's middleware with the Content-Security-Policy header built once.

django-csp rebuilds the header from the settings for every response (twice: enforced and
report-only), about 0.1 ms each, on the intake API's hot path too. Our policy is fixed, so
the header is built once per settings value; a response that django-csp's decorators adjust,
a page that used a nonce, a report-only policy or excluded URL prefixes go through django-csp
unchanged."""

from __future__ import annotations

from functools import lru_cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCspMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# Attributes django-csp's view decorators (csp_exempt, csp_update, ...) put on a response.
PER_RESPONSE = tuple(
    f"_csp_{soort}{ro}" for soort in ("config", "update", "replace", "exempt") for ro in ("", "_ro")
)


@lru_cache(maxsize=1)
def vaste_policy() -> str:
    return build_policy()


@receiver(setting_changed)
def _vergeet_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        vaste_policy.cache_clear()


def _algemeen(request, response) -> bool:
    """True when django-csp would send exactly the configured policy and nothing else."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return not (
        getattr(request, "_csp_nonce", None) is not None
        or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        or policy.get("EXCLUDE_URL_PREFIXES")
        or any(hasattr(response, a) for a in PER_RESPONSE)
    )


class CSPMiddleware(DjangoCspMiddleware):
    def process_response(self, request, response):
        if not _algemeen(request, response):
            return super().process_response(request, response)
        # As django-csp: Django's debug pages (inline CSS and JS) keep working under DEBUG.
        if not (settings.DEBUG and response.status_code in (404, 500)):
            policy = vaste_policy()
            if policy and HEADER not in response:
                response[HEADER] = policy
        # As django-csp: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
