"""A functioneel beheerder edits a letter template in beheer, in a real browser: the page
shows the preview with the fictitious demo pupil, the PDF preview is a real PDF, and an
unknown placeholder is refused with an error naming it and its line."""

import io

import pytest

pytestmark = pytest.mark.browser


def test_template_preview_and_unknown_placeholder(page, maak_gebruiker, inloggen, screenshot):
    maak_gebruiker("sjablonen.browser", "GM0363", ["functioneel-beheerder"])
    inloggen(page, "sjablonen.browser")

    page.goto("/beheer/brieven/briefsjabloon/")
    page.locator("a[href$='soort=uitnodiging-gesprek&ontvanger=ouders&taal=nl']").click()
    # The add page starts from the shipped default, with a preview on fictitious data.
    voorbeeld = page.locator(".brief-voorbeeld")
    assert "Uitnodiging voor een gesprek over Daan de Vries" in voorbeeld.inner_text()
    assert "VOORBEELD – fictieve gegevens" in voorbeeld.inner_text()

    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert "/change/" in page.url
    assert "Voorbeeld met fictieve gegevens" in page.locator("#brief-voorbeeld").inner_text()
    # The PDF link, fetched with the browser's own session (cookies).
    href = page.get_by_role("link", name="Voorbeeld als PDF openen").get_attribute("href")
    pdf = page.request.get(href)
    assert pdf.headers["content-type"] == "application/pdf"
    from pypdf import PdfReader

    assert "Daan de Vries" in PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text()

    tekst = page.locator("textarea[name=tekst]")
    tekst.fill("Geachte ouder,\n\nUw kind heeft schoenmaat {{ leerling.schoenmaat }}.")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    fout = page.locator(".errorlist").first.inner_text()
    assert "Tekst, regel 3: onbekende plaatshouder {{ leerling.schoenmaat }}" in fout
    screenshot(page, "brieven-beheer-fout")
    # Nothing was saved: the preview still shows the last good version.
    assert (
        "Uitnodiging voor een gesprek over Daan de Vries"
        in page.locator(".brief-voorbeeld").inner_text()
    )
