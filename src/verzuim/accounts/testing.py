"""Test helpers for other apps' page tests.

    from verzuim.accounts.testing import inloggen
    inloggen(client, user)   # signed in and past 2FA, as after a real TOTP code

Tests run with VERZUIM_2FA_REQUIRED on (pytest-django reads the settings before the root
conftest sets VERZUIM_DEMO), so a bare `client.force_login(user)` is redirected to the 2FA step.
"""

from __future__ import annotations

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def inloggen(client, user):
    """force_login plus a verified TOTP device in the session."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return user
