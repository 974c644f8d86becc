"""Beheer of letterheads and templates (/beheer/): a functioneel beheerder sees and edits only
its own organisation's rows (another's → 404), templates are checked on save with a Dutch
error naming the placeholder and its line, the preview uses fictitious data, every change
is audited."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from verzuim.accounts.testing import inloggen
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.audit.models import AuditRecord
from verzuim.brieven.models import Briefhoofd, BriefSjabloon

from .conftest import pdf_tekst

pytestmark = pytest.mark.django_db

LIJST = "admin:brieven_briefsjabloon_changelist"
TOEVOEGEN = "admin:brieven_briefsjabloon_add"


def sjabloon(org, **kw):
    velden = {
        "soort": "uitnodiging-gesprek",
        "ontvanger": "ouders",
        "taal": "nl",
        "onderwerp": "Gesprek over {{ leerling.naam }}",
        "tekst": "Geachte ouder,\n\nKom op {{ gesprek.datum }}.\n\nMet vriendelijke groet,",
    }
    return BriefSjabloon.objects.create(organisatie=org, **{**velden, **kw})


def formulier(**kw):
    return {
        "soort": "uitnodiging-gesprek",
        "ontvanger": "ouders",
        "taal": "nl",
        "onderwerp": "Gesprek over {{ leerling.naam }}",
        "tekst": "Geachte ouder,\n\nKom op {{ gesprek.datum }}.",
        "ondertekenaar_naam": "",
        "ondertekenaar_functie": "",
        **kw,
    }


def test_functioneel_beheerder_sees_only_own_templates(client, beheerder, gemeenten):
    eigen = sjabloon(gemeenten[0], onderwerp="Eigen {{ leerling.naam }}")
    sjabloon(gemeenten[1], onderwerp="Van Rotterdam {{ leerling.naam }}")
    inloggen(client, beheerder)
    html = client.get(reverse(LIJST)).content.decode()
    assert "Eigen {{ leerling.naam }}" in html and "Van Rotterdam" not in html
    # The kinds still on the shipped default, with a link to adapt them.
    assert "Brieven met de standaardtekst" in html
    assert "soort=absoluut-verzuim&amp;ontvanger=ouders&amp;taal=en" in html
    assert "soort=uitnodiging-gesprek&amp;ontvanger=ouders&amp;taal=nl" not in html
    assert (
        client.get(reverse("admin:brieven_briefsjabloon_change", args=[eigen.pk])).status_code
        == 200
    )


def test_changelist_queries_do_not_grow_with_templates(client, beheerder, gemeenten):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    inloggen(client, beheerder)
    sjabloon(gemeenten[0])
    with CaptureQueriesContext(connection) as een:
        client.get(reverse(LIJST))
    for ontvanger, taal in (("leerling", "nl"), ("ouders", "en"), ("leerling", "en")):
        sjabloon(gemeenten[0], ontvanger=ontvanger, taal=taal)
    with CaptureQueriesContext(connection) as vier:
        client.get(reverse(LIJST))
    assert len(vier) == len(een)


def test_another_organisations_template_is_a_404(client, andere_beheerder, gemeenten):
    vreemd = sjabloon(gemeenten[0])
    inloggen(client, andere_beheerder)
    for naam in ("change", "delete", "history", "voorbeeld"):
        url = reverse(f"admin:brieven_briefsjabloon_{naam}", args=[vreemd.pk])
        assert client.get(url).status_code == 404, naam
    wijzig = reverse("admin:brieven_briefsjabloon_change", args=[vreemd.pk])
    assert client.post(wijzig, formulier(onderwerp="Gekaapt")).status_code == 404
    vreemd.refresh_from_db()
    assert vreemd.onderwerp == "Gesprek over {{ leerling.naam }}"
    assert client.get(reverse("admin:brieven_briefsjabloon_change", args=["x"])).status_code == 404


def test_unknown_placeholder_is_refused_with_name_and_line(client, beheerder):
    inloggen(client, beheerder)
    antwoord = client.post(
        reverse(TOEVOEGEN),
        formulier(tekst="Geachte ouder,\n\nSchoenmaat: {{ leerling.schoenmaat }}."),
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Tekst, regel 3: onbekende plaatshouder {{ leerling.schoenmaat }}" in html
    assert not BriefSjabloon.objects.exists()


@pytest.mark.parametrize(
    "aanval", ["{{ __class__ }}", "{% import os %}", "{{ leerling.naam.__class__ }}", "{% debug %}"]
)
def test_injection_attempts_are_refused_on_save(client, beheerder, aanval):
    inloggen(client, beheerder)
    antwoord = client.post(reverse(TOEVOEGEN), formulier(onderwerp=f"Over {aanval}"))
    assert "Onderwerp, regel 1:" in antwoord.content.decode()
    assert not BriefSjabloon.objects.exists()


def test_recipient_must_fit_the_kind(client, beheerder):
    inloggen(client, beheerder)
    antwoord = client.post(
        reverse(TOEVOEGEN), formulier(soort="absoluut-verzuim", ontvanger="school")
    )
    assert "gaat alleen naar: Ouders/verzorgers" in antwoord.content.decode()


def test_valid_save_is_stored_for_the_own_organisation_and_audited(client, beheerder, gemeenten):
    inloggen(client, beheerder)
    antwoord = client.post(reverse(TOEVOEGEN), formulier())
    assert antwoord.status_code == 302
    opgeslagen = BriefSjabloon.objects.get()
    assert opgeslagen.organisatie == gemeenten[0]
    record = AuditRecord.objects.get(actie="briefsjabloon.aanmaken")
    assert (record.doel, record.organisatie) == ("sjabloonbeheer", "GM0363")
    # The same kind/recipient/language twice: a form error, not a crash.
    tweede = client.post(reverse(TOEVOEGEN), formulier())
    assert "al een sjabloon voor deze soort brief" in tweede.content.decode()


def test_add_page_starts_from_the_default_with_a_preview(client, beheerder):
    inloggen(client, beheerder)
    html = client.get(
        reverse(TOEVOEGEN) + "?soort=absoluut-verzuim&ontvanger=ouders&taal=en"
    ).content.decode()
    assert "is not enrolled at a school" in html  # the English default text
    assert "SAMPLE – fictitious data" in html and "Daan de Vries" in html
    assert "{{ reactie.uiterlijk }}" in html  # the placeholder list
    assert "[telefoon ontbreekt in het briefhoofd]" in html  # no letterhead yet


def test_change_page_shows_the_preview_with_the_demo_pupil_and_letterhead(
    client, beheerder, gemeenten
):
    Briefhoofd.objects.create(
        organisatie=gemeenten[0],
        naam="Gemeente Amsterdam, Leerplicht",
        telefoon="14 020",
        ondertekenaar_naam="A. de Leerplicht",
    )
    obj = sjabloon(gemeenten[0])
    inloggen(client, beheerder)
    html = client.get(reverse("admin:brieven_briefsjabloon_change", args=[obj.pk])).content.decode()
    assert "Voorbeeld met fictieve gegevens" in html
    assert "Gesprek over Daan de Vries" in html and "Kom op 8 oktober 2026." in html
    assert "Gemeente Amsterdam, Leerplicht" in html and "A. de Leerplicht" in html
    pdf = client.get(reverse("admin:brieven_briefsjabloon_voorbeeld", args=[obj.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(pdf.content)
    assert "Daan de Vries" in tekst and "1 oktober 2026" in tekst


def test_beheer_is_closed_to_other_roles_and_other_apps(client, lpa, beheerder):
    inloggen(client, lpa)
    assert client.get(reverse(LIJST)).status_code == 403
    inloggen(client, beheerder)
    assert client.get("/beheer/").status_code == 200
    assert client.get(reverse("admin:organisaties_gemeente_changelist")).status_code == 403
    assert client.get(reverse("admin:accounts_gebruiker_changelist")).status_code == 403


def test_registerbeheerder_has_no_letter_templates(client):
    inloggen(client, GebruikerFactory(rollen=["registerbeheerder"], organisatie=None))
    assert client.get(reverse(LIJST)).status_code == 403


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buf, "PNG")
    return buf.getvalue()


def test_letterhead_with_logo_upload(client, beheerder, gemeenten):
    from django.core.files.uploadedfile import SimpleUploadedFile

    inloggen(client, beheerder)
    gegevens = {"naam": "Gemeente Amsterdam", "postadres": "Postbus 1\n1000 AA Amsterdam"}
    nep = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", "image/png")
    antwoord = client.post(
        reverse("admin:brieven_briefhoofd_add"), {**gegevens, "logo_bestand": nep}
    )
    assert "geen geldige afbeelding" in antwoord.content.decode()
    logo = SimpleUploadedFile("logo.png", _png(), "image/png")
    antwoord = client.post(
        reverse("admin:brieven_briefhoofd_add"), {**gegevens, "logo_bestand": logo}
    )
    assert antwoord.status_code == 302
    hoofd = Briefhoofd.objects.get()
    assert hoofd.organisatie == gemeenten[0] and hoofd.logo_type == "image/png"
    # One letterhead per organisation: no second add.
    assert client.get(reverse("admin:brieven_briefhoofd_add")).status_code == 403
    assert AuditRecord.objects.filter(actie="briefhoofd.aanmaken", doel="sjabloonbeheer").exists()
