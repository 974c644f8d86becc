"""Issue 13 items 1 and 2 in the service and the API: closing needs an afsluitreden the
person may decide (R-CW-11; Halt and proces-verbaal only for a BOA, R-CW-6/7), and
forwarding to a gemeente that is not the BRP woongemeente needs a toelichting (R-RT-5). The
pages use the same checks (test_views, tests/browser)."""

from __future__ import annotations

import pytest

from verzuim.audit.context import actor_for_user
from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services
from verzuim.meldingen.fouten import MeldingOngeldig
from verzuim.meldingen.models import Doorzending, Melding

from .conftest import HAARLEM, melding_data
from .test_api import URL, client


@pytest.fixture
def melding(wereld):
    return services.meld_verzuim(wereld.school_a, melding_data()).melding


def _fout(e: pytest.ExceptionInfo) -> dict:
    (fout,) = e.value.fouten
    return fout


# --- closing (item 1) --------------------------------------------------------------------------


def test_afsluiten_zonder_reden_wordt_geweigerd(wereld, melding):
    with pytest.raises(MeldingOngeldig) as e:
        services.wijzig_status(wereld.lpa_haarlem, melding.uuid, "afgesloten")
    assert _fout(e)["name"] == "reden" and _fout(e)["code"] == "required"
    assert "(R-CW-11)" in _fout(e)["reason"]
    melding.refresh_from_db()
    assert melding.status == "geregistreerd" and melding.statussen.count() == 1


@pytest.mark.parametrize(
    ("reden", "regel"), [("halt-afgerond", "R-CW-6"), ("pv-afgehandeld", "R-CW-7")]
)
def test_halt_en_proces_verbaal_alleen_door_een_boa(wereld, melding, reden, regel):
    geen_boa = actor_for_user(wereld.users["lpa2.haarlem"])
    with pytest.raises(MeldingOngeldig) as e:
        services.wijzig_status(geen_boa, melding.uuid, "afgesloten", reden=reden)
    assert _fout(e)["name"] == "reden" and f"({regel})" in _fout(e)["reason"]
    assert "Alleen een BOA" in _fout(e)["reason"]
    assert Melding.objects.get(pk=melding.pk).status == "geregistreerd"
    # the BOA may (lpa.haarlem)
    m = services.wijzig_status(wereld.lpa_haarlem, melding.uuid, "afgesloten", reden=reden)
    assert m.status == "afgesloten" and m.statussen.last().reden == reden


def test_api_afsluiten_noemt_veld_en_regel(wereld):
    gemeld = client("school_a").post(URL, melding_data(), format="json").json()
    pad = f"{URL}/{gemeld['uuid']}/statussen"
    r = client("haarlem").post(pad, {"status": "afgesloten"}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    (param,) = r.json()["invalidParams"]
    assert param["name"] == "reden" and "R-CW-11" in param["reason"]
    # an API application is no BOA: Halt and proces-verbaal are refused (R-CW-6/7)
    r = client("haarlem").post(
        pad, {"status": "afgesloten", "reden": "pv-afgehandeld"}, format="json"
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "reden"
    assert "R-CW-7" in r.json()["invalidParams"][0]["reason"]
    # and a 409 for a forbidden transition lists only the reasons this caller may use
    client("haarlem").post(pad, {"status": "in-behandeling"}, format="json")
    r = client("haarlem").post(pad, {"status": "geregistreerd"}, format="json")
    assert r.status_code == 409
    redenen = {t["status"]: t["redenen"] for t in r.json()["toegestaneOvergangen"]}
    assert "verzuim-gestopt" in redenen["afgesloten"]
    assert "pv-afgehandeld" not in redenen["afgesloten"]
    r = client("haarlem").post(
        pad, {"status": "afgesloten", "reden": "verzuim-gestopt"}, format="json"
    )
    assert r.status_code == 201, r.content
    assert Melding.objects.get(uuid=gemeld["uuid"]).status == "afgesloten"


def test_te_lange_toelichting_wordt_niet_ingekort(wereld, melding):
    with pytest.raises(MeldingOngeldig) as e:
        services.wijzig_status(
            wereld.lpa_haarlem, melding.uuid, "in-behandeling", toelichting="x" * 4001
        )
    assert _fout(e) == {
        "name": "toelichting",
        "code": "max_length",
        "reason": "De toelichting is 4001 tekens lang; hoogstens 4000 tekens.",
    }
    m = services.wijzig_status(
        wereld.lpa_haarlem, melding.uuid, "in-behandeling", toelichting="x" * 4000
    )
    assert len(m.statussen.last().toelichting) == 4000


# --- forwarding (item 2) -----------------------------------------------------------------------


def test_doorsturen_buiten_de_brp_woongemeente_vraagt_een_toelichting(wereld, melding):
    """The pupil lives in Haarlem (BRP); forwarding to Rotterdam is a deliberate choice."""
    with pytest.raises(MeldingOngeldig) as e:
        services.stuur_door(wereld.lpa_haarlem, melding.uuid, "GM0599")
    fout = _fout(e)
    assert (fout["name"], fout["code"]) == ("toelichting", "afwijkend_van_brp")
    assert "Haarlem" in fout["reason"] and "Rotterdam" in fout["reason"]
    assert "(R-RT-5)" in fout["reason"]
    assert not Doorzending.objects.exists()
    services.stuur_door(wereld.lpa_haarlem, melding.uuid, "GM0599", "Woont bij vader in Rotterdam.")
    d = Doorzending.objects.get()
    assert d.brp_gemeente.code == "GM0392" and d.door_gebruiker.username == "lpa.haarlem"
    audit = AuditRecord.objects.get(actie="melding.doorsturen")
    assert audit.details["brpGemeente"] == "GM0392" and audit.persoon == HAARLEM


def test_doorsturen_naar_de_brp_woongemeente_hoeft_geen_toelichting(wereld):
    """VERHUISD moved to Rotterdam the day before receipt; routed there (R-RT-1). Sending it
    on to Rotterdam's own receiver is refused as the same receiver; to the woongemeente
    itself nothing more is asked."""
    from verzuim.personen.models import BrpPersoon

    m = services.meld_verzuim(wereld.school_a, melding_data()).melding  # Haarlem
    BrpPersoon.objects.filter(burgerservicenummer=HAARLEM).update(gemeente_van_inschrijving="0599")
    services.stuur_door(wereld.lpa_haarlem, m.uuid, "GM0599")
    assert Doorzending.objects.get().brp_gemeente.code == "GM0599"


def test_api_doorsturen_buiten_de_brp_woongemeente(wereld):
    gemeld = client("school_a").post(URL, melding_data(), format="json").json()
    pad = f"{URL}/{gemeld['uuid']}/doorsturen"
    r = client("haarlem").post(pad, {"gemeente": "GM0599"}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    (param,) = r.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("toelichting", "afwijkend_van_brp")
    r = client("haarlem").post(
        pad, {"gemeente": "GM0599", "toelichting": "Woont bij vader."}, format="json"
    )
    assert r.status_code == 200, r.content
