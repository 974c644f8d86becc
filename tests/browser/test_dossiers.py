"""Issue 9 in a real browser (Playwright + Debian chromium): the school reports through the form and its melding opens the
dossier; the leerplichtambtenaar starts on the worklist, opens the dossier, asks the
school for its verzuimoverzicht (the school answers on its melding page), records a gesprek with the parents and the afspraken (the
follow-up date follows), moves the MAS phase with what was found and decided, keeps a
personal werkaantekening, tries Halt for an 11-year-old (refused: the reason shown, nothing
to click, R-CW-6) and closes the dossier with a reason after confirming — the
melding is then afgesloten, also on the school's page. Another gemeente's leerplichtambtenaar gets 404 (R-PR-1)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect

from verzuim import clock
from verzuim.meldingen.models import Melding
from verzuim.meldingen.tests import conftest as m
from verzuim.personen.scenario import DEMO_WACHTWOORD, laad_scenario

from .test_meldingen_flow import vul_melding_in

pytestmark = pytest.mark.browser


@pytest.fixture
def wereld(referentiedata, testmodus, settings):
    settings.DEMO = True
    m.zorg_voor_referentie()
    laad_scenario(copy.deepcopy(m.SCENARIO), demo=True)
    clock.set_today(m.VANDAAG)
    yield
    clock.set_today(None)


def _brief_uitnodiging(lpa, new_page, inloggen, dossier_url):
    from pypdf import PdfReader

    from tests.browser.test_toegankelijkheid import AXE, AXE_OPTIES
    from verzuim.brieven.models import Briefhoofd
    from verzuim.organisaties.models import Organisatie
    from verzuim.personen.models import BrpPersoon

    BrpPersoon.objects.filter(burgerservicenummer=m.HAARLEM).update(
        verblijfadres={"officieleStraatnaam": "Grote Markt", "huisnummer": 2,
                       "postcode": "2011RD", "woonplaats": "Haarlem"}
    )  # fmt: skip
    Briefhoofd.objects.create(
        organisatie=Organisatie.objects.get(code="GM0392"), naam="Gemeente Haarlem, Leerplicht",
        telefoon="14 023", email="leerplicht@haarlem.example",
    )  # fmt: skip
    lpa.get_by_test_id("brief-maken").click()
    lpa.get_by_label("Soort brief").select_option("uitnodiging-gesprek")
    lpa.get_by_label("Aan", exact=True).select_option("ouders")
    lpa.get_by_role("button", name="Verder").click()
    lpa.get_by_label("Datum van het gesprek").fill("08-10-2026")
    lpa.get_by_label("Tijd van het gesprek").fill("14:30")
    lpa.get_by_label("Plaats van het gesprek").fill("het stadhuis van Haarlem")
    lpa.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(lpa.get_by_test_id("brief-voorbeeld")).to_contain_text("8 oktober 2026")
    expect(lpa.get_by_test_id("brief-voorbeeld")).to_contain_text("Test Persoon007")
    brief_url = lpa.url
    # The preview with a real letter in it: no axe violation (the walker of
    # test_toegankelijkheid.py only reaches this form emptied).
    lpa.evaluate(AXE.read_text(encoding="utf-8"))
    uitkomst = lpa.evaluate("(opties) => axe.run(document, opties)", AXE_OPTIES)
    assert not uitkomst["violations"], [v["id"] for v in uitkomst["violations"]]
    # Corrected after the preview: the stored letter says what the form says now.
    lpa.get_by_label("Plaats van het gesprek").fill("de bibliotheek aan de Gasthuisstraat")
    lpa.get_by_test_id("brief-versturen").click()
    expect(lpa.get_by_test_id("tijdlijn")).to_contain_text("Brief verstuurd")
    link = lpa.get_by_test_id("tijdlijn-brief")
    antwoord = lpa.request.get(link.get_attribute("href"))
    assert antwoord.status == 200 and antwoord.headers["content-type"] == "application/pdf"
    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(antwoord.body())).pages)
    assert "Test Persoon007" in tekst and "1 oktober 2026" in tekst and "8 oktober 2026" in tekst
    assert "de bibliotheek aan de Gasthuisstraat" in tekst and "stadhuis" not in tekst
    amsterdam = new_page()
    inloggen(amsterdam, "lpa.amsterdam", DEMO_WACHTWOORD)
    assert amsterdam.goto(dossier_url + "brief/").status == 404
    assert amsterdam.goto(link.get_attribute("href")).status == 404
    assert brief_url.endswith("/brief/voorbeeld/")


def _school_antwoordt(melding, new_page, inloggen, screenshot):
    school = new_page()
    inloggen(school, "school.a", DEMO_WACHTWOORD)
    school.goto(f"/meldingen/{melding.uuid}/")
    kaart = school.get_by_test_id("school-verzoeken")
    expect(kaart).to_contain_text("Gemeente Haarlem vroeg op 01-10-2026")
    expect(kaart).to_contain_text("Graag per lesuur.")
    # Nothing filled in: the error is named at the field, nothing is sent.
    kaart.get_by_role("button", name="Verzuimoverzicht versturen").click()
    expect(school.get_by_test_id("foutenoverzicht")).to_contain_text("als tekst of als bestand")
    # The page with the request and its errors: no axe violation.
    from tests.browser.test_toegankelijkheid import AXE, AXE_OPTIES

    school.evaluate(AXE.read_text(encoding="utf-8"))
    uitkomst = school.evaluate("(opties) => axe.run(document, opties)", AXE_OPTIES)
    assert not uitkomst["violations"], [v["id"] for v in uitkomst["violations"]]
    kaart = school.get_by_test_id("school-verzoeken")
    kaart.get_by_label("Verzuimoverzicht (tekst)").fill(
        "07-09: 5 lesuur ongeoorloofd; 08-09: 4 lesuur ongeoorloofd."
    )
    kaart.get_by_label("Of een bestand").set_input_files(
        files=[{"name": "verzuim-september.csv", "mimeType": "text/csv",
                "buffer": b"datum;lesuren\n2026-09-07;5\n2026-09-08;4\n"}]
    )  # fmt: skip
    screenshot(school, "school-verzuimoverzicht")
    kaart.get_by_role("button", name="Verzuimoverzicht versturen").click()
    expect(school.get_by_test_id("school-verzoek-antwoord")).to_contain_text(
        "U stuurde het op 01-10-2026 als bestand verzuim-september.csv"
    )
    expect(school.get_by_role("button", name="Verzuimoverzicht versturen")).to_have_count(0)
    return school


def _dossier_van_een_elfjarige() -> str:
    """A pupil of Haarlem whom the BRP says was born 10-01-2015 (11 today), with a dossier
    opened after a phone call."""
    from verzuim.accounts.models import Gebruiker
    from verzuim.audit.context import actor_for_user
    from verzuim.dossiers import services
    from verzuim.personen.models import BrpPersoon, Leerling

    BrpPersoon.objects.filter(burgerservicenummer=m.BIJNA18).update(
        geboortedatum=dt.date(2015, 1, 10)
    )
    lpa = actor_for_user(Gebruiker.objects.get(username="lpa.haarlem"))
    leerling = Leerling.objects.get(burgerservicenummer=m.BIJNA18)
    d = services.open_dossier(lpa, leerling.uuid, "telefonisch", "Moeder belde.")
    return f"/dossiers/{d.uuid}/"


def test_van_melding_tot_gesloten_dossier(wereld, page, new_page, inloggen, screenshot):
    # 0. The school reports through the form (issue 9 Done when: "a school reports").
    school = new_page()
    inloggen(school, "school.a", DEMO_WACHTWOORD)
    vul_melding_in(school, vestiging="99XA00", **{"Burgerservicenummer (BSN)": m.HAARLEM})
    school.get_by_role("button", name="Melding versturen").click()
    expect(school.locator("h1")).to_have_text(re.compile(r"^Melding VM-2026-\d{6}$"))
    wereld = Melding.objects.get()  # the melding the rest of the journey follows
    lpa = page
    inloggen(lpa, "lpa.haarlem", DEMO_WACHTWOORD)
    # 1. The start page is the worklist; the new melding's dossier is in "Nieuwe meldingen".
    expect(lpa.locator("h1")).to_have_text("Werklijst")
    lpa.locator("[data-map=nieuw]").click()
    rij = lpa.locator("tr[data-dossier]")
    expect(rij).to_have_count(1)
    expect(rij).to_contain_text("Waarnemen")
    screenshot(lpa, "dossiers-werklijst")
    rij.get_by_role("link").click()
    expect(lpa.locator("h1")).to_contain_text("Dossier Test Persoon007")
    expect(lpa.get_by_test_id("tijdlijn")).to_contain_text("Melding ontvangen")
    dossier_url = lpa.url
    elfjarige = _dossier_van_een_elfjarige()
    # The melding page names its dossier to the handling organisation (R-CW-1).
    lpa.goto(f"/meldingen/{wereld.uuid}/")
    lpa.get_by_test_id("melding-dossier").get_by_role("link", name="naar het dossier").click()
    expect(lpa).to_have_url(dossier_url)

    # 2. Ask the school for its verzuimoverzicht (R-CW-3).
    verzoek = lpa.get_by_test_id("kaart-verzoek")
    verzoek.get_by_label("Toelichting voor de school").fill("Graag per lesuur.")
    verzoek.get_by_role("button", name="Opvragen bij de school").click()
    expect(lpa.get_by_test_id("verzoeken")).to_contain_text("wacht op de school")

    # 2a. The school sees the request on its melding page and answers it there: a typed
    # overview and a file (R-CW-3); the LPA finds it in the dossier.
    _school_antwoordt(wereld, new_page, inloggen, screenshot)
    lpa.reload()
    expect(lpa.get_by_test_id("verzoeken")).to_contain_text("ontvangen op 01-10-2026")
    expect(lpa.get_by_test_id("verzoeken")).to_contain_text("bestand verzuim-september.csv")
    expect(lpa.get_by_test_id("tijdlijn")).to_contain_text("07-09: 5 lesuur ongeoorloofd")

    # 2b. An invitation letter to the parents (issue 9 §8): choose, fill in, preview, make;
    # the PDF is on the timeline and opens (parsed with pypdf). Another gemeente: 404.
    _brief_uitnodiging(lpa, new_page, inloggen, dossier_url)

    # 3. A gesprek with the parents, then the afspraken: the follow-up date follows (R-CW-4).
    kaart = lpa.get_by_test_id("kaart-activiteit")
    kaart.get_by_label("Soort activiteit").select_option("gesprek")
    kaart.get_by_label("Datum", exact=True).fill("30-09-2026")
    kaart.get_by_label("Ouders/verzorgers").check()
    kaart.get_by_label("Verslag of toelichting").fill("Moeder: zoon slaapt slecht.")
    kaart.get_by_role("button", name="Vastleggen").click()
    expect(lpa.get_by_test_id("tijdlijn")).to_contain_text("Moeder: zoon slaapt slecht.")
    kaart = lpa.get_by_test_id("kaart-activiteit")
    kaart.get_by_label("Soort activiteit").select_option("afspraken")
    kaart.get_by_label("Ouders/verzorgers").check()
    kaart.get_by_label("Verslag of toelichting").fill("Elke ochtend om 8 uur op school.")
    kaart.get_by_role("button", name="Vastleggen").click()
    expect(lpa.get_by_test_id("volgende-actie")).to_contain_text("29-10-2026")

    # 4. The phase, with what was found and decided (R-CW-2).
    fase = lpa.get_by_test_id("kaart-fase")
    fase.get_by_label("Wat deze fase heeft gevonden").fill("17,5 uur verzuim in 3 weken.")
    fase.get_by_label("Wat is besloten").fill("Oorzaak onderzoeken met ouders en school.")
    fase.get_by_role("button", name="Naar deze fase").click()
    expect(lpa.get_by_test_id("fase")).to_have_text("Analyseren")

    # 5. A werkaantekening: only for the author (R-PR-2).
    notities = lpa.get_by_test_id("werkaantekeningen")
    notities.get_by_label("Nieuwe werkaantekening").fill("Vader bellen na 17 uur.")
    notities.get_by_role("button", name="Aantekening opslaan").click()
    expect(lpa.get_by_test_id("werkaantekeningen")).to_contain_text("Vader bellen na 17 uur.")
    screenshot(lpa, "dossier")

    # 6. Halt for an 11-year-old (R-CW-6): the dossier page says why not, with the rule id,
    # and offers nothing to click; the route's own page neither (no Toetsen, no Bevestigen).
    lpa.goto(elfjarige)
    halt = lpa.get_by_test_id("route-halt")
    expect(halt).to_contain_text("Halt-verwijzing: niet mogelijk")
    expect(halt).to_contain_text(
        "Halt kan alleen voor leerlingen van 12 tot en met 17 jaar; de leerling is 11. (R-CW-6)"
    )
    expect(halt.locator("a, button")).to_have_count(0)
    expect(lpa.get_by_test_id("route-proces-verbaal").get_by_role("link")).to_have_count(1)
    lpa.goto(elfjarige + "handhaving/halt/")
    expect(lpa.get_by_test_id("niet-mogelijk")).to_contain_text("de leerling is 11")
    expect(lpa.locator("main").get_by_role("button")).to_have_count(0)
    screenshot(lpa, "dossier-halt-geweigerd")

    # 7. Another gemeente: 404 at each step, nothing of the pupil shown.
    amsterdam = new_page()
    inloggen(amsterdam, "lpa.amsterdam", DEMO_WACHTWOORD)
    for url in (dossier_url, elfjarige, elfjarige + "handhaving/halt/"):
        antwoord = amsterdam.goto(url)
        assert antwoord.status == 404
        expect(amsterdam.locator("main")).not_to_contain_text("Persoon")
    lpa.goto(dossier_url)

    # 8. Close with a reason, after confirming (R-CW-11): the melding is afgesloten.
    sluiten = lpa.get_by_test_id("kaart-afsluiten")
    sluiten.get_by_label("Afsluitreden").select_option("verzuim-gestopt")
    sluiten.get_by_role("button", name="Sluiten").click()
    bevestig = lpa.get_by_test_id("bevestig-afsluiten")
    expect(bevestig).to_contain_text("Verzuim gestopt")
    bevestig.get_by_role("button", name="Ja, sluiten").click()
    expect(lpa.get_by_test_id("gesloten")).to_contain_text("Verzuim gestopt")
    expect(lpa.get_by_test_id("melding-status")).to_have_text("afgesloten")
    expect(lpa.get_by_test_id("werkaantekeningen")).not_to_contain_text("Vader bellen")
    expect(lpa.get_by_test_id("kaart-activiteit")).to_have_count(0)
    assert Melding.objects.get().status == "afgesloten"
    screenshot(lpa, "dossier-gesloten")

    # 9. The school sees afgesloten on its melding page (the existing status flow).
    school = new_page()
    inloggen(school, "school.a", DEMO_WACHTWOORD)
    school.goto(f"/meldingen/{wereld.uuid}/")
    status = school.locator("dt", has_text="Status").locator("xpath=following-sibling::dd")
    expect(status).to_contain_text("Afgesloten")
