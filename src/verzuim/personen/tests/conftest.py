"""Fixtures for personen: the reference gemeenten the tests need and a small scenario."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.hashers import make_password  # noqa: F401

from verzuim.organisaties.testing import zorg_voor_gemeenten
from verzuim.personen.tests.register_wereld import wereld  # noqa: F401  (ROD tests)

GEMEENTEN = {
    "GM0392": ("Haarlem", "25"),
    "GM0397": ("Heemstede", "25"),
    "GM0473": ("Zandvoort", "25"),
    "GM0363": ("Amsterdam", "24"),
    "GM0599": ("Rotterdam", "29"),
}


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def referentie(db):
    """The gemeenten (and their Organisatie) as load-reference leaves them; idempotent, so it
    also works when the reference data migration has already filled the tables."""
    zorg_voor_gemeenten(GEMEENTEN)
    return GEMEENTEN


BASIS = {
    "vandaag": "2026-11-16",
    "leerplichtdiensten": [
        {
            "code": "RBL-ZK",
            "naam": "Leerplicht Zuid-Kennemerland",
            "gemeenten": ["GM0397", "GM0473"],
        }
    ],
    "routering": [
        {"gemeente": "GM0473", "doelgroep": "leerplichtig", "naar": "RBL-ZK"},
        {"gemeente": "GM0397", "doelgroep": "leerplichtig", "naar": "RBL-ZK"},
    ],
    "instellingen": [
        {
            "brin": "99XA",
            "naam": "Fictief Lyceum (fictief)",
            "sector": "vo",
            "vestigingen": [
                {"code": "99XA00", "naam": "Fictief Lyceum Haarlem", "gemeente": "GM0392"}
            ],
        },
        {
            "brin": "99XB",
            "naam": "Fictieve Basisschool (fictief)",
            "sector": "po",
            "vestigingen": [
                {"code": "99XB00", "naam": "Fictieve Basisschool Zandvoort", "gemeente": "GM0473"}
            ],
        },
    ],
    "personen": [
        {
            "burgerservicenummer": "999993653",
            "naam": {"voornamen": "Sanne", "geslachtsnaam": "Jansen"},
            "geslacht": "V",
            "geboorte": {"datum": "2012-05-02"},
            "gemeenteVanInschrijving": {"code": "0392"},
            "verblijfplaats": {
                "verblijfadres": {
                    "officieleStraatnaam": "Grote Markt",
                    "huisnummer": 2,
                    "postcode": "2011RD",
                    "woonplaats": "Haarlem",
                },
                "datumVan": "2015-01-01",
            },
            "verhuizingen": [{"datum": "2015-01-01", "gemeente": "0473"}],
            "ouders": [
                {
                    "burgerservicenummer": "999990019",
                    "naam": {"voornamen": "Karin", "geslachtsnaam": "Jansen"},
                }
            ],
            "geheimhoudingPersoonsgegevens": False,
        },
        {
            "burgerservicenummer": "999990019",
            "naam": {"voornamen": "Piet", "voorvoegsel": "de", "geslachtsnaam": "Vries"},
            "geboorte": {"datum": "2016-03-10"},
            "gemeenteVanInschrijving": {"code": "0473"},
            "geheimhoudingPersoonsgegevens": True,
        },
    ],
    "inschrijvingen": [
        {
            "leerling": {"burgerservicenummer": "999993653"},
            "vestiging": "99XA00",
            "begindatum": "2024-08-19",
            "einddatum": None,
        },
        {
            "leerling": {"onderwijsnummer": "101222331", "geboortedatum": "2015-06-01"},
            "vestiging": "99XB00",
            "begindatum": "2020-08-17",
        },
    ],
    "vrijstellingen": [
        {
            "leerling": {"burgerservicenummer": "999990019"},
            "artikel": "5a",
            "begindatum": "2026-08-01",
            "einddatum": "2027-07-31",
            "gemeente": "GM0473",
        }
    ],
    "diplomas": [
        {"leerling": {"burgerservicenummer": "999993653"}, "soort": "havo", "datum": "2026-07-01"}
    ],
    "gebruikers": [
        {
            "gebruikersnaam": "lpa.haarlem",
            "organisatie": "GM0392",
            "rollen": ["leerplichtambtenaar", "boa"],
        },
        {"gebruikersnaam": "school.lyceum", "organisatie": "99XA", "rollen": ["schoolmedewerker"]},
        {"gebruikersnaam": "beheer", "organisatie": "REGISTER", "rollen": ["registerbeheerder"]},
    ],
    "tokens": [
        {
            "organisatie": "99XA",
            "scopes": ["inschrijvingen.schrijven"],
            "token": "demo-token-lyceum-0000000000000001",
        }
    ],
}


@pytest.fixture
def scenario(referentie, settings):
    settings.DEMO = True  # fixed token values (root conftest sets VERZUIM_DEMO too late)
    return copy.deepcopy(BASIS)
