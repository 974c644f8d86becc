"""School calendar and lesweken (R-CAL-1, R-CAL-2, R-CAL-5, R-LP-1)."""

import datetime as dt

import pytest

from verzuim.rules import (
    Afwijkingen,
    SchoolKalender,
    Vakantie,
    VrijePeriode,
    laad_vakanties,
    regio_van_gemeente,
    schooljaar_van,
)
from verzuim.rules.kalender import feestdagen

D = dt.date.fromisoformat
NOORD = SchoolKalender("noord")


@pytest.mark.parametrize(
    ("datum", "label"),
    [("2026-07-31", "2025-2026"), ("2026-08-01", "2026-2027"), ("2027-01-15", "2026-2027")],
)
def test_schooljaar_van(datum, label):
    sj = schooljaar_van(D(datum))
    assert sj.label == label
    assert sj.begindatum.month == 8 and sj.begindatum.day == 1
    assert sj.einddatum == D(f"{sj.startjaar + 1}-07-31")


def test_data_files_load():
    assert len(laad_vakanties("noord")) == 35
    assert regio_van_gemeente("GM0363") == "noord"
    assert regio_van_gemeente("0599") == "midden"
    assert SchoolKalender.voor_gemeente("GM0935").regio == "zuid"  # Maastricht
    with pytest.raises(ValueError):
        regio_van_gemeente("GM9999")
    with pytest.raises(ValueError):
        laad_vakanties("oost")


@pytest.mark.parametrize(
    ("datum", "schooldag", "reden"),
    [
        ("2026-10-09", True, None),  # Friday before herfstvakantie noord
        ("2026-10-10", False, "weekend"),
        ("2026-10-12", False, "herfstvakantie"),  # Monday in herfstvakantie noord
        ("2026-10-18", False, "weekend"),
        ("2026-10-19", True, None),
        ("2027-04-27", False, "meivakantie"),
        ("2027-05-06", False, "Hemelvaartsdag"),
        ("2027-05-17", False, "Tweede Pinksterdag"),
        ("2027-03-29", False, "Tweede Paasdag"),
    ],
)
def test_is_schooldag_noord(datum, schooldag, reden):
    assert NOORD.is_schooldag(D(datum)) is schooldag
    assert NOORD.reden_vrij(D(datum)) == reden


def test_regions_differ_in_herfstvakantie_2026():
    assert not NOORD.is_schooldag(D("2026-10-12"))
    assert SchoolKalender("midden").is_schooldag(D("2026-10-12"))
    assert not SchoolKalender("zuid").is_schooldag(D("2026-10-19"))


def test_feestdagen():
    assert feestdagen(2026)[D("2026-04-06")] == "Tweede Paasdag"
    assert feestdagen(2026)[D("2026-05-14")] == "Hemelvaartsdag"
    assert D("2025-05-05") in feestdagen(2025) and D("2026-05-05") not in feestdagen(2026)
    assert feestdagen(2025)[D("2025-04-26")] == "Koningsdag"  # 27 April 2025 is a Sunday
    assert SchoolKalender("noord", met_feestdagen=False).is_schooldag(D("2027-05-06"))


def test_lesweken_skip_holiday_weeks():
    assert NOORD.is_lesweek(D("2026-10-09"))
    assert not NOORD.is_lesweek(D("2026-10-14"))
    weken = NOORD.lesweken(D("2026-10-01"), D("2026-10-31"))
    assert weken == (D("2026-09-28"), D("2026-10-05"), D("2026-10-19"), D("2026-10-26"))


def test_four_lesweken_window_across_herfstvakantie_noord_2026():
    v = NOORD.venster_4_lesweken(D("2026-10-30"))
    assert v.startdatum == D("2026-09-28")
    assert v.lesweken == (D("2026-09-28"), D("2026-10-05"), D("2026-10-19"), D("2026-10-26"))
    assert v.overgeslagen_data == tuple(D(f"2026-10-{d}") for d in range(12, 17))
    assert {r for _, r in v.overgeslagen} == {"herfstvakantie"}
    assert {"R-CAL-1", "R-CAL-5"} <= set(v.rule_ids)
    # midden has its herfstvakantie a week later: the same window then has no gap
    midden = SchoolKalender("midden").venster_4_lesweken(D("2026-10-16"))
    assert midden.startdatum == D("2026-09-21") and not midden.overgeslagen


def test_window_ending_in_a_holiday_uses_the_last_lesweken_before_it():
    v = NOORD.venster_4_lesweken(D("2026-10-14"))
    assert v.lesweken[-1] == D("2026-10-05") and len(v.lesweken) == 4
    assert v.overgeslagen_data == (D("2026-10-12"), D("2026-10-13"), D("2026-10-14"))


def test_window_notes_missing_holiday_data():
    v = NOORD.venster_4_lesweken(D("2035-03-01"))
    assert "R-CAL-2" in v.rule_ids


def test_lesweek_index_and_first_two_lesweken():
    assert NOORD.eerste_twee_lesweken("2026-2027") == (D("2026-08-17"), D("2026-08-24"))
    assert NOORD.lesweek_index(D("2026-08-17")) == 1
    assert NOORD.lesweek_index(D("2026-08-28")) == 2
    assert NOORD.lesweek_index(D("2026-10-12")) is None  # herfstvakantie
    assert NOORD.lesweek_index(D("2026-10-19")) == 9  # 8 lesweken before the holiday
    zuid = SchoolKalender("zuid")
    assert zuid.eerste_lesweken("2027-2028") == (D("2027-09-06"), D("2027-09-13"))


def test_own_deviations_studiedag_and_own_herfstvakantie():
    eigen_herfst = Vakantie(
        "2026-2027", "herfstvakantie", "noord", D("2026-10-17"), D("2026-10-25"), status="advies"
    )
    kal = SchoolKalender(
        "noord",
        afwijkingen=Afwijkingen(
            vrije_dagen=(VrijePeriode(D("2026-09-30"), D("2026-09-30"), "studiedag"),),
            eigen_vakanties=(eigen_herfst,),
        ),
    )
    assert kal.is_schooldag(D("2026-10-12"))  # regional herfst no longer applies
    assert kal.reden_vrij(D("2026-10-19")) == "herfstvakantie"
    assert kal.reden_vrij(D("2026-09-30")) == "studiedag"
    v = kal.venster_4_lesweken(D("2026-10-16"))
    assert v.startdatum == D("2026-09-21")
    assert v.overgeslagen == ((D("2026-09-30"), "studiedag"),)


def test_compulsory_holidays_cannot_be_moved():
    eigen_kerst = Vakantie(
        "2026-2027", "kerstvakantie", "noord", D("2026-12-12"), D("2026-12-27"), status="advies"
    )
    kal = SchoolKalender("noord", afwijkingen=Afwijkingen(eigen_vakanties=(eigen_kerst,)))
    with pytest.raises(ValueError):
        kal.is_schooldag(D("2026-12-14"))


def test_schooldagen_counts_inclusive():
    assert len(NOORD.schooldagen(D("2027-03-01"), D("2027-03-12"))) == 10
    assert len(NOORD.schooldagen(D("2026-10-10"), D("2026-10-18"))) == 0
