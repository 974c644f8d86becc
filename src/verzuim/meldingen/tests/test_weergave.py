"""`api.melding_weergave` builds the melding answer without DRF's per-request field copies
(issue 3 "Speed"). It must produce exactly what `MeldingSerializer` produces — the shape the
OpenAPI schema describes — for the school's view (R-ME-7: nothing of the casework), the
receiving party's view and the register's, rendered to the same bytes."""

from __future__ import annotations

import pytest
from rest_framework.test import APIRequestFactory

from verzuim.api.renderers import OrjsonRenderer
from verzuim.audit.context import SYSTEEM
from verzuim.meldingen import queries, services
from verzuim.meldingen.api import MeldingSerializer, melding_weergave

from .conftest import HAARLEM, ONDERWIJSNUMMER, VRIJGESTELD, ZANDVOORT, melding_data


def _meldingen(wereld) -> list:
    """Fresh intake results (as the 201 answer sees them) of different shapes."""
    w = wereld
    eerste = services.meld_verzuim(w.school_a, melding_data()).melding
    vervolg = services.meld_verzuim(  # herhaalmelding: vervolgOp set (R-ME-6)
        w.school_a,
        melding_data(
            begindatum="2026-09-28",
            einddatum="2026-09-30",
            verzuimdeUren=None,
            verzuimdagen=[{"datum": "2026-09-28", "heleDag": True}, {"datum": "2026-09-29"}],
            contactpersoon={"naam": "Alleen een naam"},
        ),
    ).melding
    onderwijsnummer = services.meld_verzuim(
        w.school_a,
        {
            "leerling": {
                "onderwijsnummer": ONDERWIJSNUMMER,
                "adres": {"postcode": "2011 CR", "huisnummer": 12},
            },
            "vestiging": "99XA00",
            "verzuimsoort": "luxe",
            "begindatum": "2026-09-14",
        },
    ).melding
    vrijgesteld = services.meld_verzuim(w.school_a, melding_data(VRIJGESTELD)).melding
    dienst = services.meld_verzuim(
        w.school_a, melding_data(ZANDVOORT, verzuimdagen=[], teLaatKeren=None)
    ).melding
    return [eerste, vervolg, onderwijsnummer, vrijgesteld, dienst]


def _casework(wereld, meldingen) -> None:
    """Status changes with toelichting, a behandelaar and a forwarding chain (R-RT-5/6)."""
    eerste, vervolg, *_ = meldingen
    services.wijzig_status(
        wereld.lpa_haarlem, eerste.uuid, "in-behandeling", toelichting="Ouders gebeld."
    )
    services.wijs_toe(wereld.lpa_haarlem, eerste.uuid, wereld.users["lpa.haarlem"])
    services.stuur_door(wereld.haarlem, vervolg.uuid, "GM0599", "Verhuisd naar Rotterdam.")


def _bytes(data) -> bytes:
    return OrjsonRenderer().render(data)


def _vergelijk(melding, actor, request) -> dict:
    verwacht = MeldingSerializer(melding, context={"request": request, "actor": actor}).data
    weergave = melding_weergave(melding, actor, request)
    assert weergave == verwacht
    assert _bytes(weergave) == _bytes(verwacht)  # same key order, same number formatting
    return weergave


@pytest.mark.parametrize("met_request", [True, False])
def test_weergave_gelijk_aan_serializer(wereld, met_request):
    request = APIRequestFactory().get("/api/v1/meldingen") if met_request else None
    meldingen = _meldingen(wereld)
    for m in meldingen:  # the objects the intake answers with (201)
        assert "routering" not in _vergelijk(m, wereld.school_a, request)
    _casework(wereld, meldingen)
    actoren = {
        "school": wereld.school_a,
        "haarlem": wereld.haarlem,
        "rotterdam": wereld.rotterdam,
        "dienst": wereld.dienst,
        "register": SYSTEEM,
    }
    gezien = set()
    for naam, actor in actoren.items():
        for m in queries.met_historie(queries.meldingen_voor(actor)):
            weergave = _vergelijk(m, actor, request)
            volledig = queries.ziet_alles(actor, m)
            assert ("routering" in weergave) is volledig
            gezien.add((naam, weergave["meldingsnummer"], volledig))
    # Every melding in the school's view and in its receiver's and the register's.
    assert sum(1 for n, _, v in gezien if n == "school" and not v) == len(meldingen)
    assert sum(1 for n, _, v in gezien if n not in ("school", "register") and v) == len(meldingen)
    assert sum(1 for n, _, v in gezien if n == "register") == len(meldingen)


def test_weergave_met_doorzending_behandelaar_en_toelichting(wereld):
    meldingen = _meldingen(wereld)
    _casework(wereld, meldingen)
    eerste = queries.met_historie(queries.meldingen_voor(wereld.haarlem)).get(pk=meldingen[0].pk)
    w = _vergelijk(eerste, wereld.haarlem, None)
    assert w["behandelaar"] == "lpa.haarlem"
    assert [s["toelichting"] for s in w["statussen"]] == ["", "Ouders gebeld."]
    doorgestuurd = queries.met_historie(queries.meldingen_voor(wereld.rotterdam)).get(
        pk=meldingen[1].pk
    )
    w = _vergelijk(doorgestuurd, wereld.rotterdam, None)
    assert [(d["van"], d["naar"]) for d in w["doorzendingen"]] == [("GM0392", "GM0599")]
    assert w["vervolgOp"] == str(meldingen[0].uuid)
    assert w["verzuimdagen"] == [{"datum": "2026-09-28", "heleDag": True}, {"datum": "2026-09-29"}]
    ingetrokken = queries.met_historie(queries.meldingen_voor(wereld.school_a)).get(
        pk=meldingen[3].pk
    )
    w = _vergelijk(ingetrokken, wereld.school_a, None)
    assert [s["reden"] for s in w["statussen"]] == [None, "vrijstelling"]
    assert w["leerling"] == {"burgerservicenummer": VRIJGESTELD}
    assert HAARLEM not in str(w)
