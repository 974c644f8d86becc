"""Retention (R-PR-4) with the clock moved forward: the right rows go on the right day and
not the day before, nothing else goes, and the leerplichttelling of a past schooljaar stays
the same after its rows are destroyed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command

from verzuim import clock
from verzuim.audit.models import AuditRecord
from verzuim.brieven.models import Document
from verzuim.cijfers.models import TellingArchief
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.telling import bereken
from verzuim.cijfers.tests import wereld as w_
from verzuim.meldingen.models import Melding
from verzuim.personen.models import Diploma, Inschrijving, Leerling, Vrijstelling
from verzuim.privacy import bewaartermijnen as b
from verzuim.rules import Schooljaar
from verzuim.signalen.models import Signaal

D = dt.date
NEGENTIEN = D(2026, 3, 10)  # the 19th birthday of OUD (born 10 Mar 2007)
SJ_2021 = Periode(Schooljaar(2021))


@pytest.fixture(autouse=True)
def _klok():
    cache.clear()
    yield
    clock.set_today(None)


def _melding(w, ll, begin, doelgroep, soort="16-uur"):
    m = w_.melding(w, ll, soort, begin, status="afgesloten", gesloten=begin + dt.timedelta(40))
    Melding.objects.filter(pk=m.pk).update(doelgroep=doelgroep)
    return m


@pytest.fixture
def wereld(db):
    clock.set_today(D(2026, 1, 5))
    w = w_.maak_organisaties()
    oud = w_.leerling(w, geboren=D(2007, 3, 10), begin=D(2019, 8, 19))
    jong = w_.leerling(w, geboren=D(2012, 5, 2), begin=D(2021, 8, 16))
    # OUD: leerplicht casework in 2021-2022 (a signal and a melding), kwalificatieplicht in
    # 2023-2024 (due two years after the day before his 18th birthday: 9 Mar 2027).
    lp_melding = _melding(w, oud, D(2021, 10, 4), "leerplichtig")
    kp_melding = _melding(w, oud, D(2023, 11, 6), "kwalificatieplichtig")
    Signaal.objects.create(
        soort="absoluut-verzuim", leerling=oud, gemeente=w.g["GM0392"], ontvanger=w.org["GM0392"],
        status="opgelost", sinds=D(2021, 9, 6), opgelost_op=D(2021, 11, 1),
        aangemaakt=w_.moment(D(2021, 9, 6)), gewijzigd=w_.moment(D(2021, 11, 1)),
    )  # fmt: skip
    # JONG: leerplicht casework in the same schooljaar, 14 now: nothing of it is due.
    jong_melding = _melding(w, jong, D(2021, 11, 8), "leerplichtig")
    # KLAAR: a startkwalificatie (havo) on 1 Jul 2024 at 17: kwalificatieplicht ended 30 Jun
    # 2024 (due 30 Jun 2026), RMC from the diploma (due 1 Jul 2026), leerplicht 1 Jan 2026.
    klaar = w_.leerling(w, geboren=D(2007, 1, 1), begin=D(2019, 8, 19))
    w_.diploma(klaar, "havo", D(2024, 7, 1))
    w_.vrijstelling(klaar, "5a", D(2020, 8, 1), D(2021, 7, 31), w.g["GM0392"])
    klaar_melding = _melding(w, klaar, D(2024, 3, 4), "kwalificatieplichtig")
    Document.objects.create(
        organisatie=w.org["GM0392"], soort="uitnodiging-gesprek", taal="nl", titel="Brief",
        betreft=klaar.burgerservicenummer, inhoud=b"%PDF", sha256="0" * 64,
        aangemaakt=w_.moment(D(2024, 3, 10)), aangemaakt_door_label="lpa",
    )  # fmt: skip
    # RMC: 18-plus casework of a 19-year-old without startkwalificatie; due 2 years after his
    # 23rd birthday (5 May 2026), with his record.
    rmc = w_.leerling(w, geboren=D(2001, 5, 5), begin=D(2017, 8, 21))
    rmc_melding = _melding(w, rmc, D(2020, 10, 5), "18-plus")
    return locals()


def _telling(periode=SJ_2021):
    return bereken(periode, [w_.Gemeente.objects.get(code="GM0392")]).rijen[0].waarden


def test_leerplichtgegevens_van_een_19_jarige_op_de_dag_zelf_en_niet_eerder(wereld):
    clock.set_today(NEGENTIEN - dt.timedelta(days=1))
    voor = b.plan()
    assert wereld["lp_melding"].pk not in voor.meldingen["leerplicht"]
    assert b.voer_uit(voor)["leerplicht"] == {
        "meldingen": 0, "signalen": 0, "dossiers": 0, "documenten": 0,
    }  # fmt: skip
    assert Melding.objects.filter(pk=wereld["lp_melding"].pk).exists()

    clock.set_today(NEGENTIEN)
    aantallen = b.voer_uit(b.plan())
    assert aantallen["leerplicht"] == {
        "meldingen": 1, "signalen": 1, "dossiers": 0, "documenten": 0,
    }  # fmt: skip
    assert not Melding.objects.filter(pk=wereld["lp_melding"].pk).exists()
    assert not Signaal.objects.filter(leerling=wereld["oud"]).exists()
    # Nothing else: his kwalificatieplicht melding (due 9 Mar 2027), his record, the younger
    # pupil's melding of the same schooljaar.
    for m in ("kp_melding", "jong_melding", "klaar_melding", "rmc_melding"):
        assert Melding.objects.filter(pk=wereld[m].pk).exists(), m
    assert Leerling.objects.filter(pk=wereld["oud"].pk).exists()
    assert Inschrijving.objects.filter(leerling=wereld["oud"]).exists()


def test_de_telling_van_het_schooljaar_blijft_gelijk(wereld):
    clock.set_today(NEGENTIEN)
    voor = _telling()
    assert voor["relatiefVerzuim.meldingen"] == 2  # OUD's and JONG's 16-uur meldingen
    b.voer_uit(b.plan())
    assert _telling() == voor
    assert TellingArchief.objects.filter(schooljaar="2021-2022", bron="meldingen").exists()
    # Only the schooljaren the deleted rows were counted in are kept.
    assert set(TellingArchief.objects.values_list("schooljaar", flat=True)) == {"2021-2022"}
    # The live count would have changed: the archive is what keeps it.
    TellingArchief.objects.all().delete()
    assert _telling()["relatiefVerzuim.meldingen"] == 1


def test_het_persoonsdossier_gaat_als_alle_termijnen_voorbij_zijn(wereld):
    klaar = wereld["klaar"]
    clock.set_today(D(2026, 5, 5))  # what was due before (the RMC pupil, OUD's leerplicht)
    b.voer_uit(b.plan())
    clock.set_today(D(2026, 6, 30))  # kwalificatieplicht due, RMC (1 Jul) not yet
    plan = b.plan()
    assert klaar.pk not in plan.personen
    assert plan.meldingen["kwalificatieplicht"] == [wereld["klaar_melding"].pk]
    clock.set_today(D(2026, 7, 1))
    plan = b.plan()
    assert plan.personen == [klaar.pk]
    telling_2020 = _telling(Periode(Schooljaar(2020)))
    aantallen = b.voer_uit(plan)
    assert aantallen["persoon"] == {
        "leerlingen": 1, "inschrijvingen": 1, "vrijstellingen": 1, "diplomas": 1,
        "meldingen": 1, "signalen": 0, "documenten": 1, "dossiers": 0,
    }  # fmt: skip
    assert not Leerling.objects.filter(pk=klaar.pk).exists()
    for model in (Inschrijving, Vrijstelling, Diploma):
        assert not model.objects.filter(leerling_id=klaar.pk).exists()
    assert not Document.objects.filter(betreft=klaar.burgerservicenummer).exists()
    # Her vrijstelling counted in 2020-2021: that telling is kept as it was.
    assert _telling(Periode(Schooljaar(2020))) == telling_2020
    assert telling_2020["vrijstellingen.5a"] == 1
    # OUD (19 since March) keeps his kwalificatieplicht melding until 9 Mar 2027.
    assert Melding.objects.filter(pk=wereld["kp_melding"].pk).exists()


def test_dry_run_telt_en_vernietigt_niets(wereld, capsys):
    clock.set_today(NEGENTIEN)
    call_command("bewaartermijnen", "--dry-run")
    uit = capsys.readouterr().out
    assert "Te vernietigen op 10-03-2026" in uit
    assert "leerplicht: 1 meldingen, 1 signalen, 0 dossiers, 0 documenten" in uit
    assert Melding.objects.filter(pk=wereld["lp_melding"].pk).exists()
    assert not AuditRecord.objects.filter(actie="bewaartermijnen.vernietigd").exists()


def test_een_echte_run_logt_aantallen_nooit_inhoud(wereld, capsys, caplog):
    clock.set_today(NEGENTIEN)
    with caplog.at_level("INFO", logger="verzuim.privacy"):
        call_command("bewaartermijnen")
    assert "Vernietigd op 10-03-2026" in capsys.readouterr().out
    record = AuditRecord.objects.get(actie="bewaartermijnen.vernietigd")
    assert record.details["aantallen"]["leerplicht"] == {
        "meldingen": 1, "signalen": 1, "dossiers": 0, "documenten": 0,
    }  # fmt: skip
    assert record.persoon == ""
    bsn = wereld["oud"].burgerservicenummer
    assert bsn not in str(record.details) and bsn not in caplog.text
    assert "Persoon" not in caplog.text  # no names either


def test_termijnen_zijn_instellingen(wereld, settings):
    settings.VERZUIM_BEWAARTERMIJNEN = {"leerplicht_jaren_na_geboorte": 20}
    clock.set_today(NEGENTIEN)
    assert b.plan().meldingen["leerplicht"] == []


@pytest.mark.parametrize(
    "datum",
    [D(2026, 3, 9), NEGENTIEN, D(2026, 5, 4), D(2026, 5, 5), D(2026, 6, 29), D(2026, 6, 30),
     D(2026, 7, 1), D(2027, 3, 8), D(2027, 3, 9), D(2032, 3, 9), D(2032, 3, 10)],
)  # fmt: skip
def test_de_smalle_selectie_mist_niemand(wereld, datum):
    """The database narrows, the rules decide: the SQL candidates give the same plan as the
    rules over every pupil, on the edges of each term."""
    clock.set_today(datum)
    smal, alles = b.plan(), b.plan(kandidaten=b.met_geboortedatum())
    assert (smal.meldingen, smal.signalen, smal.personen, smal.dossiers) == (
        alles.meldingen,
        alles.signalen,
        alles.personen,
        alles.dossiers,
    )


def test_rmc_gegevens_twee_jaar_na_de_23e_verjaardag(wereld):
    clock.set_today(D(2026, 5, 4))
    assert wereld["rmc"].pk not in b.plan().personen
    clock.set_today(D(2026, 5, 5))
    plan = b.plan()
    assert wereld["rmc"].pk in plan.personen
    b.voer_uit(plan)
    assert not Melding.objects.filter(pk=wereld["rmc_melding"].pk).exists()


def _dossier(w, ll, geopend, melding=None, *, gesloten=True):
    from verzuim.dossiers.models import Activiteit, ActiviteitSoort, Dossier, DossierMelding

    d = Dossier.objects.create(
        leerling=ll, organisatie=w.org["GM0392"], gemeente=w.g["GM0392"], aanleiding="melding",
        geopend=w_.moment(geopend), geopend_door="lpa", gewijzigd=w_.moment(geopend),
        status="gesloten" if gesloten else "open",
        gesloten=w_.moment(geopend + dt.timedelta(60)) if gesloten else None,
        afsluitreden="verzuim-gestopt" if gesloten else "",
    )  # fmt: skip
    if melding is not None:
        DossierMelding.objects.create(
            dossier=d, melding=melding, organisatie=w.org["GM0392"], gekoppeld=w_.moment(geopend)
        )
    Activiteit.objects.create(
        dossier=d, soort=ActiviteitSoort.objects.get(code="gesprek"), datum=geopend,
        tekst="Gesprek met moeder", auteur_label="lpa", geregistreerd=w_.moment(geopend),
    )  # fmt: skip
    Document.objects.create(
        organisatie=w.org["GM0392"], soort="uitnodiging-gesprek", taal="nl", titel="Brief",
        betreft=ll.burgerservicenummer, koppeling=f"dossier:{d.uuid}", inhoud=b"%PDF",
        sha256="0" * 64, aangemaakt=w_.moment(geopend), aangemaakt_door_label="lpa",
    )  # fmt: skip
    return d


def test_leerplichtdossiers_gaan_op_de_19e_verjaardag(wereld):
    """R-PR-4: the closed dossier of OUD's leerplicht casework, with its timeline and letter,
    goes on his 19th birthday and not the day before; his kwalificatieplicht dossier (due
    2027) and an open dossier stay; the younger pupil's dossier stays."""
    from verzuim.dossiers.models import Activiteit, Dossier

    w, oud, jong = wereld["w"], wereld["oud"], wereld["jong"]
    lp = _dossier(w, oud, D(2021, 10, 5), wereld["lp_melding"])
    kp = _dossier(w, oud, D(2023, 11, 7), wereld["kp_melding"])
    open_ = _dossier(w, oud, D(2022, 1, 10), gesloten=False)
    jong_d = _dossier(w, jong, D(2021, 11, 9), wereld["jong_melding"])
    clock.set_today(NEGENTIEN - dt.timedelta(days=1))
    assert b.plan().dossiers == []
    clock.set_today(NEGENTIEN)
    voor = _telling()
    plan = b.plan()
    assert plan.dossiers == [lp.pk]
    aantallen = b.voer_uit(plan)
    assert (aantallen["leerplicht"]["dossiers"], aantallen["leerplicht"]["documenten"]) == (1, 1)
    assert not Dossier.objects.filter(pk=lp.pk).exists()
    assert not Activiteit.objects.filter(dossier_id=lp.pk).exists()
    assert not Document.objects.filter(koppeling=f"dossier:{lp.uuid}").exists()
    for d in (kp, open_, jong_d):
        assert Dossier.objects.filter(pk=d.pk).exists()
        assert Document.objects.filter(koppeling=f"dossier:{d.uuid}").exists()
    assert _telling() == voor
