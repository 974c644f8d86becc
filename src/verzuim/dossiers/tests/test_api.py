"""The dossiers API (issue 9 §10, api-contract.md "Signalen, dossiers, cijfers"): list,
search and read the handling organisation's dossiers, add an activity, move the MAS phase,
close and reopen — every answer validated against the OpenAPI schema the code generates.
Scopes `dossiers.lezen` / `dossiers.schrijven`; a school or the register never; another
organisation's dossier 404 for every kind of organisation; the same problem+json and
Idempotency-Key as the meldingen API; werkaantekeningen never (R-PR-2), special categories
not for an RMC-regio's application (R-PR-5)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from verzuim import clock
from verzuim.accounts.models import ApiApplicatie, ApiToken, hash_token
from verzuim.api.models import IdempotencyRecord
from verzuim.api.tests.openapi_check import assert_conforms
from verzuim.audit.models import AuditRecord
from verzuim.dossiers import services, werkaantekeningen
from verzuim.dossiers.models import (
    Activiteit,
    Dossier,
    FaseVerslag,
    Handhaving,
    Werkaantekening,
)
from verzuim.meldingen.codes import Status
from verzuim.meldingen.tests.conftest import ACHTTIEN, VANDAAG, ZANDVOORT
from verzuim.organisaties.models import Gemeente, Organisatie, Routering

from .conftest import AMSTERDAM, HAARLEM, meld

LEZEN, SCHRIJVEN = "dossiers.lezen", "dossiers.schrijven"
PROBLEM = "application/problem+json"


def client(org: str, *scopes: str) -> APIClient:
    """An API client of an application of `org` with `scopes` (made on first use)."""
    waarde = f"dossierapi-{org}-{'-'.join(scopes) or 'geen'}".ljust(40, "0")
    if not ApiToken.objects.filter(token_hash=hash_token(waarde)).exists():
        app = ApiApplicatie.objects.create(
            naam=f"koppeling {org}", organisatie=Organisatie.objects.get(code=org), scopes=scopes
        )
        ApiToken.objects.create(applicatie=app, token_hash=hash_token(waarde), prefix=waarde[:8])
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {waarde}")
    return c


def haarlem(*scopes: str) -> APIClient:
    return client("GM0392", *(scopes or (LEZEN, SCHRIJVEN)))


def get(c: APIClient, pad: str, params=None):
    r = c.get(f"/api/v1/{pad}", params or {})
    assert_conforms(r)
    return r


def post(c: APIClient, pad: str, body, key: str | None = None):
    headers = {"Idempotency-Key": key} if key else {}
    r = c.post(f"/api/v1/{pad}", body, format="json", headers=headers)
    assert_conforms(r)
    return r


def fouten(r) -> dict[str, str]:
    """invalidParams of a 400 problem+json: name → reason."""
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM, r.content
    return {p["name"]: p["reason"] for p in r.json()["invalidParams"]}


@pytest.fixture
def dossier(wereld):
    meld(wereld)
    return Dossier.objects.get(organisatie__code="GM0392")


def test_lijst_en_dossier_met_tijdlijn(wereld, dossier):
    services.voeg_activiteit_toe(
        wereld.lpa_haarlem, dossier, "gesprek", tekst="Met moeder gesproken", met_wie=["ouders"]
    )
    werkaantekeningen.schrijf_werkaantekening(wereld.lpa_haarlem, dossier, "GEHEIME-NOTITIE")
    c = haarlem(LEZEN)
    r = get(c, "dossiers")
    assert r.status_code == 200 and r["API-Version"].startswith("1.")
    body = r.json()
    assert body["count"] == 1
    d = body["results"][0]
    assert d["uuid"] == str(dossier.uuid) and d["url"].endswith(f"/api/v1/dossiers/{d['uuid']}")
    assert d["leerling"] == {
        "burgerservicenummer": HAARLEM,
        "naam": "Test Persoon007",
        "geboortedatum": "2012-05-02",
    }
    assert (d["status"], d["fase"], d["aanleiding"]) == ("open", "waarnemen", "melding")
    assert d["organisatie"] == {"soort": "gemeente", "code": "GM0392", "naam": "Gemeente Haarlem"}
    melding = dossier.koppelingen.get().melding
    assert d["meldingen"] == [str(melding.uuid)] and "activiteiten" not in d
    # Afspraken-free gesprek: no follow-up date; the list is audited as one record.
    lijst = AuditRecord.objects.get(actie="dossier.lijst")
    assert lijst.personen.get().persoon == HAARLEM

    r = get(c, f"dossiers/{dossier.uuid}")
    assert r.status_code == 200
    d = r.json()
    soorten = [(a["soort"], a["bron"]) for a in d["activiteiten"]]
    assert soorten == [("gesprek", "handmatig"), ("melding-ontvangen", "melding")]
    gesprek = d["activiteiten"][0]
    assert (gesprek["metWie"], gesprek["door"], gesprek["datum"]) == (
        ["ouders"],
        "lpa.haarlem",
        VANDAAG.isoformat(),
    )
    assert gesprek["uuid"] == str(Activiteit.objects.get(soort="gesprek").uuid)
    assert d["faseverslagen"] == [] and d["verzuimoverzichtverzoeken"] == []
    assert d["handhavingen"] == []
    assert AuditRecord.objects.filter(actie="dossier.inzien", persoon=HAARLEM).count() == 1
    # R-PR-2: a werkaantekening is never part of what the API gives.
    assert Werkaantekening.objects.exists()
    assert b"GEHEIME-NOTITIE" not in r.content


def test_filters(wereld, dossier):
    c = haarlem(LEZEN)
    assert get(c, "dossiers", {"status": "open", "fase": "waarnemen"}).json()["count"] == 1
    assert get(c, "dossiers", {"status": "gesloten"}).json()["count"] == 0
    assert get(c, "dossiers", {"fase": "plannen"}).json()["count"] == 0
    assert get(c, "dossiers", {"behandelaar": "lpa.haarlem"}).json()["count"] == 0
    services.wijs_toe(wereld.lpa_haarlem, dossier, wereld.users["lpa.haarlem"])
    assert get(c, "dossiers", {"behandelaar": "lpa.haarlem"}).json()["count"] == 1
    services.zet_vervolgdatum(wereld.lpa_haarlem, dossier, VANDAAG + dt.timedelta(days=7))
    tot = {"volgendeActieTot": (VANDAAG + dt.timedelta(days=6)).isoformat()}
    assert get(c, "dossiers", tot).json()["count"] == 0
    tot = {"volgendeActieTot": (VANDAAG + dt.timedelta(days=7)).isoformat()}
    assert get(c, "dossiers", tot).json()["results"][0]["volgendeActie"] == "2026-10-08"
    r = get(c, "dossiers", {"status": "dicht", "fase": "slapen", "volgendeActieTot": "morgen"})
    assert set(fouten(r)) == {"status", "fase", "volgendeActieTot"}


def test_zoeken_met_het_bsn_in_de_body(wereld, dossier):
    c = haarlem(LEZEN)
    r = post(c, "dossiers/_zoek", {"burgerservicenummer": HAARLEM})
    assert r.status_code == 200 and [d["uuid"] for d in r.json()] == [str(dossier.uuid)]
    # Amsterdam's pupil: no dossier here (another organisation's is not revealed).
    meld(wereld, AMSTERDAM)
    r = post(c, "dossiers/_zoek", {"burgerservicenummer": AMSTERDAM})
    assert r.status_code == 200 and r.json() == []
    leeg = AuditRecord.objects.get(actie="dossier.zoeken", persoon=AMSTERDAM)
    assert leeg.details == {"gevonden": 0}
    assert set(fouten(post(c, "dossiers/_zoek", {}))) == {"body"}
    assert set(fouten(post(c, "dossiers/_zoek", {"burgerservicenummer": "12"}))) == {
        "burgerservicenummer"
    }


@pytest.fixture
def rmc_dossier(wereld):
    """A dossier at the RMC-regio (18-plus, routed to MC25)."""
    Routering.objects.create(
        gemeente=Gemeente.objects.get(code="GM0473"),
        doelgroep="18-plus",
        naar=Organisatie.objects.get(code="MC25"),
    )
    meld(wereld, ACHTTIEN, verzuimsoort="18-plus", einddatum="2026-09-25")
    return Dossier.objects.get(organisatie__code="MC25")


@pytest.mark.parametrize("org", ["GM0363", "RBL-ZK", "MC25"])
def test_een_andere_organisatie_krijgt_404(wereld, dossier, rmc_dossier, org):
    """Another gemeente, a leerplichtdienst, an RMC-regio: 404 on every operation on the
    dossier, and it is not in their list or search."""
    meld(wereld, ZANDVOORT)  # the dienst has a dossier of its own
    c = client(org, LEZEN, SCHRIJVEN)
    pad = f"dossiers/{dossier.uuid}"
    antwoorden = [
        get(c, pad),
        post(c, f"{pad}/activiteiten", {"soort": "overig", "tekst": "x"}),
        post(c, f"{pad}/fase", {"fase": "analyseren", "toelichting": "x"}),
        post(c, f"{pad}/afsluiten", {"afsluitreden": "verhuisd"}),
        post(c, f"{pad}/heropenen", {"reden": "x"}),
    ]
    assert [r.status_code for r in antwoorden] == [404] * 5
    assert all(r["Content-Type"] == PROBLEM for r in antwoorden)
    assert str(dossier.uuid) not in get(c, "dossiers").content.decode()
    assert post(c, "dossiers/_zoek", {"burgerservicenummer": HAARLEM}).json() == []
    dossier.refresh_from_db()
    assert dossier.status == "open" and dossier.activiteiten.count() == 1
    assert not AuditRecord.objects.filter(actie="dossier.inzien").exists()


@pytest.mark.parametrize("org", ["99XA", "REGISTER"])
def test_een_school_of_het_register_nooit(wereld, dossier, org):
    """Even with both scopes: a school's or the register's token never reaches a dossier."""
    c = client(org, LEZEN, SCHRIJVEN)
    pad = f"dossiers/{dossier.uuid}"
    antwoorden = [
        get(c, "dossiers"),
        get(c, pad),
        get(c, "activiteitsoorten"),
        post(c, "dossiers/_zoek", {"burgerservicenummer": HAARLEM}),
        post(c, f"{pad}/activiteiten", {"soort": "overig"}),
        post(c, f"{pad}/fase", {"fase": "analyseren", "toelichting": "x"}),
        post(c, f"{pad}/afsluiten", {"afsluitreden": "verhuisd"}),
        post(c, f"{pad}/heropenen", {"reden": "x"}),
    ]
    assert [r.status_code for r in antwoorden] == [403] * 8
    assert all(r.json()["status"] == 403 for r in antwoorden)


def test_scope_ontbreekt_403_en_zonder_token_401(wereld, dossier):
    pad = f"dossiers/{dossier.uuid}"
    meldingen = client("GM0392", "meldingen.lezen", "meldingen.behandelen")
    for r in (get(meldingen, "dossiers"), get(meldingen, pad)):
        assert r.status_code == 403 and r["Content-Type"] == PROBLEM
        assert "dossiers.lezen" in r.json()["detail"]
    lezen = haarlem(LEZEN)
    for sub, body in (
        ("activiteiten", {"soort": "overig"}),
        ("fase", {"fase": "analyseren", "toelichting": "x"}),
        ("afsluiten", {"afsluitreden": "verhuisd"}),
        ("heropenen", {"reden": "x"}),
    ):
        r = post(lezen, f"{pad}/{sub}", body)
        assert r.status_code == 403 and "dossiers.schrijven" in r.json()["detail"]
    assert get(haarlem(SCHRIJVEN), pad).status_code == 200  # writing includes reading
    r = get(APIClient(), pad)
    assert r.status_code == 401 and r["WWW-Authenticate"].startswith("Bearer")
    assert haarlem().get(f"/api/v1/{pad}/").status_code == 404  # no trailing slash
    assert Dossier.objects.get().activiteiten.count() == 1


def test_activiteit_vastleggen(wereld, dossier):
    c = haarlem()
    r = post(
        c,
        f"dossiers/{dossier.uuid}/activiteiten",
        {
            "soort": "afspraken",
            "datum": "2026-09-30",
            "tekst": "Elke dag om 8.15 op school",
            "metWie": ["leerling", "ouders"],
        },
    )
    assert r.status_code == 201, r.content
    a = r.json()
    assert (a["soort"], a["bron"], a["door"], a["datum"]) == (
        "afspraken",
        "api",
        "api:koppeling GM0392",
        "2026-09-30",
    )
    dossier.refresh_from_db()
    # R-CW-4: agreements set the next follow-up date, 4 weeks later by default.
    assert dossier.volgende_actie == dt.date(2026, 10, 28)
    assert AuditRecord.objects.get(actie="dossier.activiteit").persoon == HAARLEM


def test_activiteit_fouten_noemen_veld_en_regel(wereld, dossier):
    c = haarlem()
    pad = f"dossiers/{dossier.uuid}/activiteiten"
    morgen = (VANDAAG + dt.timedelta(days=1)).isoformat()
    gisteren = (VANDAAG - dt.timedelta(days=1)).isoformat()
    r = post(c, pad, {"soort": "gesprek", "datum": morgen, "vervolgdatum": gisteren})
    f = fouten(r)
    assert set(f) == {"datum", "metWie", "vervolgdatum"}
    assert "R-CW-4" in f["metWie"]
    assert set(fouten(post(c, pad, {"soort": "dossier-gesloten"}))) == {"soort"}
    assert set(fouten(post(c, pad, {"soort": "gesprek", "metWie": ["buren"]}))) == {"metWie"}
    assert set(fouten(post(c, pad, {"datum": "gisteren"}))) == {"soort", "datum"}
    r = post(c, pad, [1, 2])
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "body"
    assert dossier.activiteiten.count() == 1


def test_idempotency_key(wereld, dossier):
    c = haarlem()
    pad = f"dossiers/{dossier.uuid}/activiteiten"
    body = {"soort": "telefonisch-contact", "tekst": "Moeder gebeld", "metWie": ["ouders"]}
    eerste = post(c, pad, body, key="act-1")
    tweede = post(c, pad, body, key="act-1")
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert eerste.json() == tweede.json()
    assert dossier.activiteiten.filter(soort="telefonisch-contact").count() == 1
    herhaald = AuditRecord.objects.get(actie="dossier.herhaald")
    assert (herhaald.persoon, herhaald.object_id) == (HAARLEM, str(dossier.uuid))
    # The same key with another body, or on another address: 409, nothing written.
    r = post(c, pad, {**body, "tekst": "Vader gebeld"}, key="act-1")
    assert r.status_code == 409 and r.json()["type"].endswith("/idempotency-key")
    r = post(
        c, f"dossiers/{dossier.uuid}/fase", {"fase": "analyseren", "toelichting": "x"}, "act-1"
    )
    assert r.status_code == 409
    assert dossier.activiteiten.filter(soort="telefonisch-contact").count() == 1
    assert IdempotencyRecord.objects.filter(sleutel="act-1").count() == 1
    # A closing replayed answers the first 200, not "already closed".
    sluiten = {"afsluitreden": "verzuim-gestopt"}
    a = post(c, f"dossiers/{dossier.uuid}/afsluiten", sluiten, key="sluit")
    b = post(c, f"dossiers/{dossier.uuid}/afsluiten", sluiten, key="sluit")
    assert (a.status_code, b.status_code) == (200, 200) and a.json() == b.json()
    assert post(c, f"dossiers/{dossier.uuid}/afsluiten", sluiten).status_code == 409


def test_fase_wijzigen(wereld, dossier):
    c = haarlem()
    pad = f"dossiers/{dossier.uuid}/fase"
    r = post(c, pad, {"fase": "analyseren", "toelichting": "Verzuim bevestigd"})
    assert r.status_code == 200 and r.json()["fase"] == "analyseren"
    verslag = FaseVerslag.objects.get()
    assert (verslag.fase, verslag.naar_fase, verslag.bevindingen, verslag.besluit) == (
        "waarnemen",
        "analyseren",
        "Verzuim bevestigd",
        "Verzuim bevestigd",
    )
    r = post(c, pad, {"fase": "evalueren", "bevindingen": "b", "besluit": "c"})
    assert "R-CW-2" in fouten(r)["fase"]
    assert set(fouten(post(c, pad, {"fase": "plannen"}))) == {"bevindingen", "besluit"}
    assert set(fouten(post(c, pad, {"bevindingen": "b"}))) == {"fase"}
    d = get(c, f"dossiers/{dossier.uuid}").json()
    assert [(v["fase"], v["naarFase"]) for v in d["faseverslagen"]] == [("waarnemen", "analyseren")]
    assert d["activiteiten"][0]["soort"] == "fase-gewijzigd"
    assert d["activiteiten"][0]["bron"] == "api"


def test_afsluiten_en_heropenen(wereld, dossier):
    c = haarlem()
    pad = f"dossiers/{dossier.uuid}"
    werkaantekeningen.schrijf_werkaantekening(wereld.lpa_haarlem, dossier, "notitie")
    # R-CW-6/7: Halt afgerond and PV afgehandeld are a BOA's; an application is none.
    f = fouten(post(c, f"{pad}/afsluiten", {"afsluitreden": "halt-afgerond"}))
    assert set(f) == {"afsluitreden"} and "BOA" in f["afsluitreden"]
    assert "R-CW-11" in fouten(post(c, f"{pad}/afsluiten", {"afsluitreden": "weg"}))["afsluitreden"]
    r = post(c, f"{pad}/afsluiten", {"afsluitreden": "verhuisd", "toelichting": "naar Spanje"})
    assert r.status_code == 200
    d = r.json()
    assert (d["status"], d["afsluitreden"], d["afsluitToelichting"]) == (
        "gesloten",
        "verhuisd",
        "naar Spanje",
    )
    melding = dossier.koppelingen.get().melding
    melding.refresh_from_db()
    assert melding.status == Status.AFGESLOTEN  # the school sees it
    assert not Werkaantekening.objects.exists()  # R-PR-2
    # R-CW-11: read-only once closed.
    r = post(c, f"{pad}/activiteiten", {"soort": "overig", "tekst": "x"})
    assert r.status_code == 409 and r.json()["type"].endswith("/dossier-gesloten")
    assert set(fouten(post(c, f"{pad}/heropenen", {"reden": " "}))) == {"reden"}
    r = post(c, f"{pad}/heropenen", {"reden": "Nieuwe signalen van school"})
    assert r.status_code == 200 and r.json()["status"] == "open"
    assert r.json()["gesloten"] is None and r.json()["afsluitreden"] is None
    assert set(fouten(post(c, f"{pad}/heropenen", {"reden": "nog eens"}))) == {"status"}


def test_rmc_regio_ziet_geen_bijzondere_categorieen(wereld, rmc_dossier):
    """R-PR-5: special categories only for the handling LPA's organisation (a gemeente or
    leerplichtdienst); an RMC-regio's application reads the dossier without them and may
    not record them."""
    from verzuim.audit.context import SYSTEEM

    services.voeg_activiteit_toe(
        SYSTEEM, rmc_dossier, "zorgmelding", tekst="GEZONDHEID", bron="systeem"
    )
    # A Halt referral (criminal data) as the route writes it: only its kind is shown.
    Handhaving.objects.create(
        dossier=rmc_dossier,
        soort="halt",
        gestart=VANDAAG,
        uitkomst="negatief",
        uitkomst_datum=VANDAAG,
        auteur_label="boa",
        geregistreerd=clock.now(),
    )
    c = client("MC25", LEZEN, SCHRIJVEN)
    r = get(c, f"dossiers/{rmc_dossier.uuid}")
    assert r.status_code == 200 and b"GEZONDHEID" not in r.content
    afgeschermd, ontvangen = r.json()["activiteiten"]
    assert ontvangen["soort"] == "melding-ontvangen" and ontvangen["afgeschermd"] is False
    assert (afgeschermd["soort"], afgeschermd["afgeschermd"], afgeschermd["tekst"]) == (
        "afgeschermd", True, "",
    )  # fmt: skip
    assert afgeschermd["bron"] is None and afgeschermd["door"] is None
    (halt,) = r.json()["handhavingen"]
    assert (halt["soort"], halt["afgeschermd"], halt["uitkomst"], halt["gestart"]) == (
        "halt",
        True,
        None,
        None,
    )
    pad = f"dossiers/{rmc_dossier.uuid}/activiteiten"
    r = post(c, pad, {"soort": "overig", "tekst": "x", "bijzonder": True})
    assert r.status_code == 403 and "R-PR-5" in r.json()["detail"]
    soorten = {s["code"]: s for s in get(c, "activiteitsoorten").json()}
    assert "gesprek" in soorten and not any(s["bijzonder"] for s in soorten.values())
    assert "dossier-gesloten" not in soorten  # the register writes those itself
    haarlem_soorten = {s["code"] for s in get(haarlem(LEZEN), "activiteitsoorten").json()}
    assert set(soorten) < haarlem_soorten


def test_handhaving_alleen_lezen_voor_de_gemeente(wereld, dossier):
    Handhaving.objects.create(
        dossier=dossier,
        soort="proces-verbaal",
        gestart=VANDAAG,
        tegen=["ouders"],
        uitkomst="dagvaarding",
        uitkomst_datum=VANDAAG,
        auteur_label="boa",
        geregistreerd=clock.now(),
    )
    (pv,) = get(haarlem(LEZEN), f"dossiers/{dossier.uuid}").json()["handhavingen"]
    assert pv["afgeschermd"] is False
    assert (pv["soort"], pv["tegen"], pv["uitkomst"], pv["uitkomstDatum"]) == (
        "proces-verbaal",
        ["ouders"],
        "dagvaarding",
        "2026-10-01",
    )


def test_vast_aantal_queries_voor_de_lijst(wereld):
    for begin in ("2026-09-07", "2026-09-14", "2026-09-21"):
        meld(wereld, begindatum=begin)
        Dossier.objects.filter(status="open").update(
            status="gesloten", afsluitreden="verhuisd", gesloten=clock.now()
        )
    c = haarlem(LEZEN)
    get(c, "dossiers")  # token cache warm
    with CaptureQueriesContext(connection) as een:
        assert len(get(c, "dossiers", {"pageSize": 1}).json()["results"]) == 1
    with CaptureQueriesContext(connection) as drie:
        assert len(get(c, "dossiers", {"pageSize": 3}).json()["results"]) == 3
    assert len(een) == len(drie)


# --- the school's side of the verzuimoverzicht request (R-CW-3) ---------------------------


@pytest.fixture
def verzoek(wereld, dossier):
    from verzuim.dossiers import verzuimoverzicht

    melding = dossier.koppelingen.get().melding
    return verzuimoverzicht.vraag_verzuimoverzicht(
        wereld.lpa_haarlem, dossier, melding.uuid, "Graag per lesuur"
    )


def school(code: str = "99XA") -> APIClient:
    return client(code, "meldingen.aanmaken", "meldingen.lezen")


def test_school_ziet_en_beantwoordt_het_verzoek(wereld, verzoek):
    r = get(school(), "verzuimoverzichtverzoeken", {"status": "open"})
    assert r.status_code == 200 and r.json()["count"] == 1
    v = r.json()["results"][0]
    assert v["uuid"] == str(verzoek.uuid) and v["status"] == "open"
    assert v["leerling"] == {"burgerservicenummer": HAARLEM}
    assert v["gevraagdDoor"]["code"] == "GM0392" and v["toelichting"] == "Graag per lesuur"
    assert "lpa" not in json.dumps(v)  # who at the gemeente: not the school's business
    assert AuditRecord.objects.get(actie="verzuimoverzicht.lijst").personen.count() == 1
    assert get(school("99XB"), "verzuimoverzichtverzoeken").json()["count"] == 0

    pdf = b"%PDF-1.4 verzuimoverzicht"
    import base64

    body = {
        "antwoord": "Zie bijlage",
        "bestand": {
            "naam": "overzicht.pdf",
            "type": "application/pdf",
            "inhoud": base64.b64encode(pdf).decode(),
        },
    }
    assert (
        post(school("99XB"), f"verzuimoverzichtverzoeken/{verzoek.uuid}/antwoord", body).status_code
        == 404
    )
    r = post(school(), f"verzuimoverzichtverzoeken/{verzoek.uuid}/antwoord", body, key="vo-1")
    assert r.status_code == 200 and r.json()["status"] == "beantwoord"
    herhaald = post(school(), f"verzuimoverzichtverzoeken/{verzoek.uuid}/antwoord", body, "vo-1")
    assert herhaald.status_code == 200 and herhaald.json() == r.json()
    assert AuditRecord.objects.filter(actie="verzuimoverzicht.herhaald").count() == 1
    # Answered once: a second answer is refused, naming the request.
    f = fouten(post(school(), f"verzuimoverzichtverzoeken/{verzoek.uuid}/antwoord", body))
    assert set(f) == {"verzoek"}
    assert get(school(), "verzuimoverzichtverzoeken", {"status": "open"}).json()["count"] == 0
    # The gemeente sees the answer on the dossier's timeline and in its requests.
    d = get(haarlem(LEZEN), f"dossiers/{verzoek.dossier.uuid}").json()
    assert d["activiteiten"][0]["soort"] == "verzuimoverzicht-ontvangen"
    assert d["activiteiten"][0]["bron"] == "school"
    assert d["verzuimoverzichtverzoeken"][0]["bestandsnaam"] == "overzicht.pdf"
    assert d["verzuimoverzichtverzoeken"][0]["antwoord"] == "Zie bijlage"


def test_school_fouten_en_toegang(wereld, verzoek):
    pad = f"verzuimoverzichtverzoeken/{verzoek.uuid}/antwoord"
    f = fouten(post(school(), pad, {"bestand": {"naam": "x", "type": "text/csv", "inhoud": "!!"}}))
    assert set(f) == {"bestand.inhoud"}
    f = fouten(post(school(), pad, {"bestand": {"naam": "x.exe", "type": "x/y", "inhoud": "eA=="}}))
    assert set(f) == {"bestand"}
    assert set(fouten(post(school(), pad, {}))) == {"antwoord"}
    # Reading: a meldingen scope of a school; answering: meldingen.aanmaken.
    assert get(client("99XA", "meldingen.lezen"), "verzuimoverzichtverzoeken").status_code == 200
    assert post(client("99XA", "meldingen.lezen"), pad, {"antwoord": "x"}).status_code == 403
    gemeente = client("GM0392", "meldingen.lezen", "meldingen.aanmaken", LEZEN)
    assert get(gemeente, "verzuimoverzichtverzoeken").status_code == 403
    assert post(gemeente, pad, {"antwoord": "x"}).status_code == 403
    assert (
        post(
            school(), f"verzuimoverzichtverzoeken/{uuid.uuid4()}/antwoord", {"antwoord": "x"}
        ).status_code
        == 404
    )
    verzoek.refresh_from_db()
    assert verzoek.is_open


# --- opening by hand, assigning, the follow-up date, the verzuimoverzicht (issue 9 §10) -----


def test_dossier_met_de_hand_openen(wereld):
    c = haarlem()
    body = {"burgerservicenummer": HAARLEM, "aanleiding": "telefonisch",
            "toelichting": "Moeder belde: al twee weken niet naar school."}  # fmt: skip
    r = post(c, "dossiers", body, key="open-1")
    assert r.status_code == 201, r.content
    d = r.json()
    assert (d["aanleiding"], d["status"], d["leerling"]["burgerservicenummer"]) == (
        "telefonisch", "open", HAARLEM,
    )  # fmt: skip
    assert Dossier.objects.get(uuid=d["uuid"]).organisatie.code == "GM0392"
    assert post(c, "dossiers", body, key="open-1").json()["uuid"] == d["uuid"]  # replay
    # R-CW-1: one open dossier per pupil per organisation; 409 names it, nothing saved.
    r = post(c, "dossiers", body, key="open-2")
    assert r.status_code == 409 and r.json()["bestaand"] == d["uuid"]
    assert Dossier.objects.count() == 1
    # Bad input names the field; a pupil of another gemeente is not found; read scope 403.
    assert set(fouten(post(c, "dossiers", {**body, "toelichting": " "}, key="o3"))) == {
        "toelichting"
    }
    assert set(fouten(post(c, "dossiers", {**body, "aanleiding": "melding"}, key="o4"))) == {
        "aanleiding"
    }
    r = post(c, "dossiers", {**body, "burgerservicenummer": AMSTERDAM}, key="o5")
    assert r.status_code == 404
    assert post(haarlem(LEZEN), "dossiers", body, key="o6").status_code == 403
    assert Dossier.objects.count() == 1


def test_behandelaar_en_vervolgdatum(wereld, dossier):
    c, pad = haarlem(), f"dossiers/{dossier.uuid}"
    r = post(c, f"{pad}/behandelaar", {"behandelaar": "lpa.haarlem"}, key="b1")
    assert r.status_code == 200 and r.json()["behandelaar"] == "lpa.haarlem"
    assert set(fouten(post(c, f"{pad}/behandelaar", {"behandelaar": "lpa.amsterdam"}))) == {
        "behandelaar"
    }  # another organisation's LPA
    assert set(fouten(post(c, f"{pad}/behandelaar", {"behandelaar": "beleid.haarlem"}))) == {
        "behandelaar"
    }  # not an LPA
    assert post(c, f"{pad}/behandelaar", {"behandelaar": None}).json()["behandelaar"] is None
    morgen = VANDAAG + dt.timedelta(days=1)
    r = post(c, f"{pad}/vervolgdatum", {"datum": morgen.isoformat(), "omschrijving": "Bellen"})
    assert r.status_code == 200 and r.json()["volgendeActie"] == morgen.isoformat()
    gisteren = (VANDAAG - dt.timedelta(days=1)).isoformat()
    assert set(fouten(post(c, f"{pad}/vervolgdatum", {"datum": gisteren}))) == {"datum"}
    dossier.refresh_from_db()
    assert dossier.volgende_actie == morgen
    assert AuditRecord.objects.filter(actie="dossier.vervolgdatum").count() == 1
    # Another organisation: 404 for both.
    ams = client("GM0363", LEZEN, SCHRIJVEN)
    assert post(ams, f"{pad}/vervolgdatum", {"datum": None}).status_code == 404
    assert post(ams, f"{pad}/behandelaar", {"behandelaar": None}).status_code == 404


def test_verzuimoverzicht_vragen(wereld, dossier):
    c, pad = haarlem(), f"dossiers/{dossier.uuid}"
    melding = dossier.koppelingen.get().melding
    body = {"melding": str(melding.uuid), "toelichting": "Graag per les."}
    r = post(c, f"{pad}/verzuimoverzichtverzoeken", body, key="v1")
    assert r.status_code == 201, r.content
    v = r.json()
    assert (v["melding"], v["status"], v["school"]["code"]) == (str(melding.uuid), "open", "99XA")
    # The school sees it in its own list.
    school = client("99XA", "meldingen.lezen")
    assert [x["uuid"] for x in get(school, "verzuimoverzichtverzoeken").json()["results"]] == [
        v["uuid"]
    ]
    # One open request per melding; an unknown melding is named.
    assert set(fouten(post(c, f"{pad}/verzuimoverzichtverzoeken", body, key="v2"))) == {"melding"}
    r = post(c, f"{pad}/verzuimoverzichtverzoeken", {"melding": str(uuid.uuid4())}, key="v3")
    assert set(fouten(r)) == {"melding"}  # not a melding of this dossier
