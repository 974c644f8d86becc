"""Acceptance test of issue 12 item 1 in a real browser (Playwright + Debian chromium): the
privacy officer starts on the worklist of inzage requests, registers a parent's request
(R-PR-3: deadline one month after receipt), makes the PDF of everything the organisation
holds about the pupil, reads it, and answers the request, which leaves the worklist."""

from __future__ import annotations

import copy
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from verzuim import clock
from verzuim.meldingen.tests.conftest import HAARLEM, SCENARIO, VANDAAG, zorg_voor_referentie
from verzuim.personen.scenario import laad_scenario

pytestmark = pytest.mark.browser


@pytest.fixture
def wereld(referentiedata, testmodus, settings, maak_gebruiker):
    settings.DEMO = True
    zorg_voor_referentie()
    laad_scenario(copy.deepcopy(SCENARIO), demo=True)
    clock.set_today(VANDAAG)  # 1 October 2026
    maak_gebruiker("po.haarlem", "GM0392", ["privacy-officer"])
    yield
    clock.set_today(None)


def test_privacy_officer_answers_an_inzage_request(wereld, page, inloggen, screenshot):
    inloggen(page, "po.haarlem")
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Inzageverzoeken")
    expect(page.get_by_test_id("geen-open-verzoeken")).to_be_visible()

    # 1. Register the request: the BSN is typed into the form, never put in a URL.
    page.get_by_label("BSN of onderwijsnummer van de leerling").fill(HAARLEM)
    page.get_by_label("Naam van de verzoeker").fill("M. Persoon")
    page.get_by_label("De verzoeker is").select_option(label="Ouder of verzorger")
    page.get_by_label("Datum van ontvangst").fill("30-09-2026")
    page.get_by_role("button", name="Registreren").click()
    expect(page.locator("h1")).to_have_text("Inzageverzoek van M. Persoon")
    expect(page.get_by_test_id("uiterlijk")).to_have_text("30-10-2026")
    assert HAARLEM not in page.url
    verzoek_url = page.url

    # 2. It is on the worklist with its deadline.
    page.get_by_role("link", name="Terug naar de inzageverzoeken").click()
    rij = page.get_by_test_id("open-verzoeken").locator("tr", has_text="M. Persoon")
    expect(rij).to_contain_text("30-10-2026")
    screenshot(page, "inzage-werklijst")
    rij.get_by_role("link", name="30-10-2026").click()
    assert page.url == verzoek_url

    # 3. One action makes the export; the PDF names the pupil and the date of birth.
    page.get_by_role("button", name="Inzageoverzicht maken (PDF)").click()
    pdf_link = page.get_by_test_id("pdf")
    expect(pdf_link).to_be_visible()
    screenshot(page, "inzage-verzoek")
    antwoord = page.request.get(pdf_link.get_attribute("href"))
    assert antwoord.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(antwoord.body()))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Test Persoon007" in tekst and "02-05-2012" in tekst

    # 4. Answering takes it off the worklist.
    page.get_by_role("button", name="Verzoek beantwoord").click()
    expect(page.locator("h1")).to_have_text("Inzageverzoeken")
    expect(page.get_by_test_id("geen-open-verzoeken")).to_be_visible()
    expect(page.get_by_test_id("beantwoorde-verzoeken")).to_contain_text("M. Persoon")
