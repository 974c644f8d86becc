"""Issue 11 in a real browser: the beleidsmedewerker starts on the telling, downloads the
XLSX and finds the page's numbers in it; the public benchmark draws its charts (SVG, under
the strict CSP) and hides small cells; no person data on either."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from openpyxl import load_workbook

from verzuim import clock
from verzuim.cijfers.tests import wereld as w_

pytestmark = pytest.mark.browser


@pytest.fixture
def wereld(transactional_db, referentiedata):
    clock.set_today(w_.VANDAAG)
    cache.clear()  # the live server shares this process's cache
    yield w_.bouw()
    clock.set_today(None)


def _paginawaarden(page, gemeente: str) -> dict[str, str]:
    return page.eval_on_selector_all(
        f"[data-testid=telling] tr[data-cijfer] td[data-gemeente={gemeente}]",
        "tds => Object.fromEntries(tds.map(td => [td.closest('tr').dataset.cijfer, td.innerText.trim()]))",
    )


def test_beleidsmedewerker_downloadt_de_telling(page, wereld, maak_gebruiker, inloggen, screenshot):
    maak_gebruiker("beleid.haarlem", "GM0392", ["beleidsmedewerker"])
    inloggen(page, "beleid.haarlem")
    assert page.url.endswith("/cijfers/")  # the start page is the figures
    page.select_option("#schooljaar", "2025-2026")
    page.get_by_role("button", name="Tonen").first.click()
    page.wait_for_selector("h1:has-text('Leerplichttelling 2025-2026')")
    op_pagina = _paginawaarden(page, "GM0392")
    assert op_pagina["relatiefVerzuim.meldingen"] == "5"
    assert op_pagina["langdurigRelatiefVerzuim.totaal"] == "3"
    screenshot(page, "cijfers-telling-beleidsmedewerker")
    with page.expect_download() as info:
        page.get_by_test_id("xlsx").click()
    download = info.value
    assert download.suggested_filename == "leerplichttelling-2025-2026-GM0392.xlsx"
    with open(download.path(), "rb") as bestand:  # openpyxl goes by extension: give it bytes
        ws = load_workbook(bestand)["Leerplichttelling"]
    labels = [c.value for c in ws[3]]
    rij = [c.value for c in ws[4]]
    assert rij[:2] == ["GM0392", "Haarlem"]
    from verzuim.cijfers.bronnen import definities

    vergeleken = 0
    for d in definities():
        in_bestand = rij[labels.index(d.titel)]
        assert op_pagina[d.sleutel] == str(in_bestand), d.sleutel  # "n.b." or the number
        vergeleken += 1
    assert vergeleken == len(op_pagina) > 30
    html = page.content()
    for ll in vars(wereld.ll).values():
        assert ll.burgerservicenummer not in html


def test_openbare_benchmark_met_grafiek_en_verborgen_cellen(page, wereld, screenshot):
    page.goto("/cijfers/benchmark?schooljaar=2025-2026&kengetal=relatiefVerzuim.meldingen")
    assert "/account/inloggen/" not in page.url
    grafiek = page.locator("[data-testid=grafiek-regios] svg")
    grafiek.wait_for()
    assert grafiek.get_attribute("role") == "img"
    assert (
        "per 1.000 leerplichtigen"
        in page.locator("[data-testid=grafiek-regios] svg title").text_content()
    )
    assert grafiek.locator("rect").count() >= 1  # bars drawn (Nederland at least)
    assert page.locator("[data-testid=grafiek-trend] svg circle").count() >= 1
    page.select_option("#gebied", "GM0392")
    page.locator("#kop-gebied ~ form button").click()
    page.wait_for_selector("#kop-gebied:has-text('Haarlem')")
    verborgen = page.locator("[data-testid=gebied] td[data-verborgen]")
    assert verborgen.count() > 0
    assert {t.strip() for t in verborgen.all_inner_texts()} == {"—"}
    html = page.content()
    for ll in vars(wereld.ll).values():
        assert ll.burgerservicenummer not in html
    screenshot(page, "cijfers-benchmark-openbaar")
