# ruff: noqa: F811 (the world fixture is imported from the need-to-know test)
"""A beleidsmedewerker sees no BSN anywhere (issue 12 "Done when", R-PR-1, R-FG-2): not on
any page of the URL conf, not in the telling's exports, not in any API answer to a token
with the figures' scope, and neither does anybody on the public benchmark.

The world is the need-to-know world (tests/test_need_to_know.py: meldingen, signals,
dossiers with a Halt referral, letters, inzage requests, at every organisation kind and at
the other side of the country); the pages and operations are generated from the URL conf
and the OpenAPI document, so a new one is searched too. Every answer is searched for each
person's BSN (whole, and as the lists mask it: its last four digits), and for their names.
So that an empty answer cannot pass, the same search must find persons on the pages of the
gemeente's leerplichtambtenaar."""

from __future__ import annotations

import io
import logging
import re

import pytest
from django.db import transaction
from django.test import Client
from openpyxl import load_workbook

from verzuim.cijfers.bronnen import definities
from verzuim.personen.models import BrpPersoon

from .test_need_to_know import (  # noqa: F401 (the world fixture)
    ORGANISATIES,
    operaties,
    paginas,
    token_waarde,
    url_voor,
    varianten,
    vul_in,
    wereld,
)

BELEID = [f"{soort}.beleid" for soort in ORGANISATIES]
NIET_GEVRAAGD = ("accounts:logout", "admin:logout")


def _kenmerken() -> dict[str, str]:
    """What gives a person away → whose it is: the BSN, its masked form, the surname."""
    uit = {}
    for p in BrpPersoon.objects.all():
        bsn = p.burgerservicenummer
        uit[bsn] = uit[f"•••••{bsn[-4:]}"] = bsn
        uit[f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"] = uit[f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"] = bsn
        for naam in (p.geslachtsnaam,):
            if naam:
                uit[naam] = bsn
    assert len({v for v in uit.values()}) >= 7, "the world has its persons"
    return uit


def _tekst(response) -> str:
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    if inhoud[:2] == b"PK":  # an XLSX: every cell of every sheet
        boek = load_workbook(io.BytesIO(inhoud), read_only=True)
        return "\n".join(
            str(c) for blad in boek for rij in blad.iter_rows(values_only=True) for c in rij
        )
    return inhoud.decode("utf-8", "replace")


def _gevonden(tekst: str, kenmerken: dict[str, str]) -> list[str]:
    return sorted(k for k in kenmerken if re.search(rf"(?<!\d){re.escape(k)}(?!\d)", tekst))


def _pagina_urls(wereld, org_code):
    lijst = [p for p in paginas() if not p.route.startswith(("api/v1/", "beheer/"))]
    for pagina in lijst:
        if pagina.naam in NIET_GEVRAAGD:
            continue
        for variant in varianten(pagina):
            yield url_voor(pagina, vul_in(pagina, wereld, org_code, variant))
    # What the URL conf does not say: each figure's cases, the exports, the public page.
    for sj in ("2025-2026", "2026-2027"):
        for d in definities():
            yield f"/cijfers/gevallen?schooljaar={sj}&cijfer={d.sleutel}&gemeente=GM0392"
        yield f"/cijfers/leerplichttelling-{sj}.xlsx"
        yield f"/cijfers/leerplichttelling-{sj}.csv"
        yield f"/cijfers/?schooljaar={sj}"
        yield f"/cijfers/benchmark?schooljaar={sj}"


def _zoek(client: Client, urls, kenmerken) -> dict[str, list[str]]:
    """url → what of a person its answer (GET; a POST-only page: an empty POST, rolled back)
    shows. Also (key "200") the URLs that answered 200, to show something was read."""
    lekken: dict[str, list[str]] = {"200": []}
    for url in urls:
        r = client.get(url)
        if r.status_code == 405:
            with transaction.atomic():
                r = client.post(url, {})
                transaction.set_rollback(True)
        if r.status_code == 200:
            lekken["200"].append(url)
        gevonden = _gevonden(_tekst(r), kenmerken)
        if gevonden:
            lekken[url] = gevonden
    return lekken


@pytest.fixture
def stil():
    logging.disable(logging.WARNING)  # no django.request warning per 403/404
    yield
    logging.disable(logging.NOTSET)


@pytest.mark.parametrize("naam", BELEID)
def test_beleidsmedewerker_ziet_geen_bsn_op_een_pagina(wereld, stil, naam):
    kenmerken = _kenmerken()
    c = Client()
    c.force_login(wereld.users[naam])
    org = ORGANISATIES[naam.split(".")[0]]
    lekken = _zoek(c, list(_pagina_urls(wereld, org)), kenmerken)
    gelezen = lekken.pop("200")
    assert lekken == {}
    # What the role may open was opened: the figures, their exports, the public pages.
    assert "/cijfers/benchmark?schooljaar=2026-2027" in gelezen
    if naam != "school.beleid":  # a school has no telling
        assert "/cijfers/leerplichttelling-2026-2027.xlsx" in gelezen


def test_niemand_ziet_een_bsn_op_de_openbare_pagina(wereld, stil):
    kenmerken = _kenmerken()
    lekken = _zoek(Client(), _pagina_urls(wereld, None), kenmerken)
    assert "/cijfers/benchmark?schooljaar=2026-2027" in lekken.pop("200")
    assert lekken == {}


@pytest.mark.parametrize("soort", list(ORGANISATIES))
def test_cijfers_token_krijgt_geen_bsn(wereld, stil, soort):
    """Every GET operation with a token of the figures' scope (what a beleid application
    holds), with the organisation's own objects and the other side's."""
    kenmerken = _kenmerken()
    c = Client(HTTP_AUTHORIZATION=f"Bearer {token_waarde(soort, 'cijfers.lezen')}")
    urls = [
        "/api/v1" + op.pad.format(**vul_in(op.pagina, wereld, ORGANISATIES[soort], variant))
        for op in operaties()
        if op.methode == "get"
        for variant in varianten(op.pagina)
    ]
    urls += [
        f"/api/v1/cijfers/leerplichttelling?schooljaar={sj}" for sj in ("2025-2026", "2026-2027")
    ]
    lekken = _zoek(c, urls, kenmerken)
    gelezen = lekken.pop("200")
    if soort != "school":  # a school has no telling
        assert "/api/v1/cijfers/leerplichttelling?schooljaar=2026-2027" in gelezen
    assert lekken == {}


def test_de_zoektocht_vindt_wel_personen_bij_de_leerplichtambtenaar(wereld, stil):
    """The same search over the same pages finds the persons the gemeente's LPA handles:
    the searches above cannot pass on empty answers."""
    kenmerken = _kenmerken()
    c = Client()
    c.force_login(wereld.users["gemeente.lpa"])
    lekken = _zoek(c, _pagina_urls(wereld, ORGANISATIES["gemeente"]), kenmerken)
    lekken.pop("200")
    gezien = {kenmerken[k] for ks in lekken.values() for k in ks}
    assert gezien, "the LPA sees the persons of its meldingen, dossiers and signals"
    assert any(re.fullmatch(r"\d{9}|•+\d{4}", k) for ks in lekken.values() for k in ks)
