"""The seed cases of issue 4, as documented in docs/casussen.md (same order, same facts).

Peildatum: 1 October 2026; the school calendar is regio noord (Amsterdam).
"""

import datetime as dt

from verzuim.rules import (
    Diploma,
    Inschrijving,
    KeuzehulpAntwoorden,
    PersoonFeiten,
    SchoolKalender,
    Vrijstelling,
    absoluut_verzuim,
    halt_toelaatbaar,
    keuzehulp,
    kinderbijslag_stop_toegestaan,
    leerplicht_status,
    proces_verbaal_mogelijk,
    vakantieverlof_toegestaan,
)

D = dt.date.fromisoformat
PEILDATUM = D("2026-10-01")
NOORD = SchoolKalender.voor_gemeente("GM0363")


def pv(facts, *, absoluut=True, ouders=True, leerling=False, op=PEILDATUM):
    return proces_verbaal_mogelijk(
        geboortedatum=facts.geboortedatum,
        pleegdatum=op,
        absoluut_verzuim=absoluut,
        verzuim_bewezen=True,
        ouders_verwijtbaar=ouders,
        leerling_verwijtbaar=leerling,
        opsteller_is_boa=True,
    )


def halt(facts, op=PEILDATUM, **kw):
    base = dict(
        geboortedatum=facts.geboortedatum,
        peildatum=op,
        verzuimde_uren=20,
        te_laat_keren=0,
        eerder_halt_schoolverzuim=False,
        toestemming_leerling=True,
        toestemming_ouders=True,
        eigen_toedoen=True,
        ernstige_onbehandelde_problematiek=False,
        verwijzer_is_boa=True,
    )
    return halt_toelaatbaar(**{**base, **kw})


def test_peter_5_recently_moved_in_no_school_parents_do_not_answer():
    peter = PersoonFeiten(D("2021-03-10"))
    st = leerplicht_status(peter, PEILDATUM)
    assert (st.status, st.tot) == ("leerplichtig", D("2037-07-31"))
    assert "R-LP-8" in st.rule_ids  # five-year-old: up to 5 (+5) hours geoorloofd
    assert absoluut_verzuim(peter, PEILDATUM).absoluut_verzuim
    besluit = pv(peter)
    assert besluit.toegestaan and besluit.tegen == {"ouders"}
    assert not halt(peter).toegestaan  # 5 years old


def test_polina_11_azc_no_school():
    polina = PersoonFeiten(D("2015-02-01"))
    assert leerplicht_status(polina, PEILDATUM).status == "leerplichtig"
    assert absoluut_verzuim(polina, PEILDATUM).absoluut_verzuim
    assert pv(polina, leerling=True).tegen == {"ouders"}  # under 12: only the parents
    assert halt(polina).niet_voldaan == ("leeftijd",)


def test_sylvia_16_moved_in_no_diploma_known_pregnant():
    sylvia = PersoonFeiten(D("2010-03-01"))
    st = leerplicht_status(sylvia, PEILDATUM)
    assert (st.status, st.tot) == ("kwalificatieplichtig", D("2028-02-29"))
    assert absoluut_verzuim(sylvia, PEILDATUM).absoluut_verzuim
    # kinderbijslag stop: age fits, but only when the parents are to blame
    assert kinderbijslag_stop_toegestaan(
        geboortedatum=sylvia.geboortedatum,
        peildatum=PEILDATUM,
        ouders_verwijtbaar=False,
        gemeente_heeft_svb_afspraak=True,
    ).niet_voldaan == ("ouders-verwijtbaar",)
    # a vrijstelling art. 5a around the birth (doctor's statement) is an overlay
    met_5a = PersoonFeiten(
        sylvia.geboortedatum, vrijstellingen=(Vrijstelling("5a", D("2026-12-01"), D("2027-03-31")),)
    )
    assert leerplicht_status(met_5a, PEILDATUM).tot == D("2026-11-30")
    assert leerplicht_status(met_5a, D("2027-01-15")).status == "vrijgesteld"
    assert not absoluut_verzuim(met_5a, D("2027-01-15")).absoluut_verzuim
    assert absoluut_verzuim(met_5a, D("2027-04-01")).absoluut_verzuim


def test_jochem_12_uitgeschreven_family_plans_to_emigrate():
    jochem = PersoonFeiten(
        D("2014-05-01"), inschrijvingen=(Inschrijving(D("2018-08-20"), D("2026-09-30"), "vo"),)
    )
    assert leerplicht_status(jochem, D("2026-10-15")).status == "leerplichtig"
    assert not absoluut_verzuim(jochem, D("2026-09-30")).absoluut_verzuim
    besluit = absoluut_verzuim(jochem, D("2026-10-15"))
    assert besluit.absoluut_verzuim
    assert "30-09-2026" in besluit.reasons[0].uitleg_nl
    assert pv(jochem, op=D("2026-10-15"), leerling=True).tegen == {"ouders"}  # absoluut


def test_luca_16_vmbo_t_no_follow_up_school_visually_impaired():
    luca = PersoonFeiten(D("2010-01-15"), diplomas=(Diploma("vmbo", D("2026-07-01")),))
    st = leerplicht_status(luca, PEILDATUM)
    assert (st.status, st.tot) == ("kwalificatieplichtig", D("2028-01-14"))
    assert any("geen startkwalificatie" in r.uitleg_nl for r in st.reasons)
    assert absoluut_verzuim(luca, PEILDATUM).absoluut_verzuim
    ingeschreven = PersoonFeiten(
        luca.geboortedatum, luca.diplomas, (Inschrijving(D("2026-11-02"), None, "mbo"),)
    )
    assert not absoluut_verzuim(ingeschreven, D("2026-11-02")).absoluut_verzuim
    assert (
        leerplicht_status(
            PersoonFeiten(luca.geboortedatum, (*luca.diplomas, Diploma("mbo-2", D("2027-07-01")))),
            D("2027-07-01"),
        ).status
        == "buiten-doelgroep"
    )


def test_petro_17_ukrainian_follows_his_ukrainian_school_online():
    petro = PersoonFeiten(D("2009-06-01"))
    st = leerplicht_status(petro, PEILDATUM)
    assert (st.status, st.tot) == ("kwalificatieplichtig", D("2027-05-31"))
    assert absoluut_verzuim(petro, PEILDATUM).absoluut_verzuim  # online school ≠ inschrijving
    met_art15 = PersoonFeiten(
        petro.geboortedatum, vrijstellingen=(Vrijstelling("15", D("2026-10-01"), None),)
    )
    st15 = leerplicht_status(met_art15, PEILDATUM)
    assert (st15.status, st15.tot) == ("vrijgesteld", D("2027-05-31"))
    assert not absoluut_verzuim(met_art15, PEILDATUM).absoluut_verzuim
    assert leerplicht_status(met_art15, D("2027-06-01")).status == "18-plus"


def test_rafael_5_parents_find_no_suitable_school():
    rafael = PersoonFeiten(D("2021-01-20"))
    assert leerplicht_status(rafael, PEILDATUM).status == "leerplichtig"
    assert absoluut_verzuim(rafael, PEILDATUM).absoluut_verzuim
    met_5b = PersoonFeiten(
        rafael.geboortedatum,
        vrijstellingen=(Vrijstelling("5b", D("2026-08-01"), D("2027-07-31")),),
    )
    st = leerplicht_status(met_5b, PEILDATUM)
    assert (st.status, st.tot, st.reasons[0].rule_id) == ("vrijgesteld", D("2027-07-31"), "R-VR-1")
    assert leerplicht_status(met_5b, D("2027-08-01")).status == "leerplichtig"


def test_petra_holiday_two_days_before_the_summer_holiday_without_verlof():
    petra = PersoonFeiten(D("2017-04-12"))
    dagen = NOORD.schooldagen(D("2026-07-02"), D("2026-07-03"))
    assert len(dagen) == 2 and NOORD.reden_vrij(D("2026-07-06")) == "zomervakantie"
    u = keuzehulp(
        KeuzehulpAntwoorden(
            geboortedatum=petra.geboortedatum,
            eerste_verzuimdag=D("2026-07-02"),
            vakantie_zonder_verlof=True,
            verzuimde_uren_in_4_lesweken=11,
        )
    )
    assert (u.uitkomst, u.verzuimsoort, u.verplicht) == ("melden", "luxe", True)
    # could verlof have been granted? only for a parent's specific occupation (R-CW-10)
    assert vakantieverlof_toegestaan(
        D("2026-07-02"), D("2026-07-03"), NOORD, specifiek_beroep_ouder=False
    ).niet_voldaan == ("beroep",)
    assert vakantieverlof_toegestaan(
        D("2026-07-02"), D("2026-07-03"), NOORD, specifiek_beroep_ouder=True
    ).toegestaan
    assert pv(petra, absoluut=False, op=D("2026-07-02")).tegen == {"ouders"}


def test_refused_verlof_ignored():
    leerling = PersoonFeiten(D("2012-09-01"))
    aanvraag = vakantieverlof_toegestaan(
        D("2027-03-01"), D("2027-03-15"), NOORD, specifiek_beroep_ouder=True
    )
    assert not aanvraag.toegestaan and aanvraag.niet_voldaan == ("max-10-schooldagen",)
    u = keuzehulp(
        KeuzehulpAntwoorden(
            geboortedatum=leerling.geboortedatum,
            eerste_verzuimdag=D("2027-03-01"),
            vakantie_zonder_verlof=True,
            verzuimde_uren_in_4_lesweken=55,
        )
    )
    assert (u.uitkomst, u.verzuimsoort) == ("melden", "luxe")
    assert pv(leerling, absoluut=False, op=D("2027-03-01")).tegen == {"ouders"}


def test_holiday_booked_before_asking_verlof():
    aanvraag = dict(begindatum=D("2027-05-24"), einddatum=D("2027-05-28"), kalender=NOORD)
    geweigerd = vakantieverlof_toegestaan(
        **aanvraag, specifiek_beroep_ouder=False, vakantie_al_geboekt=True
    )
    assert geweigerd.niet_voldaan == ("beroep",)
    assert any("al geboekt" in r.uitleg_nl for r in geweigerd.reasons)
    # the booking itself changes nothing: judged on the same conditions
    for beroep in (True, False):
        assert (
            vakantieverlof_toegestaan(
                **aanvraag, specifiek_beroep_ouder=beroep, vakantie_al_geboekt=True
            ).toegestaan
            == vakantieverlof_toegestaan(**aanvraag, specifiek_beroep_ouder=beroep).toegestaan
        )
