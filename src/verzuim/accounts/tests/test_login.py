"""Login, lockout (django-axes) and TOTP 2FA (django-otp) — issue 2 item 5, R-PR-1."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from verzuim.accounts.tests.conftest import totp_code
from verzuim.accounts.tests.factories import WACHTWOORD, GebruikerFactory
from verzuim.audit.models import AuditRecord

pytestmark = pytest.mark.django_db
LOGIN = "/account/inloggen/"


def inloggen(client, user, wachtwoord=WACHTWOORD, **extra):
    return client.post(LOGIN, {"username": user.username, "password": wachtwoord, **extra})


def binnen(client) -> bool:
    """Signed in and past 2FA: the start page answers (a leerplichtambtenaar's start page is
    the worklist of dossiers, issue 9, reached through a redirect)."""
    r = client.get("/", follow=True)
    buiten = (LOGIN, reverse("accounts:2fa"), reverse("accounts:2fa-instellen"))
    return r.status_code == 200 and not r.request["PATH_INFO"].startswith(buiten)


def test_login_page_is_dutch_and_labelled(client):
    html = client.get(LOGIN).content.decode()
    assert '<html lang="nl"' in html
    assert "<h1" in html and html.count("<h1") == 1
    assert 'for="id_username">Gebruikersnaam' in html and 'for="id_password">Wachtwoord' in html


def test_login_without_2fa_in_demo_mode(client, gebruiker, settings):
    settings.VERZUIM_2FA_REQUIRED = False
    resp = inloggen(client, gebruiker)
    assert resp.status_code == 302 and resp.url == reverse("web:start")
    assert binnen(client)


def test_wrong_password_shows_dutch_error(client, gebruiker):
    resp = inloggen(client, gebruiker, "fout-wachtwoord")
    assert resp.status_code == 200
    assert "Onjuiste gebruikersnaam of wachtwoord." in resp.content.decode()


def test_lockout_after_configured_failures(client, gebruiker, settings):
    n = settings.AXES_FAILURE_LIMIT
    for _ in range(n - 1):
        assert inloggen(client, gebruiker, "fout-wachtwoord").status_code == 200
    resp = inloggen(client, gebruiker, "fout-wachtwoord")
    assert resp.status_code == 429
    html = resp.content.decode()
    assert "Account tijdelijk geblokkeerd" in html
    # the period in words (issue 13: it said "PT1H")
    assert "voor 1 uur na de laatste poging" in html and "PT1H" not in html
    # Even the right password is refused while locked.
    resp = inloggen(client, gebruiker)
    assert resp.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_not_per_office(client, gebruiker, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, gebruiker, "fout-wachtwoord")
    collega = GebruikerFactory()
    assert inloggen(client, collega).status_code == 302


def test_2fa_required_sends_new_user_to_setup(client, gebruiker, met_2fa):
    resp = inloggen(client, gebruiker)
    assert resp.status_code == 302
    resp = client.get("/")
    assert resp.status_code == 302 and resp.url.startswith(reverse("accounts:2fa-instellen"))
    # Every page, the admin too, is closed until 2FA is set up.
    assert client.get("/beheer/").status_code == 302


def test_2fa_setup_shows_qr_svg_and_secret_and_confirms_with_real_code(client, gebruiker, met_2fa):
    inloggen(client, gebruiker)
    resp = client.get(reverse("accounts:2fa-instellen"))
    html = resp.content.decode()
    assert "<svg" in html and "Geheime sleutel" in html
    assert "http" not in html.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org", ""
    )
    device = TOTPDevice.objects.get(user=gebruiker, confirmed=False)

    resp = client.post(reverse("accounts:2fa-instellen"), {"code": "000000"})
    assert "Deze code klopt niet" in resp.content.decode()
    # django-otp throttles after a wrong code: an immediate retry is refused.
    resp = client.post(reverse("accounts:2fa-instellen"), {"code": "000000"})
    assert "Te veel onjuiste codes" in resp.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    resp = client.post(reverse("accounts:2fa-instellen"), {"code": totp_code(device), "next": "/"})
    assert resp.status_code == 302 and resp.url == "/"
    device.refresh_from_db()
    assert device.confirmed
    assert binnen(client)
    # the confirmation is a service write (accounts.services.bevestig_tweefactor), audited
    record = AuditRecord.objects.get(actie="2fa.ingesteld", actor=gebruiker)
    assert record.object_id == str(device.pk) and record.object_type == "totpdevice"


def test_bevestig_tweefactor_confirms_and_audits_in_one_transaction(gebruiker):
    from verzuim.accounts import services
    from verzuim.audit.context import actor_for_user

    device = TOTPDevice.objects.create(user=gebruiker, name="app", confirmed=False)
    services.bevestig_tweefactor(actor_for_user(gebruiker), device)
    device.refresh_from_db()
    assert device.confirmed
    assert AuditRecord.objects.filter(
        actie="2fa.ingesteld", actor=gebruiker, object_id=str(device.pk)
    ).exists()


def test_user_with_device_must_enter_code_after_password(client, gebruiker, met_2fa):
    device = TOTPDevice.objects.create(user=gebruiker, name="app", confirmed=True)
    inloggen(client, gebruiker)
    resp = client.get("/")
    assert resp.status_code == 302 and resp.url.startswith(reverse("accounts:2fa"))
    # Setting up a second device is not a way around the code.
    assert client.get(reverse("accounts:2fa-instellen")).status_code == 302

    resp = client.post(reverse("accounts:2fa"), {"code": "12345a"})
    assert "6 cijfers" in resp.content.decode()
    assert client.get("/").status_code == 302

    resp = client.post(reverse("accounts:2fa"), {"code": totp_code(device)})
    assert resp.status_code == 302
    assert binnen(client)


def test_2fa_next_does_not_redirect_offsite(client, gebruiker, met_2fa):
    device = TOTPDevice.objects.create(user=gebruiker, name="app", confirmed=True)
    inloggen(client, gebruiker)
    resp = client.post(
        reverse("accounts:2fa"), {"code": totp_code(device), "next": "https://evil.example/"}
    )
    assert resp.url == "/"


def test_unverified_user_sees_no_navigation(client, gebruiker, met_2fa):
    inloggen(client, gebruiker)
    html = client.get(reverse("accounts:2fa-instellen")).content.decode()
    assert "Hoofdmenu" not in html and "Uitloggen" in html


def test_api_paths_are_not_redirected_to_2fa(client, gebruiker, met_2fa):
    inloggen(client, gebruiker)
    assert client.get("/api/v1/bestaat-niet").status_code != 302


def test_anonymous_is_sent_to_login(client):
    resp = client.get("/")
    assert resp.status_code == 302 and resp.url.startswith(LOGIN)


def test_logout(client, gebruiker, settings):
    settings.VERZUIM_2FA_REQUIRED = False
    inloggen(client, gebruiker)
    resp = client.post(reverse("accounts:logout"))
    assert resp.status_code == 302
    assert client.get("/").status_code == 302
