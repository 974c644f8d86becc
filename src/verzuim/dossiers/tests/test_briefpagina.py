"""The letter page of a dossier (issue 9 §8): choose, fill in, preview, send; the PDF is
listed on the dossier page and on its timeline and downloads (audited); another
organisation's LPA gets 404 at every step; the administratief medewerker never opens a
letter about a person with a secret address (R-PR-5)."""

from __future__ import annotations

import pytest
from django.test import Client

from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.brieven.models import Document
from verzuim.brieven.tests.conftest import pdf_tekst

from .test_brieven import adres, dossier  # noqa: F401 (fixture)

GEGEVENS = {
    "soort": "uitnodiging-gesprek",
    "ontvanger": "ouders",
    "taal": "nl",
    "gesprek_datum": "08-10-2026",
    "gesprek_tijd": "14:30",
    "gesprek_plaats": "het stadhuis van Haarlem",
    "gesprek_met": "mevrouw P. Bakker",
    "school_naam": "Fictief Lyceum Haarlem",
    "verzuim_omschrijving": "17,5 lesuren verzuim",
}


def _client(wereld, naam) -> Client:
    c = Client()
    inloggen(c, wereld.users[naam])
    return c


def _url(dossier, stap=""):  # noqa: F811 (the fixture's name)
    return f"/dossiers/{dossier.uuid}/brief/{stap}"


def test_kiezen_invullen_voorbeeld_versturen(wereld, dossier):  # noqa: F811
    c = _client(wereld, "lpa.haarlem")
    r = c.get(_url(dossier))
    assert r.status_code == 200 and 'data-testid="brief-kiezen"' in r.content.decode()
    # A letter kind to a recipient it does not go to: said at the field.
    r = c.get(_url(dossier), {"soort": "absoluut-verzuim", "ontvanger": "school", "taal": "nl"})
    assert r.status_code == 400 and "gaat alleen naar: ouders/verzorgers" in r.content.decode()
    # Step 2: the dossier's values prefilled (the school from the melding).
    r = c.get(_url(dossier), {"soort": "uitnodiging-gesprek", "ontvanger": "ouders", "taal": "nl"})
    html = r.content.decode()
    assert r.status_code == 200 and 'value="Fictief Lyceum Haarlem"' in html
    assert 'name="gesprek_datum"' in html and 'name="afspraken_tekst"' not in html
    # Missing values: named next to their field, nothing stored.
    r = c.post(_url(dossier, "voorbeeld/"), {**GEGEVENS, "gesprek_datum": ""})
    assert r.status_code == 400 and "datum van het gesprek" in r.content.decode().lower()
    r = c.post(_url(dossier, "voorbeeld/"), GEGEVENS)
    html = r.content.decode()
    assert r.status_code == 200 and 'data-testid="brief-voorbeeld"' in html
    assert "8 oktober 2026" in html and "Test Persoon007" in html
    assert not Document.objects.exists()
    r = c.post(_url(dossier, "versturen/"), GEGEVENS)
    assert r.status_code == 302 and r["Location"].endswith(f"/dossiers/{dossier.uuid}/#brieven")
    doc = Document.objects.get()
    assert "8 oktober 2026" in pdf_tekst(doc.inhoud)
    html = c.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert doc.kenmerk in html and f"/brieven/documenten/{doc.uuid}.pdf" in html
    assert 'data-testid="tijdlijn-brief"' in html
    r = c.get(f"/brieven/documenten/{doc.uuid}.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert AuditRecord.objects.filter(actie="document.downloaden", persoon=doc.betreft).exists()


def test_leerling_onder_12_geweigerd_met_reden(wereld, dossier):  # noqa: F811
    adres(geboren="2015-01-01")
    c = _client(wereld, "lpa.haarlem")
    r = c.post(_url(dossier, "voorbeeld/"), {**GEGEVENS, "ontvanger": "leerling"})
    html = r.content.decode()
    assert r.status_code == 400 and "pas vanaf 12 jaar" in html and "R-CW-4" not in html


def test_andere_organisatie_krijgt_404(wereld, dossier):  # noqa: F811
    c = _client(wereld, "lpa.haarlem")
    c.post(_url(dossier, "versturen/"), GEGEVENS)
    doc = Document.objects.get()
    for naam in ("lpa.amsterdam", "lpa.dienst"):
        a = _client(wereld, naam)
        assert a.get(_url(dossier)).status_code == 404
        assert a.post(_url(dossier, "voorbeeld/"), GEGEVENS).status_code == 404
        assert a.post(_url(dossier, "versturen/"), GEGEVENS).status_code == 404
        assert a.get(f"/brieven/documenten/{doc.uuid}.pdf").status_code == 404
    assert _client(wereld, "beleid.haarlem").get(_url(dossier)).status_code == 403
    assert Document.objects.count() == 1


def test_administratief_medewerker_en_geheim_adres(wereld, dossier):  # noqa: F811
    """R-PR-5: a letter about a person with a secret address is the LPA's to open."""
    adres(geheim=True)
    c = _client(wereld, "lpa.haarlem")
    assert c.post(_url(dossier, "versturen/"), GEGEVENS).status_code == 302
    doc = Document.objects.get()
    m = _client(wereld, "admin.haarlem")
    r = m.post(_url(dossier, "voorbeeld/"), GEGEVENS)
    assert r.status_code == 400 and "geheim adres" in r.content.decode()
    assert m.get(f"/brieven/documenten/{doc.uuid}.pdf").status_code == 403
    # The dossier page lists the letter for them without a link to it; the LPA gets both.
    html = m.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert doc.kenmerk in html and f"{doc.uuid}.pdf" not in html and "geheim adres" in html
    html = c.get(f"/dossiers/{dossier.uuid}/").content.decode()
    assert html.count(f"{doc.uuid}.pdf") == 2  # the list and the timeline
    assert c.get(f"/brieven/documenten/{doc.uuid}.pdf").status_code == 200


def test_gesloten_dossier(wereld, dossier):  # noqa: F811
    from verzuim.dossiers import services

    services.sluit(wereld.lpa_haarlem, dossier, "verzuim-gestopt")
    c = _client(wereld, "lpa.haarlem")
    r = c.get(_url(dossier))
    assert r.status_code == 200 and 'data-testid="gesloten"' in r.content.decode()
    assert c.post(_url(dossier, "versturen/"), GEGEVENS).status_code == 400
    assert not Document.objects.exists()


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_taal_kiezen(wereld, dossier, taal):  # noqa: F811
    c = _client(wereld, "lpa.haarlem")
    r = c.post(_url(dossier, "versturen/"), {**GEGEVENS, "taal": taal})
    assert r.status_code == 302
    tekst = pdf_tekst(Document.objects.get().inhoud)
    assert ("8 October 2026" if taal == "en" else "8 oktober 2026") in tekst


def test_na_het_voorbeeld_gewijzigde_tekst_staat_in_de_bewaarde_pdf(wereld, dossier):  # noqa: F811
    """The LPA previews the letter, then corrects what was filled in and sends it: the stored
    PDF (parsed with pypdf) carries the corrected values, not the previewed or prefilled
    ones; a prefilled value the LPA cleared does not come back (the field is named)."""
    c = _client(wereld, "lpa.haarlem")
    r = c.post(_url(dossier, "voorbeeld/"), GEGEVENS)
    assert r.status_code == 200 and "het stadhuis van Haarlem" in r.content.decode()
    gewijzigd = {
        **GEGEVENS,
        "gesprek_plaats": "de bibliotheek aan de Gasthuisstraat",
        "verzuim_omschrijving": "21 lesuren verzuim in drie weken",
        "gesprek_met": "de heer K. de Vries",
    }
    # Cleared after the preview: the prefilled school is not silently put back.
    r = c.post(_url(dossier, "versturen/"), {**gewijzigd, "school_naam": ""})
    html = r.content.decode()
    assert r.status_code == 400 and not Document.objects.exists()
    assert 'id="id_school_naam"' in html and 'aria-invalid="true"' in html
    r = c.post(_url(dossier, "versturen/"), gewijzigd)
    assert r.status_code == 302
    tekst = " ".join(pdf_tekst(Document.objects.get().inhoud).split())
    assert "plaats: de bibliotheek aan de Gasthuisstraat" in tekst
    assert "heeft bij ons verzuim gemeld van Test Persoon007: 21 lesuren verzuim in drie" in tekst
    assert "met: de heer K. de Vries" in tekst
    assert "stadhuis" not in tekst and "17,5" not in tekst and "P. Bakker" not in tekst
