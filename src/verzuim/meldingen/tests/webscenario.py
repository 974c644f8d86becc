"""A small world for the meldingen page tests (client and browser): two schools, pupils in
Amsterdam and Rotterdam, users of each side. Loaded with the personen scenario loader."""

from __future__ import annotations

import datetime as dt

VANDAAG = dt.date(2026, 10, 1)
BSN_AMSTERDAM = "999990019"  # enrolled at school A, lives in Amsterdam (GM0363)
BSN_ROTTERDAM = "999990020"  # enrolled at school A, lives in Rotterdam (GM0599)
BSN_SCHOOL_B = "999990032"  # enrolled at school B only

SCENARIO = {
    "vandaag": VANDAAG.isoformat(),
    "instellingen": [
        {
            "brin": "25PL",
            "naam": "Het Amstel Lyceum",
            "sector": "vo",
            "vestigingen": [
                {"code": "25PL00", "naam": "Amstel Lyceum Centrum", "gemeente": "GM0363"},
                {"code": "25PL01", "naam": "Amstel Lyceum Noord", "gemeente": "GM0363"},
            ],
        },
        {
            "brin": "26QQ",
            "naam": "College De Maas",
            "sector": "vo",
            "vestigingen": [{"code": "26QQ00", "naam": "College De Maas", "gemeente": "GM0599"}],
        },
    ],
    "personen": [
        {
            "burgerservicenummer": BSN_AMSTERDAM,
            "naam": {"voornamen": "Sanne", "voorvoegsel": "de", "geslachtsnaam": "Vries"},
            "geboorte": {"datum": "2012-03-14"},
            "gemeenteVanInschrijving": {"code": "0363"},
            "verblijfplaats": {
                "verblijfadres": {
                    "officieleStraatnaam": "Damrak",
                    "huisnummer": 1,
                    "postcode": "1012LG",
                    "woonplaats": "Amsterdam",
                },
                "datumVan": "2015-01-01",
            },
            "ouders": [
                {
                    "burgerservicenummer": "999990032",
                    "naam": {"voornamen": "Petra", "voorvoegsel": "de", "geslachtsnaam": "Vries"},
                },
                {
                    "burgerservicenummer": "999990044",
                    "naam": {"voornamen": "Karim", "geslachtsnaam": "Amrani"},
                },
            ],
        },
        {
            "burgerservicenummer": BSN_ROTTERDAM,
            "naam": {"voornamen": "Daan", "geslachtsnaam": "Jansen"},
            "geboorte": {"datum": "2011-06-02"},
            "gemeenteVanInschrijving": {"code": "0599"},
            "verblijfplaats": {
                "verblijfadres": {
                    "officieleStraatnaam": "Coolsingel",
                    "huisnummer": 40,
                    "postcode": "3011AD",
                    "woonplaats": "Rotterdam",
                },
                "datumVan": "2015-01-01",
            },
        },
        {
            "burgerservicenummer": BSN_SCHOOL_B,
            "naam": {"voornamen": "Noor", "geslachtsnaam": "Bakker"},
            "geboorte": {"datum": "2012-09-20"},
            "gemeenteVanInschrijving": {"code": "0599"},
        },
    ],
    "inschrijvingen": [
        {
            "leerling": {"burgerservicenummer": BSN_AMSTERDAM},
            "vestiging": "25PL00",
            "begindatum": "2024-08-19",
        },
        {
            "leerling": {"burgerservicenummer": BSN_ROTTERDAM},
            "vestiging": "25PL00",
            "begindatum": "2024-08-19",
        },
        {
            "leerling": {"burgerservicenummer": BSN_SCHOOL_B},
            "vestiging": "26QQ00",
            "begindatum": "2024-08-19",
        },
    ],
    "gebruikers": [
        {"gebruikersnaam": "school.a", "organisatie": "25PL", "rollen": ["schoolmedewerker"]},
        {"gebruikersnaam": "school.b", "organisatie": "26QQ", "rollen": ["schoolmedewerker"]},
        {
            "gebruikersnaam": "lpa.amsterdam",
            "organisatie": "GM0363",
            "rollen": ["leerplichtambtenaar"],
        },
        {
            "gebruikersnaam": "lpa2.amsterdam",
            "organisatie": "GM0363",
            "rollen": ["leerplichtambtenaar"],
        },
        {
            "gebruikersnaam": "admin.amsterdam",
            "organisatie": "GM0363",
            "rollen": ["administratief-medewerker"],
        },
        {
            "gebruikersnaam": "beleid.amsterdam",
            "organisatie": "GM0363",
            "rollen": ["beleidsmedewerker"],
        },
        {
            "gebruikersnaam": "lpa.rotterdam",
            "organisatie": "GM0599",
            "rollen": ["leerplichtambtenaar"],
        },
    ],
}


def laad():
    """Load the world (reference data must be there) and stand on VANDAAG."""
    from verzuim import clock
    from verzuim.personen.scenario import laad_scenario

    clock.set_today(VANDAAG)
    return laad_scenario(SCENARIO, demo=True)


def melding_data(bsn: str = BSN_AMSTERDAM, **extra) -> dict:
    """A valid POST /api/v1/meldingen body of school A (16-uur, September 2026)."""
    data = {
        "leerling": {"burgerservicenummer": bsn},
        "vestiging": "25PL00",
        "verzuimsoort": "16-uur",
        "begindatum": "2026-09-07",
        "einddatum": "2026-09-25",
        "verzuimdeUren": 17.5,
        "vermoedelijkeReden": "Spijbelt op maandag.",
    }
    return data | extra
