"""A melding names its dossier to the handling organisation (issue 9 §1, R-CW-1), through
the seam `meldingen.dossierkoppeling` that this app fills in at ready(): the receiver's GET
/meldingen/{uuid}, list and _zoek carry `dossier` (validated against the generated OpenAPI
schema), its melding page links to the dossier; the school never sees it (R-ME-7), nor the
register; after forwarding (R-RT-5) the new receiver is told its own dossier, the sender
nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from verzuim.accounts.testing import inloggen
from verzuim.api.tests.openapi_check import assert_conforms
from verzuim.audit.context import SYSTEEM
from verzuim.dossiers.koppelingen import dossiers_van_meldingen
from verzuim.dossiers.models import Dossier
from verzuim.dossiers.queries import mag_dossiers_zien
from verzuim.meldingen import dossierkoppeling
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.api import melding_weergave
from verzuim.meldingen.tests.conftest import token_waarde

from .conftest import HAARLEM, meld


def _api(naam: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c


def _get(naam: str, pad: str):
    r = _api(naam).get(f"/api/v1/meldingen{pad}")
    assert r.status_code == 200, r.content
    assert_conforms(r)
    return r.json()


def _rijen(body) -> list[dict]:
    return body["results"] if isinstance(body, dict) else body


def _pagina(wereld, naam: str, melding) -> str:
    c = Client()
    inloggen(c, wereld.users[naam])
    r = c.get(f"/meldingen/{melding.uuid}/")
    assert r.status_code == 200
    return r.content.decode()


@pytest.fixture
def melding(wereld):
    return meld(wereld)


def test_ontvanger_krijgt_het_dossier_in_de_api(wereld, melding):
    d = Dossier.objects.get(organisatie__code="GM0392")
    body = _get("haarlem", f"/{melding.uuid}")
    assert body["dossier"] == str(d.uuid)
    assert list(body)[-1] == "dossier"
    # The list and the search carry it too (one lookup per page).
    lijst = _rijen(_get("haarlem", ""))
    assert [m["dossier"] for m in lijst if m["uuid"] == str(melding.uuid)] == [str(d.uuid)]
    r = _api("haarlem").post(
        "/api/v1/meldingen/_zoek", {"burgerservicenummer": HAARLEM}, format="json"
    )
    assert_conforms(r)
    assert [m["dossier"] for m in r.json()] == [str(d.uuid)]


def test_school_en_register_zien_geen_dossier(wereld, melding):
    body = _get("school_a", f"/{melding.uuid}")
    assert "dossier" not in body and "routering" not in body
    lijst = _get("school_a", "")
    assert _rijen(lijst) and all("dossier" not in m for m in _rijen(lijst))
    d = Dossier.objects.get()
    assert str(d.uuid) not in str(body) and str(d.uuid) not in str(lijst)
    # The register sees the casework of a melding, not the gemeente's dossier.
    register = melding_weergave(meldingen.lees_melding(SYSTEEM, melding.uuid), SYSTEEM)
    assert "routering" in register and "dossier" not in register


def test_na_doorsturen_het_eigen_dossier_van_de_nieuwe_ontvanger(wereld, melding):
    """R-RT-5: the melding moves to Rotterdam's dossier; Haarlem no longer reads it (404)."""
    meldingen.stuur_door(wereld.haarlem_api, melding.uuid, "GM0599", "Verhuisd naar Rotterdam.")
    rotterdam = Dossier.objects.get(organisatie__code="GM0599")
    assert _get("rotterdam", f"/{melding.uuid}")["dossier"] == str(rotterdam.uuid)
    assert _api("haarlem").get(f"/api/v1/meldingen/{melding.uuid}").status_code == 404
    # The sender's link stays as history but is not the melding's dossier any more.
    haarlem = Dossier.objects.get(organisatie__code="GM0392")
    assert dossiers_van_meldingen(haarlem.organisatie_id, [melding.pk]) == {}


def test_nog_geen_dossier_is_null(wereld, melding):
    Dossier.objects.all().delete()
    assert _get("haarlem", f"/{melding.uuid}")["dossier"] is None


def test_meldingpagina_linkt_naar_het_dossier(wereld, melding):
    d = Dossier.objects.get()
    for naam in ("lpa.haarlem", "admin.haarlem"):
        html = _pagina(wereld, naam, melding)
        assert 'data-testid="melding-dossier"' in html and f"/dossiers/{d.uuid}/" in html
    html = _pagina(wereld, "school.a", melding)
    assert str(d.uuid) not in html and 'data-testid="melding-dossier"' not in html


def test_zonder_koppeling_geen_dossier(wereld, melding):
    """The seam's contract: until the dossiers app registers, null and no link; a role that
    handles meldingen but may not open dossiers gets no link either."""
    try:
        dossierkoppeling.registreer(dossiers_van_meldingen, mag_openen=lambda actor: False)
        assert 'data-testid="melding-dossier"' not in _pagina(wereld, "lpa.haarlem", melding)
        assert _get("haarlem", f"/{melding.uuid}")["dossier"] is not None
        dossierkoppeling.registreer(None)
        assert _get("haarlem", f"/{melding.uuid}")["dossier"] is None
        assert 'data-testid="melding-dossier"' not in _pagina(wereld, "lpa.haarlem", melding)
    finally:
        dossierkoppeling.registreer(dossiers_van_meldingen, mag_openen=mag_dossiers_zien)
