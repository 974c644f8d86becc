"""Acceptance test of issue 12 item 1 in a real browser (Playwright + Debian chromium): the
privacy officer starts on the worklist of inzage requests, registers a parent's request
(R-PR-3: deadline one month after receipt), makes the PDF of everything the organisation
holds about the pupil, reads it, and answers the request, which leaves the worklist.

R-PR-2a: the leerplichtambtenaar, handling the same kind of request, sees the working notes
that will be in the export and withholds one after a balancing decision; the PDF then lists
it as withheld with the ground and the reason, and gives the other note's text."""

from __future__ import annotations

import copy
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from verzuim import clock
from verzuim.meldingen.tests.conftest import (
    HAARLEM,
    SCENARIO,
    VANDAAG,
    api_actor_voor,
    melding_data,
    zorg_voor_referentie,
)
from verzuim.personen.scenario import DEMO_WACHTWOORD, laad_scenario

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


def registreer(page) -> None:
    """A parent's request about the Haarlem pupil, typed into the worklist's form."""
    page.get_by_label("BSN of onderwijsnummer van de leerling").fill(HAARLEM)
    page.get_by_label("Naam van de verzoeker").fill("M. Persoon")
    page.get_by_label("De verzoeker is").select_option(label="Ouder of verzorger")
    page.get_by_label("Datum van ontvangst").fill("30-09-2026")
    page.get_by_role("button", name="Registreren").click()
    expect(page.locator("h1")).to_have_text("Inzageverzoek van M. Persoon")


def pdf_tekst(antwoord) -> str:
    reader = PdfReader(io.BytesIO(antwoord.body()))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_privacy_officer_answers_an_inzage_request(wereld, page, inloggen, screenshot):
    inloggen(page, "po.haarlem")
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Inzageverzoeken")
    expect(page.get_by_test_id("geen-open-verzoeken")).to_be_visible()

    # 1. Register the request: the BSN is typed into the form, never put in a URL.
    registreer(page)
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
    tekst = pdf_tekst(antwoord)
    assert "Test Persoon007" in tekst and "02-05-2012" in tekst

    # 4. Answering takes it off the worklist.
    page.get_by_role("button", name="Verzoek beantwoord").click()
    expect(page.locator("h1")).to_have_text("Inzageverzoeken")
    expect(page.get_by_test_id("geen-open-verzoeken")).to_be_visible()
    expect(page.get_by_test_id("beantwoorde-verzoeken")).to_contain_text("M. Persoon")


def test_the_lpa_withholds_a_werkaantekening_and_the_pdf_says_why(wereld, page, inloggen,
                                                                  screenshot):  # fmt: skip
    from verzuim.accounts.models import Gebruiker
    from verzuim.audit.context import actor_for_user
    from verzuim.dossiers.models import Dossier
    from verzuim.dossiers.werkaantekeningen import schrijf_werkaantekening
    from verzuim.meldingen import services as meldingen

    meldingen.meld_verzuim(api_actor_voor("school_a"), melding_data())
    lpa = actor_for_user(Gebruiker.objects.get(username="lpa.haarlem"))
    dossier = Dossier.objects.get(leerling__burgerservicenummer=HAARLEM)
    schrijf_werkaantekening(lpa, dossier, "Moeder belt terug na de vakantie.")
    schrijf_werkaantekening(lpa, dossier, "Buurvrouw belde over het gezin.")

    inloggen(page, "lpa2.haarlem", DEMO_WACHTWOORD)
    page.goto("/privacy/inzage/")
    registreer(page)

    notities = page.get_by_test_id("werkaantekeningen")
    expect(notities).to_contain_text("Moeder belt terug na de vakantie.")
    notitie = notities.locator(".vr-aantekening", has_text="Buurvrouw belde")
    expect(notitie.get_by_test_id("afweging")).to_have_text("Wordt verstrekt.")
    notitie.get_by_text("Niet verstrekken…").click()
    notitie.get_by_role("button", name="Besluit vastleggen").click()  # empty: errors shown
    notitie = page.get_by_test_id("werkaantekeningen").locator(
        ".vr-aantekening", has_text="Buurvrouw belde"
    )
    expect(notitie).to_contain_text("Kies de grond om de werkaantekening niet te verstrekken.")
    notitie.get_by_label("Grond").select_option("rechten-anderen")
    notitie.get_by_label("Reden").fill("Geeft de melding van een buurvrouw weer")
    notitie.get_by_role("button", name="Besluit vastleggen").click()
    notitie = page.get_by_test_id("werkaantekeningen").locator(
        ".vr-aantekening", has_text="Buurvrouw belde"
    )
    expect(notitie.get_by_test_id("afweging")).to_contain_text("Wordt niet verstrekt")
    screenshot(page, "inzage-werkaantekeningen")

    page.get_by_role("button", name="Inzageoverzicht maken (PDF)").click()
    tekst = pdf_tekst(page.request.get(page.get_by_test_id("pdf").get_attribute("href")))
    assert "Moeder belt terug na de vakantie." in tekst
    assert "Buurvrouw belde" not in tekst
    assert "Geeft de melding van een buurvrouw weer" in tekst and "AVG art. 15 lid 4" in tekst
