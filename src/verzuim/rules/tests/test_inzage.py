"""The one-month deadline of an inzage request (R-PR-3, AVG art. 12 lid 3)."""

import datetime as dt

import pytest

from verzuim.rules.inzage import inzage_termijn

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
