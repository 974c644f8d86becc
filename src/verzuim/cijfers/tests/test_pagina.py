"""The cijfers pages: who sees what (R-PR-1), the cases behind a number (audited), export,
delivery with its frozen snapshot, the public pages and the beleidsmedewerker's start page."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.cijfers.models import Vaststelling
from verzuim.meldingen.models import Melding
from verzuim.personen.models import BrpPersoon

from . import wereld as w_

URL = "/cijfers/"
SJ = "schooljaar=2025-2026"


def _login(client, naam, org, *rollen):
    return inloggen(client, w_.gebruiker(naam, org, *rollen))


def _bsns():
    return list(BrpPersoon.objects.values_list("burgerservicenummer", "geslachtsnaam"))


def test_beleidsmedewerker_start_op_de_cijfers_en_ziet_geen_persoon(client, wereld):
    _login(client, "beleid", wereld.w.org["GM0392"], "beleidsmedewerker")
    assert client.get("/").url == URL
    r = client.get(f"{URL}?{SJ}")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'data-cijfer="relatiefVerzuim.meldingen"' in html
    assert "/cijfers/gevallen" not in html  # aggregates only: no way into the cases
    for bsn, naam in _bsns():
        assert bsn not in html and naam not in html
    assert client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=luxeVerzuim").status_code == 403


def _cel(html, cijfer, gemeente):
    rij = re.search(rf'data-cijfer="{re.escape(cijfer)}".*?</tr>', html, re.S).group(0)
    cel = re.search(rf'data-gemeente="{gemeente}">(.*?)</td>', rij, re.S).group(1)
    return re.sub(r"<[^>]+>", "", cel).strip()


def test_dienst_ziet_zijn_gemeente_en_opent_de_gevallen(client, wereld):
    _login(client, "lpa.zk", wereld.w.dienst, "leerplichtambtenaar")
    html = client.get(f"{URL}?{SJ}").content.decode()
    assert _cel(html, "langdurigRelatiefVerzuim.verhuisdOfOverleden", "GM0473") == "1"
    assert "Haarlem" not in html  # only the gemeente it serves
    r = client.get(
        f"{URL}gevallen?{SJ}&gemeente=GM0473&cijfer=langdurigRelatiefVerzuim.verhuisdOfOverleden"
    )
    assert r.status_code == 200
    assert wereld.ll.l4.burgerservicenummer in r.content.decode()
    assert AuditRecord.objects.filter(
        actie="leerplichttelling.gevallen", persoon=wereld.ll.l4.burgerservicenummer
    ).exists()
    # Another organisation's gemeente: 404, nothing read.
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=luxeVerzuim")
    assert r.status_code == 404


def test_gevallen_alleen_van_de_behandelende_organisatie(client, wereld):
    _login(client, "lpa.haarlem", wereld.w.org["GM0392"], "leerplichtambtenaar")
    html = client.get(f"{URL}?{SJ}").content.decode()
    assert _cel(html, "relatiefVerzuim.leerlingen", "GM0392") == "3"
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=relatiefVerzuim.leerlingen")
    tekst = r.content.decode()
    # P1 and P2 (Haarlem handles their last melding) and P5 (her last melding is Haarlem's).
    for ll in (wereld.ll.p1, wereld.ll.p2, wereld.ll.p5):
        assert ll.burgerservicenummer in tekst
    assert "3 gevallen" in tekst
    # One audit record for the list, naming each pupil shown (R-PR-1).
    [record] = AuditRecord.objects.filter(actie="leerplichttelling.gevallen")
    assert {p.persoon for p in record.personen.all()} == {
        ll.burgerservicenummer for ll in (wereld.ll.p1, wereld.ll.p2, wereld.ll.p5)
    }


def test_register_ziet_de_landelijke_tabel(client, wereld):
    _login(client, "beheer", wereld.w.register, "registerbeheerder")
    html = client.get(f"{URL}?{SJ}&gemeente=GM0363").content.decode()
    # All gemeenten of the country (the reference data): the national total and the chosen
    # gemeente beside it; national meldingen 7.
    assert 'value="GM0599"' in html  # Rotterdam is in the selector
    assert _cel(html, "relatiefVerzuim.meldingen", "totaal") == "7"
    assert _cel(html, "relatiefVerzuim.meldingen", "GM0363") == "2"


def test_school_ziet_geen_telling(client, wereld):
    _login(client, "school", wereld.w.school, "schoolmedewerker")
    assert client.get(f"{URL}?{SJ}").status_code == 403


def test_xlsx_en_csv_in_de_vorm_van_het_formulier(client, wereld):
    _login(client, "lpa.haarlem", wereld.w.org["GM0392"], "leerplichtambtenaar")
    r = client.get(f"{URL}leerplichttelling-2025-2026.xlsx")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["Leerplichttelling"]
    codes = [c.value for c in ws[2]]
    labels = [c.value for c in ws[3]]
    rij = [c.value for c in ws[4]]
    assert rij[:3] == ["GM0392", "Haarlem", "2025-2026"]
    waarden = dict(zip(codes, rij, strict=True))
    assert waarden["B1"] == 5 and waarden["C1"] == 3 and waarden["D1"] == 1
    assert labels[codes.index("B4")] == "Relatief verzuim: leerlingen"
    assert "Definities" in wb.sheetnames
    csv = client.get(f"{URL}leerplichttelling-2025-2026.csv").content.decode("utf-8-sig")
    kop, eerste = csv.splitlines()[:2]
    assert kop.split(";")[3] == "L1 Leerplichtigen"
    assert eerste.split(";")[:3] == ["GM0392", "Haarlem", "2025-2026"]


def test_vaststellen_bevriest_en_toont_later_verschil(client, wereld):
    _login(client, "lpa.haarlem", wereld.w.org["GM0392"], "leerplichtambtenaar")
    r = client.post(
        f"{URL}vaststellen?{SJ}", {"gemeente": "GM0392", "toelichting": "gecontroleerd"}
    )
    assert r.status_code == 302
    v = Vaststelling.objects.get()
    assert v.waarden["relatiefVerzuim.meldingen"] == 5 and v.door_label == "lpa.haarlem"
    assert AuditRecord.objects.filter(actie="leerplichttelling.vaststellen").exists()
    # A late melding for the schooljaar arrives afterwards: the page shows the difference.
    w_.melding(wereld.w, wereld.ll.p3, "luxe", dt.date(2026, 6, 1), ontvangen=dt.date(2026, 8, 20))
    html = client.get(f"{URL}?{SJ}").content.decode()
    verschil = re.search(r'data-testid="verschillen".*?</table>', html, re.S).group(0)
    assert "B1 Relatief verzuim: meldingen" in verschil
    assert re.search(r"<td[^>]*>5</td><td[^>]*>6</td>", verschil)
    assert Vaststelling.objects.get().waarden["relatiefVerzuim.meldingen"] == 5  # frozen
    # The delivered version downloads as delivered (5), the live one as it is now (6).
    assert 'data-testid="vastgesteld-xlsx"' in html
    r = client.get(f"{URL}leerplichttelling-2025-2026.csv?vastgesteld=GM0392")
    assert r.status_code == 200 and "vastgesteld" in r["Content-Disposition"]
    kolom = _csv_waarde(r, "relatiefVerzuim.meldingen", "GM0392")
    assert kolom == "5"
    live = client.get(f"{URL}leerplichttelling-2025-2026.csv")
    assert _csv_waarde(live, "relatiefVerzuim.meldingen", "GM0392") == "6"
    assert client.get(f"{URL}leerplichttelling-2025-2026.csv?vastgesteld=GM0363").status_code == 404
    assert (
        client.get(f"{URL}leerplichttelling-2024-2025.xlsx?vastgesteld=GM0392").status_code == 404
    )
    # The running schooljaar cannot be delivered yet.
    r = client.post(f"{URL}vaststellen?schooljaar=2026-2027", {"gemeente": "GM0392"})
    assert Vaststelling.objects.count() == 1
    # Another organisation's gemeente: 404.
    assert client.post(f"{URL}vaststellen?{SJ}", {"gemeente": "GM0363"}).status_code == 404


def test_beleidsmedewerker_mag_vaststellen_maar_register_niet(client, wereld):
    _login(client, "beheer", wereld.w.register, "registerbeheerder")
    assert client.post(f"{URL}vaststellen?{SJ}", {"gemeente": "GM0392"}).status_code == 403


def test_openbare_paginas_zonder_inlog(client, wereld):
    r = client.get(f"{URL}definities")
    assert r.status_code == 200
    assert 'id="def-relatiefVerzuim-meldingen"' in r.content.decode()
    r = client.get(f"{URL}benchmark?{SJ}")
    html = r.content.decode()
    assert r.status_code == 200
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert 'data-verborgen="1"' in html  # the world's counts are small: hidden
    for bsn, naam in _bsns():
        assert bsn not in html and naam not in html
    assert " style=" not in html  # strict CSP: no style attributes, also not in the SVG


def test_telling_pagina_vaste_aantal_queries(client, wereld, django_assert_max_num_queries):
    _login(client, "beheer", wereld.w.register, "registerbeheerder")
    client.get(f"{URL}?{SJ}")
    with django_assert_max_num_queries(40):
        assert client.get(f"{URL}?{SJ}").status_code == 200
    for i in range(5):  # more data, same number of queries
        ll = w_.leerling(wereld.w)
        w_.melding(wereld.w, ll, "16-uur", dt.date(2025, 9, 1 + i))
    with django_assert_max_num_queries(40):
        assert client.get(f"{URL}?{SJ}").status_code == 200
    assert Melding.objects.count() > 20


@pytest.mark.parametrize("schooljaar", ["2030-2031", "x", "2025-2027"])
def test_ongeldig_schooljaar_is_404(client, wereld, schooljaar):
    _login(client, "beleid", wereld.w.org["GM0392"], "beleidsmedewerker")
    assert client.get(f"{URL}?schooljaar={schooljaar}").status_code == 404


def test_vrijstellingen_achter_het_cijfer_voor_wie_de_gemeente_bedient(client, wereld):
    _login(client, "lpa.haarlem", wereld.w.org["GM0392"], "leerplichtambtenaar")
    html = client.get(f"{URL}?{SJ}&gemeente=GM0392").content.decode()
    assert "cijfer=vrijstellingen.5a" in html
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=vrijstellingen.5a")
    assert wereld.ll.v1.burgerservicenummer in r.content.decode()
    assert "1 geval" in r.content.decode()
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=vervangendeLeerplicht")
    assert wereld.ll.v2.burgerservicenummer in r.content.decode()


@pytest.mark.parametrize("rol", ["administratief-medewerker", "rmc-trajectbegeleider"])
def test_vrijstellingen_achter_het_cijfer_afgeschermd_voor_andere_rollen(client, wereld, rol):
    """R-PR-5: the pupils behind "vrijstelling 5a" are health data; the administratief
    medewerker and the RMC-trajectbegeleider see the number, not who."""
    _login(client, "mw.haarlem", wereld.w.org["GM0392"], rol)
    html = client.get(f"{URL}?{SJ}&gemeente=GM0392").content.decode()
    assert "cijfer=vrijstellingen.5a" not in html  # the number, no link to the cases
    assert "cijfer=relatiefVerzuim.leerlingen" in html
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=vrijstellingen.5a")
    assert r.status_code == 403
    assert wereld.ll.v1.burgerservicenummer not in r.content.decode()
    assert not AuditRecord.objects.filter(actie="leerplichttelling.gevallen").exists()
    # Other figures' cases stay open to them.
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=relatiefVerzuim.leerlingen")
    assert r.status_code == 200


def _csv_waarde(r, sleutel: str, gemeente: str) -> str:
    """One figure of one gemeente's row in a CSV download (by the definition's column)."""
    from verzuim.cijfers.bronnen import definities

    regels = [x.split(";") for x in r.content.decode("utf-8-sig").splitlines()]
    kolom = 3 + [d.sleutel for d in definities()].index(sleutel)
    (rij,) = [x for x in regels[1:] if x[0] == gemeente]
    return rij[kolom]
