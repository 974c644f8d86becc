"""Keuzehulp verzuimsoorten (R-VZ-4, R-VZ-5)."""

import dataclasses
import datetime as dt

import pytest

from verzuim.rules import (
    Drempel,
    KeuzehulpAntwoorden,
    KeuzehulpPolicy,
    keuzehulp,
    volgende_stap,
    vragen,
)
from verzuim.rules.keuzehulp import BOOM_2020, Boom, Uitkomst, boom_op

D = dt.date.fromisoformat
LEERLING_14 = D("2012-03-01")
LEERLING_19 = D("2007-03-01")


def antwoorden(**kw):
    kw.setdefault("geboortedatum", LEERLING_14)
    kw.setdefault("eerste_verzuimdag", D("2026-09-07"))
    return KeuzehulpAntwoorden(**kw)


@pytest.mark.parametrize(
    ("kw", "uitkomst", "soort", "verplicht"),
    [
        ({"ziekte": True}, "vastleggen", None, False),
        ({"ziekte": True, "vermoeden_misbruik_ziekmelding": True}, "melden", "overig", False),
        ({"ziekte": True, "vakantie_zonder_verlof": True}, "vastleggen", None, False),
        ({"vakantie_zonder_verlof": True}, "melden", "luxe", True),
        ({"aaneengesloten_afwezig_dagen": 28}, "melden", "langdurig", True),
        ({"aaneengesloten_afwezig_dagen": 27}, "melden", "overig", False),
        ({"verzuimde_uren_in_4_lesweken": 16}, "melden", "16-uur", True),
        ({"verzuimde_uren_in_4_lesweken": 15.5}, "melden", "overig", False),
        (
            {"aaneengesloten_afwezig_dagen": 30, "verzuimde_uren_in_4_lesweken": 80},
            "melden",
            "langdurig",
            True,
        ),
        (
            {"startkwalificatie": True, "verzuimde_uren_in_4_lesweken": 40},
            "niet-melden",
            None,
            False,
        ),
        # 18-plus branch (R-VZ-4 step 3)
        (
            {"geboortedatum": LEERLING_19, "aaneengesloten_afwezig_dagen": 28},
            "melden",
            "18-plus",
            True,
        ),
        (
            {"geboortedatum": LEERLING_19, "verzuimde_uren_in_4_lesweken": 20},
            "niet-melden",
            None,
            False,
        ),
        (
            {
                "geboortedatum": LEERLING_19,
                "verzuimde_uren_in_4_lesweken": 20,
                "afspraak_18_plus_melden": True,
            },
            "melden",
            "18-plus",
            True,
        ),
        (
            {
                "geboortedatum": LEERLING_19,
                "verzuimde_uren_in_4_lesweken": 15.5,
                "afspraak_18_plus_melden": True,
            },
            "niet-melden",
            None,
            False,
        ),
        (
            {"geboortedatum": LEERLING_19, "vakantie_zonder_verlof": True},
            "niet-melden",
            None,
            False,
        ),
        # out of scope by age (R-LP-6, R-LP-7)
        (
            {"geboortedatum": D("2002-01-01"), "aaneengesloten_afwezig_dagen": 60},
            "niet-melden",
            None,
            False,
        ),
        (
            {"geboortedatum": D("2022-01-01"), "verzuimde_uren_in_4_lesweken": 40},
            "niet-melden",
            None,
            False,
        ),
    ],
)
def test_outcomes(kw, uitkomst, soort, verplicht):
    u = keuzehulp(antwoorden(**kw))
    assert (u.uitkomst, u.verzuimsoort, u.verplicht) == (uitkomst, soort, verplicht)
    assert u.pad and u.reasons


def test_18th_birthday_on_the_first_absence_day():
    a = dict(geboortedatum=D("2008-09-07"), aaneengesloten_afwezig_dagen=28)
    assert keuzehulp(antwoorden(eerste_verzuimdag=D("2026-09-06"), **a)).verzuimsoort == "langdurig"
    assert keuzehulp(antwoorden(eerste_verzuimdag=D("2026-09-07"), **a)).verzuimsoort == "18-plus"


@pytest.mark.parametrize(
    ("drempel", "uren", "soort"),
    [
        (Drempel(16), 16, "16-uur"),
        (Drempel(16), 15.5, "overig"),
        (Drempel(16, "meer-dan"), 16, "overig"),
        (Drempel(16, "meer-dan"), 16.5, "16-uur"),
    ],
)
def test_hours_policy_r_vz_5(drempel, uren, soort):
    policy = KeuzehulpPolicy(uren=drempel)
    assert keuzehulp(antwoorden(verzuimde_uren_in_4_lesweken=uren), policy).verzuimsoort == soort


def test_lrv_policy_r_vz_5():
    policy = KeuzehulpPolicy(lrv_dagen=Drempel(28, "meer-dan"))
    assert keuzehulp(antwoorden(aaneengesloten_afwezig_dagen=28), policy).verzuimsoort == "overig"
    assert (
        keuzehulp(antwoorden(aaneengesloten_afwezig_dagen=29), policy).verzuimsoort == "langdurig"
    )


def test_path_and_reasons_are_explained():
    u = keuzehulp(antwoorden(verzuimde_uren_in_4_lesweken=16))
    ids = [s.node_id for s in u.pad]
    assert ids == [
        "startkwalificatie",
        "leeftijd",
        "ziekte",
        "achttien-plus",
        "vakantie",
        "lrv",
        "uren",
    ]
    assert u.reasons[-1].rule_id == "R-VZ-4"
    assert "R-VZ-5" in u.rule_ids
    api = u.to_api()
    assert api["uitkomst"] == "melden" and api["verzuimsoort"] == "16-uur"
    assert api["pad"][-1].endswith("16 uur (ja, grens minimaal 16 uur)")
    assert all(set(r) == {"regel", "uitleg"} for r in api["redenen"])


def test_versioned_trees_pick_the_one_in_force_on_the_first_absence_day():
    alles_melden = Boom(
        versie="test-2027",
        geldig_vanaf=D("2027-08-01"),
        start="u",
        nodes=(Uitkomst("u", "melden", "overig", True, "R-VZ-4", "Nieuwe wet."),),
    )
    policy = KeuzehulpPolicy(bomen=(BOOM_2020, alles_melden))
    assert boom_op(D("2027-07-31"), policy.bomen) is BOOM_2020
    assert boom_op(D("2027-08-01"), policy.bomen) is alles_melden
    oud = keuzehulp(antwoorden(eerste_verzuimdag=D("2027-07-31"), ziekte=True), policy)
    nieuw = keuzehulp(antwoorden(eerste_verzuimdag=D("2027-08-01"), ziekte=True), policy)
    assert (oud.uitkomst, nieuw.uitkomst) == ("vastleggen", "melden")
    assert nieuw.boomversie == "test-2027"


def test_questions_for_a_web_page():
    vs = vragen()
    assert [v.id for v in vs][:3] == ["startkwalificatie", "leeftijd", "ziekte"]
    ids = {n.id for n in BOOM_2020.nodes}
    for v in vs:
        assert v.vraag_nl.endswith("?") and v.soort in ("ja-nee", "getal", "datum")
        assert set(v.volgende.values()) <= ids  # no dangling branches


def test_walk_one_question_at_a_time():
    a: dict = {"eerste_verzuimdag": D("2026-09-07")}
    gesteld = []
    antwoord = {
        "startkwalificatie": False,
        "geboortedatum": LEERLING_14,
        "ziekte": False,
        "vakantie_zonder_verlof": False,
        "aaneengesloten_afwezig_dagen": 2,
        "verzuimde_uren_in_4_lesweken": 17,
    }
    while True:
        stap = volgende_stap(a)
        if stap.uitkomst is not None:
            break
        gesteld.append(stap.vraag.id)
        for veld in stap.vraag.velden:
            if veld not in a:
                a[veld] = antwoord[veld]
    assert stap.uitkomst.verzuimsoort == "16-uur"
    assert gesteld == ["startkwalificatie", "leeftijd", "ziekte", "vakantie", "lrv", "uren"]
    volledig = keuzehulp(dataclasses.replace(antwoorden(), **antwoord))
    assert stap.uitkomst == volledig
