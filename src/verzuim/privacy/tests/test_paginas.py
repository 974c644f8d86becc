"""The inzage pages (R-PR-3): the privacy officer starts on the worklist, registers a
request by POST (the BSN never in a URL), makes the PDF, downloads the JSON and answers;
another organisation gets 404, other roles 403."""

from __future__ import annotations

import json

import pytest

from verzuim.accounts.testing import inloggen
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.audit.models import AuditRecord
from verzuim.privacy.models import Inzageverzoek

from .conftest import HAARLEM

pytestmark = pytest.mark.django_db
WERKLIJST = "/privacy/inzage/"
FORMULIER = {
    "nummer": HAARLEM,
    "verzoeker": "M. Persoon",
    "relatie": "ouder",
    "ontvangen": "31-01-2026",
}


def test_the_privacy_officer_starts_on_the_worklist(client, privacy):
    inloggen(client, privacy.po_gebruiker)
    assert client.get("/").url == WERKLIJST
    html = client.get(WERKLIJST).content.decode()
    assert "Er zijn geen open inzageverzoeken." in html and 'href="/auditlog/"' in html


def test_register_export_and_answer(client, privacy):
    inloggen(client, privacy.po_gebruiker)
    antwoord = client.post(WERKLIJST, FORMULIER)
    verzoek = Inzageverzoek.objects.get()
    assert antwoord.url == f"/privacy/inzage/{verzoek.uuid}/" and HAARLEM not in antwoord.url
    html = client.get(antwoord.url).content.decode()
    assert "28-02-2026" in html  # 31 January + one month
    assert "28-02-2026" in client.get(WERKLIJST).content.decode()

    client.post(f"{antwoord.url}exporteren")
    pdf = client.get(f"{antwoord.url}overzicht.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert pdf["Cache-Control"] == "private, no-store"
    data = client.post(f"{antwoord.url}overzicht.json")
    assert data["Content-Disposition"].startswith("attachment")
    assert json.loads(data.content)["betreft"] == HAARLEM
    acties = list(AuditRecord.objects.filter(persoon=HAARLEM, doel="inzageverzoek")
                  .order_by("id").values_list("actie", flat=True))  # fmt: skip
    assert acties == [
        "inzageverzoek.registreren",
        "document.aanmaken",
        "inzage.exporteren",
        "document.downloaden",
        "inzage.exporteren",
    ]

    assert client.post(f"{antwoord.url}beantwoorden").url == WERKLIJST
    html = client.get(WERKLIJST).content.decode()
    assert "Er zijn geen open inzageverzoeken." in html and "Laatst beantwoord" in html


def test_form_errors_are_dutch_and_name_the_field(client, privacy):
    inloggen(client, privacy.po_gebruiker)
    antwoord = client.post(WERKLIJST, {**FORMULIER, "ontvangen": "31-02-2026",
                                       "nummer": "123456789"})  # fmt: skip
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Vul de datum van ontvangst in als dd-mm-jjjj" in html
    assert not Inzageverzoek.objects.exists()


def test_another_organisation_gets_404(client, privacy):
    inloggen(client, privacy.po_gebruiker)
    url = client.post(WERKLIJST, FORMULIER).url
    client.post(f"{url}exporteren")
    inloggen(client, privacy.po_amsterdam_gebruiker)
    assert client.get(url).status_code == 404
    assert client.post(f"{url}exporteren").status_code == 404
    assert client.get(f"{url}overzicht.pdf").status_code == 404
    assert client.post(f"{url}overzicht.json").status_code == 404
    assert client.post(f"{url}beantwoorden").status_code == 404
    assert "M. Persoon" not in client.get(WERKLIJST).content.decode()
    # Registering the Haarlem pupil in Amsterdam: the number is unknown there.
    html = client.post(WERKLIJST, FORMULIER).content.decode()
    assert "Uw organisatie heeft geen gegevens van een leerling met dit nummer" in html


@pytest.mark.parametrize("rollen", [["schoolmedewerker"], ["beleidsmedewerker"]])
def test_other_roles_get_403(client, privacy, rollen):
    organisatie = "99XA" if rollen == ["schoolmedewerker"] else "GM0392"
    from verzuim.organisaties.models import Organisatie

    inloggen(client, GebruikerFactory(rollen=rollen,
                                      organisatie=Organisatie.objects.get(code=organisatie)))  # fmt: skip
    assert client.get(WERKLIJST).status_code == 403
