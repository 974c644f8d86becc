"""Issue 13 (what a new user trips over) on the meldingen pages, with Django's test client:
forwarding against the BRP (item 2), the sender's trace (item 3), one audit record per list
(item 4), all form errors at once (item 6), the contact person (item 10). The browser tests
(tests/browser/test_meldingen_gebruik.py) cover what needs a real page."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from verzuim.audit.context import actor_for_user
from verzuim.audit.models import AuditPersoon, AuditRecord
from verzuim.meldingen import services
from verzuim.meldingen.models import Melding
from verzuim.personen.models import BrpPersoon

from . import test_views as tv
from . import webscenario as ws
from .test_views import als, detail_url, formulier

wereld, melding = tv.wereld, tv.melding  # the pages' world and its melding (fixtures)


def _stuur_door(wereld, m, naar="GM0599", toelichting="Woont feitelijk bij vader."):
    return services.stuur_door(actor_for_user(wereld["lpa.amsterdam"]), m.uuid, naar, toelichting)


# --- item 2: the banner comes from the BRP, not from the forward ------------------------------


def test_bewust_doorgestuurd_is_geen_verhuizing(client, wereld, melding):
    """Amsterdam forwards to Rotterdam while the BRP says Amsterdam: Rotterdam is told where
    the BRP has the pupil and why it came anyway, not "verhuisd naar Amsterdam — doorsturen?"
    with Amsterdam preselected (the defect)."""
    _stuur_door(wereld, melding)
    r = als(client, wereld["lpa.rotterdam"]).get(detail_url(melding))
    html = r.content.decode()
    assert 'data-testid="verhuisd"' not in html and "verhuisd naar" not in html
    assert 'data-testid="buiten-werkgebied"' in html
    assert "Volgens de BRP woont de leerling in <strong>Amsterdam</strong>" in html
    assert "Woont feitelijk bij vader." in html
    assert r.context["doorsturen_form"]["gemeente"].value() is None  # nothing preselected
    assert "Woongemeente volgens de BRP: Amsterdam." in html
    # in the list: where the BRP has the pupil, not a move
    lijst = als(client, wereld["lpa.rotterdam"]).get(reverse("meldingen:inbox")).content.decode()
    assert "Woont in Amsterdam" in lijst and "Verhuisd naar" not in lijst
    # a real move afterwards (BRP: Utrecht) is a move again
    BrpPersoon.objects.filter(burgerservicenummer=ws.BSN_AMSTERDAM).update(
        gemeente_van_inschrijving="0344"
    )
    from verzuim.organisaties.testing import zorg_voor_gemeenten

    zorg_voor_gemeenten({"GM0344": ("Utrecht", "17")})
    html = als(client, wereld["lpa.rotterdam"]).get(detail_url(melding)).content.decode()
    assert "Leerling is volgens de BRP verhuisd naar <strong>Utrecht</strong>" in html


def test_doorsturen_zonder_toelichting_buiten_de_woongemeente_op_de_pagina(
    client,
    wereld,
    melding,
):
    c = als(client, wereld["lpa.amsterdam"])
    r = c.post(
        reverse("meldingen:doorsturen", args=[melding.uuid]), {"doorsturen-gemeente": "GM0599"}
    )
    assert r.status_code == 400
    fouten = r.context["doorsturen_form"].errors["toelichting"]
    assert fouten == [
        "Rotterdam is niet de woongemeente volgens de BRP (Amsterdam): geef een toelichting "
        "waarom u naar Rotterdam doorstuurt."
    ]
    melding.refresh_from_db()
    assert melding.ontvanger.code == "GM0363"


# --- item 3: the sender keeps a trace; forwarding is in the history ----------------------------


def test_doorgestuurd_map_en_oude_adres(client, wereld, melding):
    _stuur_door(wereld, melding)
    services.wijzig_status(
        actor_for_user(wereld["lpa.rotterdam"]),
        melding.uuid,
        "in-behandeling",
        toelichting="Huisbezoek",
    )
    c = als(client, wereld["lpa.amsterdam"])
    r = c.get(reverse("meldingen:doorgestuurd"))
    assert r.status_code == 200
    html = r.content.decode()
    rij = html.split(f'data-meldingsnummer="{melding.meldingsnummer}"')[1].split("</tr>")[0]
    assert "Rotterdam" in rij and "Sanne de Vries" in rij and ws.BSN_AMSTERDAM not in rij
    assert re.search(
        r'data-map="doorgestuurd">Doorgestuurd <span class="vr-tab__aantal">.*?1', html, re.S
    )
    assert AuditRecord.objects.filter(actie="melding.doorgestuurd").count() == 1
    # the old address: where it went and why, not what happened after (R-ME-7)
    r = c.get(detail_url(melding))
    assert r.status_code == 200
    html = r.content.decode()
    assert "doorgestuurd naar <strong>Gemeente Rotterdam</strong>" in html
    assert "Woont feitelijk bij vader." in html
    assert "Huisbezoek" not in html and "In behandeling" not in html
    assert "Page not found" not in html
    # a colleague sees the same trace; a gemeente that never had it gets the Dutch 404
    assert als(client, wereld["lpa2.amsterdam"]).get(detail_url(melding)).status_code == 200
    from verzuim.accounts.models import Gebruiker
    from verzuim.organisaties.models import Organisatie
    from verzuim.organisaties.testing import zorg_voor_gemeenten

    zorg_voor_gemeenten({"GM0344": ("Utrecht", "17")})
    utrecht = Gebruiker.objects.create(
        username="lpa.utrecht",
        organisatie=Organisatie.objects.get(code="GM0344"),
        rollen=["leerplichtambtenaar"],
    )
    r = als(client, utrecht).get(detail_url(melding))
    assert r.status_code == 404 and "Pagina niet gevonden" in r.content.decode()


def test_doorsturen_staat_in_de_statushistorie(client, wereld, melding):
    _stuur_door(wereld, melding)
    r = als(client, wereld["lpa.rotterdam"]).get(detail_url(melding))
    historie = [(h["status"], h["reden_label"]) for h in r.context["historie"]]
    assert historie == [("geregistreerd", ""), ("doorgestuurd", "naar Gemeente Rotterdam")]
    assert "Woont feitelijk bij vader." in r.content.decode().split('id="statushistorie"')[1]
    # the school sees that it was forwarded, not why (R-ME-7)
    school = als(client, wereld["school.a"]).get(detail_url(melding)).content.decode()
    tabel = school.split('id="statushistorie"')[1].split("</table>")[0]
    assert "Doorgestuurd" in tabel and "naar Gemeente Rotterdam" in tabel
    assert "vader" not in tabel


# --- item 4: one audit record for one list -----------------------------------------------------


def test_inbox_schrijft_een_auditrecord_met_alle_leerlingen(client, wereld, melding):
    school = actor_for_user(wereld["school.a"])
    services.meld_verzuim(school, ws.melding_data(begindatum="2026-06-01", einddatum="2026-06-12"))
    AuditRecord.objects.all()  # (append-only: nothing to clear)
    voor = AuditRecord.objects.filter(actie="melding.lijst").count()
    als(client, wereld["lpa.amsterdam"]).get(reverse("meldingen:inbox") + "?map=alle")
    records = AuditRecord.objects.filter(actie="melding.lijst").order_by("-id")
    assert records.count() == voor + 1  # one page read, one record (was one per pupil)
    lijst = records.first()
    assert [p.persoon for p in lijst.personen.all()] == [ws.BSN_AMSTERDAM]
    assert lijst.details["aantalPersonen"] == 1
    assert lijst in AuditRecord.objects.over_persoon(ws.BSN_AMSTERDAM)


def test_inbox_auditrecord_noemt_iedere_leerling_op_de_pagina(client, wereld):
    school = actor_for_user(wereld["school.a"])
    for bsn in (ws.BSN_AMSTERDAM, ws.BSN_ROTTERDAM):
        services.meld_verzuim(school, ws.melding_data(bsn=bsn))
    for naam in ("lpa.amsterdam", "lpa.rotterdam"):
        als(client, wereld[naam]).get(reverse("meldingen:inbox"))
    assert AuditRecord.objects.filter(actie="melding.lijst").count() == 2
    assert set(AuditPersoon.objects.values_list("persoon", flat=True)) == {
        ws.BSN_AMSTERDAM,
        ws.BSN_ROTTERDAM,
    }


def test_inbox_vraagt_een_vast_aantal_queries(client, wereld, melding):
    c = als(client, wereld["lpa.amsterdam"])
    url = reverse("meldingen:inbox") + "?map=alle"
    c.get(url)
    with CaptureQueriesContext(connection) as een:
        c.get(url)
    school = actor_for_user(wereld["school.a"])
    for begin, eind in (("2026-06-01", "2026-06-12"), ("2026-05-04", "2026-05-15")):
        services.meld_verzuim(school, ws.melding_data(begindatum=begin, einddatum=eind))
    with CaptureQueriesContext(connection) as drie:
        c.get(url)
    assert len(drie) == len(een)


# --- item 6: every error at once, in Dutch, naming the field ----------------------------------


def test_leeg_formulier_geeft_alle_fouten_tegelijk(client, wereld):
    r = als(client, wereld["school.a"]).post(reverse("meldingen:nieuw"), {})
    assert r.status_code == 400
    fouten = r.context["form"].errors
    # the first submit names the missing pupil too (it used to come only on the second)
    assert set(fouten) >= {"burgerservicenummer", "vestiging", "verzuimsoort", "begindatum"}
    assert fouten["burgerservicenummer"] == [
        "Vul het burgerservicenummer in, of het onderwijsnummer met het adres van de leerling."
    ]
    assert fouten["verzuimsoort"] == ["Kies de verzuimsoort."]
    assert fouten["begindatum"] == ["Vul de begindatum in."]
    html = r.content.decode()
    assert 'data-testid="foutenoverzicht"' in html
    for veld in ("burgerservicenummer", "verzuimsoort", "begindatum"):
        assert f'href="#id_{veld}"' in html
    assert not Melding.objects.exists()


def test_fouten_noemen_het_veld_en_geen_codes(client, wereld):
    r = als(client, wereld["school.a"]).post(
        reverse("meldingen:nieuw"),
        formulier(
            begindatum="31-02-2026",
            einddatum="",
            verzuimde_uren="veel",
            te_laat_keren="2,5",
            verzuimdagen="07-09-2026 5\n32-09-2026",
        ),
    )
    assert r.status_code == 400
    f = r.context["form"].errors
    assert f["begindatum"] == [
        "31-02-2026 bestaat niet: februari 2026 heeft 28 dagen. Controleer de begindatum."
    ]
    assert f["einddatum"] == ["Vul de einddatum in: verplicht bij verzuimsoort 16 uur in 4 weken."]
    assert f["verzuimde_uren"] == ["Vul bij de verzuimde uren een getal in, bijvoorbeeld 12,5."]
    assert f["te_laat_keren"] == [
        "Vul bij het aantal keren te laat een geheel getal in, bijvoorbeeld 3."
    ]
    assert f["verzuimdagen"] == [
        "Regel 2: 32-09-2026 bestaat niet: september 2026 heeft 30 dagen. Controleer de datum."
    ]
    tekst = " ".join(e for fouten in f.values() for e in fouten)
    assert "Voer een" not in tekst and "16-uur" not in tekst and "R-" not in tekst
    assert not Melding.objects.exists()


def test_servicefout_op_een_verzuimdag_noemt_de_regel(client, wereld):
    r = als(client, wereld["school.a"]).post(
        reverse("meldingen:nieuw"), formulier(verzuimdagen="07-09-2026 5\n\n30-09-2026 2")
    )
    assert r.status_code == 400
    assert r.context["form"].errors["verzuimdagen"] == [
        "Regel 3: deze dag valt buiten de periode van de melding."
    ]


# --- item 10: the contact person is the signed-in user ----------------------------------------


def test_contactpersoon_is_de_ingelogde_gebruiker(client, wereld):
    gebruiker = wereld["school.a"]
    gebruiker.first_name, gebruiker.last_name = "Petra", "de Boer"
    gebruiker.email, gebruiker.functie, gebruiker.telefoon = (
        "p.deboer@school.example",
        "Intern begeleider",
        "020 555 0101",
    )
    gebruiker.save()
    form = als(client, gebruiker).get(reverse("meldingen:nieuw")).context["form"]
    assert [form[v].value() for v in ("contact_naam", "contact_email", "contact_functie")] == [
        "Petra de Boer",
        "p.deboer@school.example",
        "Intern begeleider",
    ]
    assert form["contact_telefoon"].value() == "020 555 0101"


# --- item 9: the leerling page shows the pupil's meldingen and parents -------------------------


def _leerlingpagina(client, gebruiker, bsn=ws.BSN_AMSTERDAM):
    from verzuim.personen.models import Leerling

    uuid = Leerling.objects.get(burgerservicenummer=bsn).uuid
    return als(client, gebruiker).get(reverse("personen:leerling", args=[uuid]))


def test_leerlingpagina_toont_de_meldingen_die_de_kijker_mag_zien(client, wereld, melding):
    school = actor_for_user(wereld["school.a"])
    juni = services.meld_verzuim(
        school, ws.melding_data(begindatum="2026-06-01", einddatum="2026-06-12")
    ).melding
    _stuur_door(wereld, juni)  # now Rotterdam's
    # the gemeente of the pupil: the melding it holds, not the forwarded one
    html = _leerlingpagina(client, wereld["lpa.amsterdam"]).content.decode()
    sectie = html.split('id="kop-meldingen"')[1]
    assert melding.meldingsnummer in sectie and juni.meldingsnummer not in sectie
    # the section brings its stylesheet (status badges) into the page head, once
    kop = html.split("</head>")[0]
    assert kop.count("meldingen/meldingen.css") == 1
    # Rotterdam sees the pupil through the forwarded melding (R-PR-1), and only that one
    html = _leerlingpagina(client, wereld["lpa.rotterdam"]).content.decode()
    sectie = html.split('id="kop-meldingen"')[1]
    assert juni.meldingsnummer in sectie and melding.meldingsnummer not in sectie
    # the school: its own two
    html = _leerlingpagina(client, wereld["school.a"]).content.decode()
    sectie = html.split('id="kop-meldingen"')[1]
    assert melding.meldingsnummer in sectie and juni.meldingsnummer in sectie
    # read through the meldingen service: one list record naming the pupil
    assert (
        AuditRecord.objects.over_persoon(ws.BSN_AMSTERDAM).filter(actie="melding.lijst").count()
        == 3
    )


def test_ouders_uit_de_brp_alleen_voor_gemeente_of_dienst(client, wereld, melding):
    html = _leerlingpagina(client, wereld["lpa.amsterdam"]).content.decode()
    ouders = html.split('data-testid="ouders">')[1].split("</dd>")[0]
    assert "Petra de Vries" in ouders and "Karim Amrani" in ouders
    inzien = AuditRecord.objects.filter(actie="leerling.inzien").latest("id")
    assert "ouders.naam" in inzien.details["velden"]
    # a school gets no parents from the BRP: not asked, not shown (doelbinding, R-ID-3)
    html = _leerlingpagina(client, wereld["school.a"]).content.decode()
    assert "Karim" not in html and 'data-testid="ouders"' not in html
    inzien = AuditRecord.objects.filter(actie="leerling.inzien").latest("id")
    assert not any(v.startswith("ouders") for v in inzien.details["velden"])


def test_leerlingpagina_zonder_regel_ids(client, wereld, melding):
    html = _leerlingpagina(client, wereld["lpa.amsterdam"]).content.decode()
    tekst = tv._zichtbare_tekst(html)
    assert not re.findall(tv.REGEL_ID, tekst), re.findall(rf"{tv.REGEL_ID}\S*", tekst)
    assert 'data-regel="R-LP-3"' in html  # still in the markup for support
