"""BRP mutations (R-SG-5, issue 10 item 5): the store is updated, the person re-evaluated at
once, idempotent per mutation id; from a file and over the API."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from verzuim.audit.context import SYSTEEM
from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.tests.conftest import melding_data
from verzuim.meldingen.woonplaats import woonplaatsen
from verzuim.personen.models import BrpPersoon, Leerling
from verzuim.personen.signals import brp_mutatie
from verzuim.signalen import mutaties
from verzuim.signalen.fouten import NietGevonden, Ongeldig, RegisterConflict
from verzuim.signalen.herberekening import herbereken
from verzuim.signalen.models import BrpMutatie, Signaal
from verzuim.signalen.tests.conftest import (
    INGESCHREVEN,
    NOOIT,
    VANDAAG,
    ZANDVOORT,
    api_actor,
    token_waarde,
)

URL = "/api/v1/brp-mutaties"
DATUM = VANDAAG.isoformat()


def client(naam: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {token_waarde(naam)}")
    return c


def open_signaal(bsn):
    return Signaal.objects.filter(leerling__burgerservicenummer=bsn, status="open").first()


@pytest.fixture
def berekend(wereld):
    herbereken(VANDAAG)
    return wereld


def test_verhuizing_sluit_signaal_in_oude_gemeente_en_opent_in_nieuwe(berekend):
    oud = open_signaal(ZANDVOORT)
    v = mutaties.verwerk(
        SYSTEEM,
        {"id": "m-1", "burgerservicenummer": ZANDVOORT, "soort": "verhuizing", "datum": DATUM,
         "gemeenteVan": "0473", "gemeenteNaar": "GM0392",
         "verblijfadres": {"officieleStraatnaam": "Zijlweg", "huisnummer": 12,
                           "postcode": "2013 DK", "woonplaats": "Haarlem"}},
    )  # fmt: skip
    assert v.nieuw
    p = BrpPersoon.objects.get(burgerservicenummer=ZANDVOORT)
    assert p.gemeente_van_inschrijving == "0392" and p.verblijfadres["postcode"] == "2013DK"
    assert p.verhuizingen[-1] == {"datum": DATUM, "gemeente": "0392"}
    nieuw = open_signaal(ZANDVOORT)
    assert nieuw.ontvanger.code == "GM0392" and nieuw.pk != oud.pk
    assert v.resultaat["signalen"] == {
        "geopend": [{"uuid": str(nieuw.uuid), "soort": "absoluut-verzuim"}],
        "opgelost": [{"uuid": str(oud.uuid), "soort": "absoluut-verzuim", "oplossing": "verhuisd"}],
    }
    assert AuditRecord.objects.filter(actie="brp.mutatie", persoon=ZANDVOORT).count() == 1


def test_overlijden_sluit_signalen(berekend):
    v = mutaties.verwerk(
        SYSTEEM, {"id": "m-2", "burgerservicenummer": NOOIT, "soort": "overlijden", "datum": DATUM}
    )
    s = Signaal.objects.get(leerling__burgerservicenummer=NOOIT)
    assert (s.status, s.oplossing, s.opgelost_op) == ("opgelost", "overleden", VANDAAG)
    assert v.resultaat["signalen"]["opgelost"][0]["oplossing"] == "overleden"


def test_nieuwe_inwoner_van_leerplichtige_leeftijd_meteen_beoordeeld(berekend):
    bsn = "999990226"
    v = mutaties.verwerk(
        SYSTEEM,
        {"id": "m-3", "burgerservicenummer": bsn, "soort": "verhuizing", "datum": DATUM,
         "gemeenteNaar": "0392",
         "persoon": {"naam": {"voornamen": "Nieuw", "geslachtsnaam": "Kind"},
                     "geboorte": {"datum": "2015-02-02"}}},
    )  # fmt: skip
    assert BrpPersoon.objects.get(burgerservicenummer=bsn).geboortedatum == dt.date(2015, 2, 2)
    s = open_signaal(bsn)
    assert s is not None and s.leerling == Leerling.objects.get(burgerservicenummer=bsn)
    assert s.redenen[1]["uitleg"].startswith("Nooit ingeschreven")
    assert v.resultaat["signalen"]["geopend"] == [
        {"uuid": str(s.uuid), "soort": "absoluut-verzuim"}
    ]


def test_verhuizing_van_leerling_met_open_melding_biedt_doorsturen_aan(berekend):
    melding = _melding(berekend, INGESCHREVEN)
    v = mutaties.verwerk(
        SYSTEEM,
        {"id": "m-4", "burgerservicenummer": INGESCHREVEN, "soort": "verhuizing", "datum": DATUM,
         "gemeenteNaar": "0363"},
    )  # fmt: skip
    assert v.resultaat["meldingen"] == {
        "open": [melding.meldingsnummer],
        "doorsturen": [melding.meldingsnummer],
    }
    # the R-RT-5 banner the melding pages derive from the store
    plaats = woonplaatsen(api_actor("haarlem"), [melding])[melding.pk]
    assert plaats.verhuisd and plaats.gemeente.code == "GM0363"


def _melding(wereld, bsn):
    from verzuim.audit.context import Actor
    from verzuim.organisaties.models import Organisatie

    school = Actor(
        label="api:school", organisatie=Organisatie.objects.get(code="99XA"), soort="api",
        scopes=frozenset({"meldingen.aanmaken"}),
    )  # fmt: skip
    data = melding_data(bsn, begindatum="2026-11-02", einddatum="2026-11-20")
    data["verzuimdagen"] = [{"datum": "2026-11-02", "uren": 5.0}]
    return meldingen.meld_verzuim(school, data).melding


def test_emigratie_adres_en_geheimhouding(berekend):
    mutaties.verwerk(SYSTEEM, {"id": "e", "burgerservicenummer": NOOIT, "soort": "emigratie",
                               "datum": DATUM, "land": "België"})  # fmt: skip
    p = BrpPersoon.objects.get(burgerservicenummer=NOOIT)
    assert (p.gemeente_van_inschrijving, p.emigratiedatum, p.emigratieland) == (
        "1999",
        VANDAAG,
        "België",
    )
    assert Signaal.objects.get(leerling__burgerservicenummer=NOOIT).oplossing == "geemigreerd"
    mutaties.verwerk(SYSTEEM, {"id": "a", "burgerservicenummer": INGESCHREVEN, "soort": "adreswijziging",
                               "datum": DATUM, "verblijfadres": {"officieleStraatnaam": "Kerkstraat",
                               "huisnummer": 3, "postcode": "2011AB", "woonplaats": "Haarlem"}})  # fmt: skip
    mutaties.verwerk(SYSTEEM, {"id": "g", "burgerservicenummer": INGESCHREVEN, "soort": "geheimhouding",
                               "datum": DATUM})  # fmt: skip
    p = BrpPersoon.objects.get(burgerservicenummer=INGESCHREVEN)
    assert p.verblijfadres["officieleStraatnaam"] == "Kerkstraat" and p.adres_datum_van == VANDAAG
    assert p.geheimhouding_persoonsgegevens is True


def test_idempotent_per_id(berekend):
    body = {"id": "m-5", "burgerservicenummer": NOOIT, "soort": "overlijden", "datum": DATUM}
    eerste = mutaties.verwerk(SYSTEEM, body)
    tweede = mutaties.verwerk(SYSTEEM, dict(body))
    assert not tweede.nieuw and tweede.resultaat == eerste.resultaat
    assert BrpMutatie.objects.count() == 1
    with pytest.raises(RegisterConflict):
        mutaties.verwerk(SYSTEEM, {**body, "datum": "2026-11-20"})


def test_ongeldig_alle_velden_tegelijk_en_niets_opgeslagen(berekend):
    with pytest.raises(Ongeldig) as e:
        mutaties.verwerk(SYSTEEM, {"id": "", "burgerservicenummer": "123", "soort": "verhuizing",
                                   "datum": "2026-13-01", "gemeenteNaar": "GM9999"})  # fmt: skip
    assert {f["name"] for f in e.value.fouten} == {
        "id", "burgerservicenummer", "datum", "gemeenteNaar"
    }  # fmt: skip
    with pytest.raises(Ongeldig) as e:
        mutaties.verwerk(SYSTEEM, {"id": "x", "burgerservicenummer": "999990238", "soort": "verhuizing",
                                   "datum": DATUM, "gemeenteNaar": "0392"})  # fmt: skip
    assert [f["name"] for f in e.value.fouten] == ["persoon"]
    with pytest.raises(NietGevonden):
        mutaties.verwerk(SYSTEEM, {"id": "y", "burgerservicenummer": "999990238",
                                   "soort": "overlijden", "datum": DATUM})  # fmt: skip
    assert BrpMutatie.objects.count() == 0


def test_signaal_aan_hogere_apps(berekend):
    ontvangen = []

    def ontvanger(sender, **kw):
        ontvangen.append(kw)

    brp_mutatie.connect(ontvanger, dispatch_uid="test-signalen")
    try:
        mutaties.verwerk(SYSTEEM, {"id": "s", "burgerservicenummer": NOOIT, "soort": "overlijden",
                                   "datum": DATUM})  # fmt: skip
    finally:
        brp_mutatie.disconnect(dispatch_uid="test-signalen")
    assert ontvangen[0]["burgerservicenummer"] == NOOIT and ontvangen[0]["soort"] == "overlijden"


# --- API -----------------------------------------------------------------------------------


def test_api_201_200_409(berekend):
    body = {"id": "api-1", "burgerservicenummer": NOOIT, "soort": "overlijden", "datum": DATUM}
    c = client("haarlem")
    r = c.post(URL, body, format="json")
    assert r.status_code == 201, r.content
    assert r.json()["signalen"]["opgelost"][0]["oplossing"] == "overleden"
    r2 = c.post(URL, body, format="json")
    assert r2.status_code == 200 and r2.json() == r.json()
    assert c.post(URL, {**body, "datum": "2026-11-01"}, format="json").status_code == 409


def test_api_fouten_en_toegang(berekend):
    r = client("register").post(URL, {"id": "x", "soort": "vertrek"}, format="json")
    assert r.status_code == 400
    assert {p["name"] for p in r.json()["invalidParams"]} == {
        "burgerservicenummer",
        "soort",
        "datum",
    }
    body = {"id": "api-2", "burgerservicenummer": NOOIT, "soort": "overlijden", "datum": DATUM}
    assert client("haarlem_zonder_scope").post(URL, body, format="json").status_code == 403
    assert client("school_a").post(URL, body, format="json").status_code == 403
    # Amsterdam's token: NOOIT lives in Haarlem (404), but may announce a move into Amsterdam
    assert client("amsterdam_brp").post(URL, body, format="json").status_code == 404
    verhuizing = {"id": "api-3", "burgerservicenummer": NOOIT, "soort": "verhuizing",
                  "datum": DATUM, "gemeenteNaar": "0363"}  # fmt: skip
    assert client("amsterdam_brp").post(URL, verhuizing, format="json").status_code == 201
    assert open_signaal(NOOIT).gemeente.code == "GM0363"


# --- the file ------------------------------------------------------------------------------


def test_bestand(berekend, tmp_path, capsys):
    regels = [
        {"id": "f-1", "burgerservicenummer": NOOIT, "soort": "overlijden", "datum": DATUM},
        {"id": "f-1", "burgerservicenummer": NOOIT, "soort": "overlijden", "datum": DATUM},
        {"id": "f-2", "burgerservicenummer": "12", "soort": "overlijden", "datum": DATUM},
    ]
    pad = tmp_path / "mutaties.jsonl"
    pad.write_bytes(b"\n".join(orjson.dumps(r) for r in regels) + b"\nniet-json\n")
    with pytest.raises(CommandError):
        call_command("brp_mutaties", str(pad))
    uit = capsys.readouterr()
    assert "1 verwerkt, 1 eerder verwerkt, 2 met fouten" in uit.out
    assert "regel 3: burgerservicenummer" in uit.err and "regel 4: geen geldige JSON" in uit.err
    assert Signaal.objects.get(leerling__burgerservicenummer=NOOIT).oplossing == "overleden"
