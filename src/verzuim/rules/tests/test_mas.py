"""R-CW-2 (MAS phases) and R-CW-4 (follow-up date) as pure rules."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.rules import mas


@pytest.mark.parametrize(
    ("van", "naar", "mag"),
    [
        ("waarnemen", "analyseren", True),
        ("analyseren", "plannen", True),
        ("plannen", "handelen", True),
        ("handelen", "evalueren", True),
        ("evalueren", "analyseren", True),  # a new round after the evaluation
        ("evalueren", "waarnemen", True),
        ("handelen", "plannen", True),
        ("waarnemen", "plannen", False),  # skipping a phase
        ("analyseren", "evalueren", False),
        ("evalueren", "evalueren", False),
        ("waarnemen", "bestaat-niet", False),
    ],
)
def test_fase_overgang(van, naar, mag):
    b = mas.fase_overgang(van, naar)
    assert bool(b) is mag
    assert b.rule_ids == ("R-CW-2",)
    if not mag:
        assert "Kies uit" in b.reasons[0].uitleg_nl


def test_vanuit_evalueren_kan_alles_terug_maar_niet_verder():
    assert mas.volgende_fasen("evalueren") == ("waarnemen", "analyseren", "plannen", "handelen")
    assert mas.volgende_fasen("waarnemen") == ("analyseren",)


def test_volgende_actiedatum_standaard_vier_weken():
    assert mas.volgende_actiedatum(dt.date(2026, 10, 1)) == dt.date(2026, 10, 29)
    assert mas.volgende_actiedatum(dt.date(2026, 10, 1), 2) == dt.date(2026, 10, 15)
    with pytest.raises(ValueError):
        mas.volgende_actiedatum(dt.date(2026, 10, 1), 0)
