"""Reference data (issue 2 item 4, SOURCES.md): loaded by migration (gemeenten, RMC, holidays)
and by `verzuim load-reference` (school list); idempotent and fast."""

from datetime import date

import pytest
from django.core.management import call_command

from verzuim.organisaties.models import (
    Gemeente,
    Organisatie,
    ReferentieBron,
    RmcRegio,
    Schoolvakantie,
    Vestiging,
)

pytestmark = pytest.mark.django_db


def test_migration_loaded_all_gemeenten_rmc_and_holidays():
    assert Gemeente.objects.count() == 342
    assert RmcRegio.objects.count() == 40
    assert Schoolvakantie.objects.count() == 105
    assert Organisatie.objects.filter(soort="gemeente").count() == 342
    assert Organisatie.objects.filter(soort="rmc-regio").count() == 40
    assert Organisatie.objects.get(code="REGISTER").soort == "register"


@pytest.mark.parametrize(
    ("code", "naam", "provincie", "regio", "rmc"),
    [
        ("GM0363", "Amsterdam", "Noord-Holland", "noord", "21"),
        ("GM0599", "Rotterdam", "Zuid-Holland", "midden", "29"),
        ("GM0344", "Utrecht", "Utrecht", "midden", "19"),
    ],
)
def test_spot_checks_from_sources(code, naam, provincie, regio, rmc):
    g = Gemeente.objects.select_related("rmc_regio").get(code=code)
    assert (g.naam, g.provincie, g.vakantieregio, g.rmc_regio.nummer) == (
        naam,
        provincie,
        regio,
        rmc,
    )
    assert g.rmc_regio.code == f"MC{rmc}"
    assert g.organisatie.code == code
    assert g.nummer == code[2:]


def test_split_gemeente_takes_majority_region():
    assert Gemeente.objects.get(naam="De Ronde Venen").vakantieregio == "midden"


def test_contactgemeente_is_provisional_gemeente_with_most_po_vestigingen():
    regio = RmcRegio.objects.get(nummer="21")
    assert regio.contactgemeente.code == "GM0363"  # Amsterdam, 200 po vestigingen
    assert regio.contactgemeente_voorlopig is True
    assert not RmcRegio.objects.filter(contactgemeente__isnull=True).exists()
    assert all(r.contactgemeente.rmc_regio_id == r.pk for r in RmcRegio.objects.all())


def test_holiday_spot_check_zomer_2026():
    zomer = {
        v.regio: (v.startdatum, v.einddatum)
        for v in Schoolvakantie.objects.filter(schooljaar="2025-2026", vakantie="zomervakantie")
    }
    assert zomer["noord"] == (date(2026, 7, 4), date(2026, 8, 16))
    assert zomer["midden"] == (date(2026, 7, 18), date(2026, 8, 30))
    assert zomer["zuid"] == (date(2026, 7, 11), date(2026, 8, 23))
    kerst = Schoolvakantie.objects.get(
        schooljaar="2025-2026", vakantie="kerstvakantie", regio="zuid"
    )
    assert kerst.verplicht and kerst.startdatum == date(2025, 12, 20)
    assert not Schoolvakantie.objects.get(
        schooljaar="2025-2026", vakantie="herfstvakantie", regio="noord"
    ).verplicht


def test_load_reference_loads_school_list_in_bulk_and_idempotently(django_assert_max_num_queries):
    # Bulk, not row by row: ~12,500 rows in ~150 statements on SQLite (999 parameters per
    # statement), ~30 on PostgreSQL; well under a second. A wall-clock bound
    # would be flaky on a loaded CI machine.
    with django_assert_max_num_queries(400):
        call_command("load_reference", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Vestiging.objects.count() == 6122
    assert Organisatie.objects.filter(soort="school", sector="po").count() == 6011
    v = Vestiging.objects.select_related("instelling", "gemeente").get(code="32JK00")
    assert v.naam == "BBS de Verwondering"
    assert v.instelling.code == "32JK" and v.instelling.naam == "BBS de Verwondering"
    assert v.gemeente.code == "GM1699" and v.vakantieregio == "noord"
    assert v.postcode == "9306 TC"

    counts = (Organisatie.objects.count(), Vestiging.objects.count(), Gemeente.objects.count())
    call_command("load_reference", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        Organisatie.objects.count(),
        Vestiging.objects.count(),
        Gemeente.objects.count(),
    )


def test_reload_keeps_what_registerbeheer_maintains():
    regio = RmcRegio.objects.get(nummer="21")
    zaanstad = Gemeente.objects.get(code="GM0479")
    regio.contactgemeente, regio.contactgemeente_voorlopig = zaanstad, False
    regio.save()
    Organisatie.objects.filter(code="GM0363").update(email="leerplicht@amsterdam.example")
    call_command("load_reference", "--zonder-scholen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    regio.refresh_from_db()
    assert regio.contactgemeente == zaanstad and not regio.contactgemeente_voorlopig
    assert Organisatie.objects.get(code="GM0363").email == "leerplicht@amsterdam.example"


def test_referentiebronnen_record_file_source_and_year():
    bron = ReferentieBron.objects.get(bestand="gemeenten-2025.csv")
    assert bron.aantal == 342 and "CBS" in bron.bron and bron.jaar.startswith("2025")
    assert Gemeente.objects.filter(bron=bron).count() == 342
    assert ReferentieBron.objects.filter(bestand="schoolvakanties.csv", aantal=105).exists()


def test_provenance_fits_its_columns():
    """SQLite ignores max_length; PostgreSQL does not. Check the texts here too."""
    from verzuim.organisaties.referentie import BRONNEN

    velden = {f.name: f.max_length for f in ReferentieBron._meta.fields if f.max_length}
    for bestand, (omschrijving, _, jaar) in BRONNEN.items():
        assert len(bestand) <= velden["bestand"]
        assert len(omschrijving) <= velden["omschrijving"]
        assert len(jaar) <= velden["jaar"], jaar
