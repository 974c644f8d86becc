"""Issue 13 in a real browser (Playwright + Debian chromium): what a new user tripped over in
the meldingen pages. One test per page behaviour; the service and API side of the same rules
is in src/verzuim/meldingen/tests/test_afsluiten_en_doorsturen.py and test_views_gebruik.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from verzuim.meldingen.models import Melding
from verzuim.meldingen.tests import webscenario as ws

from . import test_meldingen_flow as flow
from .test_meldingen_flow import beantwoord_keuzehulp, fout_bij, inloggen_als, vul_melding_in

wereld = flow.wereld  # the meldingen pages' world (fixture)

pytestmark = pytest.mark.browser


def _actor(naam):
    from verzuim.accounts.models import Gebruiker
    from verzuim.audit.context import actor_for_user

    return actor_for_user(Gebruiker.objects.get(username=naam))


def _melding(**extra) -> Melding:
    from verzuim.meldingen import services

    return services.meld_verzuim(_actor("school.a"), ws.melding_data(**extra)).melding


def _geen_horizontale_scroll(page) -> None:
    breedte = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    uitstekend = page.evaluate(
        """w => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > w + 1)
              .map(e => e.tagName + '.' + e.className)""",
        breedte,
    )
    assert uitstekend == []


# --- item 1: closing is a choice with a reason and a confirmation -------------------------------


def test_afsluiten_vraagt_een_keuze_een_reden_en_een_bevestiging(
    wereld, page, new_page, inloggen, screenshot
):
    m = _melding()
    lpa = inloggen_als(page, inloggen, "lpa.amsterdam")  # no BOA
    lpa.goto(f"/meldingen/{m.uuid}/")
    status = lpa.locator("#id_status-status")
    expect(status).to_have_value("")  # "Kies…", nothing preselected
    status.select_option("in-behandeling")
    lpa.get_by_role("button", name="Status opslaan").click()
    expect(lpa.get_by_role("status")).to_contain_text("De status is gewijzigd.")
    # after saving, still nothing preselected (it used to be "Afgesloten")
    expect(status).to_have_value("")
    assert status.locator("option").all_inner_texts()[0] == "Kies…"
    # the afsluitreden only appears with "Afgesloten", without Halt/PV for a non-BOA
    reden = lpa.locator("#id_status-reden")
    expect(reden).to_be_hidden()
    status.select_option("afgesloten")
    expect(reden).to_be_visible()
    redenen = reden.locator("option").all_inner_texts()
    assert redenen[0] == "Kies…" and "Verzuim gestopt" in redenen
    assert "Halt afgerond" not in redenen and "Proces-verbaal afgehandeld" not in redenen
    # without a reason: refused, with the error summary focused
    lpa.get_by_role("button", name="Status opslaan").click()
    overzicht = lpa.get_by_test_id("foutenoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Afsluiten vraagt een afsluitreden.")
    expect(overzicht).not_to_contain_text("verzuim-gestopt")  # no codes for people
    assert Melding.objects.get(pk=m.pk).status == "in-behandeling"
    # with a reason: first a confirmation, nothing saved yet
    lpa.locator("#id_status-status").select_option("afgesloten")
    lpa.locator("#id_status-reden").select_option("verzuim-gestopt")
    lpa.get_by_role("button", name="Status opslaan").click()
    bevestig = lpa.get_by_test_id("bevestig-afsluiten")
    expect(bevestig).to_contain_text("Afsluiten is definitief")
    expect(bevestig).to_contain_text("Verzuim gestopt")
    expect(lpa.locator("#kop-bevestigen")).to_be_focused()
    screenshot(lpa, "melding-afsluiten-bevestigen")
    assert Melding.objects.get(pk=m.pk).status == "in-behandeling"
    bevestig.get_by_role("link", name="Nee, niet afsluiten").click()
    assert Melding.objects.get(pk=m.pk).status == "in-behandeling"
    lpa.locator("#id_status-status").select_option("afgesloten")
    lpa.locator("#id_status-reden").select_option("verzuim-gestopt")
    lpa.get_by_role("button", name="Status opslaan").click()
    lpa.get_by_role("button", name="Ja, afsluiten").click()
    expect(lpa.get_by_role("status")).to_contain_text("De status is gewijzigd.")
    assert Melding.objects.get(pk=m.pk).status == "afgesloten"
    # the school sees the status with its reason, not "Afgesloten —"
    school = inloggen_als(new_page(), inloggen, "school.a")
    school.goto(f"/meldingen/{m.uuid}/")
    rij = school.locator("#statushistorie tbody tr").last
    expect(rij).to_contain_text("Afgesloten")
    expect(rij).to_contain_text("Verzuim gestopt")


# --- item 2 and 8: forwarding names the BRP woongemeente; searching 342 gemeenten -------------


def test_doorsturen_zoeken_en_waarschuwen_buiten_de_woongemeente(
    wereld, page, inloggen, screenshot
):
    m = _melding()
    inloggen_als(page, inloggen, "lpa.amsterdam")
    page.goto(f"/meldingen/{m.uuid}/")
    kaart = page.locator("section[aria-labelledby=kop-doorsturen]")
    expect(kaart).to_contain_text("Woongemeente volgens de BRP: Amsterdam.")
    select = page.locator("#id_doorsturen-gemeente")
    aantal = select.locator("option").count()
    assert aantal > 300  # all gemeenten but the current one, plus "Kies…"
    zoek = kaart.get_by_label("Zoek een gemeente")
    zoek.focus()
    page.keyboard.type("rotter")
    expect(select.locator("option")).to_have_count(2)  # "Kies…" and Rotterdam
    expect(kaart).to_contain_text("1 gemeente gevonden")
    page.keyboard.press("Enter")  # on to the list, by keyboard
    expect(select).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(select).to_have_value("GM0599")
    waarschuwing = kaart.locator(".vr-waarschuwing")
    expect(waarschuwing).to_be_visible()
    expect(waarschuwing).to_contain_text("Amsterdam is de woongemeente volgens de BRP")
    screenshot(page, "doorsturen-zoeken-waarschuwing")
    # without a toelichting the server refuses it too (not only the page)
    kaart.get_by_role("button", name="Doorsturen").click()
    expect(page.get_by_test_id("foutenoverzicht")).to_contain_text(
        "Rotterdam is niet de woongemeente volgens de BRP (Amsterdam)"
    )
    assert Melding.objects.get(pk=m.pk).ontvanger.code == "GM0363"
    page.locator("#id_doorsturen-gemeente").select_option("GM0599")
    page.locator("#id_doorsturen-toelichting").fill("Woont feitelijk bij vader in Rotterdam.")
    page.locator("section[aria-labelledby=kop-doorsturen]").get_by_role(
        "button", name="Doorsturen"
    ).click()
    expect(page.get_by_role("status")).to_contain_text("De melding is doorgestuurd.")
    assert Melding.objects.get(pk=m.pk).ontvanger.code == "GM0599"


# --- item 3: the sender keeps a trace, and errors are the product's own Dutch pages -----------


def test_afzender_houdt_een_spoor_en_de_foutpaginas_zijn_nederlands(wereld, page, inloggen):
    from verzuim.meldingen import services

    m = _melding()
    services.stuur_door(_actor("lpa.amsterdam"), m.uuid, "GM0599", "Woont bij vader.")
    lpa = inloggen_als(page, inloggen, "lpa.amsterdam")
    lpa.goto("/meldingen/inbox/")
    lpa.locator("[data-map=doorgestuurd]").click()
    rij = lpa.locator(f"tr[data-meldingsnummer='{m.meldingsnummer}']")
    expect(rij).to_contain_text("Gemeente Rotterdam")
    rij.get_by_role("link", name=m.meldingsnummer).click()
    expect(lpa.get_by_test_id("doorgestuurd")).to_contain_text(
        "doorgestuurd naar Gemeente Rotterdam"
    )
    expect(lpa.locator("main")).not_to_contain_text("Page not found")
    antwoord = lpa.goto("/bestaat-niet/")
    assert antwoord.status == 404
    expect(lpa.locator("h1")).to_have_text("Pagina niet gevonden")
    expect(lpa.locator("body")).not_to_contain_text("URLconf")


# --- item 5: the keuzehulp beside the form -------------------------------------------------------


def test_keuzehulp_overnemen_en_antwoorden_na_een_fout(wereld, page, inloggen, screenshot):
    school = inloggen_als(page, inloggen, "school.a")
    school.goto("/meldingen/nieuw/")
    beantwoord_keuzehulp(
        school,
        {
            "eerste_verzuimdag": "07-09-2026",
            "geboortedatum": "14-03-2012",
            "aaneengesloten_afwezig_dagen": "3",
            "verzuimde_uren_in_4_lesweken": "18",
        },
    )
    hulp = school.locator("#keuzehulp")
    expect(hulp.locator("#keuzehulp-uitkomst-kop")).to_have_text(
        "Uitkomst: Melden als 16 uur in 4 weken"
    )
    voorstel = school.locator("#keuzehulp-voorstel")
    expect(voorstel).to_contain_text("eerste verzuimdag 07-09-2026")
    voorstel.get_by_role("button", name="Overnemen").click()
    expect(school.locator("#id_verzuimsoort")).to_have_value("16-uur")
    expect(school.locator("#id_begindatum")).to_have_value("07-09-2026")
    # a failed submit (no BSN) keeps the keuzehulp where it was
    school.get_by_role("button", name="Melding versturen").click()
    expect(school.get_by_test_id("foutenoverzicht")).to_be_visible()
    expect(hulp.locator("#keuzehulp-uitkomst-kop")).to_have_text(
        "Uitkomst: Melden als 16 uur in 4 weken"
    )
    expect(hulp).to_contain_text("14-03-2012")
    expect(school.locator("#id_begindatum")).to_have_value("07-09-2026")
    screenshot(school, "melding-keuzehulp-na-fout")


# --- item 6: every error at once, with a summary that links to the fields --------------------


def test_alle_fouten_tegelijk_met_een_overzicht(wereld, page, inloggen, screenshot):
    school = inloggen_als(page, inloggen, "school.a")
    school.goto("/meldingen/nieuw/")
    school.get_by_role("button", name="Melding versturen").click()
    overzicht = school.get_by_test_id("foutenoverzicht")
    expect(overzicht).to_be_focused()
    links = overzicht.get_by_role("link")
    teksten = links.all_inner_texts()
    # the missing pupil is there on the first submit, with the others
    assert teksten[0] == (
        "Vul het burgerservicenummer in, of het onderwijsnummer met het adres van de leerling."
    )
    assert "Kies de verzuimsoort." in teksten and "Vul de begindatum in." in teksten
    expect(overzicht.locator("h2")).to_have_text(
        re.compile(rf"^Er zijn {len(teksten)} fouten; er is niets opgeslagen$")
    )
    screenshot(school, "melding-foutenoverzicht")
    overzicht.get_by_role("link", name="Vul de begindatum in.").click()
    expect(school.locator("#id_begindatum")).to_be_focused()
    # a date that does not exist is told so; a word in a number field names the field
    vul_melding_in(school, Begindatum="31-02-2026", **{"Verzuimde uren": "veel"})
    school.get_by_role("button", name="Melding versturen").click()
    expect(fout_bij(school, "id_begindatum")).to_have_text(
        "31-02-2026 bestaat niet: februari 2026 heeft 28 dagen. Controleer de begindatum."
    )
    expect(fout_bij(school, "id_verzuimde_uren")).to_have_text(
        "Vul bij de verzuimde uren een getal in, bijvoorbeeld 12,5."
    )
    expect(school.locator("main")).not_to_contain_text("Voer een")
    assert not Melding.objects.exists()


# --- item 7: a visible counter, and names in the history ---------------------------------------


def test_teller_bij_de_toelichting_en_namen_in_de_historie(wereld, page, inloggen, screenshot):
    from verzuim.accounts.models import Gebruiker

    Gebruiker.objects.filter(username="lpa.amsterdam").update(
        first_name="Maximiliaan", last_name="van Oudshoorn-Wijnberg"
    )
    m = _melding()
    lpa = inloggen_als(page, inloggen, "lpa.amsterdam")
    lpa.goto(f"/meldingen/{m.uuid}/")
    veld = lpa.locator("#id_status-toelichting")
    assert veld.get_attribute("maxlength") is None  # never cut silently
    teller = lpa.locator("#id_status-toelichting_teller")
    expect(teller).to_have_text("0 van 4000 tekens")
    veld.fill("Huisbezoek")
    expect(teller).to_have_text("10 van 4000 tekens")
    lang = "Gesprek met ouders. " * 200 + "Nog twintig tekens."  # 4019 characters
    veld.fill(lang)
    expect(teller).to_have_text("19 tekens te veel: hoogstens 4000 tekens.")
    lpa.locator("#id_status-status").select_option("in-behandeling")
    lpa.get_by_role("button", name="Status opslaan").click()
    expect(fout_bij(lpa, "id_status-toelichting")).to_contain_text(
        "De toelichting is 4019 tekens lang; hoogstens 4000 tekens."
    )
    expect(lpa.locator("#id_status-toelichting")).to_have_value(lang)  # kept, not cut
    lpa.locator("#id_status-status").select_option("in-behandeling")
    lpa.locator("#id_status-toelichting").fill("Huisbezoek gepland")
    lpa.get_by_role("button", name="Status opslaan").click()
    door = lpa.locator("#statushistorie tbody tr").last.locator("td.vr-door")
    expect(door).to_contain_text("Maximiliaan van Oudshoorn-Wijnberg")
    expect(door).not_to_contain_text("lpa.amsterdam")
    # not broken letter by letter: the cell is wider than its longest word
    breedte = door.evaluate("e => e.getBoundingClientRect().width")
    woord = door.evaluate(
        """e => { const c = document.createElement('canvas').getContext('2d');
                  c.font = getComputedStyle(e).font;
                  return c.measureText('Oudshoorn-Wijnberg').width; }"""
    )
    assert breedte >= woord * 0.9, (breedte, woord)
    screenshot(lpa, "melding-historie-namen")


# --- item 8: selects look like selects -----------------------------------------------------------


def test_keuzelijsten_hebben_een_pijltje(wereld, page, inloggen):
    school = inloggen_als(page, inloggen, "school.a")
    school.goto("/meldingen/nieuw/")
    for select in school.locator("select").all():
        beeld = select.evaluate("e => getComputedStyle(e).backgroundImage")
        assert "chevron-omlaag.svg" in beeld, beeld
    antwoord = school.request.get("/static/web/chevron-omlaag.svg")
    assert antwoord.ok and "<svg" in antwoord.text()


# --- item 9: the leerling page ------------------------------------------------------------------


def test_leerlingpagina_met_meldingen_en_zonder_dubbele_koppen(wereld, page, inloggen):
    m = _melding()
    lpa = inloggen_als(page, inloggen, "lpa.amsterdam")
    lpa.goto(f"/meldingen/{m.uuid}/")
    lpa.get_by_test_id("leerlingpagina").click()
    expect(lpa.locator("h1")).to_have_text("Sanne de Vries")
    meldingen = lpa.get_by_test_id("leerling-meldingen")
    expect(meldingen).to_contain_text(m.meldingsnummer)
    expect(lpa.get_by_test_id("ouders")).to_contain_text("Karim Amrani")
    for kop in ("Inschrijvingen", "Meldingen"):
        expect(lpa.get_by_role("heading", name=kop)).to_have_count(1)
        expect(lpa.get_by_text(kop, exact=True)).to_have_count(1)
    expect(lpa.locator("main")).not_to_contain_text("R-LP")
    lpa.goto(f"/meldingen/{m.uuid}/")
    expect(lpa.get_by_text("Statushistorie", exact=True)).to_have_count(1)


# --- item 10: a 390 px phone ----------------------------------------------------------------------


def test_inbox_en_formulier_op_een_telefoon(wereld, browser_context, inloggen, screenshot):
    from verzuim.meldingen import services

    for begin, eind in (("2026-09-07", "2026-09-25"), ("2026-06-01", "2026-06-12")):
        _melding(begindatum=begin, einddatum=eind)
    services.stuur_door(
        _actor("lpa.amsterdam"), _melding(begindatum="2026-05-04", einddatum="2026-05-15").uuid,
        "GM0599", "Woont bij vader.",
    )  # fmt: skip
    page = browser_context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    lpa = inloggen_als(page, inloggen, "lpa.amsterdam")
    for url in ("/meldingen/inbox/?map=alle", "/meldingen/doorgestuurd/"):
        lpa.goto(url)
        _geen_horizontale_scroll(lpa)
    lpa.goto("/meldingen/inbox/?map=alle")
    screenshot(lpa, "telefoon-inbox")
    # each melding is a card with its labels; the number links to the melding
    kaart = lpa.locator("tr[data-meldingsnummer]").first
    expect(kaart.locator("td[data-label=Leerling]")).to_contain_text("Sanne de Vries")
    # wait for the melding page itself: measuring while the inbox unloads sees no document
    with lpa.expect_navigation():
        kaart.get_by_role("link").first.click()
    _geen_horizontale_scroll(lpa)
    lpa.context.clear_cookies()
    school = inloggen_als(lpa, inloggen, "school.a")
    for url in ("/meldingen/nieuw/", "/meldingen/mijn/"):
        school.goto(url)
        _geen_horizontale_scroll(school)
    school.goto("/meldingen/nieuw/")
    with school.expect_navigation():
        school.get_by_role("button", name="Melding versturen").click()
    _geen_horizontale_scroll(school)
    screenshot(school, "telefoon-formulier-fouten")
