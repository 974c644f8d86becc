"""The recompute job (issue 10 items 2 and 6): absoluut verzuim (R-SG-1..3) on the database,
idempotent, self-resolving with history, scoped."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from verzuim import clock
from verzuim.audit.models import AuditRecord
from verzuim.organisaties.models import Organisatie
from verzuim.personen import services as personen
from verzuim.personen.models import BrpPersoon, Leerling
from verzuim.signalen import queries
from verzuim.signalen.herberekening import herbereken
from verzuim.signalen.models import Herberekening, Signaal, Soort
from verzuim.signalen.tests.conftest import (
    GESIGNALEERD,
    NOOIT,
    UITGESCHREVEN,
    VANDAAG,
    VIJF,
    ZANDVOORT,
)

AV = Soort.ABSOLUUT_VERZUIM


def open_bsns(soort=AV) -> set[str]:
    return set(
        Signaal.objects.filter(soort=soort, status="open").values_list(
            "leerling__burgerservicenummer", flat=True
        )
    )


def test_signaleert_precies_wie_de_regels_aanwijzen(wereld):
    uitkomst = herbereken(VANDAAG)
    assert open_bsns() == GESIGNALEERD
    assert uitkomst.aantallen[AV]["geopend"] == len(GESIGNALEERD)
    # residents no school ever enrolled became pupils of the register (R-SG-1)
    assert Leerling.objects.filter(burgerservicenummer__in=[NOOIT, ZANDVOORT, VIJF]).count() == 3
    nooit = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    assert nooit.sinds == VANDAAG and nooit.gemeente.code == "GM0392"
    assert nooit.ontvanger.code == "GM0392"
    assert nooit.redenen[0]["regel"] == "R-SG-1"
    assert "leerplichtig op 23-11-2026 (10 jaar)" in nooit.redenen[0]["uitleg"]
    assert nooit.redenen[1]["uitleg"] == "Nooit ingeschreven op een school (volgens het register)."
    # alternatieve routering (R-RT-2): Zandvoort's leerplichtigen go to the dienst
    assert Signaal.objects.get(leerling__burgerservicenummer=ZANDVOORT).ontvanger.code == "RBL-ZK"
    uit = Signaal.objects.get(leerling__burgerservicenummer=UITGESCHREVEN)
    assert uit.gegevens["laatsteSchool"] == "Fictief Lyceum Haarlem"
    assert uit.gegevens["respijtTot"] == "2026-11-22"
    run = Herberekening.objects.get()
    assert run.aantallen[AV]["open"] == 4 and run.klaar is not None
    assert AuditRecord.objects.filter(actie="signalen.herberekenen").count() == 1


def test_respijt_dag_10_en_11_in_de_database(wereld):
    herbereken(dt.date(2026, 11, 20))  # 10th school day after Friday 6 November
    assert UITGESCHREVEN not in open_bsns()
    herbereken(dt.date(2026, 11, 22))  # Sunday: still 10 school days
    assert UITGESCHREVEN not in open_bsns()
    herbereken(dt.date(2026, 11, 23))  # 11th school day
    assert UITGESCHREVEN in open_bsns()


def test_vijfjarige_pas_vanaf_de_eerste_van_de_volgende_maand(wereld):
    herbereken(dt.date(2026, 10, 31))
    assert VIJF not in open_bsns()
    herbereken(dt.date(2026, 11, 1))
    assert VIJF in open_bsns()


def test_idempotent(wereld):
    herbereken(VANDAAG)
    voor = list(Signaal.objects.order_by("id").values("id", "status", "redenen", "gewijzigd"))
    tweede = herbereken(VANDAAG)
    assert tweede.aantallen[AV] == {
        "kandidaten": tweede.aantallen[AV]["kandidaten"],
        "geopend": 0,
        "opgelost": 0,
        "bijgewerkt": 0,
        "open": 4,
    }
    assert (
        list(Signaal.objects.order_by("id").values("id", "status", "redenen", "gewijzigd")) == voor
    )


def test_lost_zichzelf_op_en_houdt_de_historie(wereld):
    herbereken(VANDAAG)
    clock.set_today(dt.date(2026, 11, 30))
    personen.inschrijven(wereld.school_a, {"burgerservicenummer": NOOIT}, "99XA00", "2026-11-30")
    herbereken(dt.date(2026, 11, 30))
    s = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    assert (s.status, s.opgelost_op, s.oplossing) == (
        "opgelost",
        dt.date(2026, 11, 30),
        "ingeschreven",
    )
    assert s.sinds == VANDAAG and s.duur_dagen == 7
    assert "ingeschreven" in s.oplossing_uitleg
    assert open_bsns() == GESIGNALEERD - {NOOIT}
    # uitgeschreven again: a new signal, the old one stays as history (R-SG-3)
    clock.set_today(dt.date(2027, 1, 29))
    inschrijving = s.leerling.inschrijvingen.get()
    personen.wijzig_inschrijving(wereld.school_a, inschrijving.uuid, "2027-01-29")
    herbereken(dt.date(2027, 2, 15))  # after 10 school days (noord: voorjaarsvakantie 20 Feb)
    signalen = list(Signaal.objects.filter(leerling__burgerservicenummer=NOOIT).order_by("sinds"))
    assert [x.status for x in signalen] == ["opgelost", "open"]
    assert queries.historie(signalen[1]).count() == 2


@pytest.mark.parametrize(
    ("wijziging", "oplossing"),
    [
        ({"overlijdensdatum": dt.date(2026, 11, 24)}, "overleden"),
        ({"emigratiedatum": dt.date(2026, 11, 24)}, "geemigreerd"),
        ({"gemeente_van_inschrijving": "1999"}, "rni"),
    ],
)
def test_brp_uitsluitingen_lossen_op(wereld, wijziging, oplossing):
    herbereken(VANDAAG)
    BrpPersoon.objects.filter(burgerservicenummer=NOOIT).update(**wijziging)
    herbereken(dt.date(2026, 11, 24))
    assert Signaal.objects.get(leerling__burgerservicenummer=NOOIT).oplossing == oplossing


def test_verhuizing_sluit_oud_signaal_en_opent_nieuw(wereld):
    herbereken(VANDAAG)
    BrpPersoon.objects.filter(burgerservicenummer=ZANDVOORT).update(
        gemeente_van_inschrijving="0392"
    )
    herbereken(dt.date(2026, 11, 24))
    oud, nieuw = Signaal.objects.filter(leerling__burgerservicenummer=ZANDVOORT).order_by("id")
    assert (oud.status, oud.oplossing, oud.ontvanger.code) == ("opgelost", "verhuisd", "RBL-ZK")
    assert oud.oplossing_uitleg == "Verhuisd naar Haarlem."
    assert (nieuw.status, nieuw.gemeente.code, nieuw.ontvanger.code) == ("open", "GM0392", "GM0392")


def test_vrijstelling_5c_lost_op(wereld):
    herbereken(VANDAAG)
    personen.registreer_vrijstelling(
        wereld.lpa_haarlem, {"burgerservicenummer": NOOIT}, "5c", "2026-11-24", "2027-07-31"
    )
    herbereken(dt.date(2026, 11, 24))
    s = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    assert (s.status, s.oplossing) == ("opgelost", "vrijgesteld")


def test_een_open_signaal_per_leerling_en_soort(wereld):
    herbereken(VANDAAG)
    s = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Signaal.objects.create(
            soort=AV,
            leerling=s.leerling,
            gemeente=s.gemeente,
            sinds=VANDAAG,
            aangemaakt=clock.now(),
            gewijzigd=clock.now(),
        )


def test_commando(wereld, capsys):
    call_command("signalen", "--peildatum", "2026-11-23")
    uit = capsys.readouterr().out
    assert "absoluut-verzuim" in uit and "geopend 4" in uit
    assert open_bsns() == GESIGNALEERD


def test_scoping(wereld):
    herbereken(VANDAAG)
    haarlem = {
        s.leerling.burgerservicenummer for s in queries.open_signalen_voor(wereld.lpa_haarlem)
    }
    assert haarlem == {NOOIT, UITGESCHREVEN, VIJF}
    assert {
        s.leerling.burgerservicenummer for s in queries.open_signalen_voor(wereld.lpa_rblzk)
    } == {ZANDVOORT}
    assert queries.aantal_open(wereld.admin_haarlem) == 3
    assert queries.tellingen(wereld.lpa_haarlem) == {"absoluut-verzuim": 3, "potentieel-lrv": 0}
    for actor in (
        wereld.lpa_amsterdam,
        wereld.beleid_haarlem,
        wereld.school_gebruiker,
        wereld.school_a,
    ):
        assert queries.aantal_open(actor) == 0
    s = Signaal.objects.get(leerling__burgerservicenummer=ZANDVOORT)
    with pytest.raises(queries.NietGevonden):
        queries.signaal_voor(wereld.lpa_haarlem, s.uuid)
    assert queries.signaal_voor(wereld.lpa_rblzk, s.uuid) == s


def test_ontvangers_in_een_keer_gelijk_aan_ontvanger_voor(wereld):
    """The run routes with one table (organisaties.queries.ontvangers) instead of three
    queries per gemeente; it must answer as ontvanger_voor does (R-RT-2)."""
    from verzuim.organisaties.models import Doelgroep, Gemeente
    from verzuim.organisaties.queries import ontvanger_voor, ontvangers

    tabel = ontvangers()
    for g in Gemeente.objects.filter(code__in=["GM0392", "GM0473", "GM0363", "GM0599"]):
        for d in Doelgroep.values:
            assert tabel[(g.pk, d)] == ontvanger_voor(g, d).pk, (g.code, d)
    zandvoort = Gemeente.objects.get(code="GM0473")
    assert tabel[(zandvoort.pk, "leerplichtig")] == Organisatie.objects.get(code="RBL-ZK").pk
    assert tabel[(zandvoort.pk, "18-plus")] == Organisatie.objects.get(code="GM0392").pk


def test_signalen_volgen_de_koppeling_bsn_onderwijsnummer(wereld):
    """R-ID-2: a pupil known by onderwijsnummer is linked to the BSN pupil; its signals follow
    (an open one of a soort the BSN pupil also has open is resolved as samengevoegd)."""
    from verzuim.organisaties.models import Vestiging
    from verzuim.personen.models import Inschrijving

    herbereken(VANDAAG)
    naar = Leerling.objects.get(burgerservicenummer=UITGESCHREVEN)
    van = Leerling.objects.create(onderwijsnummer="101222021", geboortedatum=dt.date(2013, 1, 1))
    Inschrijving.objects.create(
        leerling=van, vestiging=Vestiging.objects.get(code="99XA00"), begindatum=dt.date(2026, 9, 1)
    )
    s_naar = Signaal.objects.get(leerling=naar)
    nu = clock.now()
    velden = {"gemeente": s_naar.gemeente, "sinds": VANDAAG, "aangemaakt": nu, "gewijzigd": nu}
    dubbel = Signaal.objects.create(soort=AV, leerling=van, **velden)
    lrv = Signaal.objects.create(soort=Soort.POTENTIEEL_LRV, leerling=van, **velden)
    personen.koppel_bsn(wereld.school_a, "101222021", UITGESCHREVEN)
    dubbel.refresh_from_db()
    lrv.refresh_from_db()
    assert (dubbel.leerling, dubbel.status, dubbel.oplossing) == (naar, "opgelost", "samengevoegd")
    assert (lrv.leerling, lrv.status) == (naar, "open")
    assert not Leerling.objects.filter(pk=van.pk).exists()
