"""Verlof (R-VL-1, R-VL-2), counted on the school calendar."""

import datetime as dt

import pytest

from verzuim.rules import SchoolKalender, gewichtige_omstandigheden, vakantieverlof_toegestaan

D = dt.date.fromisoformat
NOORD = SchoolKalender("noord")  # schooljaar 2026-2027 starts on Monday 17 August 2026


@pytest.mark.parametrize(
    ("begin", "eind", "dagen", "falend"),
    [
        ("2027-03-01", "2027-03-12", 10, ()),
        ("2027-03-01", "2027-03-15", 11, ("max-10-schooldagen",)),
        # 10 school days over a holiday week: 2 weeks of calendar but the holiday does not count
        ("2026-10-05", "2026-10-23", 10, ()),
        ("2026-08-24", "2026-08-28", 5, ("niet-eerste-twee-lesweken",)),
        ("2026-08-17", "2026-08-17", 1, ("niet-eerste-twee-lesweken",)),
        ("2026-08-31", "2026-09-04", 5, ()),  # third lesweek
        ("2026-08-10", "2026-08-14", 0, ()),  # in the zomervakantie: no verlof needed
    ],
)
def test_vakantieverlof(begin, eind, dagen, falend):
    besluit = vakantieverlof_toegestaan(D(begin), D(eind), NOORD, specifiek_beroep_ouder=True)
    assert besluit.schooldagen == dagen
    assert besluit.niet_voldaan == falend
    assert besluit.toegestaan is (not falend)
    assert besluit.beslisser == "directeur"


def test_vakantieverlof_once_per_schooljaar():
    eerder = [(D("2026-10-05"), D("2026-10-07"))]
    besluit = vakantieverlof_toegestaan(
        D("2027-03-01"),
        D("2027-03-05"),
        NOORD,
        specifiek_beroep_ouder=True,
        eerdere_vakantieverloven=eerder,
    )
    assert besluit.niet_voldaan == ("eenmaal-per-schooljaar",)
    vorig_jaar = [(D("2026-03-02"), D("2026-03-06"))]
    assert vakantieverlof_toegestaan(
        D("2027-03-01"),
        D("2027-03-05"),
        NOORD,
        specifiek_beroep_ouder=True,
        eerdere_vakantieverloven=vorig_jaar,
    ).toegestaan


def test_vakantieverlof_only_for_a_parents_occupation():
    besluit = vakantieverlof_toegestaan(
        D("2027-03-01"), D("2027-03-05"), NOORD, specifiek_beroep_ouder=False
    )
    assert besluit.niet_voldaan == ("beroep",)
    assert all(r.rule_id == "R-VL-1" for r in besluit.reasons)


@pytest.mark.parametrize(
    ("begin", "eind", "eerder", "beslisser"),
    [
        ("2027-03-01", "2027-03-12", 0, "directeur"),  # 10 days
        ("2027-03-01", "2027-03-15", 0, "leerplichtambtenaar"),  # 11 days
        ("2027-03-01", "2027-03-05", 5, "directeur"),  # 5 + 5
        ("2027-03-01", "2027-03-08", 5, "leerplichtambtenaar"),  # 6 + 5
    ],
)
def test_gewichtige_omstandigheden(begin, eind, eerder, beslisser):
    besluit = gewichtige_omstandigheden(
        D(begin), D(eind), NOORD, eerder_verleende_schooldagen=eerder
    )
    assert besluit.beslisser == beslisser
    assert besluit.rule_ids == ("R-VL-2",)
