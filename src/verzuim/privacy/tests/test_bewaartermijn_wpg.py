"""Retention of what a BOA processed (R-PR-4, Wpg): a Halt referral and a proces-verbaal
(R-CW-6/7) with their route entries on the timeline go 5 years after the day they were
started, not the day before; the dossier, its other entries, a kinderbijslag stop and the
pupil's record stay; the leerplichttelling of the schooljaar they were counted in stays the
same (docs/decisions.md "Wpg retention")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command

from verzuim import clock
from verzuim.audit.models import AuditRecord
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.telling import bereken
from verzuim.cijfers.tests import wereld as w_
from verzuim.dossiers.handhaving import SOORT
from verzuim.dossiers.models import Activiteit, ActiviteitSoort, Bron, Dossier, Handhaving
from verzuim.personen.models import Leerling
from verzuim.privacy import bewaartermijnen as b
from verzuim.rules import Schooljaar

D = dt.date
HALT_START = D(2024, 10, 1)  # schooljaar 2024-2025; the pupil (born 2 May 2012) is 12
PV_START = D(2025, 2, 3)
HALT_WEG, PV_WEG = D(2029, 10, 1), D(2030, 2, 3)  # 5 years after each start
SJ_2024 = Periode(Schooljaar(2024))


@pytest.fixture(autouse=True)
def _klok():
    cache.clear()
    clock.set_today(D(2026, 1, 5))
    yield
    clock.set_today(None)


def _activiteit(dossier, code, datum, *, bron=Bron.HANDMATIG, referentie="", tekst=""):
    return Activiteit.objects.create(
        dossier=dossier, soort=ActiviteitSoort.objects.get(code=code), datum=datum,
        tekst=tekst, bron=bron, bron_referentie=referentie, auteur_label="lpa",
        geregistreerd=w_.moment(datum),
    )  # fmt: skip


def _route(dossier, soort, gestart, uitkomst, uitkomst_datum):
    h = Handhaving.objects.create(
        dossier=dossier, soort=soort, gestart=gestart, uitkomst=uitkomst,
        uitkomst_datum=uitkomst_datum, auteur_label="boa", geregistreerd=w_.moment(gestart),
    )  # fmt: skip
    start_code, uitkomst_code, _, _ = SOORT[soort]
    for code, dag in ((start_code, gestart), (uitkomst_code, uitkomst_datum)):
        _activiteit(dossier, code, dag, bron=Bron.ROUTE, referentie=str(h.uuid), tekst="Route")
    return h


@pytest.fixture
def wereld(db):
    w = w_.maak_organisaties()
    ll = w_.leerling(w, geboren=D(2012, 5, 2), begin=D(2021, 8, 16))
    nu = w_.moment(D(2024, 9, 10))
    d = Dossier.objects.create(
        leerling=ll, organisatie=w.org["GM0392"], gemeente=w.g["GM0392"], aanleiding="melding",
        geopend=nu, geopend_door="lpa", gewijzigd=nu,
    )  # fmt: skip
    gesprek = _activiteit(d, "gesprek", D(2024, 9, 20), tekst="Gesprek met moeder")
    halt = _route(d, "halt", HALT_START, "negatief", D(2024, 12, 2))
    pv = _route(d, "proces-verbaal", PV_START, "strafbeschikking", D(2025, 4, 1))
    svb = _route(d, "kinderbijslag", D(2025, 3, 3), "hervat", D(2025, 5, 1))
    return locals()


def _telling():
    return bereken(SJ_2024, [w_.Gemeente.objects.get(code="GM0392")]).rijen[0].waarden


def test_halt_gaat_vijf_jaar_na_de_start_en_niet_eerder(wereld):
    halt = wereld["halt"]
    clock.set_today(HALT_WEG - dt.timedelta(days=1))
    voor = b.plan()
    assert voor.handhavingen == []
    assert b.voer_uit(voor)["wpg"] == {"handhavingen": 0, "activiteiten": 0}
    assert Handhaving.objects.filter(pk=halt.pk).exists()

    clock.set_today(HALT_WEG)
    plan = b.plan()
    assert plan.handhavingen == [halt.pk]
    assert b.voer_uit(plan)["wpg"] == {"handhavingen": 1, "activiteiten": 2}
    assert not Handhaving.objects.filter(pk=halt.pk).exists()
    assert not Activiteit.objects.filter(bron_referentie=str(halt.uuid)).exists()
    # Nothing else: the PV (due 3 Feb 2030) and its entries, the kinderbijslag stop (not BOA
    # data), the conversation, the dossier and the pupil.
    for h in ("pv", "svb"):
        assert Handhaving.objects.filter(pk=wereld[h].pk).exists(), h
        assert Activiteit.objects.filter(bron_referentie=str(wereld[h].uuid)).count() == 2
    assert Activiteit.objects.filter(pk=wereld["gesprek"].pk).exists()
    assert Dossier.objects.filter(pk=wereld["d"].pk).exists()
    assert Leerling.objects.filter(pk=wereld["ll"].pk).exists()


def test_proces_verbaal_op_de_dag_zelf(wereld):
    clock.set_today(PV_WEG - dt.timedelta(days=1))
    assert wereld["pv"].pk not in b.plan().handhavingen
    clock.set_today(PV_WEG)
    assert b.plan().handhavingen == [wereld["halt"].pk, wereld["pv"].pk]


def test_de_telling_van_het_schooljaar_blijft_gelijk(wereld):
    voor = _telling()
    assert (voor["haltVerwijzingen"], voor["processenVerbaal"]) == (1, 1)
    clock.set_today(PV_WEG)
    b.voer_uit(b.plan())
    assert not Handhaving.objects.filter(soort__in=("halt", "proces-verbaal")).exists()
    assert _telling() == voor


def test_de_smalle_selectie_mist_geen_route(wereld):
    """The database narrows, the rules decide: on each edge the SQL candidates give the same
    routes as the rules over every route."""
    for datum in (HALT_WEG - dt.timedelta(days=1), HALT_WEG, PV_WEG - dt.timedelta(days=1),
                  PV_WEG, D(2031, 1, 1)):  # fmt: skip
        clock.set_today(datum)
        assert b.plan().handhavingen == b.plan(handhavingen=Handhaving.objects.all()).handhavingen


def test_wpg_termijn_is_een_instelling(wereld, settings):
    settings.VERZUIM_BEWAARTERMIJNEN = {"wpg_jaren": 6}
    clock.set_today(HALT_WEG)
    assert b.plan().handhavingen == []


def test_run_logt_aantallen_nooit_inhoud(wereld, capsys):
    clock.set_today(HALT_WEG)
    call_command("bewaartermijnen", "--dry-run")
    assert "wpg: 1 handhavingen, 2 activiteiten" in capsys.readouterr().out
    assert Handhaving.objects.filter(pk=wereld["halt"].pk).exists()
    call_command("bewaartermijnen")
    record = AuditRecord.objects.get(actie="bewaartermijnen.vernietigd")
    assert record.details["aantallen"]["wpg"] == {"handhavingen": 1, "activiteiten": 2}
    assert "Route" not in str(record.details)
    assert wereld["ll"].burgerservicenummer not in str(record.details)
