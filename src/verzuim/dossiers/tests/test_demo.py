"""The demo's casework (issue 9 "Demo"): a living gemeente and dienst — meldingen received
over the past months, dossiers in every MAS phase with their timelines, overdue follow-ups
and follow-ups due this week, cases waiting for the school, closed cases with their reason,
a team lead, a werkaantekening, Halt referrals with their outcome, a proces-verbaal,
generated letters — all made through the services (each change audited), the pages render
for each role, and running it again changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.test import Client

from verzuim import clock
from verzuim.accounts.models import Gebruiker
from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.brieven.demo import maak_briefhoofden
from verzuim.brieven.models import Document
from verzuim.cijfers.demo import maak_geschiedenis
from verzuim.dossiers.demo import maak_demo_dossiers
from verzuim.dossiers.models import (
    Activiteit,
    Dossier,
    Handhaving,
    Verzuimoverzichtverzoek,
    Werkaantekening,
)
from verzuim.meldingen.demo import maak_demo_meldingen
from verzuim.meldingen.models import Melding
from verzuim.personen.demo import VANDAAG, maak_demo
from verzuim.personen.scenario import laad_scenario
from verzuim.rules import mas
from verzuim.signalen.demo import maak_demo_signalen


@pytest.fixture
def demo(db, settings):
    settings.DEMO = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    clock.set_today(VANDAAG)
    laad_scenario(maak_demo(700), demo=True)
    maak_demo_meldingen(30)
    maak_briefhoofden()
    maak_demo_signalen()
    maak_geschiedenis(per_jaar=60)
    tellers = maak_demo_dossiers()
    yield tellers
    clock.set_today(None)


def _meldingen_over_de_afgelopen_maanden():
    dagen = {clock_dag.date() for clock_dag in Melding.objects.values_list("ontvangen", flat=True)}
    # the demo meldingen over the last five weeks, not all today; the history over months
    recent = {d for d in dagen if d > VANDAAG - dt.timedelta(weeks=6)}
    assert len(recent) >= 8
    assert min(dagen) < VANDAAG - dt.timedelta(days=300)


def test_een_levende_gemeente_via_de_services(demo):
    _meldingen_over_de_afgelopen_maanden()
    week_eind = VANDAAG + dt.timedelta(days=6 - VANDAAG.weekday())
    for code in ("GM0392", "RBL-ZK"):
        open_ = Dossier.objects.filter(organisatie__code=code, status="open")
        assert set(open_.values_list("fase", flat=True)) == set(mas.FASEN), code
        assert open_.filter(volgende_actie__lt=VANDAAG).count() >= 2, code
        assert open_.filter(volgende_actie__range=(VANDAAG, week_eind)).exists(), code
        assert open_.filter(behandelaar__isnull=True).exists(), code
        assert Verzuimoverzichtverzoek.objects.filter(
            dossier__in=open_, beantwoord__isnull=True, vervallen__isnull=True
        ).exists()
        assert Verzuimoverzichtverzoek.objects.filter(
            dossier__in=open_, beantwoord__isnull=False
        ).exists()
    gesloten = Dossier.objects.filter(status="gesloten")
    assert gesloten.exists() and not gesloten.filter(afsluitreden="").exists()
    # a timeline over months: gesprek with its verslag, afspraken that set the follow-up
    gesprekken = Activiteit.objects.filter(soort="gesprek")
    assert gesprekken.exclude(tekst="").count() == gesprekken.count() > 5
    assert len({a.datum.month for a in gesprekken}) >= 3
    afspraken = Activiteit.objects.filter(soort="afspraken")
    assert any("school" in a.met_wie for a in afspraken)
    # the showcase: team lead, werkaantekening, a case closed this month, R-CW-9/10 routes
    lpa = Gebruiker.objects.get(username="lpa.haarlem")
    assert lpa.has_perm("dossiers.teamleider")
    assert Werkaantekening.objects.filter(auteur=lpa, dossier__status="open").exists()
    assert gesloten.filter(gesloten__date__gte=VANDAAG - dt.timedelta(days=7)).exists()
    assert Dossier.objects.filter(route="absoluut-verzuim", status="open").exists()
    assert Dossier.objects.filter(route="luxe-verzuim", aanleiding="verlofaanvraag").exists()
    assert Activiteit.objects.filter(soort="zorgmelding", bijzonder=True).exists()
    # R-CW-6/7: a Halt referral with its outcome (positive: closed as halt-afgerond), a
    # negative one followed by a warning letter and a proces-verbaal with the OM's outcome
    halt = Handhaving.objects.filter(soort="halt").exclude(uitkomst="")
    assert set(halt.values_list("uitkomst", flat=True)) == {"positief", "negatief"}
    assert gesloten.filter(afsluitreden="halt-afgerond", handhavingen__uitkomst="positief").exists()
    # (the figures' history has enforcement in earlier schooljaren: the showcase is recent)
    pv = Handhaving.objects.get(
        soort="proces-verbaal", gestart__gte=VANDAAG - dt.timedelta(days=60)
    )
    assert pv.uitkomst == "strafbeschikking" and pv.tegen == ["leerling"]
    assert pv.dossier.handhavingen.filter(soort="halt", uitkomst="negatief").exists()
    # letters: generated PDFs stored with their dossier and on its timeline (bron brief)
    brieven = Activiteit.objects.filter(soort="brief-verstuurd", bron="brief")
    documenten = Document.objects.filter(uuid__in=[a.bron_referentie for a in brieven])
    assert documenten.count() == brieven.count() >= 5
    assert {"absoluut-verzuim", "waarschuwing", "uitnodiging-gesprek"} <= set(
        documenten.values_list("soort", flat=True)
    )
    assert {"nl", "en"} <= set(documenten.values_list("taal", flat=True))
    _via_de_services_en_nog_eens_verandert_niets()


def _via_de_services_en_nog_eens_verandert_niets():
    # every activity written by hand in the demo has its audit record (the services log)
    handmatig = Activiteit.objects.filter(soort__handmatig=True).exclude(
        soort="verzuimoverzicht-ontvangen"
    )
    assert AuditRecord.objects.filter(actie="dossier.activiteit").count() >= handmatig.count()
    assert AuditRecord.objects.filter(actie="dossier.afsluiten").count() == (
        Dossier.objects.filter(status="gesloten").count()
    )
    per_fase = dict(
        Dossier.objects.filter(status="open").values_list("fase").annotate(n=Count("id"))
    )
    aantal = Activiteit.objects.count()
    assert maak_demo_dossiers() == {}
    assert Activiteit.objects.count() == aantal
    assert per_fase == dict(
        Dossier.objects.filter(status="open").values_list("fase").annotate(n=Count("id"))
    )


def test_de_paginas_van_de_demo_en_wie_wat_ziet(demo):
    for naam in ("lpa.haarlem", "lpa2.haarlem", "admin.haarlem", "lpa.rblzk"):
        _paginas(naam)
    uit = io.StringIO()
    call_command("demo_logins", stdout=uit)
    tekst = uit.getvalue().split("Wat ziet wie:")[1]
    regels = {r.split()[0]: r for r in tekst.splitlines() if r.startswith("  ") and r.split()}
    open_ = Dossier.objects.filter(organisatie__code="GM0392", status="open").count()
    assert f"/dossiers/: {open_} open dossiers" in regels["lpa.haarlem"]
    assert "teamleider" in tekst and "absoluut verzuim (R-CW-9)" in tekst
    assert "Halt-verwijzing met uitkomst (R-CW-6)" in tekst and "brieven (PDF)" in tekst
    assert "verzoeken om het verzuimoverzicht" in regels["school.vo"]
    assert "beleid.haarlem" not in regels  # a beleidsmedewerker sees no dossiers


def _paginas(naam: str) -> None:
    gebruiker = Gebruiker.objects.get(username=naam)
    c = Client()
    inloggen(c, gebruiker)
    for m in ("alle", "te-laat", "deze-week", "nieuw", "wacht-op-school", "mijn"):
        r = c.get(f"/dossiers/?map={m}")
        assert r.status_code == 200, m
    dossiers = Dossier.objects.filter(organisatie=gebruiker.organisatie).order_by("id")
    routes_en_brieven = dossiers.filter(
        Q(handhavingen__isnull=False) | Q(activiteiten__bron="brief")
    ).distinct()
    assert routes_en_brieven.exists()
    for d in [
        *dossiers.filter(status="open")[:15],
        *dossiers.filter(status="gesloten")[:3],
        *routes_en_brieven,
    ]:
        assert c.get(f"/dossiers/{d.uuid}/").status_code == 200, d.pk
    zorg = Activiteit.objects.filter(soort="zorgmelding").select_related("dossier").first()
    if naam.endswith(".haarlem"):
        html = c.get(f"/dossiers/{zorg.dossier.uuid}/").content.decode()
        assert ("sociaal wijkteam" in html) == naam.startswith("lpa")  # R-PR-5
