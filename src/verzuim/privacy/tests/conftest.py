"""The meldingen tests' world (1 Oct 2026; Haarlem, Amsterdam, schools A and B) with a
privacy officer in Haarlem and one in Amsterdam, a melding with a status history and a
signal for the Haarlem pupil."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim import clock
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.audit.context import actor_for_user
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.tests.conftest import (  # noqa: F401 (fixtures)
    HAARLEM,
    VRIJGESTELD,
    _taken_direct,
    _vandaag,
    melding_data,
    wereld,
)
from verzuim.organisaties.models import Gemeente, Organisatie
from verzuim.personen.models import Leerling
from verzuim.signalen.models import Signaal


@pytest.fixture
def privacy(wereld):  # noqa: F811
    haarlem = Organisatie.objects.get(code="GM0392")
    po = GebruikerFactory(username="po.haarlem", organisatie=haarlem, rollen=["privacy-officer"])
    po_amsterdam = GebruikerFactory(
        username="po.amsterdam",
        organisatie=Organisatie.objects.get(code="GM0363"),
        rollen=["privacy-officer"],
    )
    melding = meldingen.meld_verzuim(wereld.school_a, melding_data(HAARLEM)).melding
    meldingen.wijzig_status(wereld.lpa_haarlem, melding.uuid, "in-behandeling",
                            toelichting="Gesprek met moeder gepland")  # fmt: skip
    nu = clock.now()
    Signaal.objects.create(
        soort="absoluut-verzuim",
        leerling=Leerling.objects.get(burgerservicenummer=HAARLEM),
        gemeente=Gemeente.objects.get(code="GM0392"),
        ontvanger=haarlem,
        status="opgelost",
        sinds=dt.date(2026, 8, 20),
        opgelost_op=dt.date(2026, 8, 25),
        oplossing_uitleg="Ingeschreven bij Fictief Lyceum",
        redenen=[],
        aangemaakt=nu,
        gewijzigd=nu,
    )
    wereld.po, wereld.po_gebruiker = actor_for_user(po), po
    wereld.po_amsterdam, wereld.po_amsterdam_gebruiker = actor_for_user(po_amsterdam), po_amsterdam
    wereld.melding = melding
    return wereld
