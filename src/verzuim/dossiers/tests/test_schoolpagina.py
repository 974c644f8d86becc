"""The school sees and answers the verzuimoverzicht request on its melding page (issue 9 §3,
R-CW-3): the request (who asked, when, the note) with a Dutch form — a typed overview and/or
a file —, every error next to its field with nothing saved, the answer on the dossier's
timeline and in the audit log; another school gets 404, the gemeente 403 (R-PR-1)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.dossiers import verzuimoverzicht
from verzuim.dossiers.models import Activiteit, Dossier
from verzuim.dossiers.verzuimoverzicht import MAX_BESTAND

from .conftest import AMSTERDAM, meld


@pytest.fixture
def gevraagd(wereld):
    melding = meld(wereld)
    return verzuimoverzicht.vraag_verzuimoverzicht(
        wereld.lpa_haarlem, Dossier.objects.get().uuid, melding.uuid, "Graag per lesuur."
    )


def _client(wereld, naam) -> Client:
    c = Client()
    inloggen(c, wereld.users[naam])
    return c


def _pagina(verzoek) -> str:
    return f"/meldingen/{verzoek.melding.uuid}/"


def _antwoord(verzoek) -> str:
    return f"/dossiers/verzuimoverzicht/{verzoek.uuid}/antwoord/"


def test_school_ziet_het_verzoek_op_haar_meldingpagina(wereld, gevraagd):
    eerder = AuditRecord.objects.filter(actie="verzuimoverzicht.lijst").count()
    r = _client(wereld, "school.a").get(_pagina(gevraagd))
    html = r.content.decode()
    assert r.status_code == 200 and 'data-testid="school-verzoek" data-status="open"' in html
    assert "Gemeente Haarlem vroeg op 01-10-2026" in html and "Graag per lesuur." in html
    assert 'enctype="multipart/form-data"' in html and _antwoord(gevraagd) in html
    assert 'name="antwoord-antwoord"' in html and 'name="antwoord-bestand"' in html
    # The read names the pupil in the audit log, next to the melding's own read.
    lijsten = AuditRecord.objects.filter(actie="verzuimoverzicht.lijst")
    assert (
        eerder == 0
        and lijsten.count() == 1
        and lijsten.get().persoon == gevraagd.melding.leerling.identificatie
    )


def test_school_typt_het_overzicht(wereld, gevraagd):
    c = _client(wereld, "school.a")
    r = c.post(_antwoord(gevraagd), {"antwoord-antwoord": "7-9: 5 uur, 8-9: 4 uur"})
    assert r.status_code == 302 and r["Location"] == _pagina(gevraagd)
    gevraagd.refresh_from_db()
    assert not gevraagd.is_open and gevraagd.antwoord == "7-9: 5 uur, 8-9: 4 uur"
    a = Activiteit.objects.get(soort="verzuimoverzicht-ontvangen")
    assert (a.bron, a.bron_referentie) == ("school", str(gevraagd.uuid))
    assert AuditRecord.objects.filter(
        actie="verzuimoverzicht.beantwoorden", persoon=gevraagd.melding.leerling.identificatie
    ).exists()
    html = c.get(_pagina(gevraagd)).content.decode()
    assert 'data-status="beantwoord"' in html and "U stuurde het op 01-10-2026" in html
    assert "7-9: 5 uur" in html and _antwoord(gevraagd) not in html  # no form any more
    assert "is verstuurd naar Gemeente Haarlem" in html
    # Answered once: a second POST is refused, named, nothing changed.
    r = c.post(_antwoord(gevraagd), {"antwoord-antwoord": "nog eens"})
    assert r.status_code == 400 and "al beantwoord" in r.content.decode()


def test_school_uploadt_een_bestand(wereld, gevraagd):
    """A CSV that the browser calls application/vnd.ms-excel (Windows) is taken by its name."""
    bestand = SimpleUploadedFile(
        "overzicht.csv", b"datum;uren\n2026-09-07;5\n", content_type="application/vnd.ms-excel"
    )
    r = _client(wereld, "school.a").post(_antwoord(gevraagd), {"antwoord-bestand": bestand})
    assert r.status_code == 302
    gevraagd.refresh_from_db()
    assert (gevraagd.bestandsnaam, gevraagd.bestandstype) == ("overzicht.csv", "text/csv")
    assert bytes(gevraagd.bestand) == b"datum;uren\n2026-09-07;5\n"


@pytest.mark.parametrize(
    ("invoer", "veld", "tekst"),
    [
        ({}, "antwoord", "Geef het verzuimoverzicht als tekst of als bestand"),
        (
            {"antwoord-bestand": ("virus.exe", b"MZ", "application/x-msdownload")},
            "bestand",
            "Upload een PDF, CSV, XLSX, TXT, PNG of JPG",
        ),
        (
            {"antwoord-bestand": ("groot.pdf", b"x" * (MAX_BESTAND + 1), "application/pdf")},
            "bestand",
            "groter dan 5 MB",
        ),
        ({"antwoord-bestand": ("leeg.pdf", b"", "application/pdf")}, "bestand", "leeg"),
    ],
)
def test_fouten_bij_het_veld_en_niets_opgeslagen(wereld, gevraagd, invoer, veld, tekst):
    data = {
        k: SimpleUploadedFile(*v[:2], content_type=v[2]) if isinstance(v, tuple) else v
        for k, v in invoer.items()
    }
    r = _client(wereld, "school.a").post(_antwoord(gevraagd), data)
    html = r.content.decode()
    assert r.status_code == 400 and 'data-testid="foutenoverzicht"' in html
    assert f'id="id_antwoord-{veld}_error"' in html and tekst.lower() in html.lower()
    assert 'data-testid="school-verzoek" data-status="open"' in html  # the melding page again
    gevraagd.refresh_from_db()
    assert (
        gevraagd.is_open
        and not Activiteit.objects.filter(soort="verzuimoverzicht-ontvangen").exists()
    )


def test_andere_school_404_en_gemeente_403(wereld, gevraagd):
    data = {"antwoord-antwoord": "x"}
    assert _client(wereld, "school.b").post(_antwoord(gevraagd), data).status_code == 404
    assert _client(wereld, "school.b").get(_pagina(gevraagd)).status_code == 404
    for naam in ("lpa.haarlem", "lpa.amsterdam"):
        assert _client(wereld, naam).post(_antwoord(gevraagd), data).status_code == 403
    assert _client(wereld, "school.a").get(_antwoord(gevraagd)).status_code == 405
    gevraagd.refresh_from_db()
    assert gevraagd.is_open
    # School B's own melding page shows no request of school A.
    eigen = meld(wereld, AMSTERDAM)
    html = _client(wereld, "school.b").get(f"/meldingen/{eigen.uuid}/").content.decode()
    assert 'data-testid="school-verzoeken"' not in html


def test_vervallen_verzoek_zonder_formulier(wereld, gevraagd):
    from verzuim.dossiers import services

    services.sluit(wereld.lpa_haarlem, gevraagd.dossier.uuid, "verzuim-gestopt")
    html = _client(wereld, "school.a").get(_pagina(gevraagd)).content.decode()
    assert 'data-status="vervallen"' in html and _antwoord(gevraagd) not in html
