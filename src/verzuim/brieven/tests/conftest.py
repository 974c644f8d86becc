"""Fixtures for the brieven tests: two gemeenten, their staff, a fixed date."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from verzuim import clock
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.audit.context import actor_for_user
from verzuim.brieven.models import Briefhoofd
from verzuim.brieven.services import Betreft, Geadresseerde
from verzuim.organisaties.models import Organisatie
from verzuim.organisaties.testing import zorg_voor_gemeenten

VANDAAG = dt.date(2026, 10, 1)
BSN = "999993653"


@pytest.fixture(autouse=True)
def vandaag():
    clock.set_today(VANDAAG)
    yield VANDAAG
    clock.set_today(None)


@pytest.fixture
def gemeenten(db):
    zorg_voor_gemeenten({"GM0363": ("Amsterdam", "25"), "GM0599": ("Rotterdam", "37")})
    return Organisatie.objects.get(code="GM0363"), Organisatie.objects.get(code="GM0599")


@pytest.fixture
def briefhoofd(gemeenten):
    return Briefhoofd.objects.create(
        organisatie=gemeenten[0],
        naam="Gemeente Amsterdam, Leerplicht",
        telefoon="14 020",
        email="leerplicht@amsterdam.example",
        postadres="Postbus 1\n1000 AA Amsterdam",
    )


def _gebruiker(org, rollen, **kw):
    return GebruikerFactory(organisatie=org, rollen=rollen, **kw)


@pytest.fixture
def lpa(gemeenten, briefhoofd):
    return _gebruiker(gemeenten[0], ["leerplichtambtenaar"], first_name="Petra", last_name="Bakker")


@pytest.fixture
def medewerker(gemeenten):
    return _gebruiker(gemeenten[0], ["administratief-medewerker"])


@pytest.fixture
def andere_lpa(gemeenten):
    return _gebruiker(gemeenten[1], ["leerplichtambtenaar"])


@pytest.fixture
def beheerder(gemeenten):
    return _gebruiker(gemeenten[0], ["functioneel-beheerder"])


@pytest.fixture
def andere_beheerder(gemeenten):
    return _gebruiker(gemeenten[1], ["functioneel-beheerder"])


def actor(user):
    return actor_for_user(user)


OUDERS = Geadresseerde(
    "ouders", "De ouders van Daan de Vries", ("Voorbeeldstraat 12", "1234 AB Amsterdam")
)
LEERLING = Geadresseerde("leerling", "Daan de Vries", ("Voorbeeldstraat 12", "1234 AB Amsterdam"))
SCHOOL = Geadresseerde("school", "Voorbeeldcollege", ("Schoolweg 1", "1234 CD Amsterdam"))
DAAN = Betreft(BSN, geheim_adres=False, geboortedatum=dt.date(2012, 3, 14))

UITNODIGING = {
    "leerling": {"naam": "Daan de Vries", "voornaam": "Daan"},
    "school": {"naam": "Voorbeeldcollege"},
    "verzuim": {"omschrijving": "17 uur ongeoorloofd verzuim in vier weken"},
    "gesprek": {
        "datum": dt.date(2026, 10, 8),
        "tijd": dt.time(14, 30),
        "plaats": "het stadhuis",
        "met": "mevrouw P. Bakker",
    },
}


def pdf_tekst(inhoud: bytes) -> str:
    """All text of a PDF, read by a real parser (pypdf)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(bytes(inhoud)))
    return "\n".join(p.extract_text() for p in reader.pages)
