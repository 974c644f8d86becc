"""R-CW-4 / R-LP-9 (letters to the pupil from 12) and R-ID-5 (secret address: never through a
school), at their edges."""

import datetime as dt

import pytest

from verzuim.rules import brief_toegestaan

DATUM = dt.date(2026, 10, 1)


def toets(**kw):
    args = {
        "ontvanger": "leerling",
        "via_school": False,
        "geheim_adres": False,
        "geboortedatum": dt.date(2010, 1, 1),
        "datum": DATUM,
    }
    return brief_toegestaan(**{**args, **kw})


@pytest.mark.parametrize(
    ("geboortedatum", "toegestaan"),
    [
        (dt.date(2014, 10, 2), False),  # 11, turns 12 tomorrow
        (dt.date(2014, 10, 1), True),  # 12 today
        (dt.date(2012, 2, 29), True),
        (None, False),
    ],
)
def test_pupil_from_12(geboortedatum, toegestaan):
    beslissing = toets(geboortedatum=geboortedatum)
    assert bool(beslissing) is toegestaan
    if not toegestaan:
        assert beslissing.rule_ids == ("R-CW-4",)


def test_parents_letters_do_not_depend_on_age():
    assert toets(ontvanger="ouders", geboortedatum=dt.date(2020, 1, 1))


@pytest.mark.parametrize("ontvanger", ["ouders", "leerling"])
def test_secret_address_never_through_a_school(ontvanger):
    beslissing = toets(ontvanger=ontvanger, geheim_adres=True, via_school=True)
    assert not beslissing and "R-ID-5" in beslissing.rule_ids
    assert toets(ontvanger=ontvanger, geheim_adres=True, via_school=False)
    assert toets(ontvanger=ontvanger, geheim_adres=False, via_school=True)


def test_a_letter_to_the_school_has_no_conditions_here():
    assert toets(ontvanger="school", geheim_adres=True, geboortedatum=None)
