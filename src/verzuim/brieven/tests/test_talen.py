"""The shipped languages and default texts are complete and pass the template checks."""

import datetime as dt

import pytest

from verzuim.brieven import sjabloontaal
from verzuim.brieven.soorten import SOORTEN
from verzuim.brieven.talen import talen

COMBINATIES = [(s.code, o) for s in SOORTEN.values() for o in s.ontvangers]


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize(("soort", "ontvanger"), COMBINATIES)
def test_every_kind_and_recipient_has_a_valid_default(taal, soort, ontvanger):
    onderwerp, tekst = talen()[taal].sjablonen[(soort, ontvanger)]
    velden = {"Onderwerp": onderwerp, "Tekst": tekst}
    assert sjabloontaal.controleer(velden, SOORTEN[soort].plaatshouders) == []
    assert "leerling." in onderwerp + tekst


def test_defaults_are_only_for_declared_kinds_and_recipients():
    for t in talen().values():
        assert set(t.sjablonen) <= set(COMBINATIES), t.code


def test_school_letters_declare_no_address_of_the_pupil():
    """R-ID-5: a letter to a school cannot print the pupil's or parents' address."""
    for soort in SOORTEN.values():
        assert not [n for n in soort.plaatshouders if "adres" in n], soort.code


def test_dates_and_times_in_the_letter_language():
    nl, en = talen()["nl"], talen()["en"]
    assert nl.datum(dt.date(2026, 12, 4)) == "4 december 2026"
    assert en.datum(dt.date(2026, 12, 4)) == "4 December 2026"
    assert nl.tijd(dt.time(9, 5)) == "9.05"
    assert en.tijd(dt.time(14, 30)) == "14:30"
    assert nl.label("pagina", pagina=1, paginas=2) == "Pagina 1 van 2"
