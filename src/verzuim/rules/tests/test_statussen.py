"""Melding status transitions (R-RT-6, R-RT-7) and code lists (R-CW-11)."""

import pytest

from verzuim.rules import AFSLUITREDENEN, INTREKKINGSREDENEN, mag_overgaan, toegestane_overgangen
from verzuim.rules.statussen import (
    AFSLUITREDENEN_BOA,
    EINDSTATUSSEN,
    OVERGANGEN,
    STATUSSEN,
    afsluitredenen_voor,
)


@pytest.mark.parametrize(
    ("van", "naar", "actor", "reden", "ok"),
    [
        (None, "geregistreerd", "school", None, True),
        (None, "geregistreerd", "ontvanger", None, False),
        ("geregistreerd", "in-behandeling", "ontvanger", None, True),
        ("geregistreerd", "in-behandeling", "school", None, False),
        ("geregistreerd", "afgesloten", "ontvanger", "verzuim-gestopt", True),
        ("in-behandeling", "ter-kennisgeving-aangenomen", "ontvanger", None, True),
        ("ter-kennisgeving-aangenomen", "in-behandeling", "ontvanger", None, True),
        ("in-behandeling", "geregistreerd", "ontvanger", None, False),
        ("afgesloten", "in-behandeling", "ontvanger", None, False),
        ("ingetrokken", "geregistreerd", "school", None, False),
        ("geregistreerd", "ingetrokken", "school", "F", True),
        ("in-behandeling", "ingetrokken", "school", "G", True),
        ("geregistreerd", "ingetrokken", "school", None, False),  # needs a reason
        ("geregistreerd", "ingetrokken", "school", "V", False),  # V is the register's
        ("geregistreerd", "ingetrokken", "register", "V", True),
        ("geregistreerd", "ingetrokken", "register", "vrijstelling", True),  # alias
        ("geregistreerd", "ingetrokken", "register", "F", False),
        ("geregistreerd", "ingetrokken", "ontvanger", "F", False),
        ("afgesloten", "ingetrokken", "register", "V", False),
    ],
)
def test_mag_overgaan(van, naar, actor, reden, ok):
    besluit = mag_overgaan(van, naar, actor, reden)
    assert besluit.toegestaan is ok
    assert besluit.reasons
    if not ok and reden is None:
        assert besluit.reasons[0].rule_id == "R-RT-6"


@pytest.mark.parametrize(
    ("reden", "boa", "ok", "regel"),
    [
        (None, True, False, "R-CW-11"),  # closing needs an afsluitreden
        ("", True, False, "R-CW-11"),
        ("bestaat-niet", True, False, "R-CW-11"),
        ("verzuim-gestopt", False, True, "R-CW-11"),
        ("halt-afgerond", False, False, "R-CW-6"),  # a Halt referral is a BOA's act
        ("pv-afgehandeld", False, False, "R-CW-7"),  # so is a proces-verbaal
        ("halt-afgerond", True, True, "R-CW-11"),
        ("pv-afgehandeld", True, True, "R-CW-11"),
    ],
)
def test_afsluiten_vraagt_een_reden_die_de_persoon_mag_kiezen(reden, boa, ok, regel):
    besluit = mag_overgaan("in-behandeling", "afgesloten", "ontvanger", reden, boa=boa)
    assert besluit.toegestaan is ok
    assert besluit.reasons[0].rule_id == regel
    if not ok:
        assert "Kies uit" in besluit.reasons[0].uitleg_nl
        assert ("halt-afgerond" in besluit.reasons[0].uitleg_nl) is boa


def test_afsluitredenen_voor_wie_geen_boa_is():
    assert set(afsluitredenen_voor(True)) == set(AFSLUITREDENEN)
    assert set(afsluitredenen_voor(False)) == set(AFSLUITREDENEN) - AFSLUITREDENEN_BOA


def test_allowed_list_for_a_409():
    assert toegestane_overgangen("geregistreerd", "ontvanger").naar == (
        "in-behandeling",
        "ter-kennisgeving-aangenomen",
        "afgesloten",
    )
    assert mag_overgaan("in-behandeling", "geregistreerd", "ontvanger").toegestane_statussen == (
        "afgesloten",
        "ter-kennisgeving-aangenomen",
    )
    for s in EINDSTATUSSEN:
        for actor in ("ontvanger", "school", "register"):
            assert toegestane_overgangen(s, actor).naar == ()


def test_tables_are_consistent():
    for o in OVERGANGEN:
        assert o.naar in STATUSSEN and (o.van is None or o.van in STATUSSEN)
        assert o.van not in EINDSTATUSSEN
    assert INTREKKINGSREDENEN["V"] == "Vrijstelling"
    assert {"verzuim-gestopt", "vrijstelling", "startkwalificatie", "23-jaar"} <= set(
        AFSLUITREDENEN
    )
