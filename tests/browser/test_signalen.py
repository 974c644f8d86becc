"""Acceptance test of issue 10 in a real browser (Playwright + Debian chromium): the
leerplichtambtenaar sees an absoluut-verzuim signal on the worklist (with the count in the
menu), opens it and reads why (R-SG-1); the school then enrols the child over the API and
the signal resolves on the next nightly run, with how it ended.

Between reading why and the enrolment, the leerplichtambtenaar takes the signal into a
dossier with one action (issue 9: the R-CW-9 route) and the signal shows the dossier."""

from __future__ import annotations

import copy
import datetime as dt
import re

import httpx
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from verzuim import clock
from verzuim.meldingen.tests.conftest import zorg_voor_referentie
from verzuim.personen.scenario import DEMO_WACHTWOORD, laad_scenario
from verzuim.signalen.tests.conftest import NOOIT, SCENARIO, VANDAAG, token_waarde

pytestmark = pytest.mark.browser


@pytest.fixture
def wereld(referentiedata, testmodus, settings):
    settings.DEMO = True
    zorg_voor_referentie()
    laad_scenario(copy.deepcopy(SCENARIO), demo=True)
    clock.set_today(VANDAAG)
    call_command("signalen", "--peildatum", VANDAAG.isoformat())
    yield
    clock.set_today(None)


def menu(page, label):
    return page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name=re.compile(rf"^{label}")
    )


def test_absoluut_verzuim_zien_lezen_en_opgelost_na_inschrijving(
    wereld, page, inloggen, live_server, screenshot
):
    lpa = page
    inloggen(lpa, "lpa.haarlem", DEMO_WACHTWOORD)
    # 1. The worklist, with the count of open signals in the menu.
    expect(menu(lpa, "Signalen")).to_contain_text("3")
    menu(lpa, "Signalen").click()
    expect(lpa.locator("h1")).to_have_text("Signalen")
    rij = lpa.locator("tr", has_text="Noor Achternaam111")
    expect(rij).to_contain_text("Nooit ingeschreven op een school")
    screenshot(lpa, "signalen-werklijst")
    # 2. Open it and read why.
    rij.get_by_role("link", name="Noor Achternaam111").click()
    expect(lpa.locator("h1")).to_have_text("Absoluut verzuim: Noor Achternaam111")
    expect(lpa.get_by_test_id("status")).to_have_text(re.compile(r"^open sinds 23-11-2026"))
    redenen = lpa.get_by_test_id("redenen")
    expect(redenen.locator('[data-regel="R-SG-1"]').first).to_contain_text(
        "Absoluut verzuim: leerplichtig op 23-11-2026 (10 jaar), niet ingeschreven op een school"
    )
    expect(redenen).to_contain_text("Nooit ingeschreven op een school (volgens het register).")
    expect(lpa.get_by_test_id("dossier")).to_have_text("nog geen dossier")
    screenshot(lpa, "signaal-absoluut-verzuim")
    signaal_url = lpa.url
    # 2b. Into a dossier with one action: the absoluut-verzuim route (R-CW-9).
    lpa.get_by_role("button", name="In dossier opnemen").click()
    expect(lpa.locator("h1")).to_have_text("Dossier Noor Achternaam111")
    expect(lpa.get_by_test_id("route")).to_contain_text("Route: Absoluut verzuim")
    expect(lpa.get_by_test_id("tijdlijn")).to_contain_text("Signaal opgenomen")
    lpa.goto(signaal_url)
    expect(lpa.get_by_test_id("dossier")).to_have_text("Naar het dossier")
    expect(lpa.get_by_role("button", name="In dossier opnemen")).to_have_count(0)

    # 3. The school enrols the child (its software, over the API).
    clock.set_today(VANDAAG + dt.timedelta(days=1))
    r = httpx.post(
        f"{live_server.url}/api/v1/inschrijvingen",
        json={
            "leerling": {"burgerservicenummer": NOOIT},
            "vestiging": "99XA00",
            "begindatum": "2026-11-24",
        },  # fmt: skip
        headers={"Authorization": f"Bearer {token_waarde('school_a')}"},
    )
    assert r.status_code == 201, r.text
    # Until the next run the signal stays open.
    lpa.reload()
    expect(lpa.get_by_test_id("status")).to_have_text(re.compile(r"^open sinds"))

    # 4. The nightly run: the signal resolves itself and keeps its history.
    call_command("signalen", "--peildatum", "2026-11-24")
    lpa.goto(signaal_url)
    expect(lpa.get_by_test_id("status")).to_have_text(
        "opgelost op 24-11-2026: Ingeschreven op een school"
    )
    expect(menu(lpa, "Signalen")).to_contain_text("2")
    screenshot(lpa, "signaal-opgelost")
