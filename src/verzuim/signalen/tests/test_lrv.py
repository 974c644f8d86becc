"""Potential LRV (R-SG-4, issue 10 item 3) from meldingen made through the real intake: 3 and
4 lesweken with the herfstvakantie (noord: 10–18 Oct 2026, week 42) inside the window."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.tests.conftest import melding_data
from verzuim.organisaties.models import Organisatie
from verzuim.signalen.herberekening import herbereken
from verzuim.signalen.models import Signaal, Soort
from verzuim.signalen.tests.conftest import INGESCHREVEN

LRV = Soort.POTENTIEEL_LRV
D = dt.date


@pytest.fixture
def school(wereld):
    return Actor(
        label="api:school",
        organisatie=Organisatie.objects.get(code="99XA"),
        soort="api",
        scopes=frozenset({"meldingen.aanmaken"}),
    )


def meld(school, soort, begin: dt.date, einde: dt.date, op: dt.date):
    clock.set_today(op)
    data = melding_data(INGESCHREVEN, verzuimsoort=soort, begindatum=begin.isoformat(),
                        einddatum=einde.isoformat())  # fmt: skip
    data["verzuimdagen"] = [{"datum": begin.isoformat(), "uren": 5.0}]
    return meldingen.meld_verzuim(school, data).melding


def lrv_signaal():
    return Signaal.objects.filter(soort=LRV, leerling__burgerservicenummer=INGESCHREVEN).first()


def test_drie_en_vier_lesweken_met_de_herfstvakantie_ertussen(school):
    a = meld(school, "16-uur", D(2026, 9, 28), D(2026, 10, 9), D(2026, 10, 9))  # weeks 40-41
    b = meld(school, "16-uur", D(2026, 10, 19), D(2026, 10, 23), D(2026, 10, 23))  # week 43
    herbereken(D(2026, 10, 23))
    assert lrv_signaal() is None  # 3 lesweken: week 42 is the holiday, no lesweek
    c = meld(school, "16-uur", D(2026, 10, 26), D(2026, 10, 30), D(2026, 10, 30))  # week 44
    herbereken(D(2026, 10, 30))
    s = lrv_signaal()
    assert s.status == "open" and s.sinds == D(2026, 10, 30)
    assert s.gegevens["lesweken"] == 4 and s.gegevens["regio"] == "noord"
    assert s.gegevens["weken"] == ["2026-09-28", "2026-10-05", "2026-10-19", "2026-10-26"]
    assert s.gegevens["meldingen"] == [a.meldingsnummer, b.meldingsnummer, c.meldingsnummer]
    assert (s.gemeente.code, s.ontvanger.code) == ("GM0392", "GM0392")
    assert "4 aaneengesloten lesweken (week 40 tot en met 44" in s.redenen[0]["uitleg"]
    assert any(r["regel"] == "R-CAL-1" for r in s.redenen)
    # idempotent
    herbereken(D(2026, 10, 30))
    assert Signaal.objects.filter(soort=LRV).count() == 1
    # the school reports LRV: the signal resolves
    meld(school, "langdurig", D(2026, 10, 26), D(2026, 11, 2), D(2026, 11, 2))
    herbereken(D(2026, 11, 2))
    s.refresh_from_db()
    assert (s.status, s.oplossing) == ("opgelost", "lrv-gemeld")


def test_ingetrokken_melding_telt_niet(school):
    meld(school, "16-uur", D(2026, 9, 28), D(2026, 10, 9), D(2026, 10, 9))
    meld(school, "16-uur", D(2026, 10, 19), D(2026, 10, 23), D(2026, 10, 23))
    c = meld(school, "16-uur", D(2026, 10, 26), D(2026, 10, 30), D(2026, 10, 30))
    herbereken(D(2026, 10, 30))
    assert lrv_signaal().status == "open"
    meldingen.trek_in(school, c.uuid, "F", "Foutief gemeld")
    herbereken(D(2026, 11, 2))
    s = lrv_signaal()
    assert (s.status, s.oplossing) == ("opgelost", "te-kort")
