"""Demo meldingen go through the real intake (routing, statuses) and are made only once."""

import pytest

from verzuim.meldingen.demo import maak_demo_meldingen
from verzuim.meldingen.models import Melding

from . import webscenario as ws


@pytest.mark.django_db
def test_demo_meldingen_via_intake_en_idempotent():
    ws.laad()
    gemaakt = maak_demo_meldingen(aantal=5)
    assert gemaakt, "the web scenario has enrolled pupils of leerplichtige age"
    for melding in gemaakt:
        melding.refresh_from_db()
        # Routed as the intake routes (R-RT-1): the reason is kept, the receiver named in it.
        assert melding.routering_uitleg and melding.routering_uitleg[0]["regel"].startswith("R-RT")
        assert melding.begindatum <= melding.einddatum
        assert melding.statussen.first().status == "geregistreerd"
    # A third is taken in hand by the receiving party (the demo's inbox is not all new).
    behandeld = [m for m in gemaakt if m.statussen.filter(status="in-behandeling").exists()]
    assert len(behandeld) == len(gemaakt) // 3
    assert maak_demo_meldingen(aantal=5) == []
    assert Melding.objects.count() == len(gemaakt)
