"""A small world for the signal tests, loaded with the scenario loader; it stands on Monday
23 November 2026 (Haarlem, Zandvoort: holiday region noord, no holidays in November).

Residents (BSN → what they test):
- NOOIT 999990111: Haarlem, 10, moved in from Amsterdam on 1 Oct 2026, never enrolled.
- UITGESCHREVEN 999990123: Haarlem, uitgeschreven on Friday 6 Nov 2026: grace period
  (R-SG-2) up to and including Sunday 22 Nov, signal from Monday 23 Nov (11th school day).
- INGESCHREVEN 999990135: Haarlem, enrolled at 99XA00.
- ZANDVOORT 999990147: Zandvoort, never enrolled → routed to the dienst RBL-ZK (R-RT-2).
- VIJF 999990159: Haarlem, 5 on 15 Oct 2026, leerplichtig from 1 Nov 2026, not enrolled.
- RNI 999990160: gemeente 1999.
- OVERLEDEN 999990172: died 1 Sep 2026.
- GEEMIGREERD 999990184: emigrated 1 Jul 2026 (gemeente still Haarlem in the store).
- BUITENLAND 999990196: vrijstelling 5c (school abroad) for 2026-2027.
- STARTKWALIFICATIE 999990202: 17, havo diploma on 3 Jul 2026.
- VIER 999990214: Haarlem, 4 years old (not leerplichtig).
"""

from __future__ import annotations

import copy
import datetime as dt
from types import SimpleNamespace

import pytest

from verzuim import clock
from verzuim.accounts.models import Gebruiker
from verzuim.audit.context import Actor, actor_for_user
from verzuim.meldingen.tests import conftest as m
from verzuim.organisaties.models import Organisatie
from verzuim.personen.scenario import laad_scenario
from verzuim.personen.tests.conftest import referentie  # noqa: F401 (fixture for test_demo)

VANDAAG = dt.date(2026, 11, 23)

NOOIT, UITGESCHREVEN, INGESCHREVEN, ZANDVOORT = "999990111", "999990123", "999990135", "999990147"
VIJF, RNI, OVERLEDEN, GEEMIGREERD = "999990159", "999990160", "999990172", "999990184"
BUITENLAND, STARTKWALIFICATIE, VIER = "999990196", "999990202", "999990214"
GESIGNALEERD = {NOOIT, UITGESCHREVEN, ZANDVOORT, VIJF}

TOKENS = {
    "haarlem": ("GM0392", ["signalen.lezen", "leerplichtstatus.lezen", "brp.mutaties"]),
    "dienst": ("RBL-ZK", ["signalen.lezen", "leerplichtstatus.lezen"]),
    "amsterdam": ("GM0363", ["signalen.lezen", "leerplichtstatus.lezen"]),
    "school_a": ("99XA", ["signalen.lezen", "leerplichtstatus.lezen", "inschrijvingen.schrijven"]),
    "register": ("REGISTER", ["brp.mutaties"]),
    "haarlem_zonder_scope": ("GM0392", ["meldingen.lezen"]),
    "amsterdam_brp": ("GM0363", ["brp.mutaties"]),
}


def token_waarde(naam: str) -> str:
    return f"signalen-token-{naam}-00000000000000000"


def _persoon(bsn, geboren, gemeente="0392", naam="Kind", **extra):
    return {
        "burgerservicenummer": bsn,
        "naam": {"voornamen": naam, "geslachtsnaam": f"Achternaam{bsn[-3:]}"},
        "geboorte": {"datum": geboren},
        "gemeenteVanInschrijving": {"code": gemeente},
        "verblijfplaats": {
            "verblijfadres": {
                "officieleStraatnaam": "Grote Markt",
                "huisnummer": int(bsn[-2:]),
                "postcode": "2011RD",
                "woonplaats": "Haarlem",
            }
        },
        **extra,
    }


def _inschrijving(bsn, begin="2024-08-19", einde=None, vestiging="99XA00"):
    return {
        "leerling": {"burgerservicenummer": bsn},
        "vestiging": vestiging,
        "begindatum": begin,
        "einddatum": einde,
    }


SCENARIO = {
    **{
        k: copy.deepcopy(m.SCENARIO[k]) for k in ("leerplichtdiensten", "routering", "instellingen")
    },
    "vandaag": VANDAAG.isoformat(),
    "personen": [
        _persoon(
            NOOIT,
            "2016-06-06",
            naam="Noor",
            verhuizingen=[
                {"datum": "2016-06-06", "gemeente": "0363"},
                {"datum": "2026-10-01", "gemeente": "0392"},
            ],
        ),
        _persoon(UITGESCHREVEN, "2013-01-01", naam="Umar"),
        _persoon(INGESCHREVEN, "2012-05-02", naam="Isa"),
        _persoon(ZANDVOORT, "2014-04-04", gemeente="0473", naam="Zara"),
        _persoon(VIJF, "2021-10-15", naam="Vince"),
        _persoon(RNI, "2014-02-02", gemeente="1999", naam="Rik"),
        _persoon(OVERLEDEN, "2014-03-03", naam="Otto", overlijden={"datum": "2026-09-01"}),
        _persoon(
            GEEMIGREERD,
            "2014-05-05",
            naam="Gijs",
            emigratie={"datum": "2026-07-01", "land": "België"},
        ),
        _persoon(BUITENLAND, "2015-07-07", naam="Bo"),
        _persoon(STARTKWALIFICATIE, "2009-03-03", naam="Sam"),
        _persoon(VIER, "2022-06-01", naam="Vera"),
    ],
    "inschrijvingen": [
        _inschrijving(UITGESCHREVEN, einde="2026-11-06"),
        _inschrijving(INGESCHREVEN),
        _inschrijving(STARTKWALIFICATIE, begin="2021-08-16", einde="2026-07-10"),
    ],
    "vrijstellingen": [
        {
            "leerling": {"burgerservicenummer": BUITENLAND},
            "artikel": "5c",
            "begindatum": "2026-08-01",
            "einddatum": "2027-07-31",
            "gemeente": "GM0392",
        }
    ],
    "diplomas": [
        {
            "leerling": {"burgerservicenummer": STARTKWALIFICATIE},
            "soort": "havo",
            "datum": "2026-07-03",
        }
    ],
    "gebruikers": [
        {
            "gebruikersnaam": "lpa.haarlem",
            "organisatie": "GM0392",
            "rollen": ["leerplichtambtenaar", "boa"],
        },
        {
            "gebruikersnaam": "admin.haarlem",
            "organisatie": "GM0392",
            "rollen": ["administratief-medewerker"],
        },
        {"gebruikersnaam": "lpa.rblzk", "organisatie": "RBL-ZK", "rollen": ["leerplichtambtenaar"]},
        {
            "gebruikersnaam": "lpa.amsterdam",
            "organisatie": "GM0363",
            "rollen": ["leerplichtambtenaar"],
        },
        {
            "gebruikersnaam": "beleid.haarlem",
            "organisatie": "GM0392",
            "rollen": ["beleidsmedewerker"],
        },
        {"gebruikersnaam": "school.a", "organisatie": "99XA", "rollen": ["schoolmedewerker"]},
        {
            "gebruikersnaam": "rmc.kennemerland",
            "organisatie": "MC25",
            "rollen": ["rmc-trajectbegeleider"],
        },
    ],
    "tokens": [
        {"organisatie": org, "scopes": scopes, "token": token_waarde(naam), "naam": naam}
        for naam, (org, scopes) in TOKENS.items()
    ],
}


def api_actor(naam: str) -> Actor:
    org_code, scopes = TOKENS[naam]
    return Actor(
        label=f"api:{naam}",
        organisatie=Organisatie.objects.get(code=org_code),
        soort="api",
        scopes=frozenset(scopes),
    )


@pytest.fixture(autouse=True)
def _vandaag():
    clock.set_today(VANDAAG)
    yield
    clock.set_today(None)


@pytest.fixture
def wereld(db, settings):
    settings.DEMO = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    m.zorg_voor_referentie()
    laad_scenario(copy.deepcopy(SCENARIO), demo=True)
    users = {u.username: u for u in Gebruiker.objects.all()}
    return SimpleNamespace(
        haarlem=api_actor("haarlem"),
        dienst=api_actor("dienst"),
        amsterdam=api_actor("amsterdam"),
        school_a=api_actor("school_a"),
        lpa_haarlem=actor_for_user(users["lpa.haarlem"]),
        admin_haarlem=actor_for_user(users["admin.haarlem"]),
        lpa_rblzk=actor_for_user(users["lpa.rblzk"]),
        lpa_amsterdam=actor_for_user(users["lpa.amsterdam"]),
        beleid_haarlem=actor_for_user(users["beleid.haarlem"]),
        school_gebruiker=actor_for_user(users["school.a"]),
        users=users,
    )


def geaudit(actie: str) -> set[str]:
    """Every person an audit record of ``actie`` names (a list read names them in
    ``AuditPersoon`` rows, a single read in ``persoon``)."""
    from verzuim.audit.models import AuditPersoon, AuditRecord

    rijen = set(AuditPersoon.objects.filter(record__actie=actie).values_list("persoon", flat=True))
    return rijen | set(
        AuditRecord.objects.filter(actie=actie)
        .exclude(persoon="")
        .values_list("persoon", flat=True)
    )
