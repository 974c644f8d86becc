"""Demo letterheads: one per gemeente/dienst with users, idempotent, never for a school."""

import pytest

from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.brieven.demo import maak_briefhoofden
from verzuim.brieven.models import Briefhoofd
from verzuim.organisaties.models import Organisatie, OrganisatieSoort

pytestmark = pytest.mark.django_db


def test_demo_letterheads(lpa, andere_lpa):
    """(lpa's organisation GM0363 has a letterhead already: kept.)"""
    school = Organisatie.objects.create(code="99XY", soort=OrganisatieSoort.SCHOOL, naam="School")
    GebruikerFactory(organisatie=school, rollen=["schoolmedewerker"])
    assert maak_briefhoofden() == 1
    assert maak_briefhoofden() == 0
    assert set(Briefhoofd.objects.values_list("organisatie__code", flat=True)) == {
        "GM0363",
        "GM0599",
    }
