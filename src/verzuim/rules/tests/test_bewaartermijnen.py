"""Retention end dates (R-PR-4)."""

import datetime as dt

from verzuim.rules import (
    BewaarPolicy,
    Diploma,
    PersoonFeiten,
    bewaartermijn_kwalificatieplicht,
    bewaartermijn_leerplicht,
    bewaartermijn_rmc,
    bewaartermijn_wpg,
    einde_kwalificatieplicht,
)

D = dt.date.fromisoformat


def test_leerplicht_19_years_after_birth():
    assert bewaartermijn_leerplicht(D("2010-05-02")).vernietigen_vanaf == D("2029-05-02")
    assert bewaartermijn_leerplicht(D("2008-02-29")).vernietigen_vanaf == D("2027-03-01")
    kort = BewaarPolicy(leerplicht_jaren_na_geboorte=18)
    assert bewaartermijn_leerplicht(D("2010-05-02"), kort).vernietigen_vanaf == D("2028-05-02")


def test_kwalificatieplicht_2_years_after_it_ended():
    facts = PersoonFeiten(D("2008-05-02"), (Diploma("mbo-2", D("2025-07-01")),))
    einde = einde_kwalificatieplicht(facts)
    assert einde == D("2025-06-30")
    besluit = bewaartermijn_kwalificatieplicht(einde)
    assert besluit.vernietigen_vanaf == D("2027-06-30")
    assert besluit.rule_ids == ("R-PR-4",)


def test_rmc_2_years_after_startkwalificatie_or_23rd_birthday():
    assert bewaartermijn_rmc(D("2005-01-10")).vernietigen_vanaf == D("2030-01-10")
    assert bewaartermijn_rmc(D("2005-01-10"), D("2026-07-01")).vernietigen_vanaf == D("2028-07-01")
    # a diploma after the 23rd birthday does not extend it
    assert bewaartermijn_rmc(D("2005-01-10"), D("2029-07-01")).vernietigen_vanaf == D("2030-01-10")


def test_wpg_5_years_after_first_processing():
    besluit = bewaartermijn_wpg(D("2026-10-01"))
    assert (besluit.categorie, besluit.vernietigen_vanaf) == ("wpg", D("2031-10-01"))
