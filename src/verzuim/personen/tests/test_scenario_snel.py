"""The scenario loader's fast paths (R-ID-1, api-contract.md "Scenario files"): the
one-match person check accepts only what the field-by-field check accepts, and streaming
persons into the database keeps the load atomic with every error listed."""

from __future__ import annotations

import copy

import pytest

from verzuim.personen.demo import maak_demo
from verzuim.personen.models import BrpPersoon, Diploma, Inschrijving, Leerling
from verzuim.personen.scenario import ScenarioFout, _Validator, laad_scenario

SLECHTE_WAARDEN = [None, "", 0, 5, True, [], {}, "x" * 201, "a\x1fb", "2012-02-30", "1234",
                   "M\n", "0000AA", {"code": "M"}, [{}], ["x"]]  # fmt: skip


def _paden(obj, pad=()):
    """Every key path and list position in a JSON value."""
    items = obj.items() if isinstance(obj, dict) else enumerate(obj)
    for k, v in items:
        yield (*pad, k)
        if isinstance(v, dict | list):
            yield from _paden(v, (*pad, k))


def _met(persoon: dict, pad: tuple, waarde) -> dict:
    p = copy.deepcopy(persoon)
    obj = p
    for k in pad[:-1]:
        obj = obj[k]
    if waarde is _Weg:
        del obj[pad[-1]]
    else:
        obj[pad[-1]] = waarde
    return p


class _Weg:
    """Marker: remove the key instead of setting a value."""


def _beide(validator: _Validator, p: dict):
    """(fast row, full row, errors of the full check)."""
    n = len(validator.fouten)
    volledig = validator._persoon(p, "personen[0]")
    fouten = validator.fouten[n:]
    return validator._persoon_snel(p), volledig, fouten


@pytest.fixture
def validator(referentie):
    return _Validator({}, demo=True)


@pytest.fixture(scope="module")
def demo():
    return maak_demo(300, seed=3)


def test_snelle_controle_geeft_dezelfde_rij_voor_gewone_personen(validator, demo, scenario):
    personen = demo["personen"] + scenario["personen"]
    snel = [validator._persoon_snel(p) for p in personen]
    assert sum(r is not None for r in snel) >= 0.9 * len(personen)  # the common case
    for p, rij in zip(personen, snel, strict=True):
        assert rij is None or rij == validator._persoon(p, "personen[0]")
    assert validator.fouten == []


def test_snelle_controle_accepteert_niets_wat_de_volledige_afwijst(validator, demo):
    """Every field of a person with a moved-in history and parents, set to each of a set
    of wrong values or removed: the fast check either declines (None) or agrees with the
    full check, which then finds no error."""
    basis = next(p for p in demo["personen"] if p["verhuizingen"] and p["ouders"])
    gevallen = [(pad, w) for pad in _paden(basis) for w in [*SLECHTE_WAARDEN, _Weg]]
    afgewezen = 0
    for pad, waarde in gevallen:
        snel, volledig, fouten = _beide(validator, _met(basis, pad, waarde))
        if snel is not None:
            assert not fouten and snel == volledig, (pad, waarde)
        afgewezen += bool(fouten)
    assert afgewezen > len(gevallen) // 2


@pytest.mark.parametrize("grote_laadbeurt", [1, 10**9])
def test_fouten_na_het_begin_van_de_stroom_laden_niets(scenario, monkeypatch, grote_laadbeurt):
    """Errors found after the persons were streamed (in a later person and in the register
    rows) are all reported, and nothing is loaded; on PostgreSQL also on the large-load
    path that drops and rebuilds keys and indexes (the schema is restored)."""
    from django.db import connection

    from verzuim.personen import bulk

    monkeypatch.setattr(bulk, "GROTE_LAADBEURT", grote_laadbeurt)
    tabellen = [m._meta.db_table for m in (BrpPersoon, Leerling, Inschrijving)]
    with connection.cursor() as cur:
        schema = {t: connection.introspection.get_constraints(cur, t) for t in tabellen}
    laatste = len(scenario["personen"]) - 1
    scenario["personen"][laatste]["geboorte"]["datum"] = "2012-02-30"
    scenario["inschrijvingen"][0]["vestiging"] = "99ZZ00"
    scenario["diplomas"][0]["datum"] = "gisteren"
    with pytest.raises(ScenarioFout) as e:
        laad_scenario(scenario)
    assert {f.split(":")[0] for f in e.value.fouten} == {
        f"personen[{laatste}].geboorte.datum",
        "inschrijvingen[0].vestiging",
        "diplomas[0].datum",
    }
    assert not BrpPersoon.objects.exists() and not Leerling.objects.exists()
    assert not Diploma.objects.exists()
    with connection.cursor() as cur:
        assert {t: connection.introspection.get_constraints(cur, t) for t in tabellen} == schema
