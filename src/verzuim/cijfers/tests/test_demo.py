"""The demo has two earlier schooljaren of history: the telling and the trend show real
numbers, made through the real services; running it again changes nothing."""

from __future__ import annotations

import pytest

from verzuim import clock
from verzuim.cijfers import benchmark as bm
from verzuim.cijfers.demo import maak_geschiedenis
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.telling import bereken
from verzuim.dossiers.models import Handhaving
from verzuim.meldingen.models import Melding, StatusWijziging
from verzuim.organisaties.models import Gemeente
from verzuim.personen.demo import VANDAAG, maak_demo
from verzuim.personen.models import Vrijstelling
from verzuim.personen.scenario import laad_scenario
from verzuim.rules import Schooljaar


@pytest.fixture
def demo(db):
    clock.set_today(VANDAAG)
    laad_scenario(maak_demo(700), demo=True)
    yield
    clock.set_today(None)


def test_twee_schooljaren_geschiedenis(demo):
    gemaakt = maak_geschiedenis(per_jaar=60)
    assert set(gemaakt) == {"2024-2025", "2025-2026", "2026-2027"}
    assert gemaakt["2024-2025"] > 20 and gemaakt["2025-2026"] > 20
    demo_gemeenten = Gemeente.objects.filter(code__in=("GM0392", "GM0397", "GM0473"))
    halt = 0
    for jaar in (2024, 2025):
        telling = bereken(Periode(Schooljaar(jaar)), demo_gemeenten)
        halt += telling.totaal["haltVerwijzingen"]
        assert telling.totaal["relatiefVerzuim.meldingen"] > 10
        assert telling.totaal["leerplichtigen"] > 100
        assert telling.totaal["vrijstellingen.5a"] > 0
    # Enforcement in past schooljaren too (R-CW-6/7), each Halt referral with its outcome.
    assert halt > 0
    assert not Handhaving.objects.filter(soort="halt", uitkomst="").exists()
    # Real handling on its own days: picked up after receipt, some closed, some late.
    assert StatusWijziging.objects.filter(status="in-behandeling").exists()
    assert StatusWijziging.objects.filter(status="afgesloten").exists()
    assert Melding.objects.filter(te_laat=True).exists()
    assert Vrijstelling.objects.filter(begindatum__year=2024).exists()
    trend = bm.trend(
        [Schooljaar(2024), Schooljaar(2025), Schooljaar(2026)], "relatiefVerzuim.leerlingen"
    )
    assert all(v is not None and v > 0 for _, v in trend)
    aantal = Melding.objects.count()
    assert maak_geschiedenis(per_jaar=60) == {}
    assert Melding.objects.count() == aantal
