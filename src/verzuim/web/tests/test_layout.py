"""Web skeleton (issue 2 item 10): layout with organisation and roles, navigation and start
page per role, accessibility basics, Dutch error pages, dd-mm-jjjj dates, vendored assets."""

import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string

from verzuim.accounts.testing import inloggen
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.organisaties.models import Organisatie
from verzuim.web import nav
from verzuim.web.management.commands.collect_assets import BESTANDEN
from verzuim.web.templatetags.verzuim import datum_nl, datumtijd_nl

pytestmark = pytest.mark.django_db


def pagina(client, rollen, organisatie="GM0363", **kw):
    org = Organisatie.objects.get(code=organisatie) if organisatie else None
    inloggen(client, GebruikerFactory(rollen=rollen, organisatie=org, first_name="Anna", **kw))
    # A role with its own start page (the beleidsmedewerker: the figures) is sent there.
    return client.get("/", follow=True).content.decode()


def test_header_shows_organisation_and_roles(client):
    html = pagina(client, ["leerplichtambtenaar", "administratief-medewerker"])
    assert "Gemeente Amsterdam" in html
    assert "Leerplichtambtenaar, Administratief medewerker" in html
    assert "Uitloggen" in html


def test_accessibility_basics(client):
    html = pagina(client, ["leerplichtambtenaar"])
    assert '<html lang="nl"' in html
    assert html.count("<h1") == 1
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html  # skip link
    assert '<nav aria-label="Hoofdmenu"' in html
    assert 'aria-current="page"' in html  # current page marked in the menu
    assert "utrecht-theme" in html  # design-token theme class on body


@pytest.mark.parametrize(
    ("rollen", "verwacht", "niet"),
    [
        (["privacy-officer"], ["Auditlog"], ["Beheer"]),
        (["registerbeheerder"], ["Beheer"], ["Auditlog"]),
        (["leerplichtambtenaar"], [], ["Auditlog", "Beheer"]),
        (["beleidsmedewerker"], [], ["Auditlog", "Beheer"]),
    ],
)
def test_navigation_per_role(client, rollen, verwacht, niet):
    html = pagina(client, rollen)
    menu = html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]
    for label in verwacht:
        assert f">{label}</a>" in menu
    for label in niet:
        assert f">{label}</a>" not in menu


def test_nav_item_appears_only_when_route_exists(client, rf, monkeypatch):
    # A copy of the registry: the real items (Keuzehulp) stay for the other tests.
    monkeypatch.setattr(nav, "_ITEMS", dict(nav._ITEMS))
    user = GebruikerFactory(rollen=["beleidsmedewerker"])
    nav.registreer("Bestaat niet", "nergens:pagina", rollen={"beleidsmedewerker"})
    labels = [i["label"] for i in nav.menu_voor(user, "/")]
    assert "Bestaat niet" not in labels and "Start" in labels
    nav.registreer("Keuzehulp", "web:keuzehulp", rollen={"beleidsmedewerker"}, volgorde=5)
    labels = [i["label"] for i in nav.menu_voor(user, "/")]
    assert labels.index("Start") < labels.index("Keuzehulp")


@pytest.mark.parametrize(
    ("rol", "tekst"),
    [
        ("schoolmedewerker", "U meldt verzuim"),
        ("administratief-medewerker", "U verwerkt binnenkomende meldingen"),
        ("rmc-trajectbegeleider", "18 tot 23 jaar"),
        ("registerbeheerder", "referentiegegevens"),
    ],
)
def test_start_page_per_role(client, rol, tekst):
    html = pagina(client, [rol])
    assert "Welkom, Anna" in html
    assert tekst in html


def test_start_page_of_the_privacy_officer_is_the_inzage_worklist(client):
    # Issue 12 item 1: the open inzage requests, with the audit log in the menu.
    html = pagina(client, ["privacy-officer"])
    assert '<h1 class="utrecht-heading-1">Inzageverzoeken' in html
    assert 'href="/auditlog/"' in html


def test_start_page_of_the_beleidsmedewerker_is_the_telling(client):
    # Issue 11 item 6: aggregates only, no person (cijfers/tests/test_pagina.py checks that).
    assert '<h1 class="utrecht-heading-1">Leerplichttelling' in pagina(
        client, ["beleidsmedewerker"]
    )


def test_start_page_of_the_leerplichtambtenaar_is_the_worklist(client):
    # Issue 9 item 4: the worklist of dossiers (dossiers/tests/test_views.py tests it).
    assert '<h1 class="utrecht-heading-1">Werklijst' in pagina(client, ["leerplichtambtenaar"])


def test_start_page_counts(client):
    html = pagina(client, ["administratief-medewerker"])
    assert re.search(r"Gemeenten in uw werkgebied</dt><dd>1</dd>", html)


def test_start_page_without_role(client):
    assert "nog geen rol" in pagina(client, [])


def test_dutch_404(client):
    resp = client.get("/bestaat-niet")
    assert resp.status_code == 404
    assert "Pagina niet gevonden" in resp.content.decode()


def test_dutch_403(client):
    inloggen(client, GebruikerFactory(rollen=["schoolmedewerker"]))
    resp = client.get("/auditlog/")
    assert resp.status_code == 403 and "Geen toegang" in resp.content.decode()


def test_dutch_500_renders_without_request_context():
    html = render_to_string("500.html")
    assert "Er ging iets mis" in html and '<html lang="nl"' in html


def test_datum_nl():
    assert datum_nl(date(2026, 9, 1)) == "01-09-2026"
    # 23:30 UTC on 31 August is 1 September in Amsterdam.
    assert datum_nl(datetime(2026, 8, 31, 23, 30, tzinfo=UTC)) == "01-09-2026"
    assert datumtijd_nl(datetime(2026, 8, 31, 23, 30, tzinfo=UTC)) == "01-09-2026 01:30"
    assert datum_nl(None) == ""


def test_base_references_exactly_the_vendored_files():
    base = Path(__file__).resolve().parents[1] / "templates" / "web" / "base.html"
    verwezen = set(re.findall(r"static '(vendor/[^']+)'", base.read_text()))
    gekopieerd = {f"vendor/{doel}" for _, _, doel in BESTANDEN}
    assert verwezen and verwezen <= gekopieerd
    assert "http" not in "".join(re.findall(r'(?:href|src)="([^"]+)"', base.read_text()))


def test_collect_assets_copies_from_node_modules(tmp_path):
    nm = tmp_path / "node_modules"
    for pakket, bestand, _ in BESTANDEN:
        (nm / pakket / bestand).parent.mkdir(parents=True, exist_ok=True)
        (nm / pakket / bestand).write_text(f"/* {pakket} */")
    call_command(
        "collect_assets",
        "--node-modules",
        str(nm),
        "--doel",
        str(tmp_path / "v"),
        stdout=io.StringIO(),
    )
    assert (tmp_path / "v/htmx/htmx.min.js").read_text() == "/* htmx.org */"
    assert (tmp_path / "v/utrecht/index.css").exists()


def test_collect_assets_without_npm_ci_says_what_to_do(tmp_path):
    with pytest.raises(CommandError, match="npm ci"):
        call_command(
            "collect_assets", "--node-modules", str(tmp_path), "--doel", str(tmp_path / "v")
        )


def test_every_static_file_of_the_base_layout_exists():
    """A missing file is a 404 on every page (issue 13: the favicon); the browser guard in
    tests/browser/conftest.py catches stylesheets and scripts, not the icon."""
    from django.contrib.staticfiles import finders

    base = Path(__file__).resolve().parents[1] / "templates" / "web" / "base.html"
    verwezen = re.findall(r"static '([^']+)'", base.read_text())
    assert "web/favicon.svg" in verwezen
    assert [pad for pad in verwezen if not finders.find(pad)] == []
