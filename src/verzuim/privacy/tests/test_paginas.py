"""The inzage pages (R-PR-3): the privacy officer starts on the worklist, registers a
request by POST (the BSN never in a URL), makes the PDF, downloads the JSON and answers;
another organisation gets 404, other roles 403."""

from __future__ import annotations

import datetime as dt
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


def test_the_lpa_withholds_a_werkaantekening_on_the_request_page(client, privacy):
    """R-PR-2a: the notes are listed on the request; an LPA records the balancing decision
    (errors next to the fields), the privacy officer sees it but may not take it."""
    from verzuim.dossiers.models import Dossier, Inzageafweging
    from verzuim.dossiers.werkaantekeningen import schrijf_werkaantekening

    dossier = Dossier.objects.get(leerling__burgerservicenummer=HAARLEM)
    notitie = schrijf_werkaantekening(privacy.lpa_haarlem, dossier, "Buurvrouw belde")
    inloggen(client, privacy.po_gebruiker)
    url = client.post(WERKLIJST, FORMULIER).url
    achterhouden = f"{url}werkaantekening/{notitie.pk}/achterhouden"
    html = client.get(url).content.decode()
    assert "Buurvrouw belde" in html and "Wordt verstrekt." in html
    assert "Besluit vastleggen" not in html and "Alleen een leerplichtambtenaar" in html
    besluit = {f"afweging-{notitie.pk}-grond": "rechten-anderen",
               f"afweging-{notitie.pk}-reden": "Melding van een buurvrouw"}  # fmt: skip
    assert client.post(achterhouden, besluit).status_code == 403
    assert AuditRecord.objects.filter(actie="inzage.werkaantekeningen").count() == 1

    inloggen(client, privacy.users["lpa2.haarlem"])
    assert "Besluit vastleggen" in client.get(url).content.decode()
    fout = client.post(achterhouden, {f"afweging-{notitie.pk}-grond": ""})
    assert fout.status_code == 400
    html = fout.content.decode()
    assert "Kies de grond om de werkaantekening niet te verstrekken." in html
    assert "Vul de reden in." in html
    assert client.post(achterhouden, besluit).url == url
    html = client.get(url).content.decode()
    assert "Wordt niet verstrekt" in html and "Melding van een buurvrouw" in html
    assert Inzageafweging.objects.get().besloten_door == "lpa2.haarlem"

    # The author sees the decision on the dossier page.
    inloggen(client, privacy.users["lpa.haarlem"])
    html = client.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert "Niet verstrekt bij inzage" in html and "Melding van een buurvrouw" in html

    inloggen(client, privacy.users["lpa2.haarlem"])
    assert client.post(f"{url}werkaantekening/{notitie.pk}/verstrekken").url == url
    assert not Inzageafweging.objects.exists()
    inloggen(client, privacy.po_amsterdam_gebruiker)
    for pad in ("toestemming", f"werkaantekening/{notitie.pk}/achterhouden",
                f"werkaantekening/{notitie.pk}/verstrekken"):  # fmt: skip
        assert client.post(f"{url}{pad}", besluit).status_code == 404


def test_the_pupils_consent_is_recorded_on_the_form_or_the_request(client, privacy):
    """R-PR-2a: the page says whether the reasons and reports are given, and why."""
    from verzuim import clock

    clock.set_today(dt.date(2028, 6, 1))  # the Haarlem pupil is 16
    inloggen(client, privacy.po_gebruiker)
    url = client.post(WERKLIJST, {**FORMULIER, "ontvangen": "01-06-2028"}).url
    html = client.get(url).content.decode()
    assert "worden niet verstrekt" in html and "geen toestemming gegeven" in html
    assert "R-PR-2a" not in html
    client.post(f"{url}toestemming", {"toestemming": "1"})
    html = client.get(url).content.decode()
    assert "worden verstrekt" in html and "gegeven (vastgelegd 01-06-2028)" in html
    url2 = client.post(
        WERKLIJST, {**FORMULIER, "ontvangen": "01-06-2028", "toestemming_leerling": "on"}
    ).url
    assert Inzageverzoek.objects.get(uuid=url2.split("/")[-2]).toestemming_leerling
