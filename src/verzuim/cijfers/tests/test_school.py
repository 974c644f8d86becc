"""School figures (R-FG-3) on the school's own page, and the SVG charts (issue 11 item 5)."""

from __future__ import annotations

import datetime as dt
import re

from verzuim.accounts.testing import inloggen
from verzuim.cijfers import grafieken
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.school import schoolcijfers
from verzuim.meldingen.models import StatusWijziging
from verzuim.organisaties.models import Organisatie, OrganisatieSoort, Vestiging
from verzuim.rules import Schooljaar

from . import wereld as w_

D = dt.date


def _school(wereld):
    w = wereld.w
    school = Organisatie.objects.create(
        code="99XS", soort=OrganisatieSoort.SCHOOL, naam="Telschool", sector="vo"
    )
    v = Vestiging.objects.create(
        code="99XS00", instelling=school, naam="Telschool", gemeente=w.g["GM0392"]
    )
    ll = w_.leerling(w, vestiging=v)
    # m1: received 10 Sep, picked up 2 days later; m2: late, closed after 6 days.
    w_.melding(w, ll, "16-uur", D(2025, 8, 25), ontvangen=D(2025, 9, 10), vestiging=v,
               status="in-behandeling", gesloten=D(2025, 9, 12))  # fmt: skip
    w_.melding(w, ll, "16-uur", D(2025, 9, 1), ontvangen=D(2025, 9, 20), vestiging=v,
               status="afgesloten", gesloten=D(2025, 9, 26), te_laat=True)  # fmt: skip
    # m3: luxe, not picked up yet; m4: withdrawn by the school itself (not a pick-up).
    w_.melding(w, ll, "luxe", D(2025, 10, 20), ontvangen=D(2025, 11, 5), vestiging=v)
    m4 = w_.melding(w, ll, "16-uur", D(2026, 1, 5), ontvangen=D(2026, 1, 15), vestiging=v,
                    status="ingetrokken", gesloten=D(2026, 1, 16))  # fmt: skip
    StatusWijziging.objects.filter(melding=m4, status="ingetrokken").update(door_organisatie=school)
    return school


def test_schoolcijfers(wereld):
    c = schoolcijfers(_school(wereld), Periode(Schooljaar(2025)))
    assert c.totaal == 4
    assert c.per_maand["16-uur"][1] == 2  # September (Aug = index 0)
    assert c.per_maand["16-uur"][5] == 1  # January
    assert c.per_maand["luxe"][3] == 1  # November
    assert c.maandtotalen == [0, 2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]
    assert (c.te_laat, c.te_laat_van) == (1, 3)  # R-ME-4 applies to 16-uur
    assert c.opgepakt == 2 and c.niet_opgepakt == 1  # m3 waits; m4 was withdrawn
    assert c.dagen_mediaan == 4.0 and c.dagen_gemiddeld == 4.0  # (2 + 6) / 2
    assert c.status["afgesloten"] == 1 and c.status["ingetrokken"] == 1


def test_schoolpagina_eigen_meldingen_met_grafiek(client, wereld, django_assert_max_num_queries):
    school = _school(wereld)
    inloggen(client, w_.gebruiker("school.telschool", school, "schoolmedewerker"))
    with django_assert_max_num_queries(15):
        r = client.get("/cijfers/school?schooljaar=2025-2026")
    html = r.content.decode()
    assert r.status_code == 200
    assert re.search(r'data-testid="te-laat">1 van 3<', html)
    assert re.search(r'data-testid="mediaan">4,0 dagen<|data-testid="mediaan">4.0 dagen<', html)
    assert "<svg" in html and 'role="img"' in html and " style=" not in html
    # Another school's figures are not mixed in, and the telling is not for a school.
    assert client.get("/cijfers/?schooljaar=2025-2026").status_code == 403


def test_grafieken_toegankelijk_en_zonder_style():
    svg = grafieken.staven("Titel <x>", "Beschrijving & meer", ["A", "B", "C"], [3.5, None, 10])
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title" in svg and "Titel &lt;x&gt;" in svg and "Beschrijving &amp; meer" in svg
    assert "niet getoond" in svg  # a hidden value is not drawn as 0
    assert svg.count("<rect") == 2
    assert " style=" not in svg
    lijn = grafieken.lijnen("T", "D", ["2024-2025", "2025-2026", "2026-2027"],
                            [grafieken.Reeks("NL", (1.0, None, 2.0))])  # fmt: skip
    assert "<polyline" not in lijn  # a gap breaks the line: two single points
    assert lijn.count("<circle") == 2
    gestapeld = grafieken.gestapeld("T", "D", ["aug", "sep"], [grafieken.Reeks("16-uur", (1, 2)),
                                                               grafieken.Reeks("luxe", (0, 1))])  # fmt: skip
    assert gestapeld.count("<rect") == 3 + 2  # three bars plus two legend keys
