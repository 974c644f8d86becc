"""Routing R-RT-1..3 with reasons kept on the melding."""

from __future__ import annotations

import pytest

from verzuim.meldingen import postcodes, services

from .conftest import (
    ACHTTIEN,
    EMIGRANT,
    HAARLEM,
    ONDERWIJSNUMMER,
    VERHUISD,
    ZANDVOORT,
    melding_data,
)


def meld(wereld, data):
    return services.meld_verzuim(wereld.school_a, data).melding


def regels(m):
    return [r["regel"] for r in m.routering_uitleg]


def test_brp_gemeente_van_inschrijving(wereld):
    m = meld(wereld, melding_data(HAARLEM))
    assert (m.ontvanger.code, m.verantwoordelijke_gemeente.code) == ("GM0392", "GM0392")
    assert regels(m) == ["R-RT-1", "R-RT-2"]
    assert not m.woonplaats_onbekend


def test_verhuisd_de_dag_voor_ontvangst(wereld):
    m = meld(wereld, melding_data(VERHUISD))
    assert m.ontvanger.code == "GM0599"


def test_alternatieve_routering_naar_dienst(wereld):
    m = meld(wereld, melding_data(ZANDVOORT))
    assert m.ontvanger.code == "RBL-ZK"
    assert m.verantwoordelijke_gemeente.code == "GM0473"
    assert "Alternatieve routering" in m.routering_uitleg[-1]["uitleg"]


def test_18_plus_naar_rmc_contactgemeente(wereld):
    m = meld(wereld, melding_data(ACHTTIEN, verzuimsoort="18-plus"))
    # Zandvoort is in RMC-regio 25, contactgemeente Haarlem; the dienst only has leerplichtig.
    assert m.ontvanger.code == "GM0392"
    assert m.verantwoordelijke_gemeente.code == "GM0473"
    assert "contactgemeente" in m.routering_uitleg[-1]["uitleg"]


def test_onderwijsnummer_met_opgegeven_gemeente(wereld):
    m = meld(
        wereld,
        melding_data(
            leerling={
                "onderwijsnummer": ONDERWIJSNUMMER,
                "adres": {"postcode": "3011AA", "huisnummer": 5, "gemeente": "GM0599"},
            }
        ),
    )
    assert m.ontvanger.code == "GM0599" and not m.woonplaats_onbekend
    assert regels(m) == ["R-RT-3", "R-RT-3", "R-RT-2"]


def _onderwijsnummer(postcode: str, **adres) -> dict:
    return melding_data(
        leerling={
            "onderwijsnummer": ONDERWIJSNUMMER,
            "adres": {"postcode": postcode, "huisnummer": 12, **adres},
        }
    )


@pytest.mark.parametrize(
    ("postcode", "gemeente"),
    [
        ("2011 CR", "GM0392"),  # Haarlem: a school address in DUO's list
        ("3052AJ", "GM0599"),  # Rotterdam
        ("1011AB", "GM0363"),  # Amsterdam
    ],
)
def test_r_rt_3_gemeente_afgeleid_uit_postcode(wereld, postcode, gemeente):
    m = meld(wereld, _onderwijsnummer(postcode))
    assert m.verantwoordelijke_gemeente.code == gemeente and not m.woonplaats_onbekend
    assert regels(m) == ["R-RT-3", "R-RT-3", "R-RT-2"]
    pc4 = postcode[:4]
    assert (
        f"gemeente afgeleid uit postcode {pc4} (DUO-schooladressen)"
        in (m.routering_uitleg[1]["uitleg"])
    )


def test_r_rt_3_opgegeven_gemeente_gaat_voor_postcode(wereld):
    m = meld(wereld, _onderwijsnummer("2011CR", gemeente="GM0599"))
    assert m.verantwoordelijke_gemeente.code == "GM0599"


def test_r_rt_3_onbekende_postcode_woonplaats_onbekend(wereld):
    m = meld(wereld, _onderwijsnummer("9999ZZ"))
    assert m.woonplaats_onbekend
    assert m.ontvanger.code == "GM0392"  # the vestiging's gemeente
    assert "Postcode 9999" in m.routering_uitleg[1]["uitleg"]


def test_r_rt_3_bsn_zonder_brp_adres_op_opgegeven_postcode(wereld):
    data = melding_data(EMIGRANT)
    data["leerling"]["adres"] = {"postcode": "3052AJ", "huisnummer": 3}
    m = meld(wereld, data)
    assert m.verantwoordelijke_gemeente.code == "GM0599" and not m.woonplaats_onbekend


def test_pc4_tabel_meest_voorkomende_gemeente_en_ambigu():
    rijen = [
        {"POSTCODE": "1234 AB", "GEMEENTECODE": "GM0002"},
        {"POSTCODE": "1234 CD", "GEMEENTECODE": "GM0001"},
        {"POSTCODE": "1234 EF", "GEMEENTECODE": "GM0002"},
        {"POSTCODE": "5678 AB", "GEMEENTECODE": "GM0003"},
    ]
    tabel = postcodes.bouw(rijen)
    assert tabel["1234"] == postcodes.Pc4Gemeente("1234", "GM0002", ambigu=True)
    assert tabel["5678"] == postcodes.Pc4Gemeente("5678", "GM0003", ambigu=False)
    assert len(postcodes.tabel()) > 2500  # PC4 areas of the 6,122 school addresses


def test_geemigreerd_naar_vestigingsgemeente(wereld):
    m = meld(wereld, melding_data(EMIGRANT))
    assert m.woonplaats_onbekend
    assert "geëmigreerd" in m.routering_uitleg[0]["uitleg"]


def test_gewijzigde_routering_geldt_meteen(wereld):
    """R-RT-2 through the per-process reference cache: registerbeheer changes the routing
    and the next melding follows it (the cache is emptied on save and delete)."""
    from verzuim.organisaties.models import Gemeente, Organisatie, Routering

    assert meld(wereld, melding_data(ZANDVOORT)).ontvanger.code == "RBL-ZK"
    r = Routering.objects.get(gemeente__code="GM0473", doelgroep="leerplichtig")
    r.delete()
    m = meld(
        wereld,
        melding_data(ZANDVOORT, begindatum="2026-09-21", einddatum="2026-09-25", verzuimdagen=[]),
    )
    assert m.ontvanger.code == "GM0473"
    Routering.objects.create(
        gemeente=Gemeente.objects.get(code="GM0473"),
        doelgroep="leerplichtig",
        naar=Organisatie.objects.get(code="RBL-ZK"),
    )
    m = meld(
        wereld,
        melding_data(ZANDVOORT, begindatum="2026-09-28", einddatum="2026-09-30", verzuimdagen=[]),
    )
    assert m.ontvanger.code == "RBL-ZK"
