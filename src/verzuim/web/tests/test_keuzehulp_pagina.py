"""The public page "Keuzehulp verzuimsoorten" (R-VZ-4, R-VZ-5) through the Django test
client: no login, one question at a time, plain form and htmx fragment, Dutch errors next to
the field, dates dd-mm-jjjj, outcome with reasons and articles."""

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
