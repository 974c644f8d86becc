"""The one parser of a pupil reference (R-ID-1, R-ME-1, R-RT-3), used by the register writes
and the intake: every problem at once, named by its field; no database."""

import datetime as dt

import pytest

from verzuim.invoer import Fouten
from verzuim.personen.invoer import lees_leerling

BSN = "999993653"
ONR = "101222331"


def lees(waarde, **opties):
    fouten = Fouten()
    ref = lees_leerling(waarde, fouten, **opties)
    return ref, {f["name"]: f["code"] for f in fouten}


def test_bsn_of_onderwijsnummer_precies_een_r_id_1():
    ref, fouten = lees({"burgerservicenummer": BSN})
    assert (ref.sleutel, ref.identificatie, fouten) == ({"burgerservicenummer": BSN}, BSN, {})
    assert lees({"onderwijsnummer": ONR})[0].sleutel == {"onderwijsnummer": ONR}
    assert lees({})[1] == {"leerling": "invalid"}
    assert lees({"burgerservicenummer": BSN, "onderwijsnummer": ONR})[1] == {"leerling": "invalid"}
    assert lees({"burgerservicenummer": "123456789"})[1] == {
        "leerling.burgerservicenummer": "invalid"
    }
    assert lees({"onderwijsnummer": "201234567"})[1] == {"leerling.onderwijsnummer": "invalid"}
    assert lees(None)[1] == {"leerling": "required"}
    assert lees("999993653")[1] == {"leerling": "invalid"}
    # A body that is the reference itself (the searches): bare field names.
    assert lees({"burgerservicenummer": "1"}, naam="")[1] == {"burgerservicenummer": "invalid"}


@pytest.mark.parametrize(
    "huisnummer",
    [1, 99999, "1", "12A", "12 a", "12-A", "12A-bis", "12 hs", "12-3hg", "99999 A-1234"],
)
def test_huisnummer_zoals_de_brp_het_kent(huisnummer):
    """Huisnummer 1-99999, huisletter (1 letter), huisnummertoevoeging (up to 4): the BRP's
    own limits; the value is kept as given (a number stays a number)."""
    ref, fouten = lees(
        {"onderwijsnummer": ONR, "adres": {"postcode": "2011 cr", "huisnummer": huisnummer}}
    )
    assert fouten == {}
    assert ref.adres == {"postcode": "2011CR", "huisnummer": huisnummer}


@pytest.mark.parametrize(
    "huisnummer",
    [
        0,
        -1,
        100000,
        True,
        1.5,
        "",
        "0",
        "012",
        "123456",
        "12 ABCDEF",
        "12 A 12345",
        "A12",
        "12?",
    ],
)
def test_ongeldig_huisnummer(huisnummer):
    adres = {"postcode": "2011CR", "huisnummer": huisnummer}
    assert lees({"onderwijsnummer": ONR, "adres": adres})[1] == {
        "leerling.adres.huisnummer": "invalid"
    }


def test_adres_alle_fouten_tegelijk_r_me_1():
    _, fouten = lees({"onderwijsnummer": ONR, "adres": {"gemeente": "0392"}})
    assert fouten == {
        "leerling.adres.postcode": "required",
        "leerling.adres.huisnummer": "required",
        "leerling.adres.gemeente": "invalid",
    }
    assert lees({"burgerservicenummer": BSN, "adres": "Grote Markt 2"})[1] == {
        "leerling.adres": "invalid"
    }
    ref, fouten = lees(
        {
            "onderwijsnummer": ONR,
            "adres": {"postcode": "2011CR", "huisnummer": 2, "gemeente": "GM0392"},
        }
    )
    assert fouten == {} and ref.adres["gemeente"] == "GM0392"


def test_adres_verplicht_bij_onderwijsnummer_alleen_voor_de_intake():
    assert lees({"onderwijsnummer": ONR}, adres_verplicht=True)[1] == {"leerling.adres": "required"}
    assert lees({"onderwijsnummer": ONR})[1] == {}
    assert lees({"burgerservicenummer": BSN}, adres_verplicht=True)[1] == {}


def test_geboortedatum_alleen_waar_gevraagd():
    ref, fouten = lees({"onderwijsnummer": ONR, "geboortedatum": "2014-05-02"})
    assert (ref.geboortedatum, fouten) == (dt.date(2014, 5, 2), {})
    assert lees({"onderwijsnummer": ONR, "geboortedatum": "02-05-2014"})[1] == {
        "leerling.geboortedatum": "invalid"
    }
    assert lees({"onderwijsnummer": ONR, "geboortedatum": "2999-01-01"})[1] == {
        "leerling.geboortedatum": "in_de_toekomst"
    }
    ref, fouten = lees({"onderwijsnummer": ONR, "geboortedatum": "x"}, geboortedatum=False)
    assert (ref.geboortedatum, fouten) == (None, {})
