"""The public Keuzehulp verzuimsoorten (R-VZ-4) in a real browser: a school walks to an
outcome one question at a time, with keyboard focus following the questions."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _volgende(page):
    page.get_by_role("button", name="Volgende").click()


def _kies(page, groep: str, antwoord: str):
    page.get_by_role("group", name=groep).get_by_label(antwoord, exact=True).check()
    _volgende(page)


def _vraag(page) -> str:
    return page.locator("#keuzehulp-vraag, #keuzehulp-uitkomst-kop").inner_text()


def test_keuzehulp_naar_luxe_verzuim(page, screenshot):
    page.goto("/keuzehulp")
    assert page.locator("h1").inner_text() == "Keuzehulp verzuimsoorten"
    page.get_by_label("Eerste verzuimdag").fill("02-07-2026")
    _volgende(page)
    page.wait_for_selector("text=Heeft de leerling een startkwalificatie")
    _kies(page, "Startkwalificatie", "Nee")
    page.wait_for_selector("#veld-geboortedatum")
    # A wrong date shows a Dutch error next to the field and keeps the question.
    page.get_by_label("Geboortedatum van de leerling").fill("31-02-2015")
    _volgende(page)
    page.wait_for_selector("#fout-geboortedatum")
    assert page.locator("#fout-geboortedatum").inner_text() == (
        "31-02-2015 bestaat niet: februari 2015 heeft 28 dagen. Controleer de geboortedatum."
    )
    page.get_by_label("Geboortedatum van de leerling").fill("14-03-2015")
    _volgende(page)
    page.wait_for_selector("text=Is de leerling afwezig door ziekte?")
    assert page.evaluate("typeof window.htmx !== 'undefined'"), "htmx not loaded"
    page.evaluate("window.zelfdePagina = true")
    _kies(page, "Afwezig door ziekte", "Nee")
    page.wait_for_selector("text=Is de leerling op vakantie buiten de schoolvakanties")
    # htmx swapped only the step (no page load) and focus moved to the new question.
    assert page.evaluate("window.zelfdePagina === true")
    # Focus moves after htmx's settle phase; wait for it rather than racing the swap.
    # (expect, not wait_for_function: a string predicate is eval, which the CSP blocks)
    expect(page.locator("#keuzehulp-vraag")).to_be_focused()
    _kies(page, "Vakantie zonder verlof", "Ja")
    kop = page.locator("#keuzehulp-uitkomst-kop")
    kop.wait_for()
    assert kop.inner_text() == "Uitkomst: Melden als Luxe verzuim"
    tekst = page.locator("#keuzehulp").inner_text()
    assert "verplicht" in tekst
    # the law article is shown; the internal rule id only in the markup (data-regel)
    assert "Leerplichtwet" in tekst and "R-VZ-4" not in tekst
    assert page.locator("#keuzehulp li[data-regel='R-VZ-4']").count() >= 1
    assert "02-07-2026" in tekst and "14-03-2015" in tekst
    screenshot(page, "keuzehulp-uitkomst-luxe")
    # Back one step: the previous question again, answers kept.
    page.get_by_role("button", name="Vorige vraag").click()
    # The outcome's path also names that question: wait for the swap itself (the outcome
    # heading gone), not for text that was already on the page.
    expect(page.locator("#keuzehulp-uitkomst-kop")).to_have_count(0)
    expect(page.locator("#keuzehulp")).not_to_contain_text("Uitkomst")
    expect(page.locator("#keuzehulp")).to_contain_text(
        "Is de leerling op vakantie buiten de schoolvakanties"
    )


def test_keuzehulp_zonder_javascript(browser_context, live_server):
    """The same walk as a plain HTML form (JavaScript off)."""
    ctx = browser_context.browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = ctx.new_page()
    page.goto("/keuzehulp")
    page.get_by_label("Eerste verzuimdag").fill("07-09-2026")
    _volgende(page)
    _kies(page, "Startkwalificatie", "Nee")
    page.get_by_label("Geboortedatum van de leerling").fill("01-01-2012")
    _volgende(page)
    _kies(page, "Afwezig door ziekte", "Ja")
    _kies(page, "Vermoeden van misbruik van ziekmelding", "Nee")
    assert "Niet melden, wel vastleggen" in _vraag(page)
    ctx.close()
