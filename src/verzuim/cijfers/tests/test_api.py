"""GET /api/v1/cijfers/leerplichttelling (scope cijfers.lezen) and the public
GET /api/v1/cijfers/benchmark (api-contract.md "cijfers")."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.accounts.services import maak_token
from verzuim.audit.context import SYSTEEM
from verzuim.cijfers.bronnen import optellingen
from verzuim.cijfers.suppressie import Relatie

from . import wereld as w_
from .aanvaller import herleidbaar

URL = "/api/v1/cijfers/leerplichttelling"


def _token(org: str, *scopes: str) -> dict:
    _, token = maak_token(SYSTEEM, org, list(scopes) or ["cijfers.lezen"])
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_telling_van_de_eigen_gemeente_in_de_vorm_van_het_contract(client, wereld):
    r = client.get(f"{URL}?schooljaar=2025-2026", **_token("GM0392"))
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["schooljaar"] == "2025-2026"
    [g] = body["gemeenten"]
    assert g["gemeente"] == "GM0392"
    # The fixed keys of api-contract.md, with the hand-worked numbers of test_telling.
    assert g["relatiefVerzuim"]["meldingen"] == 5
    assert g["relatiefVerzuim"]["leerlingen"] == 3
    assert g["relatiefVerzuim"]["perVerzuimsoort"] == {"16-uur": 4, "luxe": 1}
    assert g["luxeVerzuim"] == 1
    assert g["langdurigRelatiefVerzuim"]["totaal"] == 3
    assert g["langdurigRelatiefVerzuim"]["langerDan3Maanden"] == 2
    assert set(g["vrijstellingen"]) == {"5a", "5b", "5c", "5a-trekkend", "15", "3a", "3b"}
    assert g["vrijstellingen"]["5a"] == 1
    assert g["leerplichtigen"] == 14
    for sleutel in ("totaal", "langerDan3Maanden", "opgelost"):
        assert sleutel in g["absoluutVerzuim"]
    assert "haltVerwijzingen" in g and "processenVerbaal" in g
    for nb in body["nietBeschikbaar"]:  # not available: null, never 0
        for veld in nb["velden"]:
            plek = g
            for deel in veld.split("."):
                plek = plek[deel]
            assert plek is None


def test_dienst_per_gemeente_en_register_alles(client, wereld):
    body = client.get(f"{URL}?schooljaar=2025-2026", **_token("RBL-ZK")).json()
    assert [g["gemeente"] for g in body["gemeenten"]] == ["GM0473"]
    assert body["totaal"]["langdurigRelatiefVerzuim"]["totaal"] == 1
    body = client.get(f"{URL}?schooljaar=2025-2026", **_token("REGISTER")).json()
    assert len(body["gemeenten"]) > 300  # every gemeente of the country
    assert body["totaal"]["relatiefVerzuim"]["meldingen"] == 7


def test_fouten(client, wereld):
    assert client.get(URL).status_code == 401
    assert client.get(URL, **_token("GM0392", "meldingen.lezen")).status_code == 403
    assert client.get(URL, **_token("99XA")).status_code == 403  # a school has no telling
    r = client.get(f"{URL}?schooljaar=2025-2027", **_token("GM0392"))
    assert r.status_code == 400
    assert r["Content-Type"] == "application/problem+json"
    assert r.json()["invalidParams"][0]["name"] == "schooljaar"


@pytest.mark.parametrize("drempel", [5, 2])
def test_openbare_benchmark_onderdrukt_en_is_niet_terug_te_rekenen(
    client, wereld, settings, drempel
):
    settings.VERZUIM_SUPPRESSIE_DREMPEL = drempel
    r = client.get("/api/v1/cijfers/benchmark?schooljaar=2025-2026")
    assert r.status_code == 200
    body = r.json()
    assert body["drempel"] == drempel
    codes = {g["gemeente"] for g in body["gemeenten"]}
    assert {"GM0392", "GM0473", "GM0363"} <= codes
    # The attacker's view: published rates × leerplichtigen / 1000 give the visible counts.
    eenheden = [body["landelijk"], *body["regios"], *body["gemeenten"]]
    sleutels = [
        "relatiefVerzuim.meldingen",
        "relatiefVerzuim.perVerzuimsoort.16-uur",
        "relatiefVerzuim.perVerzuimsoort.luxe",
        "langdurigRelatiefVerzuim.totaal",
        "langdurigRelatiefVerzuim.bijAanvang",
        "langdurigRelatiefVerzuim.nieuw",
    ]

    def waarde(e, sleutel):
        plek = e
        for deel in sleutel.split("."):
            plek = plek[deel]
        return plek

    zichtbaar, verborgen = {}, set()
    for e in eenheden:
        for k in sleutels:
            v = waarde(e, k)
            if v is None:
                verborgen.add((e["code"], k))
            else:
                zichtbaar[(e["code"], k)] = round(v * e["leerplichtigen"] / 1000)
    assert verborgen  # the world's small counts are hidden
    per_regio: dict = {}
    for g in body["gemeenten"]:
        per_regio.setdefault(g["rmcRegio"], []).append(g["code"])
    relaties = []
    for k in sleutels:
        relaties += [
            Relatie((r, k), tuple((g, k) for g in leden)) for r, leden in per_regio.items()
        ]
        relaties.append(Relatie(("NL", k), tuple((r, k) for r in per_regio)))
    for totaal, delen in optellingen():
        if totaal in sleutels:
            relaties += [
                Relatie((e["code"], totaal), tuple((e["code"], d) for d in delen)) for e in eenheden
            ]
    assert herleidbaar(relaties, zichtbaar) == {}
    # Every hidden count is really small or a complement; visible counts are ≥ the threshold.
    assert all(v >= drempel for v in zichtbaar.values())


def test_benchmark_in_de_cache_en_vervallen_bij_wijziging(
    client, wereld, django_assert_max_num_queries
):
    url = "/api/v1/cijfers/benchmark?schooljaar=2025-2026"
    eerst = client.get(url).json()["landelijk"]["relatiefVerzuim"]["meldingen"]
    with django_assert_max_num_queries(12):  # the data-state check only, nothing computed
        assert client.get(url).json()["landelijk"]["relatiefVerzuim"]["meldingen"] == eerst
    for i in range(3):  # three more meldingen of a new pupil in Haarlem
        w_.melding(wereld.w, w_.leerling(wereld.w), "16-uur", dt.date(2025, 10, 6 + i))
    daarna = client.get(url).json()["landelijk"]["relatiefVerzuim"]["meldingen"]
    assert daarna > eerst
    pagina = client.get(
        "/cijfers/benchmark?schooljaar=2025-2026&kengetal=relatiefVerzuim.meldingen"
    )
    assert (
        f"<strong>{str(daarna).replace('.', ',')}</strong>" in pagina.content.decode()
        or str(daarna) in pagina.content.decode()
    )
