"""Demo scenario generator (issue 2 item 8): valid, deterministic, believable."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.accounts.models import Rol
from verzuim.personen.demo import maak_demo
from verzuim.personen.identificatie import is_bsn
from verzuim.personen.models import BrpPersoon, Inschrijving
from verzuim.personen.scenario import laad_scenario, valideer_scenario


@pytest.fixture(scope="module")
def demo():
    return maak_demo(400, seed=7)


def test_deterministisch(demo):
    assert maak_demo(400, seed=7) == demo
    assert maak_demo(400, seed=8)["personen"] != demo["personen"]


def test_geldig_en_laadbaar(demo, referentie):
    assert valideer_scenario(demo, demo=True) == []
    r = laad_scenario(demo, demo=True)
    assert r.vandaag == dt.date(2026, 11, 16) and r.vandaag.weekday() == 0
    assert BrpPersoon.objects.count() == 400
    assert Inschrijving.objects.filter(einddatum__isnull=True).exists()


def test_inhoud(demo):
    bsns = [p["burgerservicenummer"] for p in demo["personen"]]
    assert len(set(bsns)) == len(bsns) and all(map(is_bsn, bsns))
    gemeenten = {p["gemeenteVanInschrijving"]["code"] for p in demo["personen"]}
    assert gemeenten == {"0392", "0397", "0473", "1999"}
    assert sum(p["geheimhoudingPersoonsgegevens"] for p in demo["personen"]) == 1
    assert any(p["verhuizingen"] for p in demo["personen"])
    assert any(p["emigratie"] for p in demo["personen"])
    assert any(p["verblijfplaats"] is None for p in demo["personen"])
    assert demo["vrijstellingen"] and demo["diplomas"]
    fictief = [i for i in demo["instellingen"] if i["brin"].startswith("99")]
    assert fictief and all("(fictief)" in i["naam"] for i in fictief)
    assert len([i for i in demo["instellingen"] if not i["brin"].startswith("99")]) == 10
    rollen = {r for g in demo["gebruikers"] for r in g["rollen"]}
    assert rollen >= set(Rol.values) | {"boa"}
    assert {t["organisatie"] for t in demo["tokens"]} == {"99VA", "GM0392"}
    assert demo["routering"][0]["naar"] == "RBL-ZK"


def test_leeftijd_past_bij_inschrijving(demo):
    vandaag = dt.date(2026, 11, 16)
    geboren = {p["burgerservicenummer"]: dt.date.fromisoformat(p["geboorte"]["datum"])
               for p in demo["personen"]}  # fmt: skip
    sector = {v["code"]: i["sector"] for i in demo["instellingen"] for v in i["vestigingen"]}
    for ins in demo["inschrijvingen"]:
        bsn = ins["leerling"].get("burgerservicenummer")
        if not bsn or ins["einddatum"]:
            continue
        leeftijd = (vandaag - geboren[bsn]).days / 365.25
        bereik = {"po": (4, 13), "vo": (11, 19.5), "mbo": (15.5, 25)}[sector[ins["vestiging"]]]
        assert bereik[0] <= leeftijd <= bereik[1], (ins, leeftijd)
