"""R-ME-2 before anything else: a school learns nothing about a pupil it has not enrolled
(not its leerplicht phase, not whether the number exists) and the BRP is not read for it;
for its own pupil the R-ME-3 error names the phase only, and the BRP read is audited."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services
from verzuim.meldingen.fouten import MeldingOngeldig

from .conftest import ACHTTIEN, AMSTERDAM, DRIEENTWINTIG, HAARLEM, melding_data

ONBEKEND = "999990111"  # a valid BSN nobody in the register has
DATUM_OF_LEEFTIJD = re.compile(r"\d{2}-\d{2}-\d{4}|\d{4}-\d{2}-\d{2}|\bjaar\b|\d+ ?jr")


def _afwijzing(actor, data):
    with CaptureQueriesContext(connection) as queries, pytest.raises(MeldingOngeldig) as e:
        services.meld_verzuim(actor, data)
    brp = [q for q in queries.captured_queries if "personen_brppersoon" in q["sql"]]
    return e.value.fouten, brp


@pytest.mark.parametrize(
    ("school", "bsn", "vestiging", "soort"),
    [
        ("school_a", AMSTERDAM, "99XA00", "18-plus"),  # 14, enrolled at school B
        ("school_b", ACHTTIEN, "99XB00", "16-uur"),  # 18-plus, enrolled at school A
    ],
)
def test_leerling_van_andere_school_als_onbekend_bsn(wereld, school, bsn, vestiging, soort):
    actor = getattr(wereld, school)
    data = melding_data(bsn, vestiging=vestiging, verzuimsoort=soort)
    fouten, brp_gelezen = _afwijzing(actor, data)
    onbekend, _ = _afwijzing(actor, {**data, "leerling": {"burgerservicenummer": ONBEKEND}})
    assert len(fouten) == 1
    assert fouten == onbekend
    assert fouten[0]["name"] == "leerling.burgerservicenummer"
    assert not DATUM_OF_LEEFTIJD.search(fouten[0]["reason"])
    assert brp_gelezen == []
    assert not AuditRecord.objects.filter(actie="brp.lezen").exists()


def test_r_me_3_noemt_alleen_de_fase(wereld):
    fouten, _ = _afwijzing(wereld.school_a, melding_data(ACHTTIEN, verzuimsoort="16-uur"))
    assert [f["reason"] for f in fouten] == [
        "Deze verzuimsoort past niet bij de leerplichtstatus van de leerling op de "
        "begindatum (18-plus) (R-ME-3)."
    ]
    fouten, _ = _afwijzing(
        wereld.school_a,
        melding_data(DRIEENTWINTIG, begindatum="2026-09-15", verzuimdagen=[]),
    )
    assert len(fouten) == 1 and not DATUM_OF_LEEFTIJD.search(fouten[0]["reason"])


def test_brp_lezing_wordt_geaudit(wereld):
    services.meld_verzuim(wereld.school_a, melding_data(HAARLEM))
    rec = AuditRecord.objects.get(actie="brp.lezen")
    assert (rec.persoon, rec.organisatie, rec.doel) == (HAARLEM, "99XA", "verzuimmelding")
