"""TOTP two-factor authentication (django-otp), enforced on every page when
settings.VERZUIM_2FA_REQUIRED (always, except when demo mode switches it off)."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

# Reachable while signed in but not yet verified: the 2FA pages themselves and logging out.
# The API authenticates with bearer tokens, not sessions; static files need no user.
VRIJE_PADEN = ("/api/", "/static/")
VRIJE_ROUTES = ("accounts:login", "accounts:logout", "accounts:2fa", "accounts:2fa-instellen")


def vereist() -> bool:
    return bool(getattr(settings, "VERZUIM_2FA_REQUIRED", True))


def is_geverifieerd(user) -> bool:
    """True when the user passed 2FA in this session, or 2FA is switched off (demo mode)."""
    if not user.is_authenticated:
        return False
    return not vereist() or (hasattr(user, "is_verified") and user.is_verified())


def bevestigd_apparaat(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def nieuw_apparaat(user) -> TOTPDevice:
    """The user's unconfirmed device being set up, or a fresh one."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)


def qr_svg(data: str) -> str:
    """A QR code as inline SVG, rendered here: no external service, no CDN."""
    img = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buf = BytesIO()
    img.save(buf)
    svg = buf.getvalue().decode()
    return svg[svg.index("<svg") :]


def stap_url(user, next_url: str = "") -> str:
    """Where an authenticated but unverified user must go: enter a code, or set 2FA up."""
    name = "accounts:2fa" if bevestigd_apparaat(user) else "accounts:2fa-instellen"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class TweeFactorMiddleware:
    """Authenticated but not verified → redirect to the 2FA step, for every page (admin too).
    Place after django_otp.middleware.OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._vrij: set[str] | None = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not is_geverifieerd(user)
            and not self._is_vrij(request.path)
        ):
            return redirect(stap_url(user, request.get_full_path()))
        return self.get_response(request)

    def _is_vrij(self, path: str) -> bool:
        if self._vrij is None:
            self._vrij = {reverse(r) for r in VRIJE_ROUTES}
        return path in self._vrij or path.startswith(VRIJE_PADEN)
