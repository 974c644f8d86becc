"""The browser harness itself: chromium reaches the live server and a user logs in through
the real login form."""

import pytest

pytestmark = pytest.mark.browser


def test_inloggen_via_het_formulier(page, maak_gebruiker, inloggen):
    maak_gebruiker("lpa.harness", "GM0363", ["leerplichtambtenaar"])
    inloggen(page, "lpa.harness")
    assert page.locator("h1").count() == 1
    assert "lpa.harness" in page.locator("header").inner_text()


def test_verkeerd_wachtwoord_blijft_op_de_inlogpagina(page, maak_gebruiker, inloggen):
    maak_gebruiker("lpa.harness2", "GM0363", ["leerplichtambtenaar"])
    with pytest.raises(AssertionError, match="login of lpa.harness2 failed"):
        inloggen(page, "lpa.harness2", "fout-wachtwoord-123")
