"""The download page: scoped (another organisation → 404), R-PR-5 (secret address → 403
for others than the LPA), audited, never cached."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.brieven import services

from .conftest import BSN, DAAN, OUDERS, UITNODIGING, actor, pdf_tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(lpa):
    return services.maak_brief(actor(lpa), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN)


def url(document):
    return reverse("brieven:download", args=[document.uuid])


def test_download_is_the_stored_pdf_and_is_audited(client, lpa, document):
    inloggen(client, lpa)
    antwoord = client.get(url(document))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"].startswith("inline; filename=")
    assert "no-store" in antwoord["Cache-Control"]
    assert antwoord.content == bytes(document.inhoud)
    assert "Daan de Vries" in pdf_tekst(antwoord.content)
    record = AuditRecord.objects.get(actie="document.downloaden")
    assert (record.persoon, record.actor_label) == (BSN, lpa.username)
    assert client.get(url(document) + "?opslaan=1")["Content-Disposition"].startswith("attachment")


def test_another_organisation_gets_404(client, andere_lpa, document):
    inloggen(client, andere_lpa)
    assert client.get(url(document)).status_code == 404
    assert not AuditRecord.objects.filter(actie="document.downloaden").exists()


def test_anonymous_is_sent_to_login(client, document):
    antwoord = client.get(url(document))
    assert antwoord.status_code == 302 and "inloggen" in antwoord["Location"]


def test_secret_address_only_for_the_lpa(client, lpa, medewerker):
    geheim = services.maak_brief(
        actor(lpa),
        "uitnodiging-gesprek",
        "nl",
        OUDERS,
        UITNODIGING,
        dataclasses.replace(DAAN, geheim_adres=True),
    )
    inloggen(client, medewerker)
    assert client.get(url(geheim)).status_code == 403
    inloggen(client, lpa)
    assert client.get(url(geheim)).status_code == 200
