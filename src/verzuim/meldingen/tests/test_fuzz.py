"""Hypothesis: malformed melding payloads never crash the intake (only MeldingOngeldig) and
never leave a partial write (issue 3 "Bad input and safety")."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services
from verzuim.meldingen.fouten import MeldingOngeldig
from verzuim.meldingen.models import IdempotencyRecord, Melding, Notificatie, StatusWijziging

from .conftest import melding_data

json_waarden = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(
        ["2026-09-07", "2026-02-30", "999990007", "GM0392", "99XA00", "16-uur", "", "\x00", "1e999"]
    ),
    lambda kinderen: (
        st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=12), kinderen, max_size=4)
    ),
    max_leaves=12,
)
VELDEN = list(melding_data()) + ["leerling.adres", "verzuimdagen.0", "onbekend"]


@st.composite
def verminkte_melding(draw):
    data = melding_data()
    for veld in draw(st.lists(st.sampled_from(VELDEN), min_size=1, max_size=4, unique=True)):
        waarde = draw(json_waarden)
        if veld == "leerling.adres":
            data["leerling"] = {**data["leerling"], "adres": waarde}
        elif veld == "verzuimdagen.0":
            data["verzuimdagen"] = [waarde]
        elif draw(st.booleans()):
            data[veld] = waarde
        else:
            data.pop(veld, None)
    return data


def _tellingen():
    return tuple(
        m.objects.count()
        for m in (Melding, StatusWijziging, IdempotencyRecord, Notificatie, AuditRecord)
    )


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=verminkte_melding() | json_waarden)
def test_onzin_geeft_fouten_of_een_melding_nooit_half(wereld, data):
    voor = _tellingen()
    try:
        intake = services.meld_verzuim(wereld.school_a, data, idempotency_key="fuzz")
    except MeldingOngeldig as e:
        assert e.fouten and all({"name", "code", "reason"} <= set(f) for f in e.fouten)
        assert _tellingen() == voor
        return
    except services.IdempotencyConflict:
        assert _tellingen() == voor
        return
    # Accepted: exactly one melding with its history, or an existing one returned.
    na = _tellingen()
    if intake.nieuw and na[0] == voor[0] + 1:
        assert na[1] >= voor[1] + 1 and na[2] == voor[2] + 1
    else:
        assert na[:4] == voor[:4]
