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
        assert melding.ontvanger_id is not None
        assert melding.begindatum <= melding.einddatum
        assert melding.statussen.exists()
    assert maak_demo_meldingen(aantal=5) == []
    assert Melding.objects.count() == len(gemaakt)
