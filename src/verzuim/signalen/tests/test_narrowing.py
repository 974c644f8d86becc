"""The database narrows, the rules decide (issue 10 "design demand"): random persons through
the SQL pre-selection + the rules, and through the rules alone, flag exactly the same people.
Runs on the configured database: SQLite by default, PostgreSQL with DATABASE_URL (CI runs
both)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verzuim.meldingen.tests.conftest import zorg_voor_referentie
from verzuim.organisaties.models import Organisatie, OrganisatieSoort, Vestiging
from verzuim.personen.models import BrpPersoon, Diploma, Inschrijving, Leerling, Vrijstelling
from verzuim.rules import leerplicht as lp
from verzuim.rules.signalen import fase_grenzen
from verzuim.signalen.herberekening import Context, beoordeel_absoluut
from verzuim.signalen.kandidaten import Persoon, absoluut_verzuim_kandidaten

SCHOOL = "Fictief College Haarlem"
PEILDATA = [
    dt.date(2026, 7, 31),
    dt.date(2026, 8, 1),
    dt.date(2026, 11, 23),
    dt.date(2027, 3, 1),
    dt.date(2024, 2, 29),
    dt.date(2026, 4, 1),
]
DAG = dt.timedelta(days=1)


@pytest.fixture
def school(db):
    zorg_voor_referentie()
    org = Organisatie.objects.create(code="99ZZ", soort=OrganisatieSoort.SCHOOL, naam="Fictief")
    gemeente = Organisatie.objects.get(code="GM0392").gemeente
    return Vestiging.objects.create(code="99ZZ00", instelling=org, naam=SCHOOL, gemeente=gemeente)


def _dag(peildatum: dt.date, offset: int) -> dt.date:
    return peildatum + dt.timedelta(days=offset)


@st.composite
def persoon(draw, peildatum: dt.date) -> dict:
    """A person whose dates cluster around the edges that matter on ``peildatum``: the
    birth-date window's boundaries, the peildatum itself (enrolments, vrijstellingen,
    diplomas, death, emigration)."""
    g = fase_grenzen(peildatum)
    rand = [g.leerplichtig_tot_en_met, g.volledig_vanaf, g.kwalificatieplichtig_vanaf, g.rmc_vanaf]
    geboren = draw(
        st.one_of(
            st.sampled_from(rand).flatmap(
                lambda d: st.integers(-40, 40).map(lambda o: d + dt.timedelta(days=o))
            ),
            st.dates(_dag(peildatum, -25 * 366), peildatum),
        )
    )
    rond = st.integers(-30, 30).map(lambda o: _dag(peildatum, o))
    ver = st.integers(-5000, 400).map(lambda o: _dag(peildatum, o))
    datum = st.one_of(rond, ver)

    def periode():
        return st.tuples(datum, st.none() | st.integers(0, 4000)).map(
            lambda t: (t[0], None if t[1] is None else t[0] + dt.timedelta(days=t[1]))
        )

    inschrijvingen = draw(st.lists(periode(), max_size=3, unique_by=lambda p: p[0]))
    vrijstellingen = draw(
        st.lists(
            st.tuples(st.sampled_from(sorted(lp.VRIJSTELLING_ARTIKELEN)), periode()),
            max_size=2,
            unique_by=lambda v: (v[0], v[1][0]),
        )
    )
    diplomas = draw(
        st.lists(
            st.tuples(st.sampled_from(sorted(lp.DIPLOMA_SOORTEN)), datum),
            max_size=2,
            unique_by=lambda d: d,
        )
    )
    return {
        "geboortedatum": geboren,
        "gemeente": draw(st.sampled_from(["0392", "0392", "0392", "0473", "1999"])),
        "overlijdensdatum": draw(st.none() | st.none() | rond),
        "emigratiedatum": draw(st.none() | st.none() | rond),
        "leerling": bool(inschrijvingen or vrijstellingen or diplomas) or draw(st.booleans()),
        "inschrijvingen": inschrijvingen,
        "vrijstellingen": vrijstellingen,
        "diplomas": diplomas,
    }


@st.composite
def land(draw) -> tuple[dt.date, list[dict]]:
    peildatum = draw(
        st.one_of(st.sampled_from(PEILDATA), st.dates(dt.date(2024, 1, 1), dt.date(2029, 12, 31)))
    )
    return peildatum, draw(st.lists(persoon(peildatum), min_size=1, max_size=25))


def _bsn(i: int) -> str:
    return f"8{i:08d}"


def _laad(personen: list[dict], vestiging: Vestiging) -> None:
    BrpPersoon.objects.bulk_create(
        [
            BrpPersoon(
                burgerservicenummer=_bsn(i),
                geslachtsnaam="Test",
                geboortedatum=p["geboortedatum"],
                gemeente_van_inschrijving=p["gemeente"],
                overlijdensdatum=p["overlijdensdatum"],
                emigratiedatum=p["emigratiedatum"],
            )
            for i, p in enumerate(personen)
        ]
    )
    for i, p in enumerate(personen):
        if not p["leerling"]:
            continue
        ll = Leerling.objects.create(burgerservicenummer=_bsn(i), geboortedatum=p["geboortedatum"])
        Inschrijving.objects.bulk_create(
            [
                Inschrijving(leerling=ll, vestiging=vestiging, begindatum=b, einddatum=e)
                for b, e in p["inschrijvingen"]
            ]
        )
        Vrijstelling.objects.bulk_create(
            [
                Vrijstelling(
                    leerling=ll, artikel=a, begindatum=b, einddatum=e, gemeente=vestiging.gemeente
                )
                for a, (b, e) in p["vrijstellingen"]
            ]
        )
        for soort, datum in p["diplomas"]:
            Diploma(leerling=ll, soort=soort, datum=datum).save()


def _alleen_regels(i: int, p: dict) -> Persoon:
    """The same person built in Python, without the database."""
    return Persoon(
        burgerservicenummer=_bsn(i),
        leerling_id=None,
        geboortedatum=p["geboortedatum"],
        gemeente=p["gemeente"],
        overlijdensdatum=p["overlijdensdatum"],
        emigratiedatum=p["emigratiedatum"],
        inschrijvingen=[lp.Inschrijving(b, e, school=SCHOOL) for b, e in p["inschrijvingen"]],
        vrijstellingen=[lp.Vrijstelling(a, b, e) for a, (b, e) in p["vrijstellingen"]],
        diplomas=[lp.Diploma(s, d) for s, d in p["diplomas"]],
    )


class _Terugdraaien(Exception):
    pass


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(land())
def test_sql_voorselectie_en_regels_wijzen_dezelfde_personen_aan(school, voorbeeld):
    peildatum, personen = voorbeeld
    ctx = Context(peildatum)
    verwacht = {
        _bsn(i)
        for i, p in enumerate(personen)
        if beoordeel_absoluut(ctx, _alleen_regels(i, p))[0].signaal
    }
    try:
        with transaction.atomic():
            _laad(personen, school)
            kandidaten = absoluut_verzuim_kandidaten(peildatum)
            gevonden = {
                k.burgerservicenummer for k in kandidaten if beoordeel_absoluut(ctx, k)[0].signaal
            }
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    assert gevonden == verwacht


def test_de_voorselectie_versmalt_echt(school):
    """Not vacuous: enrolled, vrijgestelde, too young or too old persons never reach the rules."""
    p = dt.date(2026, 11, 23)
    personen = [
        {"geboortedatum": dt.date(2014, 1, 1), "gemeente": "0392", "overlijdensdatum": None,
         "emigratiedatum": None, "leerling": True, "inschrijvingen": [(dt.date(2024, 8, 1), None)],
         "vrijstellingen": [], "diplomas": []},
        {"geboortedatum": dt.date(2014, 1, 1), "gemeente": "0392", "overlijdensdatum": None,
         "emigratiedatum": None, "leerling": True, "inschrijvingen": [],
         "vrijstellingen": [("5a", (dt.date(2026, 8, 1), dt.date(2027, 7, 31)))], "diplomas": []},
        {"geboortedatum": dt.date(2022, 1, 1), "gemeente": "0392", "overlijdensdatum": None,
         "emigratiedatum": None, "leerling": False, "inschrijvingen": [], "vrijstellingen": [],
         "diplomas": []},
        {"geboortedatum": dt.date(2000, 1, 1), "gemeente": "0392", "overlijdensdatum": None,
         "emigratiedatum": None, "leerling": False, "inschrijvingen": [], "vrijstellingen": [],
         "diplomas": []},
        {"geboortedatum": dt.date(2014, 1, 1), "gemeente": "0392", "overlijdensdatum": None,
         "emigratiedatum": None, "leerling": False, "inschrijvingen": [], "vrijstellingen": [],
         "diplomas": []},
    ]  # fmt: skip
    with transaction.atomic():
        _laad(personen, school)
        assert [k.burgerservicenummer for k in absoluut_verzuim_kandidaten(p)] == [_bsn(4)]
