"""Accessibility (issue 8 §3, issue 13 §10): axe-core finds no violation of WCAG 2.1 A/AA or
axe's best practices on any page of any demo role.

The page list is not a hand list. A walker, one browser context and one login per role:

1. starts from the role's start page, its menu (web/nav.py) and every URL pattern without
   parameters (pages outside the menu, and the 403 page where the role has no access);
2. follows every same-origin link it finds, so URL parameters are filled from real objects
   the role can see (a melding in its inbox, the leerling behind it, a signal, an admin row);
3. visits each URL pattern once per set of query parameters (filters, search terms), and
   submits every GET form with a term that finds nothing (empty results) and every POST form
   emptied (the form with its errors shown);
4. runs axe (WCAG 2.1 A + AA tags and best-practice) on everything it renders, and the 404
   page, the public pages (login with errors, keuzehulp, public benchmark) as a visitor.

Afterwards every pattern of the URL conf (walked with `get_resolver()`) must have been
rendered by some role, or be in `UITGESLOTEN` with a reason; a new page that no link, menu
item or rule reaches fails `test_elke_pagina_van_elke_rol_zonder_axe_overtredingen`.

Registering a new page the walker cannot reach by itself (no link to it in the demo):
add its URL name to `ADRESSEN` with the role that sees it and a function of that user
returning the URL to visit (built from real objects of the demo world; add the objects to
the `demowereld` fixture when the demo lacks them), e.g.

    ADRESSEN["dossiers:heropenen"] = ("leerplichtambtenaar", lambda user: dossier(user, "gesloten"))

A POST-only pattern counts as reached when the walker submits a form to it.
A non-HTML endpoint (JSON, PDF, download) goes into `UITGESLOTEN` with the reason.
axe-core comes from npm (package.json, node_modules/axe-core) and is evaluated in the page
through the DevTools protocol, so the product's CSP stays as it is and the CSP guard of
conftest.py keeps watching every page visited here.
"""

from __future__ import annotations

import copy
import re
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import login, nieuwe_context, sluit

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
    # axe's CSSOM preload re-parses @import-ed stylesheets (the admin's forms.css) by adding
    # inline <style> elements: the product's CSP blocks them and the CSP guard would report
    # axe itself. Without it css-orientation-lock cannot judge (no stylesheet of ours locks
    # the orientation) and no-autoplay-audio has no media to preload (there is none).
    "preload": False,
}

#: URL patterns (route as in the URL conf, or a prefix ending in "/") that are not pages.
UITGESLOTEN: dict[str, str] = {
    "api/v1/": "the JSON API; checked by the API tests (schemathesis), no HTML",
    "brp-proef/": "Haal Centraal-shaped JSON of the local BRP store (demo/debug only)",
    "brieven/documenten/<uuid:uuid>.pdf": "a PDF letter; PDF/UA-1 is checked in brieven tests",
    r"cijfers/leerplichttelling-(?P<schooljaar>\d{4}-\d{4})\.(?P<formaat>xlsx|csv)$": (
        "the telling as XLSX/CSV download"
    ),
    "beheer/brieven/briefsjabloon/<path:object_id>/voorbeeld.pdf": "a PDF preview",
    "beheer/jsi18n/": "JavaScript catalogue of the admin",
    "beheer/autocomplete/": "JSON for the admin's select2 widgets",
    "beheer/r/<path:content_type_id>/<path:object_id>/": "redirects to the object's page",
    "beheer/login/": "redirects to the application's login (accounts:login), checked there",
    "beheer/logout/": "POST only; ends the session",
    "account/uitloggen/": "POST only; ends the session",
    "beheer/(?P<url>.*)$": "the admin's catch-all: a 404 (the 404 page is checked)",
    "privacy/inzage/<uuid:uuid>/overzicht.pdf": "the inzage overview as PDF (brieven: PDF/UA)",
    "privacy/inzage/<uuid:uuid>/overzicht.json": "the inzage overview as JSON (AVG art. 20)",
    "beheer/password_change/done/": "only after a successful password change (forms are "
    "submitted empty); the admin's plain message page",
    "dossiers/<uuid:uuid>/brief/versturen/": "POST only, by the preview's second button "
    "(formaction): redirects to the dossier, or renders dossiers/brief.html with its errors "
    "as dossiers:brief_voorbeeld does (reached emptied)",
}
_ADMIN_DOORVERWIJZING = re.compile(r"^beheer/.+/<path:object_id>/$")

#: Forms not submitted emptied (their effect would spoil the rest of the walk).
NIET_VERSTUREN: dict[str, str] = {
    "accounts:logout": "ends the session of the role being walked",
    "admin:logout": "ends the session of the role being walked",
}
_NIET_VERSTUREN_ADMIN = re.compile(r"^admin:.+_(delete|change)$")  # deletes / saves the row;
# the add forms render the same change_form template with its errors.

#: Pages no link of the demo leads to: URL name -> (role, function(user) -> the URL to
#: visit, built from real objects of the demo world). The walker starts there as well.
ADRESSEN: dict[str, tuple[str, Callable]] = {
    # The inzage request with the working notes (R-PR-2a): the LPA decides about them. First:
    # the dossier page's delete form (below) must not have removed a note before.
    "privacy:achterhouden": ("leerplichtambtenaar", lambda user: inzageverzoek(user)),
    "privacy:verstrekken": ("leerplichtambtenaar", lambda user: inzageverzoek(user)),
    # The vaststellen form is on the telling of a schooljaar that has ended (R-FG-1).
    "cijfers:vaststellen": (
        "leerplichtambtenaar",
        lambda user: reverse("cijfers:overzicht") + "?schooljaar=2025-2026",
    ),
    # A closed dossier has the heropenen form; an open one with a werkaantekening the
    # others (the walk's links may lead to either).
    "dossiers:heropenen": ("leerplichtambtenaar", lambda user: dossier(user, "gesloten")),
    "dossiers:werkaantekening_verwijderen": (
        "leerplichtambtenaar",
        lambda user: dossier(user, "open", met_aantekening=True),
    ),
    # The letter page's step 2 (the dossier's values, the form to the preview); step 1 is
    # linked from the dossier page.
    "dossiers:brief": (
        "leerplichtambtenaar",
        lambda user: (
            dossier(user, "open") + "brief/?soort=uitnodiging-gesprek&ontvanger=ouders&taal=nl"
        ),
    ),
    # The enforcement routes (R-CW-6..8): a Halt referral taken (its outcome form) and the
    # proces-verbaal questions on the same dossier (only the dossier with a route has them).
    "dossiers:handhaving": ("leerplichtambtenaar", lambda user: handhaving(user)),
    # The verlof check (R-CW-10) is on a dossier of the luxe-verzuim route.
    "dossiers:verloftoets": (
        "leerplichtambtenaar",
        lambda user: handhaving(user).split("handhaving/")[0],
    ),
    "dossiers:handhaving_start": (
        "leerplichtambtenaar",
        lambda user: handhaving(user, start="proces-verbaal"),
    ),
    # "Dossier openen" (R-CW-1) is on the page of a pupil without an open dossier at the
    # organisation (the form is submitted emptied: its errors on dossiers/openen.html).
    "dossiers:openen": ("leerplichtambtenaar", lambda user: leerling_zonder_dossier(user)),
    # The school answers a verzuimoverzicht request on its melding page (R-CW-3): the
    # melding of an open request to the school (the form is submitted emptied: its errors).
    "dossiers:verzuimoverzicht_antwoord": ("schoolmedewerker", lambda user: verzoek(user)),
}


def verzoek(user) -> str:
    from verzuim.dossiers.models import Verzuimoverzichtverzoek

    v = (
        Verzuimoverzichtverzoek.objects.filter(
            school=user.organisatie, beantwoord__isnull=True, vervallen__isnull=True
        )
        .order_by("pk")
        .first()
    )
    return reverse("meldingen:detail", kwargs={"uuid": v.melding.uuid})


def leerling_zonder_dossier(user) -> str:
    from verzuim.audit.context import actor_for_user
    from verzuim.dossiers.models import Dossier
    from verzuim.personen.queries import zichtbare_leerlingen

    leerling = (
        zichtbare_leerlingen(actor_for_user(user))
        .exclude(
            pk__in=Dossier.objects.filter(organisatie=user.organisatie, status="open").values(
                "leerling_id"
            )
        )
        .order_by("pk")
        .first()
    )
    return reverse("personen:leerling", kwargs={"uuid": leerling.uuid})


def inzageverzoek(user) -> str:
    from verzuim.privacy.models import Inzageverzoek

    v = Inzageverzoek.objects.filter(organisatie=user.organisatie).order_by("pk").first()
    return reverse("privacy:verzoek", kwargs={"uuid": v.uuid})


def handhaving(user, start: str = "") -> str:
    from verzuim.dossiers.models import Handhaving

    h = Handhaving.objects.filter(dossier__organisatie=user.organisatie).first()
    if start:
        return reverse("dossiers:handhaving_start", kwargs={"uuid": h.dossier.uuid, "soort": start})
    return reverse("dossiers:handhaving", kwargs={"uuid": h.dossier.uuid, "route": h.uuid})


def dossier(user, status: str, met_aantekening: bool = False) -> str:
    from verzuim.dossiers.models import Dossier, Werkaantekening

    d = Dossier.objects.filter(organisatie=user.organisatie, status=status)
    if met_aantekening:
        d = d.filter(pk__in=Werkaantekening.objects.values("dossier_id"))
    d = d.order_by("pk").first()
    return reverse("dossiers:detail", kwargs={"uuid": d.uuid})


#: Query parameters that do not change how a page renders (sorting, paging, return paths).
ZELFDE_WEERGAVE = {"next", "pagina"}
BEHEER = "beheer/"
GEEN_TREFFER = "zzqx-geen-treffer"
#: Query variants (sets of parameters) of one pattern per role, the plain page included.
MAX_VARIANTEN = 3
ANONIEM = "bezoeker"


def alle_routes() -> list[tuple[str, str | None]]:
    """(route, URL name with namespaces) of every pattern in the URL conf."""
    uit = []

    def loop(patronen, prefix: str, ns: str | None) -> None:
        for p in patronen:
            route = URLResolver._join_route(prefix, str(p.pattern))
            if isinstance(p, URLResolver):
                sub = ":".join(filter(None, [ns, p.namespace])) or None
                loop(p.url_patterns, route, sub)
            elif isinstance(p, URLPattern):
                naam = f"{ns}:{p.name}" if ns and p.name else p.name
                uit.append((route, naam))

    loop(get_resolver().url_patterns, "", None)
    return uit


def geen_rol_mag(route: str, houders) -> bool:
    """An admin page whose ModelAdmin grants no demo role the permission it needs (Django's
    own auth models, axes, the task queue, the audit log): not a page of any role."""
    from django.contrib.admin.options import ModelAdmin
    from django.test import RequestFactory

    with _suppress_404():
        match = resolve("/" + route.replace("<path:object_id>", "1"))
        beheer = getattr(match.func, "model_admin", None)
        if not isinstance(beheer, ModelAdmin):
            return False
        soort = match.url_name.rsplit("_", 1)[-1]
        for user in houders:
            request = RequestFactory().get("/")
            request.user = user
            mag = {
                "add": beheer.has_add_permission,
                "delete": beheer.has_delete_permission,
            }.get(soort, beheer.has_view_or_change_permission)(request)
            if mag and beheer.has_module_permission(request):
                return False
        return True
    return False


def uitgesloten(route: str) -> str | None:
    for sleutel, reden in UITGESLOTEN.items():
        if route == sleutel or (sleutel.endswith("/") and route.startswith(sleutel)):
            return reden
    if _ADMIN_DOORVERWIJZING.match(route) and not route.endswith(
        ("/change/", "/delete/", "/history/")
    ):
        return "the admin's redirect to the change page"
    return None


@dataclass
class Overtreding:
    rol: str
    url: str
    regel: str
    impact: str
    doelen: list[str]

    def __str__(self) -> str:
        return f"{self.regel} ({self.impact}) [{self.rol}] {self.url}: {', '.join(self.doelen)}"


@dataclass
class Verslag:
    overtredingen: list[Overtreding] = field(default_factory=list)
    routes: set[str] = field(default_factory=set)  # rendered (GET, or a form's result)
    paginas: int = 0
    bezocht: int = 0
    per_rol: Counter = field(default_factory=Counter)
    onbereikbaar: list[str] = field(default_factory=list)
    structuren: set[str] = field(default_factory=set)  # pages checked, by structure

    def regels(self) -> Counter:
        return Counter(o.regel for o in self.overtredingen)


class Wandelaar:
    """Walks the pages of one role in one browser page (one login)."""

    def __init__(self, page, rol: str, verslag: Verslag):
        self.page = page
        self.rol = rol
        self.verslag = verslag
        self.gezien: set[tuple] = set()
        self.wachtrij: deque[str] = deque()
        self.statussen_gecontroleerd: set[int] = set()

    # -- where to go
    def sleutel(self, pad: str, query: str) -> tuple | None:
        try:
            match = resolve(pad)
        except Resolver404:
            return None
        if uitgesloten(match.route):
            return None
        if match.route.startswith(BEHEER):
            # The admin's filters and sorting render the same changelist template; its
            # search form is submitted with a term that finds nothing (below).
            return (match.route, frozenset())
        keys = frozenset(k for k, _ in parse_qsl(query, keep_blank_values=True))
        return (match.route, keys - ZELFDE_WEERGAVE)

    def varianten(self, route: str) -> int:
        return sum(1 for s in self.gezien if s[0] == route)

    def voeg_toe(self, url: str) -> None:
        deel = urlsplit(url)
        basis = urlsplit(self.page.url or "")
        if deel.netloc and basis.netloc and deel.netloc != basis.netloc:
            return
        sleutel = self.sleutel(deel.path, deel.query)
        if sleutel is None or sleutel in self.gezien:
            return
        if sleutel[1] and self.varianten(sleutel[0]) >= MAX_VARIANTEN:
            return
        self.gezien.add(sleutel)
        self.wachtrij.append(f"{deel.path}?{deel.query}" if deel.query else deel.path)

    def wandel(self, startpunten: list[str], adressen: list[str] = ()) -> None:
        """From `startpunten`, and through `adressen` (ADRESSEN) even when a page of the
        same pattern is visited as well."""
        self.wachtrij.extend(adressen)
        for url in startpunten:
            # Most patterns without parameters are not this role's pages: ask the status
            # first (cheap) and render only pages, and one error page per status.
            antwoord = self.page.request.get(url)
            if antwoord.status == 405 or antwoord.status in self.statussen_gecontroleerd:
                continue  # 405: POST only, reached through its form
            if antwoord.status >= 400:
                self.bezoek(url)
            else:
                self.voeg_toe(url)
        while self.wachtrij:
            self.bezoek(self.wachtrij.popleft())

    # -- what to do on a page
    def bezoek(self, url: str) -> None:
        self.verslag.bezocht += 1
        self.verslag.per_rol[self.rol] += 1
        try:
            antwoord = self.page.goto(url)
        except PlaywrightError as e:  # e.g. a link to a POST-only URL (405, no body)
            self.verslag.onbereikbaar.append(f"[{self.rol}] {url}: {e.message.splitlines()[0]}")
            return
        status = antwoord.status if antwoord else 0
        if status >= 400:
            # An error page: checked once per status and role (it looks the same everywhere).
            if status not in self.statussen_gecontroleerd:
                self.statussen_gecontroleerd.add(status)
                self.controleer(f"{url} ({status})")
            return
        self.markeer_gerenderd(url)  # a redirect answered for its pattern too
        self.markeer_gerenderd(self.page.url)
        self.controleer(self.page.url)
        for link in self.page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)"):
            self.voeg_toe(link)
        self.verstuur_formulieren()

    def markeer_gerenderd(self, url: str) -> None:
        with _suppress_404():
            self.verslag.routes.add(resolve(urlsplit(url).path).route)

    def controleer(self, url: str) -> None:
        # Content htmx loads with the page (hx-trigger="load") is part of the page.
        self.page.wait_for_function(
            "() => !document.querySelector('[hx-trigger=\"load\"], .htmx-request')"
        )
        structuur = self.page.evaluate(STRUCTUUR)
        if structuur in self.verslag.structuren:
            return
        self.verslag.structuren.add(structuur)
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        uitkomst = self.page.evaluate("(opties) => axe.run(document, opties)", AXE_OPTIES)
        self.verslag.paginas += 1
        for v in uitkomst["violations"]:
            doelen = [" ".join(map(str, n["target"])) for n in v["nodes"]]
            self.verslag.overtredingen.append(
                Overtreding(self.rol, url, v["id"], v["impact"] or "", doelen)
            )

    def verstuur_formulieren(self) -> None:
        """Each form once per role: GET forms with a term that finds nothing, POST forms
        emptied; the page that comes back is checked (results, or the errors shown)."""
        herkomst = resolve(urlsplit(self.page.url).path).route
        formulieren = self.page.eval_on_selector_all(
            "form",
            """fs => fs.map((f, i) => ({i, methode: (f.getAttribute('method') || 'get')
                 .toLowerCase(), actie: f.action}))""",
        )
        te_doen = []
        for f in formulieren:
            actie = urlsplit(f["actie"]).path
            try:
                match = resolve(actie)
            except Resolver404:
                continue
            naam = match.view_name
            if uitgesloten(match.route):
                continue
            if naam in NIET_VERSTUREN or _NIET_VERSTUREN_ADMIN.match(naam or ""):
                continue
            sleutel = ("formulier", herkomst, naam, f["methode"])
            if sleutel in self.gezien:
                continue
            self.gezien.add(sleutel)
            self.verslag.routes.add(match.route)
            te_doen.append(f)
        if not te_doen:
            return
        terug = self.page.url
        for f in te_doen:
            if self.page.url != terug:
                self.page.goto(terug)
            # A form submitted before may have changed the page (a form gone, one added).
            i = self.page.evaluate(ZOEK_FORMULIER, [f["actie"], f["methode"]])
            if i < 0:
                continue
            try:
                with self.page.expect_navigation():
                    self.page.evaluate(VERSTUUR, [i, f["methode"] == "get", GEEN_TREFFER])
            except PlaywrightError as e:
                self.verslag.onbereikbaar.append(
                    f"[{self.rol}] form {f['methode']} {f['actie']} on {terug}: "
                    + e.message.splitlines()[0]
                )
                continue
            self.page.wait_for_load_state()
            self.markeer_gerenderd(self.page.url)
            resultaat = urlsplit(self.page.url)
            self.gezien.add(self.sleutel(resultaat.path, resultaat.query))
            self.controleer(f"{self.page.url} (formulier van {terug}, {f['methode']})")
            for link in self.page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)"):
                self.voeg_toe(link)


ZOEK_FORMULIER = """([actie, methode]) => [...document.querySelectorAll("form")].findIndex(
  (f) => f.action === actie && (f.getAttribute("method") || "get").toLowerCase() === methode)"""

# Submit form number i without the browser's own validation and without htmx (a plain
# navigation, so the whole page comes back): GET forms get the no-match term in their text
# fields, POST forms are emptied. The first submit button's name/value goes along.
VERSTUUR = """([i, zoek, term]) => {
  const f = document.querySelectorAll("form")[i];
  for (const el of f.querySelectorAll("input, textarea")) {
    const soort = (el.getAttribute("type") || "text").toLowerCase();
    if (["hidden", "submit", "button", "checkbox", "radio", "file"].includes(soort)) continue;
    el.value = zoek && ["text", "search"].includes(soort) ? term : "";
  }
  const knop = f.querySelector("button:not([type]), button[type=submit], input[type=submit]");
  if (knop && knop.name) {
    const mee = document.createElement("input");
    mee.type = "hidden"; mee.name = knop.name; mee.value = knop.value;
    f.append(mee);
  }
  f.noValidate = true;
  HTMLFormElement.prototype.submit.call(f);
}"""


# What axe judges of a page: the set of its element kinds (parent > tag, classes, type,
# role, ARIA attributes; landmarks with their names). A page of the same structure as one
# already checked (another role's inbox, the next admin change form) is not checked again.
STRUCTUUR = """() => {
  const soorten = new Set();
  for (const el of document.querySelectorAll("*")) {
    const aria = [...el.attributes].map((a) => a.name).filter((n) => n.startsWith("aria-"));
    const landmark = /^(NAV|ASIDE|HEADER|FOOTER|MAIN|FORM|SECTION)$/.test(el.tagName);
    soorten.add([
      el.parentElement ? el.parentElement.tagName : "", el.tagName,
      [...el.classList].sort().join("."), el.getAttribute("type") || "",
      el.getAttribute("role") || "", aria.sort().join(","),
      landmark ? el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || "" : "",
    ].join("|"));
  }
  return [...soorten].sort().join("\\n");
}"""


class _suppress_404:
    def __enter__(self):
        return self

    def __exit__(self, soort, fout, tb):
        return soort is Resolver404


@pytest.fixture
def demowereld(referentiedata, testmodus, settings):
    """The demo as `./dev demo` builds it, smaller: region, meldingen through the real
    intake, letterheads, signals, two earlier schooljaren."""
    from django.contrib.auth.models import Permission
    from django.utils import timezone

    from verzuim import clock
    from verzuim.accounts.models import Gebruiker
    from verzuim.audit.context import actor_for_user
    from verzuim.brieven.demo import maak_briefhoofden
    from verzuim.brieven.models import BriefSjabloon
    from verzuim.cijfers.demo import maak_geschiedenis
    from verzuim.dossiers.models import Dossier, DossierInstelling, Handhaving, SvbAfspraak
    from verzuim.dossiers.services import sluit
    from verzuim.dossiers.werkaantekeningen import schrijf_werkaantekening
    from verzuim.meldingen.demo import maak_demo_meldingen
    from verzuim.meldingen.tests.conftest import zorg_voor_referentie
    from verzuim.organisaties.models import Organisatie, Schooldag
    from verzuim.personen.demo import VANDAAG, maak_demo
    from verzuim.personen.queries import zichtbare_leerlingen
    from verzuim.personen.scenario import laad_scenario
    from verzuim.privacy.services import houd_aantekening_achter, lezer_voor, registreer_verzoek
    from verzuim.signalen.demo import maak_demo_signalen

    settings.DEMO = True
    zorg_voor_referentie()
    clock.set_today(VANDAAG)
    laad_scenario(copy.deepcopy(maak_demo(600, seed=1)), demo=True)
    maak_demo_meldingen(20)
    maak_briefhoofden()
    maak_demo_signalen()
    maak_geschiedenis(per_jaar=30)
    # A row in the beheer tables the demo leaves empty, so their change pages are reached.
    BriefSjabloon.objects.create(
        organisatie=Organisatie.objects.get(code="GM0392"),
        soort="uitnodiging-gesprek", ontvanger="ouders", taal="nl",
        onderwerp="Gesprek over {{ leerling.naam }}",
        tekst="Geachte ouder,\n\nKom op {{ gesprek.datum }}.\n\nMet vriendelijke groet,",
    )  # fmt: skip
    haarlem = Organisatie.objects.get(code="GM0392")
    DossierInstelling.objects.create(organisatie=haarlem, vervolg_weken=6)
    SvbAfspraak.objects.create(gemeente=haarlem.gemeente, sinds=VANDAAG)
    # Dossiers (issue 9): a team lead (assigning), a werkaantekening, a closed dossier.
    lpa = Gebruiker.objects.get(username="lpa.haarlem")
    lpa.user_permissions.add(
        Permission.objects.get(content_type__app_label="dossiers", codename="teamleider")
    )
    lpa_actor = actor_for_user(lpa)
    dossiers = list(
        Dossier.objects.filter(organisatie=lpa.organisatie, status="open")
        .exclude(leerling__burgerservicenummer=None)
        .order_by("pk")[:3]
    )
    schrijf_werkaantekening(lpa_actor, dossiers[0], "Moeder belt terug na de vakantie.")
    sluit(lpa_actor, dossiers[1], "verzuim-gestopt", "Weer elke dag op school.")
    # An inzage request (issue 12) about another pupil with werkaantekeningen, one of them
    # withheld (R-PR-2a): the request page shows both decision forms. (Not dossiers[0]: the
    # walk deletes a note there through the dossier page's form.)
    schrijf_werkaantekening(lpa_actor, dossiers[2], "Vader werkt in ploegendienst.")
    buurvrouw = schrijf_werkaantekening(lpa_actor, dossiers[2], "Buurvrouw belde over het gezin.")
    officer = actor_for_user(Gebruiker.objects.get(username="privacy.haarlem"))
    leerling = zichtbare_leerlingen(lezer_voor(officer)).get(pk=dossiers[2].leerling_id)
    verzoek = registreer_verzoek(
        officer, nummer=leerling.burgerservicenummer, verzoeker="J. Ouder", relatie="ouder",
        ontvangen=VANDAAG, toelichting="Wil weten wat er over haar kind is vastgelegd.",
        toestemming_leerling=True,  # the consent form (R-PR-2a) is on the page at any age
    )  # fmt: skip
    houd_aantekening_achter(lpa_actor, verzoek.uuid, buurvrouw.pk, grond="rechten-anderen",
                            reden="Geeft de melding van een buurvrouw weer.")  # fmt: skip
    # A Halt referral (R-CW-6) on the open dossier, as the route service writes it; the
    # dossier follows the luxe-verzuim route (its verlof check form, R-CW-10).
    Dossier.objects.filter(pk=dossiers[0].pk).update(route="luxe-verzuim")
    Handhaving.objects.create(
        dossier=dossiers[0], soort="halt", gestart=VANDAAG, auteur=lpa, auteur_label="L. Smit",
        redenen=[{"regel": "R-CW-6", "tekst": "De leerling is 14 jaar (12 tot en met 17)."}],
        geregistreerd=timezone.now(),
    )  # fmt: skip
    Schooldag.objects.create(
        instelling=Organisatie.objects.filter(soort="school").order_by("code").first(),
        datum=VANDAAG, omschrijving="Studiedag",
    )  # fmt: skip
    # A verzuimoverzicht request to the walked school (R-CW-3): its melding page has the
    # answer form (ADRESSEN["dossiers:verzuimoverzicht_antwoord"]).
    from verzuim.audit.context import SYSTEEM
    from verzuim.dossiers.models import DossierMelding
    from verzuim.dossiers.verzuimoverzicht import vraag_verzuimoverzicht

    k = (
        DossierMelding.objects.filter(
            melding__instelling=rolhouders()["schoolmedewerker"].organisatie,
            dossier__status="open",
            doorgestuurd__isnull=True,
        )
        .select_related("dossier", "melding")
        .order_by("pk")
        .first()
    )
    vraag_verzuimoverzicht(SYSTEEM, k.dossier, k.melding.uuid, "Graag per lesuur.")
    yield
    clock.set_today(None)


def rolhouders() -> dict[str, object]:
    """One demo user per role (the first by name); every role must have one."""
    from verzuim.accounts.models import Gebruiker, Rol

    gebruikers = list(Gebruiker.objects.filter(is_active=True).order_by("username"))
    houders = {}
    for rol in Rol.values:
        houder = next((g for g in gebruikers if rol in (g.rollen or [])), None)
        assert houder is not None, f"the demo has no user with the role {rol}"
        houders[rol] = houder
    return houders


def startpunten(user) -> list[str]:
    """The start page, the menu and every pattern without parameters (admin: its index)."""
    from verzuim.web.nav import menu_voor

    urls = ["/", *(item["url"] for item in menu_voor(user))]
    for route, naam in alle_routes():
        if naam and not uitgesloten(route) and not route.startswith("beheer/"):
            with _suppress_no_reverse():
                urls.append(reverse(naam))
    urls.append(reverse("admin:index"))
    return urls


def adressen(user) -> list[str]:
    return [adres(user) for rol, adres in ADRESSEN.values() if rol in (user.rollen or [])]


class _suppress_no_reverse:
    def __enter__(self):
        return self

    def __exit__(self, soort, fout, tb):
        from django.urls import NoReverseMatch

        return soort is NoReverseMatch


def test_elke_pagina_van_elke_rol_zonder_axe_overtredingen(
    demowereld, chromium, live_server, csp_schendingen, settings
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from verzuim.accounts.models import Rol
    from verzuim.accounts.services import DEMO_WACHTWOORD

    begin = time.perf_counter()
    verslag = Verslag()

    # A visitor: the login page (also with its errors), the public pages, the 404 page.
    context = nieuwe_context(chromium, live_server, csp_schendingen)
    try:
        bezoeker = Wandelaar(context.new_page(), ANONIEM, verslag)
        bezoeker.wandel(["/", reverse("web:keuzehulp"), reverse("cijfers:benchmark")])
        bezoeker.bezoek("/bestaat-niet/")
    finally:
        sluit(context)

    houders = rolhouders()
    for rol, user in houders.items():
        context = nieuwe_context(chromium, live_server, csp_schendingen)
        try:
            page = context.new_page()
            login(page, user.username, DEMO_WACHTWOORD)
            wandelaar = Wandelaar(page, f"{rol} ({user.username})", verslag)
            wandelaar.wandel(startpunten(user), adressen(user))
            wandelaar.bezoek("/bestaat-niet/")
        finally:
            sluit(context)

    # The 2FA steps (off in test mode): setting it up, and entering the code, with errors.
    settings.VERZUIM_2FA_REQUIRED = True
    met_apparaat = houders[Rol.LEERPLICHTAMBTENAAR]
    TOTPDevice.objects.create(user=met_apparaat, name="Authenticator-app", confirmed=True)
    for user in (houders[Rol.SCHOOLMEDEWERKER], met_apparaat):
        context = nieuwe_context(chromium, live_server, csp_schendingen)
        try:
            page = context.new_page()
            login(page, user.username, DEMO_WACHTWOORD)  # lands on a 2FA step
            Wandelaar(page, f"2FA ({user.username})", verslag).wandel([page.url])
        finally:
            sluit(context)

    duur = time.perf_counter() - begin
    niet_bereikt = sorted(
        f"{route} ({naam})"
        for route, naam in alle_routes()
        if route not in verslag.routes
        and not uitgesloten(route)
        and not geen_rol_mag(route, houders.values())
    )
    samenvatting = ", ".join(f"{r}: {n}" for r, n in verslag.regels().most_common()) or "geen"
    print(
        f"\naxe: {verslag.bezocht} pages visited, {verslag.paginas} checked (distinct "
        f"structures) in {duur:.0f} s; per role {dict(verslag.per_rol)}; violations: "
        f"{samenvatting}"
    )
    assert not verslag.onbereikbaar, "pages that did not load:\n" + "\n".join(verslag.onbereikbaar)
    fouten = [str(o) for o in verslag.overtredingen]
    assert not fouten, f"{len(fouten)} axe-overtredingen:\n" + "\n".join(fouten)
    assert not niet_bereikt, (
        "URL patterns no role reached (add a link, an ADRESSEN entry, or an UITGESLOTEN "
        "reason in tests/browser/test_toegankelijkheid.py):\n" + "\n".join(niet_bereikt)
    )
