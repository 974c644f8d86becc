"""Scenario loader (api-contract.md "Scenario files", issue 2 item 8, R-ID-1)."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from verzuim.accounts.models import ApiToken, Gebruiker, hash_token
from verzuim.organisaties.models import Organisatie, Routering, Vestiging
from verzuim.personen.models import (
    BrpPersoon,
    Diploma,
    Inschrijving,
    Leerling,
    Vrijstelling,
)
from verzuim.personen.scenario import ScenarioFout, laad_scenario

MODELLEN = [
    BrpPersoon,
    Leerling,
    Inschrijving,
    Vrijstelling,
    Diploma,
    Vestiging,
    Gebruiker,
    ApiToken,
]


def tellingen():
    return {m.__name__: m.objects.count() for m in MODELLEN}


def snapshot():
    return {
        m.__name__: sorted(map(repr, m.objects.values_list()))
        for m in [BrpPersoon, Leerling, Inschrijving, Vrijstelling, Diploma, Routering]
    }


def test_laadt_alles(scenario):
    r = laad_scenario(scenario)
    assert r.vandaag.isoformat() == "2026-11-16"
    p = BrpPersoon.objects.get(burgerservicenummer="999993653")
    assert p.gemeente_van_inschrijving == "0392"
    assert p.verblijfadres["postcode"] == "2011RD"
    assert BrpPersoon.objects.get(burgerservicenummer="999990019").geheimhouding_persoonsgegevens
    assert Leerling.objects.get(onderwijsnummer="101222331").inschrijvingen.count() == 1
    assert Diploma.objects.get().startkwalificatie  # havo: R-LP-4
    dienst = Organisatie.objects.get(code="RBL-ZK")
    assert sorted(dienst.werkgebied.values_list("code", flat=True)) == ["GM0397", "GM0473"]
    assert Routering.objects.get(gemeente__code="GM0473", doelgroep="leerplichtig").naar == dienst
    lpa = Gebruiker.objects.get(username="lpa.haarlem")
    assert lpa.boa and lpa.rollen == ["leerplichtambtenaar"]
    assert lpa.check_password(r.wachtwoord)
    assert Organisatie.objects.get(code="REGISTER").soort == "register"
    token = ApiToken.objects.get(token_hash=hash_token("demo-token-lyceum-0000000000000001"))
    assert token.applicatie.organisatie.code == "99XA"


def test_herladen_verandert_niets(scenario):
    laad_scenario(scenario)
    voor = snapshot()
    aantallen = tellingen()
    wachtwoord = Gebruiker.objects.get(username="beheer").password
    laad_scenario(scenario)
    assert tellingen() == aantallen
    assert snapshot() == voor
    assert Gebruiker.objects.get(username="beheer").password == wachtwoord


def test_herladen_met_wijziging_werkt_bij(scenario):
    laad_scenario(scenario)
    scenario["inschrijvingen"][0]["einddatum"] = "2026-10-01"
    scenario["personen"][0]["gemeenteVanInschrijving"] = {"code": "0397"}
    laad_scenario(scenario)
    assert (
        Inschrijving.objects.get(leerling__burgerservicenummer="999993653").einddatum.isoformat()
        == "2026-10-01"
    )
    assert (
        BrpPersoon.objects.get(burgerservicenummer="999993653").gemeente_van_inschrijving == "0397"
    )
    assert Inschrijving.objects.count() == 2


def test_een_ongeldig_bsn_laadt_niets_en_noemt_record_en_veld(scenario):
    scenario["personen"][1]["burgerservicenummer"] = "999990018"  # fails the 11-proef
    with pytest.raises(ScenarioFout) as e:
        laad_scenario(scenario)
    assert "personen[1].burgerservicenummer: ongeldig BSN '999990018' (11-proef)" in e.value.fouten
    assert all(n == 0 for n in tellingen().values())
    assert not Organisatie.objects.filter(code__in=["RBL-ZK", "99XA"]).exists()


def test_alle_fouten_met_pad(scenario):
    scenario["personen"][0]["geboorte"]["datum"] = "2012-13-01"
    scenario["personen"][0]["gemeenteVanInschrijving"]["code"] = "9998"
    scenario["inschrijvingen"][0]["vestiging"] = "99ZZ00"
    scenario["inschrijvingen"][1]["leerling"]["onderwijsnummer"] = "101222332"
    scenario["inschrijvingen"][0]["einddatum"] = "2024-01-01"
    scenario["vrijstellingen"][0]["artikel"] = "99"
    scenario["diplomas"][0]["soort"] = "phd"
    scenario["gebruikers"][1]["rollen"] = ["directeur", "boa"]
    scenario["tokens"][0]["scopes"] = ["alles"]
    scenario["routering"][0]["naar"] = "RBL-XX"
    scenario["instellingen"][0]["vestigingen"][0]["gemeente"] = "GM9999"
    scenario["extra"] = 1
    with pytest.raises(ScenarioFout) as e:
        laad_scenario(scenario)
    paden = {f.split(":")[0] for f in e.value.fouten}
    assert paden >= {
        "extra",
        "personen[0].geboorte.datum",
        "personen[0].gemeenteVanInschrijving.code",
        "inschrijvingen[0].vestiging",
        "inschrijvingen[0].einddatum",
        "inschrijvingen[1].leerling.onderwijsnummer",
        "vrijstellingen[0].artikel",
        "diplomas[0].soort",
        "gebruikers[1].rollen[0]",
        "gebruikers[1].rollen",
        "tokens[0].scopes[0]",
        "routering[0].naar",
        "instellingen[0].vestigingen[0].gemeente",
    }, e.value.fouten


def test_vandaag_verplicht(scenario):
    del scenario["vandaag"]
    with pytest.raises(ScenarioFout) as e:
        laad_scenario(scenario)
    assert e.value.fouten == ["vandaag: verplicht (datum JJJJ-MM-DD)"]


def test_vaste_tokens_alleen_in_demomodus(scenario):
    with pytest.raises(ScenarioFout) as e:
        laad_scenario(scenario, demo=False)
    assert any(
        f.startswith("tokens[0].token: vaste tokenwaarden alleen in demomodus")
        for f in e.value.fouten
    )
    del scenario["tokens"][0]["token"]
    r = laad_scenario(scenario, demo=False)
    assert r.wachtwoord is None
    assert not Gebruiker.objects.get(username="beheer").has_usable_password()
    token = r.nieuwe_tokens["99XA"]
    assert ApiToken.objects.filter(token_hash=hash_token(token)).exists()
    assert laad_scenario(scenario, demo=False).nieuwe_tokens == {}  # idempotent


def test_command_drukt_fouten_en_vandaag_af(scenario, tmp_path, capsys):
    pad = tmp_path / "s.json"
    pad.write_text(json.dumps(scenario))
    call_command("load_scenario", str(pad))
    out = capsys.readouterr().out
    assert "vandaag=2026-11-16" in out
    assert "lpa.haarlem" in out
    scenario["personen"][0]["burgerservicenummer"] = "123456789"
    pad.write_text(json.dumps(scenario))
    with pytest.raises(CommandError, match="niets geladen"):
        call_command("load_scenario", str(pad))
    assert "personen[0].burgerservicenummer: ongeldig BSN" in capsys.readouterr().err


def test_dubbele_vrijstelling_en_diploma_met_pad(scenario):
    scenario["vrijstellingen"].append(dict(scenario["vrijstellingen"][0]))
    scenario["diplomas"].append(dict(scenario["diplomas"][0]))
    with pytest.raises(ScenarioFout) as e:
        laad_scenario(scenario)
    assert f"vrijstellingen[{len(scenario['vrijstellingen']) - 1}]" in {
        f.split(":")[0] for f in e.value.fouten
    }
    assert any(f.startswith(f"diplomas[{len(scenario['diplomas']) - 1}]: dubbel diploma")
               for f in e.value.fouten)  # fmt: skip


def test_codes_van_het_verkeerde_type_zijn_fouten_geen_crash(scenario):
    scenario["inschrijvingen"][0]["vestiging"] = ["05WD00"]
    scenario["diplomas"][0]["soort"] = {"havo": True}
    scenario["vrijstellingen"][0]["artikel"] = 5
    scenario["personen"][0]["emigratie"] = {"datum": "2025-01-01", "land": {"code": "6030"}}
    with pytest.raises(ScenarioFout) as e:
        laad_scenario(scenario)
    assert {f.split(":")[0] for f in e.value.fouten} >= {
        "inschrijvingen[0].vestiging",
        "diplomas[0].soort",
        "vrijstellingen[0].artikel",
        "personen[0].emigratie.land",
    }


def test_uuids_zijn_willekeurige_versie_4(scenario):
    laad_scenario(scenario)
    uuids = [*Leerling.objects.values_list("uuid", flat=True),
             *Inschrijving.objects.values_list("uuid", flat=True)]  # fmt: skip
    assert len(set(uuids)) == len(uuids)
    assert all(u.version == 4 for u in uuids)


def _schema(tabellen):
    from django.db import connection

    with connection.cursor() as cur:
        return {t: connection.introspection.get_constraints(cur, t) for t in tabellen}


def test_grote_eerste_lading_herbouwt_sleutels_en_indexen(scenario, monkeypatch):
    """PostgreSQL: a large first load drops foreign keys, unique constraints and plain
    indexes and rebuilds them (bulk.GROTE_LAADBEURT); afterwards the schema is exactly as
    before, the foreign keys are enforced again, and a reload is idempotent."""
    from django.db import IntegrityError, connection, transaction

    from verzuim.personen import bulk

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL-only load path")
    tabellen = [m._meta.db_table for m in (BrpPersoon, Leerling, Inschrijving, Diploma, Vestiging)]
    voor = _schema(tabellen)
    monkeypatch.setattr(bulk, "GROTE_LAADBEURT", 1)
    laad_scenario(scenario)
    assert _schema(tabellen) == voor
    assert Inschrijving.objects.count() == 2 and Diploma.objects.count() == 1
    eerst = snapshot()
    laad_scenario(scenario)
    assert snapshot() == eerst
    ins = Inschrijving.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Inschrijving.objects.filter(pk=ins.pk).update(leerling_id=10**9)
        connection.check_constraints()
