"""The meldingen tests' world (1 Oct 2026, Haarlem, Amsterdam, the dienst RBL-ZK) with the
roles around a dossier: an LPA (BOA) and an LPA of Haarlem, an administratief medewerker, a
beleidsmedewerker and a team lead of Haarlem, an LPA of Amsterdam and of the dienst."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission

from verzuim.accounts.models import Gebruiker
from verzuim.audit.context import actor_for_user
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.tests import conftest as m
from verzuim.meldingen.tests.conftest import _taken_direct, _vandaag  # noqa: F401 (fixtures)
from verzuim.organisaties.models import Organisatie
from verzuim.personen.scenario import laad_scenario

HAARLEM, AMSTERDAM, ZANDVOORT = m.HAARLEM, m.AMSTERDAM, m.ZANDVOORT
melding_data = m.melding_data

SCENARIO = copy.deepcopy(m.SCENARIO)
SCENARIO["gebruikers"] += [
    {
        "gebruikersnaam": "admin.haarlem",
        "organisatie": "GM0392",
        "rollen": ["administratief-medewerker"],
    },
    {"gebruikersnaam": "beleid.haarlem", "organisatie": "GM0392", "rollen": ["beleidsmedewerker"]},
    {
        "gebruikersnaam": "teamleider.haarlem",
        "organisatie": "GM0392",
        "rollen": ["leerplichtambtenaar"],
    },
    {"gebruikersnaam": "lpa.dienst", "organisatie": "RBL-ZK", "rollen": ["leerplichtambtenaar"]},
    {"gebruikersnaam": "school.b", "organisatie": "99XB", "rollen": ["schoolmedewerker"]},
]


@pytest.fixture
def wereld(db, settings):
    settings.DEMO = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    m.zorg_voor_referentie()
    laad_scenario(SCENARIO, demo=True)
    users = {u.username: u for u in Gebruiker.objects.all()}
    users["teamleider.haarlem"].user_permissions.add(
        Permission.objects.get(codename="teamleider", content_type__app_label="dossiers")
    )
    users = {u.username: Gebruiker.objects.get(pk=u.pk) for u in users.values()}  # no perm cache
    actor = {naam.replace(".", "_"): actor_for_user(u) for naam, u in users.items()}
    return SimpleNamespace(
        users=users,
        school_a_api=m.api_actor_voor("school_a"),
        school_b_api=m.api_actor_voor("school_b"),
        haarlem_api=m.api_actor_voor("haarlem"),
        amsterdam_api=m.api_actor_voor("amsterdam"),
        haarlem=Organisatie.objects.get(code="GM0392"),
        **actor,
    )


def meld(wereld, bsn=HAARLEM, **over):
    """A melding by school A (school B for the Amsterdam pupil), routed and in a dossier."""
    school = wereld.school_b_api if bsn == AMSTERDAM else wereld.school_a_api
    if bsn == AMSTERDAM:
        over.setdefault("vestiging", "99XB00")
    if "begindatum" in over:
        over.setdefault("verzuimdagen", [{"datum": over["begindatum"], "uren": 5.0}])
    return meldingen.meld_verzuim(school, melding_data(bsn, **over)).melding


@pytest.fixture
def dossier(wereld):
    """The dossier of a melding by school A about the Haarlem pupil (born 02-05-2012, 14)."""
    from verzuim.dossiers.models import Dossier

    meld(wereld)
    return Dossier.objects.get()
