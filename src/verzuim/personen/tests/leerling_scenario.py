"""A small two-gemeenten region for the scoping tests of the leerling pages and the
leerplichtstatus API (R-PR-1): Haarlem (GM0392) with a school, Rotterdam (GM0599) with one."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from verzuim.personen.scenario import laad_scenario

ANNA = "999990032"  # Haarlem, enrolled at 99XA; 5 on 2026-10-01
BRAM = "999990044"  # Rotterdam, enrolled at 99XC
GIJS = "999990056"  # Haarlem, geheimhouding, enrolled at 99XA, vrijstelling 5a
ONR = "101000000"  # onderwijsnummer pupil at 99XA (birth date from the school)


def _persoon(bsn, voornaam, achternaam, geboren, gemeente, straat, postcode, plaats, geheim=False):
    return {
        "burgerservicenummer": bsn,
        "naam": {"voornamen": voornaam, "geslachtsnaam": achternaam},
        "geboorte": {"datum": geboren},
        "gemeenteVanInschrijving": {"code": gemeente},
        "verblijfplaats": {
            "verblijfadres": {
                "officieleStraatnaam": straat,
                "huisnummer": 7,
                "postcode": postcode,
                "woonplaats": plaats,
            },
            "datumVan": "2020-01-01",
        },
        "geheimhoudingPersoonsgegevens": geheim,
    }


SCENARIO = {
    "vandaag": "2026-09-15",
    "instellingen": [
        {
            "brin": "99XA",
            "naam": "Fictieve Basisschool Haarlem",
            "sector": "po",
            "vestigingen": [{"code": "99XA00", "naam": "De Fictie Haarlem", "gemeente": "GM0392"}],
        },
        {
            "brin": "99XC",
            "naam": "Fictieve Basisschool Rotterdam",
            "sector": "po",
            "vestigingen": [
                {"code": "99XC00", "naam": "De Fictie Rotterdam", "gemeente": "GM0599"}
            ],
        },
    ],
    "personen": [
        _persoon(ANNA, "Anna", "Bakker", "2021-10-01", "0392", "Grote Markt", "2011RD", "Haarlem"),
        _persoon(BRAM, "Bram", "Boer", "2015-03-01", "0599", "Coolsingel", "3011AD", "Rotterdam"),
        _persoon(
            GIJS, "Gijs", "Geheim", "2014-06-01", "0392", "Geheimstraat", "2012AB", "Haarlem", True
        ),
    ],
    "inschrijvingen": [
        {
            "leerling": {"burgerservicenummer": ANNA},
            "vestiging": "99XA00",
            "begindatum": "2025-10-01",
        },
        {
            "leerling": {"burgerservicenummer": BRAM},
            "vestiging": "99XC00",
            "begindatum": "2019-08-26",
        },
        {
            "leerling": {"burgerservicenummer": GIJS},
            "vestiging": "99XA00",
            "begindatum": "2018-08-20",
        },
        {
            "leerling": {"onderwijsnummer": ONR, "geboortedatum": "2016-02-29"},
            "vestiging": "99XA00",
            "begindatum": "2020-08-17",
        },
    ],
    "vrijstellingen": [
        {
            "leerling": {"burgerservicenummer": GIJS},
            "artikel": "5a",
            "begindatum": "2026-08-01",
            "einddatum": "2027-07-31",
            "gemeente": "GM0392",
        }
    ],
    "diplomas": [],
    "gebruikers": [
        {
            "gebruikersnaam": "lpa.haarlem",
            "organisatie": "GM0392",
            "rollen": ["leerplichtambtenaar"],
        },
        {
            "gebruikersnaam": "adm.haarlem",
            "organisatie": "GM0392",
            "rollen": ["administratief-medewerker"],
        },
        {
            "gebruikersnaam": "beleid.haarlem",
            "organisatie": "GM0392",
            "rollen": ["beleidsmedewerker"],
        },
        {
            "gebruikersnaam": "privacy.haarlem",
            "organisatie": "GM0392",
            "rollen": ["privacy-officer"],
        },
        {"gebruikersnaam": "school.haarlem", "organisatie": "99XA", "rollen": ["schoolmedewerker"]},
        {
            "gebruikersnaam": "lpa.rotterdam",
            "organisatie": "GM0599",
            "rollen": ["leerplichtambtenaar"],
        },
    ],
    "tokens": [
        {
            "organisatie": "GM0392",
            "naam": "Haarlem LP",
            "scopes": ["leerplichtstatus.lezen"],
            "token": "token-haarlem-leerplichtstatus-0001",
        },
        {
            "organisatie": "GM0599",
            "naam": "Rotterdam LP",
            "scopes": ["leerplichtstatus.lezen"],
            "token": "token-rotterdam-leerplichtstatus-01",
        },
        {
            "organisatie": "99XA",
            "naam": "LAS Haarlem",
            "scopes": ["leerplichtstatus.lezen", "meldingen.aanmaken"],
            "token": "token-school-haarlem-0000000000001",
        },
        {
            "organisatie": "99XA",
            "naam": "LAS Haarlem (alleen melden)",
            "scopes": ["meldingen.aanmaken"],
            "token": "token-school-haarlem-melden-000001",
        },
    ],
}
TOKEN_HAARLEM = "token-haarlem-leerplichtstatus-0001"
TOKEN_ROTTERDAM = "token-rotterdam-leerplichtstatus-01"
TOKEN_SCHOOL = "token-school-haarlem-0000000000001"
TOKEN_SCHOOL_MELDEN = "token-school-haarlem-melden-000001"


def _gemeenten() -> None:
    """Haarlem and Rotterdam as the reference migration loads them (also under
    --no-migrations)."""
    from verzuim.organisaties.models import Gemeente, Organisatie, OrganisatieSoort

    for code, naam, provincie in (
        ("GM0392", "Haarlem", "Noord-Holland"),
        ("GM0599", "Rotterdam", "Zuid-Holland"),
    ):
        g, _ = Gemeente.objects.get_or_create(
            code=code, defaults={"naam": naam, "provincie": provincie, "vakantieregio": "noord"}
        )
        Organisatie.objects.get_or_create(
            code=code,
            defaults={
                "soort": OrganisatieSoort.GEMEENTE,
                "naam": f"Gemeente {naam}",
                "gemeente": g,
            },
        )


@pytest.fixture
def regio(db, settings):
    """Load the scenario (reference gemeenten come from the organisaties migration)."""
    from verzuim import clock

    _gemeenten()
    settings.DEMO = True  # fixed token values are accepted in demo/test mode only
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    laad_scenario(copy.deepcopy(SCENARIO), demo=True)
    clock.set_today(dt.date.fromisoformat(SCENARIO["vandaag"]))
    yield SCENARIO
    clock.set_today(None)
