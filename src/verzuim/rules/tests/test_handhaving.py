"""Halt (R-CW-6), kinderbijslag stop (R-CW-8) and proces-verbaal (R-CW-7, R-LP-9)."""

import datetime as dt

import pytest

from verzuim.rules import halt_toelaatbaar, kinderbijslag_stop_toegestaan, proces_verbaal_mogelijk

D = dt.date.fromisoformat
GEBOREN = D("2010-06-15")  # 12 on 2022-06-15, 16 on 2026-06-15, 18 on 2028-06-15

HALT_OK = dict(
    geboortedatum=GEBOREN,
    peildatum=D("2025-03-01"),  # 14
    verzuimde_uren=20,
    te_laat_keren=0,
    eerder_halt_schoolverzuim=False,
    toestemming_leerling=True,
    toestemming_ouders=True,
    eigen_toedoen=True,
    ernstige_onbehandelde_problematiek=False,
    verwijzer_is_boa=True,
)


@pytest.mark.parametrize(
    ("wijziging", "falend"),
    [
        ({}, ()),
        ({"verzuimde_uren": 8.5}, ("ondergrens",)),
        ({"verzuimde_uren": 9}, ()),
        ({"verzuimde_uren": 0, "te_laat_keren": 11}, ("ondergrens",)),
        ({"verzuimde_uren": 0, "te_laat_keren": 12}, ()),
        ({"verzuimde_uren": 8.5, "te_laat_keren": 12}, ()),
        ({"verzuimde_uren": 60}, ()),
        ({"verzuimde_uren": 60.5}, ("bovengrens",)),
        ({"te_laat_keren": 60}, ()),
        ({"te_laat_keren": 61}, ("bovengrens",)),
        ({"peildatum": D("2022-06-14")}, ("leeftijd",)),  # 11
        ({"peildatum": D("2022-06-15")}, ()),  # 12
        ({"peildatum": D("2028-06-14")}, ()),  # 17
        ({"peildatum": D("2028-06-15")}, ("leeftijd",)),  # 18
        ({"eerder_halt_schoolverzuim": True}, ("eerder-halt",)),  # a second referral
        ({"toestemming_leerling": False}, ("toestemming-leerling",)),
        ({"toestemming_ouders": False}, ("toestemming-ouders",)),  # 14: parents needed
        ({"toestemming_ouders": False, "peildatum": D("2026-06-14")}, ("toestemming-ouders",)),
        ({"toestemming_ouders": False, "peildatum": D("2026-06-15")}, ()),  # 16: not needed
        ({"eigen_toedoen": False}, ("eigen-toedoen",)),
        ({"ernstige_onbehandelde_problematiek": True}, ("problematiek",)),
        ({"verwijzer_is_boa": False}, ("boa",)),
        (
            {"verzuimde_uren": 70, "eerder_halt_schoolverzuim": True, "verwijzer_is_boa": False},
            ("bovengrens", "eerder-halt", "boa"),
        ),
    ],
)
def test_halt_toelaatbaar(wijziging, falend):
    besluit = halt_toelaatbaar(**{**HALT_OK, **wijziging})
    assert besluit.toegestaan is (not falend)
    assert besluit.niet_voldaan == falend
    assert set(besluit.rule_ids) == {"R-CW-6"}
    if falend:  # each failing condition is its own reason
        assert len(besluit.reasons) == len(falend)


@pytest.mark.parametrize(
    ("peildatum", "verwijtbaar", "afspraak", "falend"),
    [
        ("2026-06-14", True, True, ("leeftijd",)),  # 15
        ("2026-06-15", True, True, ()),  # 16
        ("2028-06-14", True, True, ()),  # 17
        ("2028-06-15", True, True, ("leeftijd",)),  # 18
        ("2027-01-01", False, True, ("ouders-verwijtbaar",)),
        ("2027-01-01", True, False, ("svb-afspraak",)),
    ],
)
def test_kinderbijslag_stop(peildatum, verwijtbaar, afspraak, falend):
    besluit = kinderbijslag_stop_toegestaan(
        geboortedatum=GEBOREN,
        peildatum=D(peildatum),
        ouders_verwijtbaar=verwijtbaar,
        gemeente_heeft_svb_afspraak=afspraak,
    )
    assert besluit.niet_voldaan == falend
    assert bool(besluit) is (not falend)
    assert "R-CW-8" in besluit.rule_ids


PV = dict(
    geboortedatum=GEBOREN,
    pleegdatum=D("2025-03-01"),  # 14
    absoluut_verzuim=False,
    verzuim_bewezen=True,
    ouders_verwijtbaar=False,
    leerling_verwijtbaar=True,
    opsteller_is_boa=True,
)


@pytest.mark.parametrize(
    ("wijziging", "toegestaan", "tegen"),
    [
        ({}, True, {"leerling"}),
        ({"ouders_verwijtbaar": True}, True, {"ouders", "leerling"}),
        ({"pleegdatum": D("2022-06-14")}, False, set()),  # 11: pupil not liable
        ({"pleegdatum": D("2022-06-14"), "ouders_verwijtbaar": True}, True, {"ouders"}),
        ({"pleegdatum": D("2022-06-15")}, True, {"leerling"}),  # 12
        ({"absoluut_verzuim": True}, True, {"ouders"}),  # always the parents
        ({"absoluut_verzuim": True, "leerling_verwijtbaar": False}, True, {"ouders"}),
        ({"verzuim_bewezen": False}, False, set()),
        ({"opsteller_is_boa": False}, False, set()),
        ({"leerling_verwijtbaar": False}, False, set()),
        ({"pleegdatum": D("2028-06-15"), "ouders_verwijtbaar": True}, False, set()),  # 18
    ],
)
def test_proces_verbaal(wijziging, toegestaan, tegen):
    besluit = proces_verbaal_mogelijk(**{**PV, **wijziging})
    assert besluit.toegestaan is toegestaan
    assert besluit.tegen == frozenset(tegen)
    assert besluit.reasons
