"""Status lifecycle R-RT-6/7, forwarding R-RT-5, assignment, R-ID-2, R-ME-7 scoping."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from verzuim.audit.context import SYSTEEM, actor_for_user
from verzuim.audit.models import AuditRecord
from verzuim.meldingen import queries, services
from verzuim.meldingen.fouten import (
    GeenToegang,
    MeldingOngeldig,
    NietGevonden,
    OvergangNietToegestaan,
)
from verzuim.meldingen.models import Doorzending, Melding, Notificatie
from verzuim.organisaties.models import Gemeente
from verzuim.personen.models import Leerling, Vrijstelling
from verzuim.personen.signals import leerlingen_gekoppeld, vrijstelling_geregistreerd

from .conftest import HAARLEM, ONDERWIJSNUMMER, VRIJGESTELD, melding_data


@pytest.fixture
def melding(wereld):
    return services.meld_verzuim(wereld.school_a, melding_data()).melding


def test_ontvanger_neemt_in_behandeling_en_sluit_af(wereld, melding):
    services.wijzig_status(wereld.haarlem, melding.uuid, "in-behandeling", toelichting="casus")
    m = services.wijzig_status(
        wereld.lpa_haarlem, melding.uuid, "afgesloten", reden="verzuim-gestopt"
    )
    assert m.status == "afgesloten"
    assert list(m.statussen.values_list("status", flat=True)) == [
        "geregistreerd",
        "in-behandeling",
        "afgesloten",
    ]
    assert AuditRecord.objects.filter(actie="melding.status").count() == 2


def test_niet_toegestane_overgang_noemt_de_toegestane(wereld, melding):
    services.wijzig_status(wereld.haarlem, melding.uuid, "afgesloten", reden="verzuim-gestopt")
    with pytest.raises(OvergangNietToegestaan) as e:
        services.wijzig_status(wereld.haarlem, melding.uuid, "in-behandeling")
    assert e.value.toegestaan == []  # afgesloten is final
    m2 = services.meld_verzuim(wereld.school_a, melding_data(verzuimsoort="luxe")).melding
    with pytest.raises(OvergangNietToegestaan) as e:
        services.wijzig_status(wereld.haarlem, m2.uuid, "geregistreerd")
    assert [t["status"] for t in e.value.toegestaan] == [
        "in-behandeling",
        "ter-kennisgeving-aangenomen",
        "afgesloten",
    ]


def test_school_mag_alleen_intrekken_met_reden(wereld, melding):
    with pytest.raises(OvergangNietToegestaan):
        services.wijzig_status(wereld.school_a, melding.uuid, "in-behandeling")
    with pytest.raises(MeldingOngeldig):
        services.trek_in(wereld.school_a, melding.uuid, reden="")
    with pytest.raises(MeldingOngeldig):
        services.trek_in(wereld.school_a, melding.uuid, reden="V")  # the register's reason
    m = services.trek_in(wereld.school_a_gebruiker, melding.uuid, reden="F", toelichting="typo")
    assert m.status == "ingetrokken" and m.duplicaatsleutel is None
    # The same report may now be made again (corrected).
    assert services.meld_verzuim(wereld.school_a, melding_data()).nieuw


def test_ontvanger_mag_niet_intrekken(wereld, melding):
    with pytest.raises(OvergangNietToegestaan):
        services.wijzig_status(wereld.haarlem, melding.uuid, "ingetrokken", reden="F")


def test_andere_gemeente_ziet_en_wijzigt_niets(wereld, melding):
    with pytest.raises(NietGevonden):
        services.wijzig_status(wereld.amsterdam, melding.uuid, "in-behandeling")
    with pytest.raises(NietGevonden):
        services.lees_melding(wereld.amsterdam, melding.uuid)
    with pytest.raises(NietGevonden):
        services.lees_melding(wereld.school_b, melding.uuid)
    assert not queries.meldingen_voor(wereld.amsterdam).exists()


def test_rol_nodig_om_te_behandelen(wereld, melding):
    from dataclasses import replace

    alleen_lezen = replace(wereld.haarlem, scopes=frozenset({"meldingen.lezen"}))
    with pytest.raises(GeenToegang):
        services.wijzig_status(alleen_lezen, melding.uuid, "in-behandeling")


def test_vrijstelling_later_geregistreerd_trekt_in(wereld, melding):
    leerling = Leerling.objects.get(burgerservicenummer=HAARLEM)
    v = Vrijstelling.objects.create(
        leerling=leerling,
        artikel="5a",
        begindatum=dt.date(2026, 9, 20),
        einddatum=None,
        gemeente=Gemeente.objects.get(code="GM0392"),
    )
    vrijstelling_geregistreerd.send(sender=Vrijstelling, vrijstelling=v, actor=wereld.haarlem)
    melding.refresh_from_db()
    laatste = melding.statussen.last()
    assert (melding.status, laatste.reden, laatste.door_label) == ("ingetrokken", "V", "register")
    # The history is read by the receiver's staff and the API: no ground (R-PR-5, health).
    assert "5a" not in laatste.toelichting and "vrijstelling" in laatste.toelichting


def test_vrijstelling_zonder_overlap_laat_melding_staan(wereld, melding):
    leerling = Leerling.objects.get(burgerservicenummer=HAARLEM)
    v = Vrijstelling.objects.create(
        leerling=leerling,
        artikel="5a",
        begindatum=dt.date(2026, 9, 26),
        gemeente=Gemeente.objects.get(code="GM0392"),
    )
    vrijstelling_geregistreerd.send(sender=Vrijstelling, vrijstelling=v, actor=SYSTEEM)
    melding.refresh_from_db()
    assert melding.status == "geregistreerd"


def test_melding_over_vrijgestelde_periode_direct_ingetrokken(wereld):
    intake = services.meld_verzuim(wereld.school_a, melding_data(VRIJGESTELD))
    assert intake.nieuw and intake.melding.status == "ingetrokken"
    assert [s.reden for s in intake.melding.statussen.all()] == ["", "V"]
    assert "5a" not in intake.melding.statussen.last().toelichting  # R-PR-5
    assert not Notificatie.objects.filter(melding=intake.melding).exists()


def test_doorsturen_door_ontvanger(wereld, melding):
    with pytest.raises(GeenToegang):
        services.stuur_door(wereld.school_a, melding.uuid, "GM0599")
    with pytest.raises(NietGevonden):
        services.stuur_door(wereld.rotterdam, melding.uuid, "GM0599")
    with pytest.raises(MeldingOngeldig):
        services.stuur_door(wereld.haarlem, melding.uuid, "GM9999")
    m = services.stuur_door(wereld.haarlem, melding.uuid, "GM0599", toelichting="verhuisd")
    assert m.ontvanger.code == "GM0599"
    assert Doorzending.objects.get(melding=m).van.code == "GM0392"
    assert Notificatie.objects.filter(
        melding=m, organisatie__code="GM0599", soort="doorgestuurd"
    ).exists()
    # Haarlem no longer sees it; Rotterdam does.
    with pytest.raises(NietGevonden):
        services.lees_melding(wereld.haarlem, m.uuid)
    assert services.lees_melding(wereld.rotterdam, m.uuid).pk == m.pk


def test_toewijzen_aan_collega(wereld, melding):
    collega = wereld.users["lpa2.haarlem"]
    assert services.wijs_toe(wereld.lpa_haarlem, melding.uuid, collega).behandelaar == collega
    with pytest.raises(MeldingOngeldig):
        services.wijs_toe(wereld.lpa_haarlem, melding.uuid, wereld.users["lpa.amsterdam"])
    assert list(queries.inbox(wereld.lpa_haarlem, "mijn")) == []
    assert queries.inbox_tellingen(wereld.lpa_haarlem) == {"nieuw": 0, "mijn": 0, "open": 1}
    collega_actor = actor_for_user(collega)
    mappen = ("nieuw", "mijn", "open", "alle")
    with CaptureQueriesContext(connection) as q:
        tellingen = queries.inbox_tellingen(collega_actor, mappen)
    assert len(q.captured_queries) == 1  # all folder counts in one query
    assert tellingen == {m: queries.inbox(collega_actor, m).count() for m in mappen}
    assert tellingen == {"nieuw": 0, "mijn": 1, "open": 1, "alle": 1}


def test_leerlingen_gekoppeld_verplaatst_meldingen(wereld):
    m = services.meld_verzuim(
        wereld.school_a,
        melding_data(
            leerling={
                "onderwijsnummer": ONDERWIJSNUMMER,
                "adres": {"postcode": "2011CR", "huisnummer": 1},
            }
        ),
    ).melding
    van = Leerling.objects.get(onderwijsnummer=ONDERWIJSNUMMER)
    naar = Leerling.objects.get(burgerservicenummer=HAARLEM)
    leerlingen_gekoppeld.send(sender=Leerling, van=van, naar=naar, actor=SYSTEEM)
    m.refresh_from_db()
    assert m.leerling_id == naar.pk
    # Its duplicate key now is naar's: the same report for naar is a duplicate.
    assert not services.meld_verzuim(wereld.school_a, melding_data()).nieuw
    assert Melding.objects.count() == 1


def test_lezen_wordt_geaudit(wereld, melding):
    services.lees_melding(wereld.haarlem, melding.uuid)
    services.lees_meldingen(wereld.haarlem, queries.meldingen_voor(wereld.haarlem))
    services.zoek_meldingen(wereld.school_a, burgerservicenummer=HAARLEM)
    acties = set(AuditRecord.objects.filter(persoon=HAARLEM).values_list("actie", flat=True))
    assert {"melding.lezen", "melding.lijst", "melding.zoeken"} <= acties
