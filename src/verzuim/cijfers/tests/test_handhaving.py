"""Halt referrals with their outcome, processen-verbaal with the OM's outcome and kinderbijslag
stops in the telling (R-FG-1; the routes R-CW-6..8 from the dossiers app): counted per
gemeente per schooljaar, each pupil once per kind of route, with the outcome of their last
route; the cases behind a number for the handling organisation's leerplichtambtenaar only
(criminal data, R-PR-5), audited; the export columns filled. Every expected number is worked
out by hand next to the scenario."""

from __future__ import annotations

import csv
import datetime as dt
import io
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.cijfers.bronnen import dossiers as bron
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.telling import bereken
from verzuim.dossiers.models import Dossier, Handhaving
from verzuim.rules import Schooljaar

from . import wereld as w_

D = dt.date
SJ = "schooljaar=2025-2026"
URL = "/cijfers/"
SLEUTELS = [d.sleutel for d in bron.DEFINITIES]


def _dossier(ll, org, gemeente=None) -> Dossier:
    nu = w_.moment(D(2025, 9, 1))
    return Dossier.objects.create(
        leerling=ll, organisatie=org, gemeente=gemeente, aanleiding="melding",
        geopend=nu, geopend_door="lpa", gewijzigd=nu,
    )  # fmt: skip


def _route(dossier, soort, gestart, uitkomst="") -> Handhaving:
    return Handhaving.objects.create(
        dossier=dossier, soort=soort, gestart=gestart, uitkomst=uitkomst,
        uitkomst_datum=gestart + dt.timedelta(days=60) if uitkomst else None,
        auteur_label="lpa", geregistreerd=w_.moment(gestart),
    )  # fmt: skip


@pytest.fixture
def hh(db):
    w = w_.maak_organisaties()
    h, z, a = (w.g[c] for c in ("GM0392", "GM0473", "GM0363"))
    oh, oa = w.org["GM0392"], w.org["GM0363"]
    s = SimpleNamespace(w=w)
    # H1 Haarlem: Halt 1 Oct 2025, positive.
    s.h1 = w_.leerling(w)
    _route(_dossier(s.h1, oh, h), "halt", D(2025, 10, 1), "positief")
    # H2 Haarlem: Halt 31 Jul 2026 (the last day of the schooljaar), no outcome yet.
    s.h2 = w_.leerling(w)
    _route(_dossier(s.h2, oh, h), "halt", D(2026, 7, 31))
    # H3 Haarlem: Halt 31 Jul 2025 (schooljaar 2024-2025), negative, then a PV in this
    # schooljaar (15 Sep 2025) that went to court: dagvaarding, then vonnis.
    s.h3 = w_.leerling(w)
    d3 = _dossier(s.h3, oh, h)
    _route(d3, "halt", D(2025, 7, 31), "negatief")
    _route(d3, "proces-verbaal", D(2025, 9, 15), "vonnis")
    # H4 Haarlem, dossier without its own gemeente (the organisation's): PV 1 Aug 2026 —
    # schooljaar 2026-2027, not this one.
    s.h4 = w_.leerling(w)
    _route(_dossier(s.h4, oh), "proces-verbaal", D(2026, 8, 1), "sepot")
    # H5 moved Amsterdam → Haarlem: a PV in each gemeente's dossier. One pupil, counted once,
    # at Haarlem (the last PV, 1 Apr 2026) with its outcome (strafbeschikking); Amsterdam's
    # sepot is not counted.
    s.h5 = w_.leerling(w, "0392")
    _route(_dossier(s.h5, oa, a), "proces-verbaal", D(2025, 9, 10), "sepot")
    _route(_dossier(s.h5, oh, h), "proces-verbaal", D(2026, 4, 1), "strafbeschikking")
    # H6 Haarlem: PV 2 Feb 2026 with a dagvaarding (no vonnis yet).
    s.h6 = w_.leerling(w)
    _route(_dossier(s.h6, oh, h), "proces-verbaal", D(2026, 2, 2), "dagvaarding")
    # H7 Haarlem: kinderbijslag stopped 1 Sep 2025, resumed; stopped again 1 Mar 2026, still
    # stopped. One pupil, outcome of the last stop: none yet.
    s.h7 = w_.leerling(w, geboren=D(2009, 1, 1))
    d7 = _dossier(s.h7, oh, h)
    _route(d7, "kinderbijslag", D(2025, 9, 1), "hervat")
    _route(d7, "kinderbijslag", D(2026, 3, 1))
    # H8 Haarlem: kinderbijslag stopped 1 Nov 2025, resumed.
    s.h8 = w_.leerling(w, geboren=D(2009, 2, 1))
    _route(_dossier(s.h8, oh, h), "kinderbijslag", D(2025, 11, 1), "hervat")
    # H9 Zandvoort, handled by the dienst: Halt 1 Dec 2025, negative.
    s.h9 = w_.leerling(w, "0473")
    _route(_dossier(s.h9, w.dienst, z), "halt", D(2025, 12, 1), "negatief")
    return s


def _w(t, code):
    return t.rij(code).waarden


def test_routes_per_gemeente_2025_2026(hh):
    t = bereken(Periode(Schooljaar(2025)), hh.w.g.values())
    assert "dossiers" not in t.niet_beschikbaar
    h = _w(t, "GM0392")
    assert h["haltVerwijzingen"] == 2  # H1, H2 — not H3 (started 31 Jul 2025)
    assert h["haltUitkomsten.positief"] == 1  # H1
    assert h["haltUitkomsten.negatief"] == 0
    assert h["haltUitkomsten.lopend"] == 1  # H2
    assert h["processenVerbaal"] == 3  # H3, H5 (moved here), H6 — not H4 (next schooljaar)
    assert h["processenVerbaalUitkomsten.vonnis"] == 1  # H3
    assert h["processenVerbaalUitkomsten.strafbeschikking"] == 1  # H5's last PV
    assert h["processenVerbaalUitkomsten.dagvaarding"] == 1  # H6
    assert h["processenVerbaalUitkomsten.sepot"] == 0  # H5's sepot was Amsterdam's, earlier
    assert h["processenVerbaalUitkomsten.lopend"] == 0
    assert h["kinderbijslagStops"] == 2  # H7 (twice, once counted), H8
    assert h["kinderbijslagUitkomsten.hervat"] == 1  # H8 — H7's last stop still runs
    assert h["kinderbijslagUitkomsten.lopend"] == 1  # H7
    a = _w(t, "GM0363")
    assert a["processenVerbaal"] == 0  # H5 counts at Haarlem only
    assert all(a[k] == 0 for k in SLEUTELS)
    z = _w(t, "GM0473")
    assert z["haltVerwijzingen"] == 1 and z["haltUitkomsten.negatief"] == 1  # H9
    # Unique persons add up: the total is the sum of the gemeenten.
    assert t.totaal["haltVerwijzingen"] == 3
    assert t.totaal["processenVerbaal"] == 3
    assert t.totaal["kinderbijslagStops"] == 2


def test_routes_in_het_schooljaar_van_hun_start(hh):
    vorig = _w(bereken(Periode(Schooljaar(2024)), hh.w.g.values()), "GM0392")
    assert vorig["haltVerwijzingen"] == 1  # H3, 31 Jul 2025
    assert vorig["haltUitkomsten.negatief"] == 1
    assert vorig["processenVerbaal"] == 0
    volgend = _w(bereken(Periode(Schooljaar(2026)), hh.w.g.values()), "GM0392")
    # H4's dossier has no gemeente of its own: the organisation's gemeente (Haarlem).
    assert volgend["processenVerbaal"] == 1 and volgend["processenVerbaalUitkomsten.sepot"] == 1
    assert volgend["haltVerwijzingen"] == 0


def test_uitkomsten_tellen_op_tot_het_totaal(hh):
    t = bereken(Periode(Schooljaar(2025)), hh.w.g.values())
    for r in t.rijen:
        for sleutel, uitkomsten, codes in bron.ROUTES.values():
            delen = sum(r.waarden[f"{uitkomsten}.{c}"] for c in (*codes, bron.LOPEND))
            assert delen == r.waarden[sleutel]


def _login(client, naam, org, *rollen):
    return inloggen(client, w_.gebruiker(naam, org, *rollen))


def test_gevallen_voor_de_behandelende_lpa_geaudit(client, hh):
    _login(client, "lpa.haarlem", hh.w.org["GM0392"], "leerplichtambtenaar")
    html = client.get(f"{URL}?{SJ}&gemeente=GM0392").content.decode()
    assert "cijfer=processenVerbaal&" in html or 'cijfer=processenVerbaal"' in html
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=processenVerbaal")
    assert r.status_code == 200
    tekst = r.content.decode()
    assert "3 gevallen" in tekst
    for ll in (hh.h3, hh.h5, hh.h6):
        assert ll.burgerservicenummer in tekst
    assert hh.h4.burgerservicenummer not in tekst
    # Each case links to its dossier (the handler opens it there).
    d6 = Dossier.objects.get(leerling=hh.h6)
    assert f"/dossiers/{d6.uuid}/" in tekst
    [record] = AuditRecord.objects.filter(actie="leerplichttelling.gevallen")
    assert {p.persoon for p in record.personen.all()} == {
        ll.burgerservicenummer for ll in (hh.h3, hh.h5, hh.h6)
    }
    assert record.details["cijfer"] == "processenVerbaal"
    # An outcome's cases: H5 only.
    r = client.get(
        f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=processenVerbaalUitkomsten.strafbeschikking"
    )
    assert "1 geval" in r.content.decode() and hh.h5.burgerservicenummer in r.content.decode()


def test_gevallen_van_een_andere_organisatie_niet(client, hh):
    # Amsterdam's LPA: its gemeente counts 0; Haarlem's cases are not in its scope (404).
    _login(client, "lpa.adam", hh.w.org["GM0363"], "leerplichtambtenaar")
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0363&cijfer=processenVerbaal")
    assert r.status_code == 200 and "0 gevallen" in r.content.decode()
    assert hh.h5.burgerservicenummer not in r.content.decode()
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=processenVerbaal")
    assert r.status_code == 404
    assert not AuditRecord.objects.filter(actie="leerplichttelling.gevallen").exists()


def test_dienst_ziet_de_gevallen_van_zijn_gemeente(client, hh):
    _login(client, "lpa.zk", hh.w.dienst, "leerplichtambtenaar")
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0473&cijfer=haltUitkomsten.negatief")
    assert r.status_code == 200
    assert hh.h9.burgerservicenummer in r.content.decode()


@pytest.mark.parametrize("rol", ["administratief-medewerker", "beleidsmedewerker"])
def test_strafrechtelijke_gevallen_afgeschermd(client, hh, rol):
    """R-PR-5: Halt and proces-verbaal are criminal data; other roles see the number only."""
    _login(client, "mw.haarlem", hh.w.org["GM0392"], rol)
    html = client.get(f"{URL}?{SJ}&gemeente=GM0392").content.decode()
    assert 'data-cijfer="processenVerbaal"' in html
    assert "cijfer=processenVerbaal" not in html
    r = client.get(f"{URL}gevallen?{SJ}&gemeente=GM0392&cijfer=processenVerbaal")
    assert r.status_code == 403
    assert hh.h3.burgerservicenummer not in r.content.decode()
    assert not AuditRecord.objects.filter(actie="leerplichttelling.gevallen").exists()


def test_export_kolommen_gevuld(client, hh):
    _login(client, "beleid", hh.w.org["GM0392"], "beleidsmedewerker")
    r = client.get(f"{URL}leerplichttelling-2025-2026.xlsx")
    ws = load_workbook(io.BytesIO(b"".join(r.streaming_content) if r.streaming else r.content))[
        "Leerplichttelling"
    ]
    kop = [c.value for c in ws[3]]
    rij = [c.value for c in ws[4]]
    waarden = dict(zip(kop, rij, strict=True))
    assert waarden["Halt-verwijzingen"] == 2
    assert waarden["Processen-verbaal: vonnis"] == 1
    assert waarden["Kinderbijslag gestopt"] == 2
    codes = [c.value for c in ws[2]]
    assert "E01" in codes  # the form's section E
    r = client.get(f"{URL}leerplichttelling-2025-2026.csv")
    tekst = (b"".join(r.streaming_content) if r.streaming else r.content).decode("utf-8-sig")
    kop, data = list(csv.reader(io.StringIO(tekst), delimiter=";"))[:2]
    pv = next(d for d in bron.DEFINITIES if d.sleutel == "processenVerbaal")
    assert data[kop.index(f"{pv.formulier} Processen-verbaal")] == "3"
    assert "n.b." not in data


def test_definities_gelinkt(client, hh):
    r = client.get(f"{URL}definities")
    html = r.content.decode()
    for d in bron.DEFINITIES:
        assert f'id="{d.anker}"' in html
    _login(client, "beleid", hh.w.org["GM0392"], "beleidsmedewerker")
    html = client.get(f"{URL}?{SJ}").content.decode()
    d = next(d for d in bron.DEFINITIES if d.sleutel == "haltVerwijzingen")
    assert f"definities#{d.anker}" in html
