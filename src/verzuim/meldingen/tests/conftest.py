"""A small world for the meldingen tests, loaded with the scenario loader on 1 Oct 2026.

Pupils (BSN → what they test):
- HAARLEM 999990007: 14, lives in Haarlem (GM0392), enrolled at 99XA00 (Haarlem).
- VERHUISD 999990019: moved from Amsterdam to Rotterdam on 30 Sep 2026 (day before receipt).
- ZANDVOORT 999990020: lives in Zandvoort; leerplichtig routed to dienst RBL-ZK (R-RT-2).
- ACHTTIEN 999990032: 18 since 1 Mar 2026, no startkwalificatie, Zandvoort → 18-plus to the
  RMC contactgemeente Haarlem.
- BIJNA18 999990044: turns 18 on 20 Sep 2026.
- DRIEENTWINTIG 999990056: turns 23 on 15 Sep 2026.
- VRIJGESTELD 999990068: vrijstelling 5a from 1 Sep 2026.
- EMIGRANT 999990081: emigrated 1 Jul 2026.
- ONDERWIJSNUMMER 101222008: no BSN, born 2013-06-01.
- AMSTERDAM 999990093: enrolled at school B (99XB00, Amsterdam), lives in Amsterdam.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from verzuim import clock
from verzuim.accounts.models import Gebruiker
from verzuim.audit.context import Actor, actor_for_user
from verzuim.organisaties.models import Gemeente, Organisatie, RmcRegio
from verzuim.organisaties.testing import zorg_voor_gemeenten
from verzuim.personen.scenario import laad_scenario

VANDAAG = dt.date(2026, 10, 1)

HAARLEM, VERHUISD, ZANDVOORT, ACHTTIEN = "999990007", "999990019", "999990020", "999990032"
BIJNA18, DRIEENTWINTIG, VRIJGESTELD, EMIGRANT = "999990044", "999990056", "999990068", "999990081"
AMSTERDAM = "999990093"
ONDERWIJSNUMMER = "101222008"

TOKENS = {
    "school_a": ("99XA", ["meldingen.aanmaken", "meldingen.lezen"]),
    "school_b": ("99XB", ["meldingen.aanmaken", "meldingen.lezen"]),
    "haarlem": ("GM0392", ["meldingen.lezen", "meldingen.behandelen"]),
    "amsterdam": ("GM0363", ["meldingen.lezen", "meldingen.behandelen"]),
    "rotterdam": ("GM0599", ["meldingen.lezen", "meldingen.behandelen"]),
    "dienst": ("RBL-ZK", ["meldingen.lezen", "meldingen.behandelen"]),
}


def token_waarde(naam: str) -> str:
    return f"test-token-{naam}-000000000000000000"


def _persoon(bsn, geboren, gemeente, **extra):
    return {
        "burgerservicenummer": bsn,
        "naam": {"voornamen": "Test", "geslachtsnaam": f"Persoon{bsn[-3:]}"},
        "geboorte": {"datum": geboren},
        "gemeenteVanInschrijving": {"code": gemeente},
        **extra,
    }


def _inschrijving(sleutel, vestiging="99XA00", begin="2024-08-19"):
    return {"leerling": sleutel, "vestiging": vestiging, "begindatum": begin, "einddatum": None}


SCENARIO = {
    "vandaag": VANDAAG.isoformat(),
    "leerplichtdiensten": [
        {"code": "RBL-ZK", "naam": "Leerplicht Zuid-Kennemerland", "gemeenten": ["GM0473"]}
    ],
    "routering": [{"gemeente": "GM0473", "doelgroep": "leerplichtig", "naar": "RBL-ZK"}],
    "instellingen": [
        {
            "brin": "99XA",
            "naam": "Fictief Lyceum",
            "sector": "vo",
            "vestigingen": [
                {"code": "99XA00", "naam": "Fictief Lyceum Haarlem", "gemeente": "GM0392"}
            ],
        },
        {
            "brin": "99XB",
            "naam": "Fictief College",
            "sector": "vo",
            "vestigingen": [
                {"code": "99XB00", "naam": "Fictief College Amsterdam", "gemeente": "GM0363"}
            ],
        },
    ],
    "personen": [
        _persoon(HAARLEM, "2012-05-02", "0392"),
        _persoon(
            VERHUISD,
            "2011-01-01",
            "0599",
            verhuizingen=[
                {"datum": "2015-01-01", "gemeente": "0363"},
                {"datum": "2026-09-30", "gemeente": "0599"},
            ],
        ),
        _persoon(ZANDVOORT, "2013-02-03", "0473"),
        _persoon(ACHTTIEN, "2008-03-01", "0473"),
        _persoon(BIJNA18, "2008-09-20", "0392"),
        _persoon(DRIEENTWINTIG, "2003-09-15", "0392"),
        _persoon(VRIJGESTELD, "2013-04-04", "0392"),
        _persoon(
            EMIGRANT, "2012-07-07", "0392", emigratie={"datum": "2026-07-01", "land": "België"}
        ),
        _persoon(AMSTERDAM, "2012-08-08", "0363"),
    ],
    "inschrijvingen": [
        *(
            _inschrijving({"burgerservicenummer": b})
            for b in (
                HAARLEM,
                VERHUISD,
                ZANDVOORT,
                ACHTTIEN,
                BIJNA18,
                DRIEENTWINTIG,
                VRIJGESTELD,
                EMIGRANT,
            )
        ),
        _inschrijving({"onderwijsnummer": ONDERWIJSNUMMER, "geboortedatum": "2013-06-01"}),
        _inschrijving({"burgerservicenummer": AMSTERDAM}, vestiging="99XB00"),
    ],
    "vrijstellingen": [
        {
            "leerling": {"burgerservicenummer": VRIJGESTELD},
            "artikel": "5a",
            "begindatum": "2026-09-01",
            "einddatum": "2027-07-31",
            "gemeente": "GM0392",
        }
    ],
    "gebruikers": [
        {
            "gebruikersnaam": "lpa.haarlem",
            "organisatie": "GM0392",
            "rollen": ["leerplichtambtenaar", "boa"],
            "email": "lpa@haarlem.example",
        },
        {
            "gebruikersnaam": "lpa2.haarlem",
            "organisatie": "GM0392",
            "rollen": ["leerplichtambtenaar"],
        },
        {
            "gebruikersnaam": "lpa.amsterdam",
            "organisatie": "GM0363",
            "rollen": ["leerplichtambtenaar"],
        },
        {"gebruikersnaam": "school.a", "organisatie": "99XA", "rollen": ["schoolmedewerker"]},
    ],
    "tokens": [
        {"organisatie": org, "scopes": scopes, "token": token_waarde(naam), "naam": naam}
        for naam, (org, scopes) in TOKENS.items()
    ],
}


@pytest.fixture(autouse=True)
def _taken_direct(settings):
    """Tasks run at once (the root conftest's env default comes after settings are loaded)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _vandaag():
    clock.set_today(VANDAAG)
    yield
    clock.set_today(None)


def api_actor_voor(naam: str) -> Actor:
    org_code, scopes = TOKENS[naam]
    return Actor(
        label=f"api:{naam}",
        organisatie=Organisatie.objects.get(code=org_code),
        soort="api",
        scopes=frozenset(scopes),
    )


REFERENTIE = {  # code: (naam, RMC-regio); as the reference data migration loads them
    "GM0392": ("Haarlem", "25"),
    "GM0473": ("Zandvoort", "25"),
    "GM0363": ("Amsterdam", "21"),
    "GM0599": ("Rotterdam", "29"),
}


def zorg_voor_referentie() -> None:
    """Idempotent: also works with --no-migrations (no reference data migration)."""
    zorg_voor_gemeenten(REFERENTIE)
    regio = RmcRegio.objects.get(nummer="25")
    if regio.contactgemeente_id is None:
        regio.contactgemeente = Gemeente.objects.get(code="GM0392")
        regio.save(update_fields=["contactgemeente"])


@pytest.fixture
def wereld(db, settings):
    settings.DEMO = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    zorg_voor_referentie()
    laad_scenario(SCENARIO, demo=True)
    Organisatie.objects.filter(code="GM0392").update(email="leerplicht@haarlem.example")
    users = {u.username: u for u in Gebruiker.objects.all()}
    return SimpleNamespace(
        school_a=api_actor_voor("school_a"),
        school_b=api_actor_voor("school_b"),
        haarlem=api_actor_voor("haarlem"),
        amsterdam=api_actor_voor("amsterdam"),
        rotterdam=api_actor_voor("rotterdam"),
        dienst=api_actor_voor("dienst"),
        lpa_haarlem=actor_for_user(users["lpa.haarlem"]),
        school_a_gebruiker=actor_for_user(users["school.a"]),
        users=users,
    )


def melding_data(bsn=HAARLEM, **over):
    """A valid 16-uur melding body (api-contract.md) for school A."""
    data = {
        "leerling": {"burgerservicenummer": bsn},
        "vestiging": "99XA00",
        "verzuimsoort": "16-uur",
        "begindatum": "2026-09-07",
        "einddatum": "2026-09-25",
        "verzuimdeUren": 17.5,
        "teLaatKeren": 3,
        "verzuimdagen": [{"datum": "2026-09-07", "uren": 5.0}],
        "vermoedelijkeReden": "Onbekend",
        "ondernomenActie": "Gesprek met ouders",
        "gewensteActie": "Oproep leerplichtambtenaar",
        "contactpersoon": {
            "naam": "J. de Mentor",
            "functie": "mentor",
            "email": "mentor@school.example",
            "telefoon": "023-1234567",
        },
    }
    data.update(over)
    return data
