import time

import pytest
from django_otp.oath import TOTP

from verzuim.accounts.tests.factories import GebruikerFactory


def totp_code(device) -> str:
    """A real TOTP code for this device at the current time, as an authenticator app shows it."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def gebruiker(db):
    return GebruikerFactory()


@pytest.fixture
def met_2fa(settings):
    settings.VERZUIM_2FA_REQUIRED = True
