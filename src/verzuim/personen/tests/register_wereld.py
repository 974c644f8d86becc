"""The meldingen test world (verzuim.meldingen.tests.conftest, on 1 Oct 2026) with tokens
for the register writes, plus two more persons: NIEUW (in the BRP of Haarlem, not yet a
pupil) and TWEEDE (onderwijsnummer pupil of school A without BSN, for R-ID-2)."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest

from verzuim import clock
from verzuim.accounts.models import Gebruiker
from verzuim.audit.context import Actor, actor_for_user
from verzuim.meldingen.tests import conftest as m
from verzuim.organisaties.models import Organisatie
from verzuim.personen.scenario import laad_scenario

VANDAAG = m.VANDAAG
HAARLEM, AMSTERDAM, ZANDVOORT, ONDERWIJSNUMMER = (
    m.HAARLEM,
    m.AMSTERDAM,
    m.ZANDVOORT,
    m.ONDERWIJSNUMMER,
)
NIEUW = "999990111"  # Haarlem, born 2014-02-02, in the BRP, enrolled nowhere
ANDER = "999990123"  # Amsterdam, enrolled at school B (99XB00), for the R-ID-2 merge
TWEEDE = "101222021"  # onderwijsnummer pupil of school A (no BSN yet)

SCHRIJVEN = ["inschrijvingen.schrijven", "diplomas.schrijven"]
TOKENS = {
    "school_a": ("99XA", SCHRIJVEN),
    "school_b": ("99XB", SCHRIJVEN),
    "school_a_alleen_melden": ("99XA", ["meldingen.aanmaken"]),
    "haarlem": ("GM0392", ["vrijstellingen.schrijven"]),
    "amsterdam": ("GM0363", ["vrijstellingen.schrijven"]),
    "dienst": ("RBL-ZK", ["vrijstellingen.schrijven"]),
}


def token_waarde(naam: str) -> str:
    return f"register-token-{naam}-0000000000000000"


SCENARIO = copy.deepcopy(m.SCENARIO)
SCENARIO["personen"] += [
    {
        "burgerservicenummer": NIEUW,
        "naam": {"voornamen": "Nieuw", "geslachtsnaam": "Leerling"},
        "geboorte": {"datum": "2014-02-02"},
        "gemeenteVanInschrijving": {"code": "0392"},
    },
    {
        "burgerservicenummer": ANDER,
        "naam": {"voornamen": "Ander", "geslachtsnaam": "Kind"},
        "geboorte": {"datum": "2012-03-03"},
        "gemeenteVanInschrijving": {"code": "0363"},
    },
]
SCENARIO["inschrijvingen"] += [
    {
        "leerling": {"burgerservicenummer": ANDER},
        "vestiging": "99XB00",
        "begindatum": "2025-08-18",
    },
    {
        "leerling": {"onderwijsnummer": TWEEDE, "geboortedatum": "2012-03-03"},
        "vestiging": "99XA00",
        "begindatum": "2024-08-19",
    },
]
SCENARIO["gebruikers"] += [
    {"gebruikersnaam": "beleid.haarlem", "organisatie": "GM0392", "rollen": ["beleidsmedewerker"]}
]
SCENARIO["tokens"] = [
    {"organisatie": org, "scopes": scopes, "token": token_waarde(naam), "naam": naam}
    for naam, (org, scopes) in TOKENS.items()
]


def api_actor(naam: str, scopes=None) -> Actor:
    org_code, standaard = TOKENS.get(naam, (naam, []))
    return Actor(
        label=f"api:{naam}",
        organisatie=Organisatie.objects.get(code=org_code),
        soort="api",
        scopes=frozenset(standaard if scopes is None else scopes),
    )


@pytest.fixture
def wereld(db, settings):
    settings.DEMO = True  # fixed token values only in demo/test mode
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    clock.set_today(VANDAAG)
    m.zorg_voor_referentie()
    laad_scenario(copy.deepcopy(SCENARIO), demo=True)
    users = {u.username: u for u in Gebruiker.objects.all()}
    yield SimpleNamespace(
        school_a=api_actor("school_a"),
        school_b=api_actor("school_b"),
        haarlem=api_actor("haarlem"),
        amsterdam=api_actor("amsterdam"),
        dienst=api_actor("dienst"),
        melder_a=api_actor("school_a", ["meldingen.aanmaken"]),
        behandelaar_haarlem=api_actor("haarlem", ["meldingen.behandelen"]),
        lpa_haarlem=actor_for_user(users["lpa.haarlem"]),
        beleid_haarlem=actor_for_user(users["beleid.haarlem"]),
        school_a_gebruiker=actor_for_user(users["school.a"]),
    )
    clock.set_today(None)
