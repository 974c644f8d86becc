"""The demo shows a few absoluut-verzuim and potential-LRV signals with their reasons
(issue 10 "done when"), made through the real intake and the real run, once."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim import clock
from verzuim.personen.demo import maak_demo
from verzuim.personen.scenario import laad_scenario
from verzuim.signalen.demo import maak_demo_signalen
from verzuim.signalen.models import Signaal


@pytest.fixture
def demo(referentie, settings):
    settings.DEMO = True
    data = maak_demo(1000, seed=1)
    laad_scenario(data, demo=True)
    clock.set_today(dt.date.fromisoformat(data["vandaag"]))
    yield
    clock.set_today(None)


def test_demo_signalen(demo):
    meldingen, uitkomst = maak_demo_signalen()
    assert len(meldingen) == 4  # 2 + 1 for the potential LRV, 1 one lesweek short
    lrv = Signaal.objects.filter(soort="potentieel-lrv", status="open")
    assert sorted(s.gegevens["lesweken"] for s in lrv) == [4, 5]
    assert all(s.redenen[0]["regel"] == "R-SG-4" for s in lrv)
    av = Signaal.objects.filter(soort="absoluut-verzuim", status="open")
    assert av.count() >= 3
    assert all(s.redenen[0]["regel"] == "R-SG-1" for s in av)
    assert uitkomst.aantallen["absoluut-verzuim"]["open"] == av.count()
    # once
    opnieuw, _ = maak_demo_signalen()
    assert opnieuw == [] and Signaal.objects.count() == av.count() + lrv.count()
