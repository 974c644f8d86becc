"""The one-month deadline of an inzage request (R-PR-3, AVG art. 12 lid 3) and what a parent of
a pupil of 16+ learns (R-PR-2a)."""

import datetime as dt

import pytest

from verzuim.rules.inzage import inzage_termijn, reikwijdte

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("ontvangen", "uiterlijk"),
    [
        ("2026-03-15", "2026-04-15"),
        ("2026-01-31", "2026-02-28"),  # no 31 February: the month's last day
        ("2028-01-31", "2028-02-29"),  # leap year
        ("2026-03-31", "2026-04-30"),
        ("2026-12-20", "2027-01-20"),  # over the year end
        ("2026-02-28", "2026-03-28"),  # not the month's end: the same day
    ],
)
def test_one_month_after_receipt(ontvangen, uiterlijk):
    besluit = inzage_termijn(D(ontvangen))
    assert besluit.uiterlijk == D(uiterlijk)
    assert besluit.rule_ids == ("R-PR-3",)
    assert D(uiterlijk).strftime("%d-%m-%Y") in besluit.reasons[0].uitleg_nl


# --- R-PR-2a: a parent of a pupil of 16+ learns that and when, not the pupil's reasons ---

GEBOREN = D("2010-03-15")  # 16 on 15 March 2026


@pytest.mark.parametrize(
    ("op", "redenen"),
    [
        ("2026-03-14", True),  # the day before the 16th birthday: still a child's parent's right
        ("2026-03-15", False),  # the birthday itself: the pupil's own reasons
    ],
)
def test_a_parent_loses_the_reasons_on_the_16th_birthday(op, redenen):
    besluit = reikwijdte(
        verzoeker_is_leerling=False, geboortedatum=GEBOREN, op=D(op), toestemming_leerling=False
    )
    assert besluit.redenen is redenen
    assert besluit.rule_ids == ("R-PR-2a",)


def test_consent_of_the_pupil_gives_the_parent_the_reasons():
    besluit = reikwijdte(
        verzoeker_is_leerling=False,
        geboortedatum=GEBOREN,
        op=D("2026-10-01"),
        toestemming_leerling=True,
    )
    assert besluit.redenen is True
    assert "toestemming" in besluit.reasons[0].uitleg_nl


def test_the_pupil_always_gets_everything_and_an_unknown_age_counts_as_16():
    assert reikwijdte(verzoeker_is_leerling=True, geboortedatum=GEBOREN, op=D("2026-10-01"),
                      toestemming_leerling=False).redenen  # fmt: skip
    onbekend = reikwijdte(
        verzoeker_is_leerling=False, geboortedatum=None, op=D("2026-10-01"),
        toestemming_leerling=False,
    )  # fmt: skip
    assert onbekend.redenen is False
    assert "geen bekende geboortedatum" in onbekend.reasons[0].uitleg_nl
