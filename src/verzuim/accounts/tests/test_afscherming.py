"""R-PR-5 per role: special categories and secret addresses only for the handling
leerplichtambtenaar (accounts.afscherming); everyone else sees that something is shielded."""

from __future__ import annotations

import pytest

from verzuim.accounts import afscherming
from verzuim.audit.context import SYSTEEM, Actor, Rol
from verzuim.organisaties.models import Organisatie, OrganisatieSoort

GROND = "art. 5 onder a (lichamelijk/psychisch)"
ADRES = ["Grote Markt 1", "2011 RD Haarlem"]


def actor(soort: str, *rollen: str, api: bool = False) -> Actor:
    return Actor(
        label="t",
        organisatie=Organisatie(code="X", soort=soort, naam="X"),
        soort="api" if api else "gebruiker",
        rollen=frozenset(rollen),
    )


@pytest.mark.parametrize("soort", [OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST])
def test_de_behandelende_lpa_ziet_grond_en_geheim_adres(soort):
    for a in (actor(soort, Rol.LEERPLICHTAMBTENAAR), actor(soort, api=True), SYSTEEM):
        assert afscherming.ziet_bijzondere_gegevens(a)
        assert afscherming.vrijstellingsgrond(a, GROND) == GROND
        assert afscherming.adres(a, True, ADRES) == ADRES


@pytest.mark.parametrize(
    ("soort", "rol"),
    [
        (s, r)
        for s in OrganisatieSoort.values
        for r in Rol.values
        if not (
            r == Rol.LEERPLICHTAMBTENAAR
            and s in (OrganisatieSoort.GEMEENTE, OrganisatieSoort.LEERPLICHTDIENST)
        )
    ],
)
def test_iedere_andere_rol_ziet_alleen_dat_iets_is_afgeschermd(soort, rol):
    a = actor(soort, rol)
    assert not afscherming.ziet_bijzondere_gegevens(a)
    assert afscherming.vrijstellingsgrond(a, GROND) == afscherming.VRIJSTELLING_AFGESCHERMD
    assert "afgeschermd" in afscherming.VRIJSTELLING_AFGESCHERMD
    assert afscherming.adres(a, True, ADRES) is None  # the page says ADRES_AFGESCHERMD
    assert afscherming.adres(a, False, ADRES) == ADRES  # no secret: the normal scoping rules


@pytest.mark.parametrize("soort", [OrganisatieSoort.SCHOOL, OrganisatieSoort.RMC_REGIO])
def test_een_api_koppeling_van_school_of_rmc_ziet_niets_bijzonders(soort):
    assert not afscherming.ziet_bijzondere_gegevens(actor(soort, api=True))


def test_zonder_organisatie_niets():
    a = Actor(label="t", organisatie=None, rollen=frozenset({Rol.LEERPLICHTAMBTENAAR}))
    assert not afscherming.ziet_bijzondere_gegevens(a)
