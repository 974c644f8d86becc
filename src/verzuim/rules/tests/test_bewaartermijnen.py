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


def test_bewaring_per_persoon_op_de_dag_zelf_en_niet_eerder():
    from verzuim.rules.bewaartermijnen import bewaring

    feiten = PersoonFeiten(D("2007-03-10"))
    assert bewaring(feiten, D("2026-03-09")).te_vernietigen == frozenset()
    op = bewaring(feiten, D("2026-03-10"))
    assert op.te_vernietigen == {"leerplicht"} and not op.persoon_vervalt
    assert "R-PR-4" in op.rule_ids
    # Kwalificatieplicht ended the day before the 18th birthday: + 2 years.
    assert bewaring(feiten, D("2027-03-09")).te_vernietigen == {"leerplicht", "kwalificatieplicht"}
    # RMC: 2 years after the 23rd birthday; then everything is due.
    assert not bewaring(feiten, D("2032-03-09")).persoon_vervalt
    assert bewaring(feiten, D("2032-03-10")).persoon_vervalt


def test_bewaring_met_startkwalificatie():
    from verzuim.rules.bewaartermijnen import bewaring

    feiten = PersoonFeiten(D("2007-01-01"), (Diploma("havo", D("2024-07-01")),))
    assert bewaring(feiten, D("2026-06-30")).te_vernietigen == {"leerplicht", "kwalificatieplicht"}
    assert bewaring(feiten, D("2026-07-01")).persoon_vervalt
