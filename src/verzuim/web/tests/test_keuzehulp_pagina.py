"""The public page "Keuzehulp verzuimsoorten" (R-VZ-4, R-VZ-5) through the Django test
client: no login, one question at a time, plain form and htmx fragment, Dutch errors next to
the field, dates dd-mm-jjjj, outcome with reasons and articles."""

import datetime as dt
import re

import pytest

pytestmark = pytest.mark.django_db

URL = "/keuzehulp"


def _verborgen(html: str) -> dict:
    """The hidden inputs (the answers so far) of a rendered step."""
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def _stap(client, vorige: str, htmx: bool = False, **antwoord):
    data = {k: v for k, v in _verborgen(vorige).items() if k != "csrfmiddlewaretoken"}
    data.update(antwoord)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(URL, data, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def _loop(client, *antwoorden: dict, htmx: bool = False) -> str:
    html = client.get(URL).content.decode()
    for a in antwoorden:
        html = _stap(client, html, htmx=htmx, **a)
    return html


def test_start_needs_no_login_and_asks_the_first_absence_day(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Keuzehulp verzuimsoorten" in html
    assert "<fieldset" in html and "<legend" in html
    assert 'for="veld-eerste_verzuimdag"' in html and 'id="veld-eerste_verzuimdag"' in html
    assert "dd-mm-jjjj" in html


def test_luxe_verzuim_walk_plain_form(client):
    html = _loop(
        client,
        {"eerste_verzuimdag": "02-07-2026"},
        {"startkwalificatie": "nee"},
        {"geboortedatum": "14-03-2015"},
        {"ziekte": "nee"},
        {"vakantie_zonder_verlof": "ja"},
    )
    assert "Uitkomst: Melden als Luxe verzuim" in html
    assert "verplicht" in html
    assert "R-VZ-4" in html and "art. 21 en 21a Leerplichtwet 1969" in html
    # answers shown dd-mm-jjjj, never ISO
    assert "02-07-2026" in html and "14-03-2015" in html
    assert "Eerste verzuimdag" in html


def test_16_uur_at_exactly_16_hours_and_overig_below(client):
    basis = [
        {"eerste_verzuimdag": "07-09-2026"},
        {"startkwalificatie": "nee"},
        {"geboortedatum": "01-01-2012"},
        {"ziekte": "nee"},
        {"vakantie_zonder_verlof": "nee"},
        {"aaneengesloten_afwezig_dagen": "3"},
    ]
    html = _loop(client, *basis, {"verzuimde_uren_in_4_lesweken": "16"})
    assert "Melden als 16 uur in 4 weken" in html and "<strong>verplicht</strong>" in html
    html = _loop(client, *basis, {"verzuimde_uren_in_4_lesweken": "15,5"})
    assert "Melden als Overig verzuim / signaalverzuim" in html and "niet verplicht" in html
    assert "15,5 uur" in html


def test_illness_is_vastleggen(client):
    html = _loop(
        client,
        {"eerste_verzuimdag": "07-09-2026"},
        {"startkwalificatie": "nee"},
        {"geboortedatum": "01-01-2012"},
        {"ziekte": "ja"},
        {"vermoeden_misbruik_ziekmelding": "nee"},
    )
    assert "Uitkomst: Niet melden, wel vastleggen" in html
    assert "R-VZ-2" in html


def test_not_yet_leerplichtig_on_the_day_before_the_month_after_the_5th_birthday(client):
    # Born 15-08-2021: 5 on 15-08-2026, leerplichtig from 01-09-2026 (R-LP-2).
    eind = {"geboortedatum": "15-08-2021"}
    html = _loop(client, {"eerste_verzuimdag": "31-08-2026"}, {"startkwalificatie": "nee"}, eind)
    assert "Uitkomst: Niet melden" in html and "R-LP-7" in html
    html = _loop(client, {"eerste_verzuimdag": "01-09-2026"}, {"startkwalificatie": "nee"}, eind)
    assert "Uitkomst" not in html
    assert "Is de leerling afwezig door ziekte?" in html


def test_invalid_date_shows_dutch_error_next_to_the_field_and_keeps_the_step(client):
    html = _loop(client, {"eerste_verzuimdag": "30-02-2026"})
    assert "30-02-2026 bestaat niet: februari 2026 heeft 28 dagen." in html
    assert 'aria-invalid="true"' in html
    assert 'value="30-02-2026"' in html
    assert 'name="stappen" value=""' in html


def test_missing_choice_is_an_error(client):
    html = _loop(client, {"eerste_verzuimdag": "07-09-2026"}, {})
    assert "Kies ja of nee." in html


def test_back_button_undoes_one_step(client):
    html = _loop(client, {"eerste_verzuimdag": "07-09-2026"}, {"startkwalificatie": "nee"})
    assert "geboortedatum" in html
    html = _stap(client, html, terug="1")
    assert "startkwalificatie" in html and "Heeft de leerling een startkwalificatie" in html
    assert _verborgen(html).get("stappen") == "eerste_verzuimdag"


def test_htmx_request_gets_only_the_fragment(client):
    html = _loop(client, {"eerste_verzuimdag": "07-09-2026"}, htmx=True)
    assert html.lstrip().startswith('<div id="keuzehulp"')
    assert "<html" not in html
    assert "data-keuzehulp-focus" in html


def test_tampered_state_restarts(client):
    response = client.post(URL, {"stappen": "geboortedatum", "antwoord-geboortedatum": "x"})
    html = response.content.decode()
    assert "Begin opnieuw" in html
    assert 'id="veld-eerste_verzuimdag"' in html


# --- issue 13 item 5 ---------------------------------------------------------------------------


def _waarom(html: str) -> str:
    """The visible text of the outcome's "Waarom" list."""
    lijst = html.split("Waarom</h3>")[1].split("</ol>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", lijst))


ANTWOORDEN_14 = [
    {"eerste_verzuimdag": "07-09-2026"},
    {"startkwalificatie": "nee"},
    {"geboortedatum": "01-01-2012"},  # 14 on the first day of absence
    {"ziekte": "nee"},
    {"vakantie_zonder_verlof": "nee"},
    {"aaneengesloten_afwezig_dagen": "3"},
    {"verzuimde_uren_in_4_lesweken": "16"},
]


def test_uitkomst_noemt_de_verzuimsoort_en_niet_de_code(client):
    html = _loop(client, *ANTWOORDEN_14)
    kop = re.search(r'id="keuzehulp-uitkomst-kop"[^>]*>(.*?)</h2>', html, re.S).group(1)
    assert kop == "Uitkomst: Melden als 16 uur in 4 weken"
    assert "‘16-uur’" not in html


def test_waarom_van_een_14_jarige_gaat_niet_over_de_rmc_doelgroep(client):
    waarom = _waarom(_loop(client, *ANTWOORDEN_14))
    assert "RMC" not in waarom and "18 tot 23" not in waarom
    assert "art. 4 Leerplichtwet 1969" in waarom  # the rule that makes a 14-year-old leerplichtig
    # an 18-year-old's reasons do name it
    achttien = [*ANTWOORDEN_14[:2], {"geboortedatum": "01-01-2008"}, {"ziekte": "nee"}]
    html = _loop(client, *achttien, {"aaneengesloten_afwezig_dagen": "30"})
    assert "RMC-doelgroep" in _waarom(html)


def test_waarom_heeft_geen_haakjes_binnen_haakjes(client):
    for antwoorden in (ANTWOORDEN_14, [*ANTWOORDEN_14[:6], {"verzuimde_uren_in_4_lesweken": "2"}]):
        waarom = _waarom(_loop(client, *antwoorden))
        diepte = 0
        for teken in waarom:
            diepte += {"(": 1, ")": -1}.get(teken, 0)
            assert diepte <= 1, waarom


def test_eerste_verzuimdag_in_de_toekomst_wordt_geweigerd(client):
    from verzuim import clock

    clock.set_today(dt.date(2026, 10, 1))
    try:
        html = _loop(client, {"eerste_verzuimdag": "07-09-2030"})
    finally:
        clock.set_today(None)
    assert "De eerste verzuimdag ligt in de toekomst" in html and "01-10-2026" in html
    assert 'name="stappen" value=""' in html  # not accepted: still the first question


def test_herstel_toont_de_bewaarde_antwoorden(client):
    """The melding form hands the keuzehulp's answers back after a failed submit."""
    html = _loop(client, *ANTWOORDEN_14[:3])
    staat = {k: v for k, v in _verborgen(html).items() if k != "csrfmiddlewaretoken"}
    terug = client.post(URL, {**staat, "herstel": "1"}, headers={"HX-Request": "true"})
    html = terug.content.decode()
    assert "01-01-2012" in html and "07-09-2026" in html  # the answers so far
    assert "Is de leerling afwezig door ziekte?" in html  # the next question, no error
    assert "utrecht-form-field-error-message" not in html
