"""organisaties.queries: gemeente lookup, gemeenten_van (scoping, R-PR-1), ontvanger_voor
(alternatieve routering, R-RT-2)."""

import pytest

from verzuim.organisaties import queries
from verzuim.organisaties.models import Gemeente, Organisatie, Routering

pytestmark = pytest.mark.django_db


@pytest.fixture
def dienst():
    """A leerplichtdienst working for Zaanstad and Wormerland (gemeenschappelijke regeling)."""
    org = Organisatie.objects.create(code="LPD-ZW", soort="leerplichtdienst", naam="RBL Zaanstreek")
    org.werkgebied.set(Gemeente.objects.filter(code__in=["GM0479", "GM0880"]))
    return org


@pytest.mark.parametrize("code", ["GM0363", "gm0363", "0363", "363", 363])
def test_gemeente_by_code_or_nummer(code):
    assert queries.gemeente(code).naam == "Amsterdam"


@pytest.mark.parametrize("code", ["GM9999", "abc", "GM03633", ""])
def test_unknown_or_malformed_gemeente_is_none(code):
    assert queries.gemeente(code) is None


def test_gemeenten_van_gemeente_is_itself():
    org = Organisatie.objects.get(code="GM0363")
    assert list(queries.gemeenten_van(org).values_list("code", flat=True)) == ["GM0363"]
    assert queries.gemeentenummers_van(org) == {"0363"}


def test_gemeenten_van_dienst_is_its_werkgebied(dienst):
    assert queries.gemeentenummers_van(dienst) == {"0479", "0880"}


def test_gemeenten_van_rmc_regio_are_its_members():
    org = Organisatie.objects.get(code="MC21")
    assert "0363" in queries.gemeentenummers_van(org)
    assert (
        queries.gemeenten_van(org).count()
        == Gemeente.objects.filter(rmc_regio__nummer="21").count()
    )


def test_gemeenten_van_school_register_or_none_is_empty():
    register = Organisatie.objects.get(code="REGISTER")
    school = Organisatie.objects.create(code="99XX", soort="school", naam="Fictieve school")
    for org in (register, school, None):
        assert queries.gemeentenummers_van(org) == set()


@pytest.mark.parametrize("doelgroep", ["leerplichtig", "kwalificatieplichtig"])
def test_ontvanger_default_is_the_gemeente_itself(doelgroep):
    assert queries.ontvanger_voor("GM0479", doelgroep).code == "GM0479"


def test_ontvanger_18_plus_default_is_rmc_contactgemeente():
    """R-RT-2: default for 18-plus is the RMC contactgemeente of the region (Amsterdam, MC21)."""
    zaanstad = Gemeente.objects.get(code="GM0479")
    assert zaanstad.rmc_regio.nummer == "21"
    assert queries.ontvanger_voor(zaanstad, "18-plus").code == "GM0363"


def test_ontvanger_follows_routering_row(dienst):
    zaanstad = Gemeente.objects.get(code="GM0479")
    Routering.objects.create(gemeente=zaanstad, doelgroep="leerplichtig", naar=dienst)
    Routering.objects.create(gemeente=zaanstad, doelgroep="18-plus", naar=dienst)
    assert queries.ontvanger_voor(zaanstad, "leerplichtig") == dienst
    assert queries.ontvanger_voor(zaanstad, "18-plus") == dienst
    assert queries.ontvanger_voor(zaanstad, "kwalificatieplichtig").code == "GM0479"


def test_ontvanger_rejects_unknown_input():
    with pytest.raises(ValueError):
        queries.ontvanger_voor("GM9999", "leerplichtig")
    with pytest.raises(ValueError):
        queries.ontvanger_voor("GM0363", "volwassen")
