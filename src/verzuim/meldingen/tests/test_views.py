"""The meldingen pages with Django's test client: scoping (another organisation → 404,
R-PR-1), role checks (403), forms with Dutch errors next to the field and nothing saved,
and the school never seeing casework (R-ME-7)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from verzuim.accounts.models import Gebruiker
from verzuim.audit.context import actor_for_user
from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services
from verzuim.meldingen.models import Melding

from . import webscenario as ws


@pytest.fixture
def wereld(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.VERZUIM_2FA_REQUIRED = False  # demo/test mode; 2FA has its own tests
    ws.laad()
    return {u.username: u for u in Gebruiker.objects.all()}


def als(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def melding(wereld):
    """A melding of school A about a pupil in Amsterdam, routed to GM0363 (R-RT-1)."""
    actor = actor_for_user(wereld["school.a"])
    return services.meld_verzuim(actor, ws.melding_data()).melding


def detail_url(m):
    return reverse("meldingen:detail", args=[m.uuid])


# --- scoping (R-PR-1) ---------------------------------------------------------------------


def test_melding_komt_bij_de_woongemeente(melding):
    assert melding.ontvanger.code == "GM0363"


def test_inbox_van_de_woongemeente_toont_de_melding(client, wereld, melding):
    r = als(client, wereld["lpa.amsterdam"]).get(reverse("meldingen:inbox") + "?map=nieuw")
    assert r.status_code == 200
    html = r.content.decode()
    assert melding.meldingsnummer in html
    assert "Sanne de Vries" in html
    assert ws.BSN_AMSTERDAM not in html  # masked in lists
    assert "•••••" + ws.BSN_AMSTERDAM[-4:] in html
    # one audit record per pupil shown (R-PR-1)
    assert AuditRecord.objects.filter(actie="melding.lijst", persoon=ws.BSN_AMSTERDAM).exists()


def test_andere_gemeente_ziet_de_melding_niet(client, wereld, melding):
    c = als(client, wereld["lpa.rotterdam"])
    r = c.get(reverse("meldingen:inbox") + "?map=open")
    assert r.status_code == 200
    assert melding.meldingsnummer not in r.content.decode()
    assert c.get(detail_url(melding)).status_code == 404


def test_andere_gemeente_kan_geen_status_zetten(client, wereld, melding):
    r = als(client, wereld["lpa.rotterdam"]).post(
        reverse("meldingen:status", args=[melding.uuid]), {"status-status": "in-behandeling"}
    )
    assert r.status_code == 404
    melding.refresh_from_db()
    assert melding.status == "geregistreerd"


def test_andere_gemeente_kan_niet_doorsturen_of_toewijzen(client, wereld, melding):
    c = als(client, wereld["lpa.rotterdam"])
    assert (
        c.post(
            reverse("meldingen:doorsturen", args=[melding.uuid]), {"doorsturen-gemeente": "GM0599"}
        ).status_code
        == 404
    )
    assert (
        c.post(
            reverse("meldingen:toewijzen", args=[melding.uuid]),
            {"toewijzen-behandelaar": wereld["lpa.rotterdam"].pk},
        ).status_code
        == 404
    )


def test_school_b_kan_melding_van_school_a_niet_openen(client, wereld, melding):
    c = als(client, wereld["school.b"])
    assert c.get(detail_url(melding)).status_code == 404
    assert (
        c.post(
            reverse("meldingen:intrekken", args=[melding.uuid]), {"intrekken-reden": "F"}
        ).status_code
        == 404
    )
    assert melding.meldingsnummer not in c.get(reverse("meldingen:mijn")).content.decode()


def test_onbekende_uuid_is_404(client, wereld):
    url = reverse("meldingen:detail", args=["00000000-0000-0000-0000-000000000000"])
    assert als(client, wereld["lpa.amsterdam"]).get(url).status_code == 404


# --- roles --------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["inbox", "mijn", "nieuw"])
def test_beleidsmedewerker_ziet_geen_persoonsgegevens(client, wereld, melding, naam):
    c = als(client, wereld["beleid.amsterdam"])
    assert c.get(reverse(f"meldingen:{naam}")).status_code == 403
    assert c.get(detail_url(melding)).status_code == 403
    assert (
        c.post(
            reverse("meldingen:status", args=[melding.uuid]), {"status-status": "in-behandeling"}
        ).status_code
        == 403
    )


def test_school_kan_niet_in_de_inbox_en_lpa_niet_melden(client, wereld):
    assert als(client, wereld["school.a"]).get(reverse("meldingen:inbox")).status_code == 403
    assert als(client, wereld["lpa.amsterdam"]).get(reverse("meldingen:nieuw")).status_code == 403


def test_anoniem_moet_inloggen(client, wereld, melding):
    r = client.get(detail_url(melding))
    assert r.status_code == 302 and "/account/inloggen/" in r["Location"]


def test_start_stuurt_naar_de_juiste_lijst(client, wereld):
    assert als(client, wereld["school.a"]).get("/meldingen/")["Location"] == "/meldingen/mijn/"
    assert (
        als(client, wereld["lpa.amsterdam"]).get("/meldingen/")["Location"] == "/meldingen/inbox/"
    )


# --- the inbox ----------------------------------------------------------------------------


def test_mappen_en_tellingen(client, wereld, melding):
    c = als(client, wereld["admin.amsterdam"])
    html = c.get(reverse("meldingen:inbox")).content.decode()
    assert 'data-map="nieuw"' in html and 'data-map="mijn"' in html and 'data-map="open"' in html
    services.wijs_toe(
        actor_for_user(wereld["lpa.amsterdam"]), melding.uuid, wereld["admin.amsterdam"]
    )
    mijn = c.get(reverse("meldingen:inbox") + "?map=mijn").content.decode()
    assert melding.meldingsnummer in mijn
    nieuw = c.get(reverse("meldingen:inbox") + "?map=nieuw").content.decode()
    assert melding.meldingsnummer not in nieuw  # assigned: no longer "new"


def test_filters_en_htmx_fragment(client, wereld, melding):
    c = als(client, wereld["lpa.amsterdam"])
    url = reverse("meldingen:inbox")
    r = c.get(url, {"map": "open", "verzuimsoort": "luxe"}, headers={"HX-Request": "true"})
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html  # fragment only
    assert 'id="meldingen-lijst"' in html and melding.meldingsnummer not in html
    r = c.get(
        url,
        {
            "map": "open",
            "verzuimsoort": "16-uur",
            "vanaf": "01-10-2026",
            "tot": "01-10-2026",
            "vestiging": "25PL00",
        },
    )
    assert melding.meldingsnummer in r.content.decode()
    r = c.get(url, {"map": "open", "vanaf": "2026-13-45"})
    assert "Vul een datum in als dd-mm-jjjj." in r.content.decode()


# --- detail and actions of the receiving party ---------------------------------------------


def test_detail_toont_routering_en_alleen_toegestane_overgangen(client, wereld, melding):
    r = als(client, wereld["lpa.amsterdam"]).get(detail_url(melding))
    html = r.content.decode()
    assert "Waarom hier" in html and "R-RT-1" in html
    form = r.context["status_form"]
    assert [c for c, _ in form.fields["status"].choices] == [
        "",  # "Kies…": nothing preselected (issue 13)
        "in-behandeling",
        "ter-kennisgeving-aangenomen",
        "afgesloten",
    ]
    assert AuditRecord.objects.filter(actie="melding.lezen", persoon=ws.BSN_AMSTERDAM).exists()


def test_status_zetten(client, wereld, melding):
    c = als(client, wereld["lpa.amsterdam"])
    r = c.post(
        reverse("meldingen:status", args=[melding.uuid]),
        {"status-status": "in-behandeling", "status-toelichting": "Huisbezoek gepland"},
    )
    assert r.status_code == 302
    melding.refresh_from_db()
    assert melding.status == "in-behandeling"
    assert melding.statussen.last().toelichting == "Huisbezoek gepland"
    # from in-behandeling, geregistreerd is not offered and not accepted (R-RT-6)
    r = c.post(reverse("meldingen:status", args=[melding.uuid]), {"status-status": "geregistreerd"})
    assert r.status_code == 400
    assert "Kies de nieuwe status uit de lijst." in r.content.decode()
    melding.refresh_from_db()
    assert melding.status == "in-behandeling"


def test_afsluiten_met_verkeerde_reden_toont_fout_bij_het_veld(client, wereld, melding):
    r = als(client, wereld["lpa.amsterdam"]).post(
        reverse("meldingen:status", args=[melding.uuid]),
        {"status-status": "afgesloten", "status-reden": "bestaat-niet"},
    )
    assert r.status_code == 400
    assert r.context["status_form"].errors["reden"]
    melding.refresh_from_db()
    assert melding.status == "geregistreerd"


def test_toewijzen_aan_collega(client, wereld, melding):
    c = als(client, wereld["lpa.amsterdam"])
    collega = wereld["lpa2.amsterdam"]
    r = c.post(
        reverse("meldingen:toewijzen", args=[melding.uuid]), {"toewijzen-behandelaar": collega.pk}
    )
    assert r.status_code == 302
    melding.refresh_from_db()
    assert melding.behandelaar == collega
    # someone of another organisation is not a choice
    r = c.post(
        reverse("meldingen:toewijzen", args=[melding.uuid]),
        {"toewijzen-behandelaar": wereld["lpa.rotterdam"].pk},
    )
    assert r.status_code == 400
    melding.refresh_from_db()
    assert melding.behandelaar == collega


def test_doorsturen_naar_andere_gemeente(client, wereld, melding):
    c = als(client, wereld["lpa.amsterdam"])
    r = c.post(
        reverse("meldingen:doorsturen", args=[melding.uuid]),
        {"doorsturen-gemeente": "GM0599", "doorsturen-toelichting": "Verhuisd"},
    )
    assert r.status_code == 302 and r["Location"] == reverse("meldingen:inbox")
    melding.refresh_from_db()
    assert melding.ontvanger.code == "GM0599"
    # no longer ours: the old address shows where it went, not the casework (R-RT-5)
    oud = c.get(detail_url(melding))
    assert oud.status_code == 200 and oud.templates[0].name == "meldingen/doorgestuurd_detail.html"
    rotterdam = als(client, wereld["lpa.rotterdam"]).get(detail_url(melding)).content.decode()
    assert "Doorgestuurd" in rotterdam and "Verhuisd" in rotterdam


def test_doorsturen_zonder_gemeente_geeft_fout(client, wereld, melding):
    r = als(client, wereld["lpa.amsterdam"]).post(
        reverse("meldingen:doorsturen", args=[melding.uuid]), {"doorsturen-gemeente": ""}
    )
    assert r.status_code == 400
    assert "Kies de gemeente waarnaar u doorstuurt." in r.content.decode()


# --- the school side (R-ME-7) --------------------------------------------------------------


def test_school_ziet_status_maar_geen_behandeling(client, wereld, melding):
    services.wijzig_status(
        actor_for_user(wereld["lpa.amsterdam"]),
        melding.uuid,
        "in-behandeling",
        toelichting="Geheime notitie over thuissituatie",
    )
    c = als(client, wereld["school.a"])
    lijst = c.get(reverse("meldingen:mijn")).content.decode()
    assert melding.meldingsnummer in lijst and "In behandeling" in lijst
    html = c.get(detail_url(melding)).content.decode()
    assert "In behandeling" in html
    assert "Geheime notitie" not in html
    assert "lpa.amsterdam" not in html


def test_school_trekt_in_met_reden(client, wereld, melding):
    c = als(client, wereld["school.a"])
    url = reverse("meldingen:intrekken", args=[melding.uuid])
    r = c.post(url, {"intrekken-reden": ""})
    assert r.status_code == 400 and "Kies een reden van intrekken." in r.content.decode()
    r = c.post(url, {"intrekken-reden": "F", "intrekken-toelichting": "Verkeerde leerling"})
    assert r.status_code == 302
    melding.refresh_from_db()
    assert melding.status == "ingetrokken"
    assert melding.statussen.last().reden == "F"


def formulier(**over):
    data = {
        "burgerservicenummer": ws.BSN_AMSTERDAM,
        "vestiging": "25PL00",
        "verzuimsoort": "16-uur",
        "begindatum": "07-09-2026",
        "einddatum": "25-09-2026",
        "verzuimde_uren": "17,5",
        "te_laat_keren": "2",
        "verzuimdagen": "07-09-2026 5\n08-09-2026 4,5",
        "vermoedelijke_reden": "Spijbelt op maandag.",
        "contact_naam": "J. de Mentor",
        "contact_email": "mentor@school.example",
    }
    return data | over


def test_school_meldt_via_het_formulier(client, wereld):
    c = als(client, wereld["school.a"])
    r = c.get(reverse("meldingen:nieuw"))
    assert r.status_code == 200
    # only the school's own vestigingen (R-ME-2)
    assert [v for v, _ in r.context["form"].fields["vestiging"].choices if v] == [
        "25PL00",
        "25PL01",
    ]
    r = c.post(reverse("meldingen:nieuw"), formulier())
    assert r.status_code == 302
    m = Melding.objects.get()
    assert r["Location"] == detail_url(m)
    assert (m.ontvanger.code, m.verzuimsoort, str(m.verzuimde_uren)) == (
        "GM0363",
        "16-uur",
        "17.50",
    )
    assert m.verzuimdagen == [
        {"datum": "2026-09-07", "uren": 5.0},
        {"datum": "2026-09-08", "uren": 4.5},
    ]
    assert m.contactpersoon == {"naam": "J. de Mentor", "email": "mentor@school.example"}


def test_formulierfouten_staan_bij_het_veld_en_niets_wordt_opgeslagen(client, wereld):
    c = als(client, wereld["school.a"])
    r = c.post(
        reverse("meldingen:nieuw"), formulier(begindatum="2026-09-07", verzuimdagen="gisteren")
    )
    assert r.status_code == 400
    errors = r.context["form"].errors
    assert errors["begindatum"] == ["Vul de begindatum in als dd-mm-jjjj, bijvoorbeeld 07-09-2026."]
    assert errors["verzuimdagen"][0].startswith("Regel 1:")
    assert not Melding.objects.exists()


def test_servicefouten_staan_bij_het_veld(client, wereld):
    c = als(client, wereld["school.a"])
    # a valid BSN of a pupil that is not enrolled at this school (R-ME-2), a future date
    r = c.post(
        reverse("meldingen:nieuw"),
        formulier(burgerservicenummer=ws.BSN_SCHOOL_B, einddatum="25-10-2026"),
    )
    assert r.status_code == 400
    errors = r.context["form"].errors
    assert "einddatum" in errors
    assert "niet ingeschreven op uw school" in errors["burgerservicenummer"][0]
    html = r.content.decode()
    assert 'aria-invalid="true"' in html
    # The service's reasons end in "(R-ME-2)" for the API; the page shows no rule ids.
    import re

    assert not re.findall(REGEL_ID, _zichtbare_tekst(html))
    assert not Melding.objects.exists()


def test_ongeldig_bsn_staat_bij_het_bsn_veld(client, wereld):
    c = als(client, wereld["school.a"])
    r = c.post(reverse("meldingen:nieuw"), formulier(burgerservicenummer="123456789"))
    assert r.status_code == 400
    errors = r.context["form"].errors
    assert list(errors) == ["burgerservicenummer"]
    assert "Geen geldig burgerservicenummer" in errors["burgerservicenummer"][0]
    assert not Melding.objects.exists()


def test_vestiging_van_een_andere_school_is_geen_keuze(client, wereld):
    r = als(client, wereld["school.a"]).post(
        reverse("meldingen:nieuw"), formulier(vestiging="26QQ00")
    )
    assert r.status_code == 400
    assert "vestiging" in r.context["form"].errors
    assert not Melding.objects.exists()


def test_keuzehulp_staat_naast_het_formulier(client, wereld):
    html = als(client, wereld["school.a"]).get(reverse("meldingen:nieuw")).content.decode()
    assert 'id="kop-keuzehulp"' in html and reverse("web:keuzehulp") in html
    assert 'id="keuzehulp-voorstel"' in html


def test_herhaalmeldingen_keten_op_de_detailpagina(client, wereld, melding):
    """R-ME-6: a melding that directly follows an open one is linked to it."""
    actor = actor_for_user(wereld["school.a"])
    vervolg = services.meld_verzuim(
        actor, ws.melding_data(begindatum="2026-09-28", einddatum="2026-09-30")
    ).melding
    assert vervolg.vervolg_op == melding
    html = als(client, wereld["lpa.amsterdam"]).get(detail_url(vervolg)).content.decode()
    assert melding.meldingsnummer in html and "(deze melding)" in html
    assert detail_url(melding) in html


# --- inbox badge (R-RT-4) -------------------------------------------------------------------


def _badge(html: str) -> str | None:
    import re

    found = re.search(r'class="vr-badge">(\d+)<span class="vr-visueel-verborgen"> nieuw', html)
    return found.group(1) if found else None


def test_badge_telt_wat_in_de_map_nieuw_staat(client, wereld, melding):
    """Issue 13: the badge (was 21: unread notifications) and the folder "Nieuw" (was 15)
    count the same thing: registered meldingen nobody has taken up."""
    c = als(client, wereld["lpa.amsterdam"])
    school = actor_for_user(wereld["school.a"])
    tweede = services.meld_verzuim(
        school, ws.melding_data(begindatum="2026-06-01", einddatum="2026-06-12")
    ).melding
    html = c.get(reverse("meldingen:inbox")).content.decode()
    assert _badge(html) == "2" and _tab(html, "nieuw") == 2
    assert c.get(detail_url(melding)).status_code == 200  # reading it takes nothing up
    html = c.get(reverse("meldingen:inbox")).content.decode()
    assert _badge(html) == "2" and _tab(html, "nieuw") == 2
    services.wijzig_status(actor_for_user(wereld["lpa.amsterdam"]), tweede.uuid, "in-behandeling")
    html = c.get(reverse("meldingen:inbox")).content.decode()
    assert _badge(html) == "1" and _tab(html, "nieuw") == 1


def test_badge_is_per_organisatie(client, wereld, melding):
    assert (
        _badge(
            als(client, wereld["lpa.rotterdam"])
            .get(reverse("web:start"), follow=True)
            .content.decode()
        )
        is None
    )


# --- folders: closed meldingen can be found ------------------------------------------------


def _drie_meldingen(wereld, melding):
    """The fixture's melding (open), one afgesloten and one ingetrokken (R-RT-6), all for
    the Amsterdam pupil: [open, afgesloten, ingetrokken]."""
    school = actor_for_user(wereld["school.a"])
    lpa = actor_for_user(wereld["lpa.amsterdam"])
    juni = services.meld_verzuim(
        school, ws.melding_data(begindatum="2026-06-01", einddatum="2026-06-12")
    ).melding
    services.wijzig_status(lpa, juni.uuid, "afgesloten", reden="verzuim-gestopt")
    mei = services.meld_verzuim(
        school, ws.melding_data(begindatum="2026-05-04", einddatum="2026-05-15")
    ).melding
    services.trek_in(school, mei.uuid, "F", "Verkeerde leerling")
    return melding, juni, mei


def _tab(html: str, code: str) -> int:
    import re

    found = re.search(rf'data-map="{code}">.*?<span class="vr-tab__aantal">.*?(\d+)', html, re.S)
    return int(found.group(1))


def test_map_alle_toont_ook_afgesloten_en_ingetrokken(client, wereld, melding):
    open_, afgesloten, ingetrokken = _drie_meldingen(wereld, melding)
    c = als(client, wereld["lpa.amsterdam"])
    url = reverse("meldingen:inbox")
    html = c.get(url, {"map": "alle"}).content.decode()
    assert (_tab(html, "nieuw"), _tab(html, "open"), _tab(html, "alle")) == (1, 1, 3)
    for m in (open_, afgesloten, ingetrokken):
        assert m.meldingsnummer in html
    assert "Afgesloten" in html and "Ingetrokken" in html
    html = c.get(url, {"map": "alle", "status": "afgesloten"}).content.decode()
    assert afgesloten.meldingsnummer in html
    assert open_.meldingsnummer not in html and ingetrokken.meldingsnummer not in html
    html = c.get(url, {"map": "open"}).content.decode()
    assert afgesloten.meldingsnummer not in html


def test_afgesloten_filter_in_open_map_gaat_naar_alle(client, wereld, melding):
    _, afgesloten, _ = _drie_meldingen(wereld, melding)
    c = als(client, wereld["lpa.amsterdam"])
    r = c.get(reverse("meldingen:inbox"), {"map": "open", "status": "afgesloten"})
    assert r.status_code == 302
    r = c.get(r["Location"])
    assert r.context["map"] == "alle" and afgesloten.meldingsnummer in r.content.decode()
    # an open folder offers only the statuses it can hold; "Nieuw" none at all
    open_form = c.get(reverse("meldingen:inbox"), {"map": "open"}).context["filters"]
    assert "afgesloten" not in dict(open_form.fields["status"].choices)
    assert "status" not in c.get(reverse("meldingen:inbox")).context["filters"].fields


def test_schoollijst_toont_afgesloten_en_ingetrokken_met_status(client, wereld, melding):
    open_, afgesloten, ingetrokken = _drie_meldingen(wereld, melding)
    c = als(client, wereld["school.a"])
    r = c.get(reverse("meldingen:mijn"))
    html = r.content.decode()
    assert r.context["map"] == "alle"
    assert (_tab(html, "open"), _tab(html, "alle")) == (1, 3)
    for m, label in (
        (open_, "Geregistreerd"),
        (afgesloten, "Afgesloten"),
        (ingetrokken, "Ingetrokken"),
    ):
        rij = html.split(f'data-meldingsnummer="{m.meldingsnummer}"')[1].split("</tr>")[0]
        assert label in rij
    html = c.get(reverse("meldingen:mijn"), {"status": "ingetrokken"}).content.decode()
    assert ingetrokken.meldingsnummer in html and afgesloten.meldingsnummer not in html
    html = c.get(reverse("meldingen:mijn"), {"map": "open"}).content.decode()
    assert open_.meldingsnummer in html and afgesloten.meldingsnummer not in html


# --- no internal rule ids in what people read -----------------------------------------------


def _zichtbare_tekst(html: str) -> str:
    """The text a person sees: no tags, attributes, comments, scripts or styles."""
    from html.parser import HTMLParser

    class Tekst(HTMLParser):
        def __init__(self):
            super().__init__()
            self.delen, self.verborgen = [], 0

        def handle_starttag(self, tag, attrs):
            self.verborgen += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.verborgen -= tag in ("script", "style")

        def handle_data(self, data):
            if not self.verborgen:
                self.delen.append(data)

    p = Tekst()
    p.feed(html)
    return " ".join(p.delen)


REGEL_ID = r"\bR-[A-Z]{2,3}-\d"


def test_geen_regel_ids_in_zichtbare_tekst(client, wereld, melding):
    import re

    services.stuur_door(
        actor_for_user(wereld["lpa.amsterdam"]), melding.uuid, "GM0599", "Woont bij vader."
    )
    pagina_s = {
        "lpa.rotterdam": [reverse("meldingen:inbox") + "?map=alle", detail_url(melding)],
        "school.a": [reverse("meldingen:mijn"), detail_url(melding), reverse("meldingen:nieuw")],
    }
    for gebruiker, urls in pagina_s.items():
        c = als(client, wereld[gebruiker])
        for url in urls:
            r = c.get(url)
            assert r.status_code == 200, url
            tekst = _zichtbare_tekst(r.content.decode())
            assert not re.findall(REGEL_ID, tekst), (url, re.findall(rf"{REGEL_ID}\S*", tekst))
    html = als(client, wereld["lpa.rotterdam"]).get(detail_url(melding)).content.decode()
    assert 'data-regel="R-RT-5"' in html  # still traceable in the markup


def test_geen_regel_ids_in_zichtbare_tekst_van_templates():
    """Static template text: rule ids belong in {# … #} comments (or data-regel)."""
    import re
    from pathlib import Path

    import verzuim

    gevonden = []
    for pad in Path(verzuim.__file__).parent.glob("*/templates/**/*.html"):
        bron = re.sub(r"\{#.*?#\}", "", pad.read_text(), flags=re.S)
        bron = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "", bron, flags=re.S)
        tekst = _zichtbare_tekst(bron)
        gevonden += [f"{pad.name}: {m}" for m in re.findall(rf"{REGEL_ID}\S*", tekst)]
    assert gevonden == []


# --- R-RT-5: a move in the BRP flags the open melding for forwarding ------------------------


@pytest.fixture
def brp_spion(monkeypatch):
    """The real BRP adapter, counting its calls per purpose."""
    from verzuim.meldingen import woonplaats
    from verzuim.personen.brp import get_brp

    aanroepen = []
    echte = get_brp()

    class Spion:
        def raadpleeg(self, bsns, doel, **kw):
            aanroepen.append((doel, tuple(bsns)))
            return echte.raadpleeg(bsns, doel, **kw)

    monkeypatch.setattr(woonplaats, "get_brp", lambda: Spion())
    return aanroepen


def _verhuis(bsn: str, naar: str) -> None:
    from verzuim.personen.models import BrpPersoon

    BrpPersoon.objects.filter(burgerservicenummer=bsn).update(gemeente_van_inschrijving=naar)


def test_verhuisde_leerling_toont_banner_met_voorgekozen_gemeente(client, wereld, melding):
    c = als(client, wereld["lpa.amsterdam"])
    r = c.get(detail_url(melding))
    assert not r.context["woonplaats"].verhuisd
    assert 'data-testid="verhuisd"' not in r.content.decode()
    _verhuis(ws.BSN_AMSTERDAM, "0599")
    r = c.get(detail_url(melding))
    html = r.content.decode()
    assert "Leerling is volgens de BRP verhuisd naar <strong>Rotterdam</strong>" in html
    assert "doorsturen?" in html
    form = r.context["doorsturen_form"]
    assert form["gemeente"].value() == "GM0599"
    assert '<option value="GM0599" selected>' in html
    # the read of the pupil is audited by lees_melding (no second record of its own)
    assert AuditRecord.objects.filter(actie="melding.lezen", persoon=ws.BSN_AMSTERDAM).exists()
    # the school sees no banner; a closed melding none either
    assert (
        'data-testid="verhuisd"'
        not in als(client, wereld["school.a"]).get(detail_url(melding)).content.decode()
    )
    services.wijzig_status(
        actor_for_user(wereld["lpa.amsterdam"]), melding.uuid, "afgesloten", reden="verhuisd"
    )
    assert (
        als(client, wereld["lpa.amsterdam"]).get(detail_url(melding)).context["woonplaats"] is None
    )


def test_verhuizing_naar_rni_of_onbekende_gemeente_geeft_geen_banner(client, wereld, melding):
    c = als(client, wereld["lpa.amsterdam"])
    for code in ("1999", "9999"):
        _verhuis(ws.BSN_AMSTERDAM, code)
        woonplaats = c.get(detail_url(melding)).context["woonplaats"]
        assert woonplaats.gemeente is None and not woonplaats.verhuisd


def test_inbox_markeert_verhuisde_leerlingen_met_een_brp_aanroep(
    client, wereld, melding, brp_spion
):
    school = actor_for_user(wereld["school.a"])
    tweede = services.meld_verzuim(
        school, ws.melding_data(begindatum="2026-06-01", einddatum="2026-06-12")
    ).melding
    _verhuis(ws.BSN_AMSTERDAM, "0599")
    brp_spion.clear()
    html = als(client, wereld["lpa.amsterdam"]).get(reverse("meldingen:inbox") + "?map=open")
    html = html.content.decode()
    routering = [a for a in brp_spion if a[0] == "routering"]
    assert routering == [("routering", (ws.BSN_AMSTERDAM,))]  # one call for the page
    for m in (melding, tweede):
        rij = html.split(f'data-meldingsnummer="{m.meldingsnummer}"')[1].split("</tr>")[0]
        assert "Verhuisd naar Rotterdam" in rij
    # the school's list asks nothing of the kind
    brp_spion.clear()
    als(client, wereld["school.a"]).get(reverse("meldingen:mijn"))
    assert not [a for a in brp_spion if a[0] == "routering"]


# --- inbox usability ---------------------------------------------------------------------------


def test_detail_linkt_naar_de_leerlingpagina(client, wereld, melding):
    url = reverse("personen:leerling", args=[melding.leerling.uuid])
    for gebruiker in ("lpa.amsterdam", "school.a"):
        c = als(client, wereld[gebruiker])
        r = c.get(detail_url(melding))
        assert r.context["leerling"]["url"] == url
        assert f'href="{url}"' in r.content.decode()
        assert c.get(url).status_code == 200  # the link never leads to a 404


def test_te_laat_gemeld_in_lijst_en_detail(client, wereld, melding):
    laat = services.meld_verzuim(
        actor_for_user(wereld["school.a"]),
        ws.melding_data(begindatum="2026-06-01", einddatum="2026-06-12"),
    ).melding
    assert laat.te_laat and not melding.te_laat  # R-ME-4
    c = als(client, wereld["lpa.amsterdam"])
    html = c.get(reverse("meldingen:inbox") + "?map=open").content.decode()
    rij = lambda m: html.split(f'data-meldingsnummer="{m.meldingsnummer}"')[1].split("</tr>")[0]  # noqa: E731
    assert "te laat gemeld" in rij(laat) and "te laat gemeld" not in rij(melding)
    assert "te laat gemeld" in c.get(detail_url(laat)).content.decode()
    assert "te laat gemeld" not in c.get(detail_url(melding)).content.decode()


def test_sorteren_op_ontvangen_en_meldingsnummer(client, wereld, melding):
    import datetime as dt

    school = actor_for_user(wereld["school.a"])
    tweede = services.meld_verzuim(
        school, ws.melding_data(begindatum="2026-06-01", einddatum="2026-06-12")
    ).melding
    # the second (higher number) was received earlier
    Melding.objects.filter(pk=tweede.pk).update(ontvangen=melding.ontvangen - dt.timedelta(days=2))
    c = als(client, wereld["lpa.amsterdam"])
    url = reverse("meldingen:inbox")

    def volgorde(**params):
        r = c.get(url, {"map": "open", **params})
        return [rij["melding"].meldingsnummer for rij in r.context["rijen"]], r

    nummers, r = volgorde()
    assert nummers == [melding.meldingsnummer, tweede.meldingsnummer]  # newest first
    html = r.content.decode()
    assert 'aria-sort="descending"' in html and html.count("aria-sort=") == 1
    assert r.context["koppen"]["ontvangen"]["url"].endswith("sorteer=ontvangen")
    assert r.context["koppen"]["meldingsnummer"]["url"].endswith("sorteer=meldingsnummer")
    assert volgorde(sorteer="ontvangen")[0] == [tweede.meldingsnummer, melding.meldingsnummer]
    nummers, r = volgorde(sorteer="meldingsnummer")
    assert nummers == sorted(nummers)
    assert 'aria-sort="ascending"' in r.content.decode()
    assert r.context["koppen"]["meldingsnummer"]["url"].endswith("sorteer=-meldingsnummer")
    assert volgorde(sorteer="-meldingsnummer")[0] == sorted(nummers, reverse=True)
    assert volgorde(sorteer="naam")[0] == [melding.meldingsnummer, tweede.meldingsnummer]
    # the filter form keeps the sort order
    assert 'name="sorteer" value="meldingsnummer"' in r.content.decode()


# --- R-RT-4: opening marks read, only for the receiving party ----------------------------------


def test_school_die_de_melding_opent_markeert_niets_gelezen(client, wereld, melding):
    from verzuim.meldingen.models import Notificatie

    assert als(client, wereld["school.a"]).get(detail_url(melding)).status_code == 200
    n = Notificatie.objects.get(melding=melding)
    assert n.gelezen_op is None and not n.gelezen_door.exists()
    assert _badge(
        als(client, wereld["lpa.amsterdam"]).get(reverse("web:start"), follow=True).content.decode()
    )


def test_mislukte_actie_markeert_niets_gelezen(client, wereld, melding):
    from verzuim.meldingen.models import Notificatie

    c = als(client, wereld["lpa.amsterdam"])
    r = c.post(reverse("meldingen:doorsturen", args=[melding.uuid]), {"doorsturen-gemeente": ""})
    assert r.status_code == 400
    assert not Notificatie.objects.get(melding=melding).gelezen_door.exists()
    c.get(detail_url(melding))
    assert (
        Notificatie.objects.get(melding=melding)
        .gelezen_door.filter(pk=wereld["lpa.amsterdam"].pk)
        .exists()
    )
