"""Issue 13 item 4: the dates the admin shows stand on the application's date
(`verzuim.clock`, VERZUIM_TODAY) like the audit log, not on the real clock."""

import datetime as dt

import pytest

from verzuim import clock
from verzuim.accounts.models import ApiApplicatie, ApiToken, Gebruiker, hash_token
from verzuim.accounts.tests.factories import WACHTWOORD, GebruikerFactory

pytestmark = pytest.mark.django_db
DAG = dt.date(2026, 10, 1)


@pytest.fixture(autouse=True)
def _vandaag(settings):
    settings.VERZUIM_2FA_REQUIRED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    clock.set_today(DAG)
    yield
    clock.set_today(None)


def _lokaal(moment) -> dt.date:
    from django.utils import timezone

    return timezone.localtime(moment).date()


def test_gebruiker_aangemaakt_en_laatst_ingelogd_op_de_dag_van_de_applicatie(client):
    gebruiker = GebruikerFactory(username="lpa1")
    assert _lokaal(gebruiker.date_joined) == DAG
    r = client.post("/account/inloggen/", {"username": "lpa1", "password": WACHTWOORD})
    assert r.status_code == 302
    assert _lokaal(Gebruiker.objects.get(pk=gebruiker.pk).last_login) == DAG


def test_api_applicatie_en_token_op_de_dag_van_de_applicatie():
    from verzuim.organisaties.models import Organisatie

    app = ApiApplicatie.objects.create(
        naam="pakket", organisatie=Organisatie.objects.get(code="GM0363"), scopes=[]
    )
    token = ApiToken.objects.create(applicatie=app, token_hash=hash_token("x" * 40), prefix="x")
    assert _lokaal(app.aangemaakt) == DAG and _lokaal(token.aangemaakt) == DAG
