"""Leerling zoeken and the leerling page in a real browser (issue 2, R-PR-1, R-ID-5)."""

import pytest

from verzuim.personen.tests.leerling_scenario import ANNA, GIJS, regio  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regio")]


def test_school_zoekt_leerling_zonder_bsn_in_url(page, maak_gebruiker, inloggen, screenshot):
    maak_gebruiker("school.browser", "99XA", ["schoolmedewerker"])
    inloggen(page, "school.browser")
    page.get_by_role("link", name="Leerling zoeken").first.click()
    page.get_by_label("Burgerservicenummer of onderwijsnummer").fill(GIJS)
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_selector("h1:has-text('Gijs Geheim')")
    assert GIJS not in page.url and ANNA not in page.url
    assert "Afgeschermd" in page.locator("[data-testid=adres]").inner_text()
    assert "Geheimstraat" not in page.content()
    screenshot(page, "leerling-school-geheim-adres")
