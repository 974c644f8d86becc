"""`verzuim.snelpad` writes and reads exactly what the ORM would (issue 3 "Speed"): the
intake's prepared statements must not change a single stored value. Runs on SQLite and, in
CI, on PostgreSQL, where the value conversions differ (JSON, UUID, dates)."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django_tasks import task
from django_tasks_db import DatabaseBackend as LibraryBackend
from django_tasks_db.models import DBTaskResult

from verzuim.audit.models import AuditRecord
from verzuim.organisaties.models import Gemeente
from verzuim.personen.models import BrpPersoon, Leerling
from verzuim.snelpad import Select, kolommen, uit_rij, voeg_in, voeg_in_tenzij_bestaand
from verzuim.taken import DatabaseBackend

pytestmark = pytest.mark.django_db


def brp_persoon(bsn: str) -> BrpPersoon:
    return BrpPersoon(
        burgerservicenummer=bsn,
        voornamen="Sanne",
        geslachtsnaam="Jansen",
        geboortedatum=dt.date(2012, 2, 29),
        gemeente_van_inschrijving="0392",
        verblijfadres={"straat": "Grote Markt", "huisnummer": 2, "postcode": "2011RD"},
        verhuizingen=[{"datum": "2020-08-01", "gemeente": {"code": "0363"}}],
        emigratiedatum=None,
        geheimhouding_persoonsgegevens=True,
    )


def opgeslagen(obj) -> dict:
    """Every concrete field as the ORM reads it back from the database."""
    model = type(obj)
    vers = model.objects.get(pk=obj.pk)
    return {f.attname: getattr(vers, f.attname) for f in model._meta.concrete_fields}


def test_voeg_in_slaat_hetzelfde_op_als_save():
    met_save, met_voeg_in = brp_persoon("111222333"), brp_persoon("111222345")
    met_save.save()
    voeg_in(met_voeg_in)
    assert met_voeg_in.pk is not None and met_voeg_in.pk != met_save.pk
    assert not met_voeg_in._state.adding
    a, b = opgeslagen(met_save), opgeslagen(met_voeg_in)
    for verschilt in ("id", "burgerservicenummer"):
        a.pop(verschilt), b.pop(verschilt)
    assert a == b
    assert b["verhuizingen"] == [{"datum": "2020-08-01", "gemeente": {"code": "0363"}}]


def test_voeg_in_meerdere_rijen_in_een_statement_houdt_de_volgorde():
    records = [
        AuditRecord(tijdstip=dt.datetime(2026, 11, 1, tzinfo=dt.UTC), actie=f"test.{i}")
        for i in range(3)
    ]
    voeg_in(*records)
    assert len({r.pk for r in records}) == 3
    for r in records:
        assert AuditRecord.objects.get(pk=r.pk).actie == r.actie


def test_voeg_in_neemt_het_id_van_een_zojuist_ingevoegd_object_over():
    """As a melding's first status takes the id of the melding inserted just before."""
    gemeente = Gemeente(code="GM9999", naam="Proefgemeente", provincie="Utrecht")
    leerling = Leerling(burgerservicenummer="111222357", opgegeven_gemeente=gemeente)
    voeg_in(gemeente)
    voeg_in(leerling)
    vers = Leerling.objects.get(pk=leerling.pk)
    assert vers.opgegeven_gemeente_id == gemeente.pk
    assert vers.uuid == leerling.uuid  # a Python default is written as save() would


def test_voeg_in_weigert_objecten_van_verschillende_modellen():
    with pytest.raises(TypeError):
        voeg_in(brp_persoon("111222369"), Leerling(burgerservicenummer="111222369"))


@pytest.mark.parametrize("returning", [True, False], ids=["returning", "lastrowid"])
def test_voeg_in_tenzij_bestaand_laat_een_bezette_sleutel_staan(monkeypatch, returning):
    """ON CONFLICT DO NOTHING on a unique field: the first row goes in with its id, the
    second with the same value does not, and nothing raises (the transaction stays usable)."""
    if not returning:
        if connection.vendor != "sqlite":
            pytest.skip("PostgreSQL always returns the ids; lastrowid is SQLite's")
        monkeypatch.setattr(type(connection.features), "can_return_rows_from_bulk_insert", False)
    eerste, tweede = brp_persoon("111222400"), brp_persoon("111222400")
    tweede.geslachtsnaam = "Anders"
    assert voeg_in_tenzij_bestaand(eerste, "burgerservicenummer") is True
    assert eerste.pk is not None and not eerste._state.adding
    assert voeg_in_tenzij_bestaand(tweede, "burgerservicenummer") is False
    assert tweede.pk is None and tweede._state.adding
    assert BrpPersoon.objects.get(burgerservicenummer="111222400").geslachtsnaam == "Jansen"
    assert opgeslagen(eerste)["verhuizingen"] == [
        {"datum": "2020-08-01", "gemeente": {"code": "0363"}}
    ]


def lees(namen=None) -> BrpPersoon:
    select = Select(
        BrpPersoon,
        lambda conn, qn: (
            f"SELECT {kolommen(conn, BrpPersoon, 'p', namen)} "
            f"FROM {qn(BrpPersoon._meta.db_table)} p "
            f"WHERE p.{qn('burgerservicenummer')} = %s AND p.{qn('geboortedatum')} = %s"
        ),
    )
    # A date parameter is adapted for the database as the ORM adapts it.
    conn, rijen = select.rijen(["111222370", dt.date(2012, 2, 29)])
    assert len(rijen) == 1
    return uit_rij(conn, BrpPersoon, rijen[0], namen)


def test_uit_rij_geeft_dezelfde_waarden_als_het_orm():
    brp_persoon("111222370").save()
    orm = BrpPersoon.objects.get(burgerservicenummer="111222370")
    snel = lees()
    assert model_to_dict(snel) == model_to_dict(orm)
    assert isinstance(snel.geboortedatum, dt.date) and isinstance(snel.verhuizingen, list)
    assert snel.pk == orm.pk and not snel._state.adding


def test_uit_rij_met_een_deel_van_de_velden_laadt_de_rest_later():
    brp_persoon("111222370").save()
    snel = lees(("id", "burgerservicenummer", "geboortedatum"))
    assert "verblijfadres" in snel.get_deferred_fields()
    assert snel.geboortedatum == dt.date(2012, 2, 29)
    assert snel.verblijfadres["postcode"] == "2011RD"  # loaded on first use


@task()
def voorbeeldtaak(n: int, bedrag: str) -> None:  # pragma: no cover - never run
    pass


def test_taakrij_is_gelijk_aan_die_van_de_bibliotheek():
    """Our backend writes the task row without the library's ORM create (and its pre_save
    receiver); a newer django-tasks-db that adds a field or default must fail here."""
    args = (7, str(decimal.Decimal("1.50")))
    ons = DatabaseBackend("default", {}).enqueue(voorbeeldtaak, args, {})
    bieb = LibraryBackend("default", {}).enqueue(voorbeeldtaak, args, {})
    a, b = (opgeslagen(DBTaskResult.objects.get(pk=r.id)) for r in (ons, bieb))
    for verschilt in ("id", "enqueued_at"):
        a.pop(verschilt), b.pop(verschilt)
    assert a == b
    assert DBTaskResult.objects.ready().filter(pk=ons.id).exists()


def test_voeg_in_zonder_returning_per_rij_met_lastrowid(monkeypatch):
    """SQLite before 3.35 (Django 5.2 supports 3.31) cannot return ids from an INSERT: one
    statement per row, the id from lastrowid, and the next insert can use it."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL always returns the ids; lastrowid is SQLite's")
    monkeypatch.setattr(type(connection.features), "can_return_rows_from_bulk_insert", False)
    gemeente = Gemeente(code="GM9998", naam="Oudgemeente", provincie="Zeeland")
    voeg_in(gemeente)
    leerlingen = [
        Leerling(burgerservicenummer=bsn, opgegeven_gemeente=gemeente)
        for bsn in ("111222382", "111222394")
    ]
    voeg_in(*leerlingen)
    assert gemeente.pk is not None and len({ll.pk for ll in leerlingen}) == 2
    for ll in leerlingen:
        vers = Leerling.objects.get(pk=ll.pk)
        assert (vers.burgerservicenummer, vers.opgegeven_gemeente_id) == (
            ll.burgerservicenummer,
            gemeente.pk,
        )


def test_onbekende_kolomnaam_is_een_fout():
    with pytest.raises(ValueError, match="geen kolom"):
        kolommen(connection, BrpPersoon, "p", ("id", "bestaat_niet"))
