"""Real-browser test harness: Playwright driving Debian's chromium against pytest-django's
`live_server` (a real HTTP server in a thread of the test process, on the test database).

- Playwright never downloads a browser: we launch /usr/bin/chromium (override with
  VERZUIM_CHROMIUM) with flags that keep it off the network.
- Playwright's sync API runs an asyncio loop in the test thread; Django then refuses ORM
  calls there (SynchronousOnlyOperation). The ORM calls of the tests and of the live server
  are plain synchronous code, so we allow them (the usual pattern for Playwright + Django).
- `live_server` implies `transactional_db`: the tables are flushed after every test, the
  reference data of the organisaties migration included, so `referentiedata` puts it back.
- Works with pytest-xdist: each worker has its own test database and its own live server
  on a free port.
- Every browser context is watched for Content-Security-Policy violations (issue 8 §2): a
  test in which any page breaks the CSP fails at teardown, so new tests are covered too.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("VERZUIM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
WACHTWOORD = "Correct-Paard-Batterij-42"
SCREENSHOT_DIR = Path(os.environ.get("VERZUIM_SCREENSHOT_DIR", "var/screenshots"))


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not installed: apt-get install chromium (./dev test does this)")
    pw = sync_playwright().start()
    yield pw
    pw.stop()


@pytest.fixture(scope="session")
def chromium(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def referentiedata(transactional_db):
    """Gemeenten, RMC-regio's and their organisations, as the organisaties migration loads
    them, and the dossiers' activity types: a previous transactional test may have flushed
    them. (A `serialized_rollback` test flushes without `post_migrate`, so the types'
    receiver in dossiers/apps.py does not put them back then.)"""
    from django.apps import apps

    from verzuim.dossiers.models import ActiviteitSoort
    from verzuim.dossiers.soorten import zorg_voor_soorten
    from verzuim.organisaties.models import Gemeente
    from verzuim.organisaties.referentie import laad_basis

    if not Gemeente.objects.exists():
        laad_basis(apps)
    zorg_voor_soorten(ActiviteitSoort)


@pytest.fixture
def testmodus(settings):
    """Demo/test mode as the live server sees it: 2FA off (it has its own tests), a fast
    password hasher. (VERZUIM_DEMO from the root conftest comes after pytest-django has
    loaded the settings, so we set the effective values here.)"""
    settings.VERZUIM_2FA_REQUIRED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Runs in every document before its own scripts: each violation goes to Python at once
# (a binding, so a violation just before a navigation is not lost with the page).
CSP_LUISTERAAR = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspSchending({
    richtlijn: e.effectiveDirective, geblokkeerd: e.blockedURI, pagina: e.documentURI,
    bron: e.sourceFile, regel: e.lineNumber, voorbeeld: e.sample,
  });
});
"""


def bewaak_csp(context, schendingen: list) -> None:
    """Record every CSP violation in `context` into `schendingen`: the DOM's
    securitypolicyviolation events and Chromium's console reports ("Refused to ...")."""
    context.expose_binding("__cspSchending", lambda _bron, schending: schendingen.append(schending))
    context.add_init_script(CSP_LUISTERAAR)

    def console(bericht):
        if bericht.type == "error" and "Content Security Policy" in bericht.text:
            schendingen.append(
                {"console": bericht.text, "pagina": bericht.page and bericht.page.url}
            )

    context.on("console", console)

    def bron(antwoord):
        # A stylesheet, script, image or icon that fails is a broken page (issue 13: the
        # favicon 404); documents and htmx requests are the tests' own business.
        if antwoord.status >= 400 and antwoord.request.resource_type not in {
            "document",
            "fetch",
            "xhr",
        }:
            schendingen.append({"bron mislukt": antwoord.url, "status": antwoord.status})

    context.on("response", bron)


def controleer_csp(schendingen: list) -> None:
    if schendingen:
        regels = "\n".join(f"  {s}" for s in schendingen)
        raise AssertionError(
            f"Content-Security-Policy violated or a page resource failed ({len(schendingen)}):"
            f"\n{regels}"
        )


def sluit(context) -> None:
    """Let pending violation reports arrive (they are queued as tasks), then close."""
    from playwright.sync_api import Error as PlaywrightError

    for open_page in context.pages:
        # A page mid-navigation or crashed has nothing left to flush.
        with contextlib.suppress(PlaywrightError):
            open_page.evaluate("() => new Promise((klaar) => setTimeout(klaar, 0))")
    context.close()


@pytest.fixture
def csp_schendingen() -> Iterator[list]:
    """The CSP violations of this test's browser contexts; any at the end fail the test.
    A test that provokes violations on purpose empties the list itself."""
    schendingen: list = []
    yield schendingen
    controleer_csp(schendingen)


def nieuwe_context(chromium, live_server, schendingen: list, **opties):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 1280, "height": 900},
        **opties,
    )
    context.set_default_timeout(10_000)
    bewaak_csp(context, schendingen)
    return context


@pytest.fixture
def browser_context(chromium, live_server, referentiedata, testmodus, csp_schendingen):
    """A fresh browser profile per test (no cookies shared between users or tests)."""
    context = nieuwe_context(chromium, live_server, csp_schendingen)
    yield context
    sluit(context)


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()


@pytest.fixture
def new_page(browser_context, chromium, live_server, csp_schendingen) -> Iterator[Callable]:
    """Another browser profile, for a second user in the same test."""
    contexts = []

    def _new_page():
        ctx = nieuwe_context(chromium, live_server, csp_schendingen)
        contexts.append(ctx)
        return ctx.new_page()

    yield _new_page
    for ctx in contexts:
        sluit(ctx)


@pytest.fixture
def maak_gebruiker(transactional_db, testmodus) -> Callable:
    """Create a user of an organisation with roles; the password is `WACHTWOORD`."""
    from verzuim.accounts.models import Gebruiker
    from verzuim.organisaties.models import Organisatie

    def _maak(gebruikersnaam: str, organisatie: str | Organisatie, rollen: list[str], **extra):
        if isinstance(organisatie, str):
            organisatie = Organisatie.objects.get(code=organisatie)
        user = Gebruiker(
            username=gebruikersnaam, organisatie=organisatie, rollen=list(rollen), **extra
        )
        user.set_password(WACHTWOORD)
        user.save()
        return user

    return _maak


def login(page, gebruikersnaam: str, wachtwoord: str = WACHTWOORD) -> None:
    """Sign in through the real login form (2FA is off in demo/test mode)."""
    page.goto("/account/inloggen/")
    page.locator("input[name=username]").fill(gebruikersnaam)
    page.locator("input[name=password]").fill(wachtwoord)
    page.locator("main form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_load_state()
    if "/account/inloggen/" in page.url:
        raise AssertionError(f"login of {gebruikersnaam} failed: {page.content()[:2000]}")


@pytest.fixture
def inloggen() -> Callable:
    return login


@pytest.fixture
def screenshot(request) -> Callable:
    """`screenshot(page, "naam")` writes var/screenshots/<naam>.png (for a human to look at)."""

    def _shot(page, naam: str) -> Path:
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_DIR / f"{naam}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot
