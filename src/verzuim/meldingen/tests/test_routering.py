"""Routing R-RT-1..3 with reasons kept on the melding."""

from __future__ import annotations

from verzuim.meldingen import services

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


def test_onderwijsnummer_zonder_adres_woonplaats_onbekend(wereld):
    m = meld(wereld, melding_data(leerling={"onderwijsnummer": ONDERWIJSNUMMER}))
    assert m.woonplaats_onbekend
    assert m.ontvanger.code == "GM0392"  # the vestiging's gemeente


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
