"""Hypothesis: malformed melding payloads never crash the intake (only MeldingOngeldig or a
melding) and never leave a partial write (issue 3 "Bad input and safety", R-ME-1..3).

Each example runs in its own savepoint that is rolled back afterwards, so every example
starts from the same database. (The Idempotency-Key is the API's: meldingen/tests/
test_idempotentie.py.)"""

from __future__ import annotations

from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from verzuim.audit.models import AuditRecord
from verzuim.dossiers.models import Dossier
from verzuim.meldingen import services
from verzuim.meldingen.fouten import MeldingOngeldig
from verzuim.meldingen.models import Melding, Notificatie, StatusWijziging

from .conftest import AMSTERDAM, ONDERWIJSNUMMER, melding_data

json_waarden = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(
        [
            "2026-09-07",
            "2026-02-30",
            "999990007",
            AMSTERDAM,
            ONDERWIJSNUMMER,
            "GM0392",
            "2011CR",
            "99XA00",
            "16-uur",
            "18-plus",
            "",
            "\x00",
            "1e999",
        ]
    ),
    lambda kinderen: (
        st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=12), kinderen, max_size=4)
    ),
    max_leaves=12,
)
VELDEN = [
    *melding_data(),
    "leerling.burgerservicenummer",
    "leerling.onderwijsnummer",
    "leerling.adres",
    "verzuimdagen.0",
    "onbekend",
]


@st.composite
def verminkte_melding(draw):
    data = melding_data()
    for veld in draw(st.lists(st.sampled_from(VELDEN), min_size=1, max_size=4, unique=True)):
        waarde = draw(json_waarden)
        if veld.startswith("leerling."):
            leerling = data.get("leerling")
            data["leerling"] = {**(leerling if isinstance(leerling, dict) else {})}
            data["leerling"][veld.removeprefix("leerling.")] = waarde
        elif veld == "verzuimdagen.0":
            data["verzuimdagen"] = [waarde]
        elif draw(st.booleans()):
            data[veld] = waarde
        else:
            data.pop(veld, None)
    return data


def _tellingen():
    return {
        "meldingen": Melding.objects.count(),
        "statussen": StatusWijziging.objects.count(),
        "notificaties": Notificatie.objects.count(),
        "dossiers": Dossier.objects.count(),
        # The audit record of a BRP read is no write of the melding: it must be there.
        "audit": AuditRecord.objects.exclude(actie="brp.lezen").count(),
    }


def _verschil(voor: dict, na: dict) -> dict:
    return {k: na[k] - voor[k] for k in voor if na[k] != voor[k]}


class Terugdraaien(Exception):
    pass


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=verminkte_melding() | json_waarden)
def test_onzin_geeft_fouten_of_een_melding_nooit_half(wereld, data):
    try:
        with transaction.atomic():
            voor = _tellingen()
            try:
                intake = services.meld_verzuim(wereld.school_a, data)
            except MeldingOngeldig as e:
                assert e.fouten
                event("afgewezen")
                assert all({"name", "code", "reason"} <= set(f) for f in e.fouten)
                assert _verschil(voor, _tellingen()) == {}
            else:
                # Accepted: the melding with its history, audit and (if still open)
                # notification; nothing else.
                verschil = _verschil(voor, _tellingen())
                assert intake.nieuw
                event("aangenomen")
                assert verschil.pop("meldingen") == 1
                assert verschil.pop("statussen") in (1, 2)  # 2: withdrawn at once (R-RT-7)
                # and, when it is open, the pupil's new dossier (issue 9, R-CW-1)
                geopend = intake.melding.status == "geregistreerd"
                assert verschil.pop("audit") == 1 + geopend
                assert verschil.pop("dossiers", 0) == geopend
                assert verschil.pop("notificaties", 0) in (0, 1)
                assert verschil == {}
            raise Terugdraaien
    except Terugdraaien:
        pass
