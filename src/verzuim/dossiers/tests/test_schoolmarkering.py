"""The school notices a verzuimoverzicht request (issue 9 §3, R-CW-3): its list of meldingen
marks the meldingen with an OPEN request to it ("Verzuimoverzicht gevraagd", a label on the
row and a folder tab with its count) and the menu item "Mijn meldingen" carries the number
as a badge. Answered and lapsed requests are not marked; another school's request is never
seen (R-PR-1). meldingen knows nothing of dossiers: the marker comes through the seam
meldingen.schoolmarkeringen, inside the list's own queries (a fixed number of queries)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from verzuim.accounts.testing import inloggen
from verzuim.dossiers import services, verzuimoverzicht
from verzuim.dossiers.models import Dossier
from verzuim.meldingen import schoolmarkeringen

from .conftest import AMSTERDAM, HAARLEM, meld
from .test_aantal_queries import MEER

LIJST = "/meldingen/mijn/"


def _client(wereld, naam) -> Client:
    c = Client()
    inloggen(c, wereld.users[naam])
    return c


def _gemarkeerd(html: str) -> set[str]:
    """The meldingsnummers of the rows that carry the marker."""
    rijen = re.findall(r'<tr[^>]*data-meldingsnummer="([^"]+)"(.*?)</tr>', html, re.S)
    return {nr for nr, rij in rijen if 'data-markering="verzuimoverzicht"' in rij}


def _tab(html: str) -> int:
    m = re.search(r'data-map="verzuimoverzicht">Verzuimoverzicht gevraagd .*?(\d+)', html, re.S)
    assert m, "no tab Verzuimoverzicht gevraagd"
    return int(m.group(1))


def _dossier_van(bsn: str) -> Dossier:
    return Dossier.objects.get(leerling__burgerservicenummer=bsn, status="open")


def _vraag(wereld, melding, bsn=HAARLEM):
    lpa = wereld.lpa_amsterdam if bsn == AMSTERDAM else wereld.lpa_haarlem
    return verzuimoverzicht.vraag_verzuimoverzicht(lpa, _dossier_van(bsn), melding.uuid)


def test_naar_de_seam_geregistreerd():
    assert schoolmarkeringen.markering("verzuimoverzicht").label == "Verzuimoverzicht gevraagd"


def test_alleen_open_verzoeken_aan_de_eigen_school_gemarkeerd(wereld):
    open_ = meld(wereld)
    beantwoord = meld(wereld, verzuimsoort="luxe", begindatum="2026-09-14", einddatum="2026-09-15")
    niet_gevraagd = meld(wereld, MEER[0])
    andere_school = meld(wereld, AMSTERDAM)  # school B's melding, asked by Amsterdam
    _vraag(wereld, open_)
    v = _vraag(wereld, beantwoord)
    verzuimoverzicht.beantwoord_verzuimoverzicht(wereld.school_a_api, v.uuid, antwoord="5 uur")
    _vraag(wereld, andere_school, AMSTERDAM)

    c = _client(wereld, "school.a")
    html = c.get(LIJST).content.decode()
    assert _gemarkeerd(html) == {open_.meldingsnummer}
    assert {beantwoord.meldingsnummer, niet_gevraagd.meldingsnummer} <= set(
        re.findall(r'data-meldingsnummer="([^"]+)"', html)
    )
    assert _tab(html) == 1
    # the folder lists just that melding, the row links to its page (where the form is)
    r = c.get(LIJST + "?map=verzuimoverzicht")
    html = r.content.decode()
    assert re.findall(r'data-meldingsnummer="([^"]+)"', html) == [open_.meldingsnummer]
    assert r.context["bijschrift"] == "Meldingen van uw school: verzuimoverzicht gevraagd"
    assert f'href="/meldingen/{open_.uuid}/" data-testid="markering"' in html
    # the menu badge and the start page count say the same
    assert re.search(r"Mijn meldingen <span class=\"vr-badge\">1<", html)
    start = c.get("/").content.decode()
    assert re.search(r"<dt>Verzuimoverzicht gevraagd</dt><dd>1</dd>", start)

    # school B sees its own request only, never school A's
    html_b = _client(wereld, "school.b").get(LIJST + "?map=verzuimoverzicht").content.decode()
    assert _gemarkeerd(html_b) == {andere_school.meldingsnummer} and _tab(html_b) == 1
    assert open_.meldingsnummer not in html_b

    # answered: the marker goes
    verzuimoverzicht.beantwoord_verzuimoverzicht(
        wereld.school_a_api, _vraag_open(open_).uuid, antwoord="3 uur"
    )
    html = c.get(LIJST).content.decode()
    assert _gemarkeerd(html) == set() and _tab(html) == 0
    assert 'class="vr-badge"' not in html.split("Mijn meldingen", 1)[1].split("</a>", 1)[0]


def _vraag_open(melding):
    from verzuim.dossiers.models import Verzuimoverzichtverzoek

    return Verzuimoverzichtverzoek.objects.get(
        melding=melding, beantwoord__isnull=True, vervallen__isnull=True
    )


def test_vervallen_verzoek_niet_gemarkeerd(wereld):
    """The dossier closes before the school answered: the request lapses, no marker; the
    closed melding is not in the folder (the status filter offers every status there)."""
    m = meld(wereld)
    _vraag(wereld, m)
    c = _client(wereld, "school.a")
    assert _gemarkeerd(c.get(LIJST).content.decode()) == {m.meldingsnummer}
    services.sluit(wereld.lpa_haarlem, _dossier_van(HAARLEM), "verzuim-gestopt")
    html = c.get(LIJST).content.decode()
    assert _gemarkeerd(html) == set() and _tab(html) == 0
    # a closed status asked for in the folder stays there (no redirect to "alle"), empty
    r = c.get(LIJST + "?map=verzuimoverzicht&status=afgesloten")
    assert r.status_code == 200 and "data-meldingsnummer" not in r.content.decode()


def test_de_gemeente_heeft_geen_map_gevraagd(wereld):
    m = meld(wereld)
    _vraag(wereld, m)
    html = _client(wereld, "lpa.haarlem").get("/meldingen/inbox/?map=alle").content.decode()
    assert 'data-map="verzuimoverzicht"' not in html and 'data-testid="markering"' not in html


@pytest.mark.parametrize("url", [LIJST, LIJST + "?map=verzuimoverzicht"])
def test_lijst_kost_een_vast_aantal_queries(wereld, url):
    """The marker, the tab count and the badge are in the list's own queries: one melding
    with a request costs as many as three (no query per row)."""
    m = meld(wereld)
    _vraag(wereld, m)
    c = _client(wereld, "school.a")
    c.get(url)
    with CaptureQueriesContext(connection) as een:
        html = c.get(url).content.decode()
    assert len(_gemarkeerd(html)) == 1
    for bsn in MEER:
        _vraag(wereld, meld(wereld, bsn), bsn)
    with CaptureQueriesContext(connection) as drie:
        html = c.get(url).content.decode()
    assert len(_gemarkeerd(html)) == 3 and _tab(html) == 3
    assert len(drie) == len(een)
