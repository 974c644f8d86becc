"""R-CW-1 on the pages: "Dossier openen" on the leerling page opens a dossier by hand with
its reason (a verlof request, a report by phone, a signal from school or zorg), optionally
with a route template (R-CW-9/10). Errors are named at their field and nothing is saved; an
open dossier that exists is named with a link; only who may change dossiers; another
organisation's pupil 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from verzuim import clock
from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.dossiers.models import Dossier
from verzuim.personen.models import Leerling

from .conftest import AMSTERDAM, HAARLEM, meld


def _client(wereld, naam) -> Client:
    c = Client()
    inloggen(c, wereld.users[naam])
    return c


def _url(leerling) -> str:
    return f"/dossiers/openen/{leerling.uuid}/"


@pytest.fixture
def haarlemmer(wereld):
    return Leerling.objects.get(burgerservicenummer=HAARLEM)


GELDIG = {
    "openen-aanleiding": "telefonisch",
    "openen-toelichting": "Moeder belde: kind al weken thuis.",
    "openen-route": "",
}


def test_leerlingpagina_toont_het_formulier_en_openen_gaat_naar_het_dossier(wereld, haarlemmer):
    c = _client(wereld, "lpa.haarlem")
    html = c.get(f"/leerlingen/{haarlemmer.uuid}").content.decode()
    assert 'data-testid="kaart-openen"' in html and f'action="{_url(haarlemmer)}"' in html
    assert 'value="verlofaanvraag"' in html and 'value="luxe-verzuim"' in html
    assert 'value="melding"' not in html  # a melding or signal opens its own dossier
    r = c.post(_url(haarlemmer), {**GELDIG, "openen-route": "luxe-verzuim"})
    d = Dossier.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/dossiers/{d.uuid}/"
    assert (d.aanleiding, d.route, d.organisatie.code, d.status) == (
        "telefonisch",
        "luxe-verzuim",
        "GM0392",
        "open",
    )
    assert d.aanleiding_toelichting == GELDIG["openen-toelichting"]
    # issue 9 §4: every open dossier has a next action date, 4 weeks by default (R-CW-4)
    assert d.volgende_actie == clock.today() + dt.timedelta(weeks=4)
    assert AuditRecord.objects.filter(actie="dossier.aanmaken").count() == 1
    html = c.get(r["Location"]).content.decode()
    assert "Het dossier is geopend." in html
    # Now the leerling page links to the open dossier instead of offering the form.
    html = c.get(f"/leerlingen/{haarlemmer.uuid}").content.decode()
    assert 'data-testid="kaart-openen"' not in html
    assert f'href="/dossiers/{d.uuid}/"' in html


def test_fouten_bij_hun_veld_en_niets_opgeslagen(wereld, haarlemmer):
    c = _client(wereld, "lpa.haarlem")
    r = c.post(_url(haarlemmer), {"openen-aanleiding": "", "openen-toelichting": "  "})
    html = r.content.decode()
    assert r.status_code == 400 and Dossier.objects.count() == 0
    assert 'href="#id_openen-aanleiding">Kies een aanleiding.' in html
    assert 'href="#id_openen-toelichting">Vul de toelichting in.' in html, html
    assert "er is niets opgeslagen" in html
    # a reason the form does not offer (a melding opens its own dossier) and an unknown route
    r = c.post(_url(haarlemmer), {**GELDIG, "openen-aanleiding": "melding", "openen-route": "x"})
    html = r.content.decode()
    assert r.status_code == 400 and Dossier.objects.count() == 0
    assert 'href="#id_openen-aanleiding">' in html and 'href="#id_openen-route">' in html


def test_bestaand_open_dossier_wordt_genoemd_met_een_link(wereld, haarlemmer):
    meld(wereld)  # the melding opened the dossier
    d = Dossier.objects.get()
    c = _client(wereld, "lpa.haarlem")
    r = c.post(_url(haarlemmer), GELDIG)
    html = r.content.decode()
    assert r.status_code == 409 and Dossier.objects.count() == 1
    assert 'data-testid="open-dossier-bestaat"' in html
    assert "al een open dossier" in html and f'href="/dossiers/{d.uuid}/"' in html


def test_administratief_medewerker_mag_openen(wereld, haarlemmer):
    from verzuim.dossiers.models import DossierInstelling

    DossierInstelling.objects.create(organisatie=wereld.haarlem, vervolg_weken=2)
    r = _client(wereld, "admin.haarlem").post(_url(haarlemmer), GELDIG)
    d = Dossier.objects.get()
    assert r.status_code == 302 and d.geopend_door == "admin.haarlem"
    # the first next action date follows the organisation's setting (issue 9 §4)
    assert d.volgende_actie == clock.today() + dt.timedelta(weeks=2)


@pytest.mark.parametrize("naam", ["beleid.haarlem", "school.a"])
def test_wie_geen_dossiers_wijzigt_krijgt_403_en_geen_formulier(wereld, haarlemmer, naam):
    c = _client(wereld, naam)
    assert c.post(_url(haarlemmer), GELDIG).status_code == 403
    assert Dossier.objects.count() == 0
    pagina = c.get(f"/leerlingen/{haarlemmer.uuid}")
    assert 'data-testid="kaart-openen"' not in pagina.content.decode()


def test_leerling_van_een_andere_organisatie_is_404(wereld, haarlemmer):
    amsterdammer = Leerling.objects.get(burgerservicenummer=AMSTERDAM)
    c = _client(wereld, "lpa.haarlem")
    assert c.post(_url(amsterdammer), GELDIG).status_code == 404
    assert c.post(_url(amsterdammer), {}).status_code == 404  # before the form is read
    assert _client(wereld, "lpa.amsterdam").post(_url(haarlemmer), GELDIG).status_code == 404
    assert Dossier.objects.count() == 0


def test_alleen_post(wereld, haarlemmer):
    assert _client(wereld, "lpa.haarlem").get(_url(haarlemmer)).status_code == 405
