"""Content-Security-Policy in the browser (issue 8 §2). The guard in conftest.py fails every
browser test in which a page violates the CSP; here we prove that it catches violations and
that the pages the other tests do not reach (registerbeheer with its select2 autocomplete)
keep working under the policy."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import WACHTWOORD, controleer_csp

pytestmark = pytest.mark.browser


def test_guard_catches_inline_script_style_and_handler(page, settings, csp_schendingen):
    settings.ROOT_URLCONF = "tests.browser.csp_proef_urls"
    antwoord = page.goto("/csp-proef/")
    assert "script-src 'self'" in antwoord.headers["content-security-policy"]
    page.locator("#knop").click()
    page.evaluate("() => new Promise((klaar) => setTimeout(klaar, 0))")

    # The browser blocked all three ...
    assert page.evaluate("document.body.dataset.inline") is None
    assert page.evaluate("document.body.dataset.klik") is None
    kleur = page.locator("#opgemaakt").evaluate("e => getComputedStyle(e).color")
    assert kleur != "rgb(255, 0, 0)"
    # ... and the guard saw each of them, both as DOM event and as console report.
    richtlijnen = {s.get("richtlijn") for s in csp_schendingen}
    assert {"script-src-elem", "style-src-attr", "script-src-attr"} <= richtlijnen
    assert any("console" in s for s in csp_schendingen)
    with pytest.raises(AssertionError, match="Content-Security-Policy violated"):
        controleer_csp(csp_schendingen)
    csp_schendingen.clear()  # provoked on purpose; the guard's teardown must not fail this test


def test_guard_catches_a_violation_on_an_application_page(page, csp_schendingen):
    """Content added to a real page (with the application's header) later, as a swap would."""
    page.goto("/keuzehulp")
    page.evaluate(
        """() => {
          const s = document.createElement("script");
          s.textContent = "window.ingespoten = true";
          document.body.append(s);
        }"""
    )
    page.evaluate("() => new Promise((klaar) => setTimeout(klaar, 0))")
    assert page.evaluate("window.ingespoten") is None
    assert any(s.get("richtlijn") == "script-src-elem" for s in csp_schendingen)
    csp_schendingen.clear()


def test_registerbeheer_works_under_the_csp(page, maak_gebruiker, inloggen):
    """Django's admin and its select2 autocomplete need no inline script or style."""
    maak_gebruiker("beheerder", None, ["registerbeheerder"])
    inloggen(page, "beheerder")
    page.goto("/beheer/")
    expect(page.locator("#site-name")).to_contain_text("registerbeheer")
    page.goto("/beheer/organisaties/gemeente/")
    expect(page.locator("#result_list")).to_be_visible()
    page.goto("/beheer/organisaties/organisatie/add/")
    # The autocomplete (select2, jQuery) opens, searches over the API and selects.
    page.locator(".field-gemeente .select2-selection").click()
    page.locator(".select2-search__field").fill("Utrecht")
    optie = page.locator(".select2-results__option", has_text="Utrecht").first
    expect(optie).to_be_visible()
    optie.click()
    expect(page.locator("#select2-id_gemeente-container")).to_contain_text("Utrecht")
    # The two-list widget (SelectFilter2.js) filters its options.
    page.locator("#id_werkgebied_input").press_sequentially("Aalsmeer")
    expect(page.locator("#id_werkgebied_from option")).to_have_count(1)
    # The navigation sidebar's filter (nav_sidebar.js).
    page.locator("#nav-filter").fill("token")
    expect(page.locator("#nav-sidebar").get_by_role("link", name="API-tokens")).to_be_visible()
    expect(page.locator("#nav-sidebar").get_by_role("link", name="Gemeenten")).to_be_hidden()


def test_twee_factor_setup_with_its_qr_code_under_the_csp(page, settings, maak_gebruiker):
    """The QR code is inline SVG rendered by the server: no style, no script, no data: URL."""
    maak_gebruiker("lpa", "GM0363", ["leerplichtambtenaar"])
    settings.VERZUIM_2FA_REQUIRED = True
    page.goto("/account/inloggen/")
    page.locator("input[name=username]").fill("lpa")
    page.locator("input[name=password]").fill(WACHTWOORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/account/2fa/instellen/"))
    expect(page.locator("figure.vr-qr svg")).to_be_visible()
