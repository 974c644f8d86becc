"""Pages show no rule ids (issue 13 item 9)."""

import pytest

from verzuim.rules.tekst import zonder_regels


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Niet ingeschreven (R-ME-2).", "Niet ingeschreven."),
        ("Geef er een (R-ID-1, R-ME-1).", "Geef er een."),
        (
            "schooljaar 2026-2027 (R-LP-1: 1 augustus – 31 juli), dus",
            "schooljaar 2026-2027 (1 augustus – 31 juli), dus",
        ),
        ("Zie R-RT-5 voor de keten.", "Zie voor de keten."),
        ("Geen regel hier (art. 2 lid 3).", "Geen regel hier (art. 2 lid 3)."),
    ],
)
def test_zonder_regels(tekst, verwacht):
    assert zonder_regels(tekst) == verwacht
